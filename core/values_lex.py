"""Lexicon of the values stage: number words, units, currencies, month names, date words.

Everything is read from ``core/data`` once, at first use, into plain dicts keyed by a
*match key*: the word with ZWNJ, spaces, diacritics and tatweel removed and «آ» read as
«ا», so «سه‌شنبه», «سهشنبه» and «سه شنبه» share one key. A multi-word phrase is matched
by joining the keys of consecutive word tokens (:meth:`Lexicon.longest`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .resources import rows


_STRIP = re.compile("[\u200c\u200d\u200e\u200f\u0640\u064b-\u065f\u0670\\s]")
_KEYMAP = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ي": "ی", "ك": "ک", "ى": "ی", "ۀ": "ه", "ة": "ه"})
#: ``_KEYMAP`` as (char, replacement) pairs; no replacement is itself replaced, so
#: replacing them one after the other equals one ``translate``
_KEY_PAIRS = tuple((chr(a), b) for a, b in sorted(_KEYMAP.items()))
assert not {b for _, b in _KEY_PAIRS} & {a for a, _ in _KEY_PAIRS}


@lru_cache(maxsize=100_000)
def key(word: str) -> str:
    """The match key of a word or phrase."""
    return _STRIP.sub("", word).translate(_KEYMAP)


_SEP = "\x00"  #: joins words for :func:`keys_of`; neither stripped nor mapped


def keys_of(words: list[str]) -> list[str]:
    """``[key(w) for w in words]`` in one pass over the joined words (the key maps
    character by character, so the joined words' key is the joined keys); not cached."""
    joined = _SEP.join(words)
    if joined.count(_SEP) != len(words) - 1:  # pragma: no cover - a word holding the separator
        return [key(w) for w in words]
    joined = _STRIP.sub("", joined)
    for a, b in _KEY_PAIRS:  # = translate(_KEYMAP), faster on a long non-ASCII string
        if a in joined:
            joined = joined.replace(a, b)
    return joined.split(_SEP)


def _rows(name: str, ncols: int) -> list[list[str]]:
    out = []
    for cols in rows(name, strip=False):
        if len(cols) < ncols:
            raise ValueError(f"{name}: want {ncols} columns: {cols!r}")
        out.append([c.strip() for c in cols[:ncols]])
    return out


@dataclass(frozen=True, slots=True)
class NumWord:
    value: Decimal
    type: str  #: unit, teen, ten, hundred, scale, ordinal, fraction, vague


@dataclass(frozen=True, slots=True)
class Currency:
    code: str | None
    factor: int
    unit: str
    note: str | None


@dataclass(frozen=True, slots=True)
class Month:
    calendar: str
    month: int
    ambiguous: bool
    with_mah: bool  #: the name carries «ماه» («آبان‌ماه»)


@dataclass(slots=True)
class Lexicon:
    numbers: dict[str, NumWord] = field(default_factory=dict)
    not_units: set[str] = field(default_factory=set)
    qualifiers: dict[str, str] = field(default_factory=dict)  #: key -> normalized phrase
    units: dict[str, tuple[str, str]] = field(default_factory=dict)  #: key -> (unit, kind)
    currencies: dict[str, Currency] = field(default_factory=dict)
    months: dict[str, Month] = field(default_factory=dict)
    weekdays: dict[str, tuple[str, int]] = field(default_factory=dict)
    relative: dict[str, tuple[str, int] | None] = field(default_factory=dict)
    words: dict[str, dict[str, str]] = field(default_factory=dict)  #: key -> {role: value}
    maxlen: dict[str, int] = field(default_factory=dict)  #: table -> longest phrase in tokens
    #: table -> every proper prefix (in characters) of its keys: once the joined keys of
    #: the tokens read so far are none of these, no longer phrase can match
    prefixes: dict[str, frozenset[str]] = field(default_factory=dict)

    def role(self, k: str, role: str) -> str | None:
        r = self.words.get(k)
        return None if r is None else r.get(role)

    def longest(self, table: str, keys: list[str], i: int, end: int) -> tuple[int, Any] | None:
        """Longest phrase of ``table`` starting at token ``i`` (keys of word tokens, or
        "" for non-words): ``(number of tokens, entry)``."""
        d: dict[str, Any] = getattr(self, table) if table != "roles" else self.words
        n_max = min(self.maxlen.get(table, 1), end - i)
        prefixes = self.prefixes[table]
        best = None
        acc = ""
        for n in range(1, n_max + 1):
            k = keys[i + n - 1]
            if not k:
                break
            acc += k
            hit = d.get(acc)
            if hit is not None:
                best = (n, hit)
            if acc not in prefixes:
                break
        return best


def _ntok(phrase: str) -> int:
    return len(phrase.replace("\u200c", " ").split())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lx = Lexicon()
    ml: dict[str, int] = {}

    def put(table: str, phrase: str, entry: Any) -> None:
        d = getattr(lx, table) if table != "roles" else lx.words
        k = key(phrase)
        if k and k not in d:
            d[k] = entry
        ml[table] = max(ml.get(table, 1), _ntok(phrase))

    for w, v, t in _rows("numbers_words.tsv", 3):
        put("numbers", w, NumWord(Decimal(v), t))
        if t == "ordinal" and key(w).endswith("م"):
            put("numbers", w + "ین", NumWord(Decimal(v), t))
    put("numbers", "نخستین", NumWord(Decimal(1), "ordinal"))
    for (w,) in _rows("numbers_not_units.tsv", 1):
        lx.not_units.add(key(w))
    for phrase, _meaning in _rows("qualifiers.tsv", 2):
        put("qualifiers", phrase, phrase.replace("\u200c", " ").replace("ً", ""))
    for w, unit, kind in _rows("units.tsv", 3):
        put("units", w, (unit, kind))
    for w, code, factor, unit, note in _rows("currencies_extra.tsv", 5):
        c = Currency(None if code == "-" else code, int(factor), unit, None if note == "-" else note)
        put("currencies", w, c)
        put("currencies", w + "ی", c)
        put("currencies", w + "یی", c)
    _babel_currencies(put)
    for name, cal, month, amb in _rows("dates_months.tsv", 4):
        put("months", name, Month(cal, int(month), amb == "1", False))
        put("months", name + "ماه", Month(cal, int(month), amb == "1", True))
        ml["months"] = max(ml.get("months", 1), _ntok(name) + 1)
    for name, wd, idx in _rows("dates_weekdays.tsv", 3):
        put("weekdays", name, (wd, int(idx)))
        ml["weekdays"] = max(ml["weekdays"], 2)  # «سه شنبه», «پنج شنبه»
    for phrase, unit, offset in _rows("dates_relative.tsv", 3):
        put("relative", phrase, None if unit == "-" else (unit, int(offset)))
    for w, role, value in _rows("dates_words.tsv", 3):
        k = key(w)
        lx.words.setdefault(k, {})[role] = value
        ml["roles"] = max(ml.get("roles", 1), _ntok(w))
    lx.maxlen = ml
    for table in ("numbers", "qualifiers", "units", "currencies", "months", "weekdays", "relative", "roles"):
        d = getattr(lx, table) if table != "roles" else lx.words
        lx.prefixes[table] = frozenset(k[:n] for k in d for n in range(1, len(k)))
    return lx


def _babel_currencies(put) -> None:
    """CLDR's Persian currency names («دلار آمریکا», «ریال سعودی») mapped to ISO codes."""
    try:
        from babel import Locale

        names = Locale("fa").currencies
    except Exception:  # babel missing or without the locale: the data file still works
        return
    for code in sorted(names):
        name = names[code]
        if code.startswith("X") or not name or _ntok(name) < 2:
            continue  # test/precious-metal codes; single words come from the data file
        bare = name.split()[0]
        put("currencies", name, Currency(code, 1, key(bare) and bare.rstrip("ٔ"), None))
