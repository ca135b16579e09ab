"""Name lists (gazetteers) and phrase lexicons, matched in linear time.

Knowledge lives in ``core/data``: ``gaz_*.tsv`` (one name per line: canonical, label,
kind, spelling variants), ``titles*.tsv``, ``heads*.tsv``, ``names_first.tsv``,
``names_stop.tsv``. Everything is built once, at first use.

Matching runs over a *folded* copy of the normalized text: Arabic/Persian letter
variants are unified (ي→ی, ك→ک, ة→ه, أ/إ/آ→ا, ئ→ی, ؤ→و), ZWNJ, ZWJ and no-break space
become a plain space, digits become Persian digits, and diacritics are dropped. Keys are
folded the same way, and a key written with spaces or half-spaces is also entered in its
joined form («رییس‌جمهوری» matches «رییسجمهوری», «رییس جمهوری» and «رییس‌جمهوری»).
Aho-Corasick (pyahocorasick) finds every key occurrence in one pass; matches must sit on
word boundaries, and overlapping matches resolve longest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Any, Iterable, Iterator

from .resources import DATA, rows


_PAIRS = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و",
    "\u200c": " ", "\u200d": " ", "\u00a0": " ", "\u202f": " ", "\t": " ", "\n": " ", "\r": " ",
}
_FOLD = str.maketrans(
    {**_PAIRS, **{str(d): "۰۱۲۳۴۵۶۷۸۹"[d] for d in range(10)},
     **{chr(0x0660 + d): "۰۱۲۳۴۵۶۷۸۹"[d] for d in range(10)}}
)
# Characters folding drops (diacritics, superscript alef, hamza above, kashida).
_DROP = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640"
_DROP_RE = re.compile(f"[{_DROP}]")
_DROP_TABLE = str.maketrans("", "", _DROP)
_SPACES = re.compile(r" {2,}")
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=[۰-۹])|(?<=[۰-۹])(?=[^\W\d_])")
_FOLDED_DIGIT = re.compile("[۰-۹]")  #: where _LETTER_DIGIT may split a folded key

#: labels a gazetteer line may carry
NAME_LABELS = ("PERSON", "LOCATION", "ORGANIZATION")


# The same one-character mapping as ``_FOLD``, as (char, replacement) pairs. No
# replacement is itself a mapped character, so replacing them one after the other equals
# one ``str.translate``; on a long text, a dozen ``in`` scans and a few ``replace`` calls
# (most folded characters never occur) are an order of magnitude faster than
# ``translate`` with a dict table, which looks up every character of a non-ASCII string.
_FOLD_PAIRS = tuple(sorted((chr(a), b) for a, b in _FOLD.items()))
assert not {b for _, b in _FOLD_PAIRS} & {a for a, _ in _FOLD_PAIRS}


def _fold_chars(text: str) -> str:
    """``text.translate(_FOLD)``, faster on long texts."""
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


#: fold_key per distinct string: the pipeline folds every token, and the same few
#: thousand words recur in every article. Cleared when it grows past _KEY_MEMO_MAX.
_KEY_MEMO: dict[str, str] = {}
_KEY_MEMO_MAX = 200_000


def fold_key(s: str) -> str:
    """The folded form of a name or phrase (may be shorter than ``s``)."""
    k = _KEY_MEMO.get(s)
    if k is None:
        k = s.translate(_DROP_TABLE).translate(_FOLD)
        if "  " in k:
            k = _SPACES.sub(" ", k)
        k = k.strip()
        if len(_KEY_MEMO) >= _KEY_MEMO_MAX:
            _KEY_MEMO.clear()
        _KEY_MEMO[s] = k
    return k


_SEP = "\x00"  #: joins words for one batch fold; neither folded, dropped nor stripped


def fold_keys(words: list[str]) -> list[str]:
    """``[fold_key(w) for w in words]``, folding the words not seen before in one batch.

    A document brings a few dozen new words: folding them joined, with one ``translate``
    and a few ``replace`` calls over the whole string, costs a fraction of folding them
    one by one (folding maps character by character, so the joined string folds to the
    joined folds)."""
    memo = _KEY_MEMO
    if len(memo) >= _KEY_MEMO_MAX:
        memo.clear()  # (may overshoot the bound by one batch)
    out = list(map(memo.get, words))
    if None not in out:
        return out  # type: ignore[return-value]
    new = [w for w, k in zip(words, out) if k is None]
    joined = _SEP.join(new)
    if joined.count(_SEP) != len(new) - 1:  # pragma: no cover - a word holding the separator
        return [fold_key(w) for w in words]
    if _DROP_RE.search(joined):
        joined = joined.translate(_DROP_TABLE)
    for w, k in zip(new, _fold_chars(joined).split(_SEP)):
        if "  " in k:
            k = _SPACES.sub(" ", k)
        memo[w] = k.strip()
    return list(map(memo.__getitem__, words))


#: the last text fold_text folded and its result: the entities stage folds a document
#: once to find names and again to find roles when grouping.
_LAST_FOLD: tuple[str, tuple[str, list[int] | None]] | None = None


def fold_text(text: str) -> tuple[str, list[int] | None]:
    """Folded ``text`` and, if folding dropped characters, each folded char's index in ``text``.

    The position list may be shared between calls on the same text: do not modify it."""
    global _LAST_FOLD
    last = _LAST_FOLD
    if last is not None and (last[0] is text or last[0] == text):
        return last[1]
    if not _DROP_RE.search(text):
        res: tuple[str, list[int] | None] = (_fold_chars(text), None)
    else:
        out: list[str] = []
        pos: list[int] = []
        for i, ch in enumerate(text):
            if ch in _DROP:
                continue
            out.append(ch)
            pos.append(i)
        res = (_fold_chars("".join(out)), pos)
    _LAST_FOLD = (text, res)
    return res


def key_variants(key: str) -> list[str]:
    """Spellings a folded key is also entered under: joined at its spaces, split at digits."""
    if " " not in key and not _FOLDED_DIGIT.search(key):
        return [key]  # one word without digits (most names): no other spelling
    base = {key}
    spaced = _LETTER_DIGIT.sub(" ", key)
    base.add(spaced)
    out: set[str] = set()
    for k in base:
        parts = k.split(" ")
        gaps = len(parts) - 1
        if gaps == 0:
            out.add(k)
            continue
        if gaps > 3:  # long names: as written, and fully joined is implausible
            out.add(k)
            continue
        for seps in product((" ", ""), repeat=gaps):
            out.add(parts[0] + "".join(s + p for s, p in zip(seps, parts[1:])))
    return sorted(out)


def _rows(path: Path) -> Iterator[list[str]]:
    return rows(path)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer name."""

    canonical: str
    label: str
    kind: str | None
    source: str  #: file it came from


def read_entries(path: Path | str, source: str | None = None) -> list[tuple[Entry, list[str]]]:
    """Entries of a gazetteer TSV file: ``canonical<TAB>label<TAB>kind<TAB>a|b|c``."""
    path = Path(path)
    src = source or path.name
    out = []
    for n, row in enumerate(_rows(path), 1):
        if len(row) < 2 or not row[0]:
            raise ValueError(f"{path}:{n}: want canonical<TAB>label[<TAB>kind<TAB>variants]")
        label = row[1].upper()
        if label in ("PER", "PERS"):
            label = "PERSON"
        elif label == "LOC":
            label = "LOCATION"
        elif label == "ORG":
            label = "ORGANIZATION"
        if label not in NAME_LABELS:
            raise ValueError(f"{path}:{n}: label must be one of {', '.join(NAME_LABELS)}, not {row[1]!r}")
        kind = row[2] if len(row) > 2 and row[2] else None
        variants = [v.strip() for v in row[3].split("|")] if len(row) > 3 and row[3] else []
        out.append((Entry(row[0], label, kind, src), [row[0], *[v for v in variants if v]]))
    return out


def _on_boundary(folded: str, n: int, s: int, e: int) -> bool:
    """A key occurrence ``folded[s:e]`` that sits on word boundaries."""
    if s > 0 and folded[s - 1].isalnum():
        return False
    if e < n and folded[e].isalnum():
        # ezafe «ی» after a final vowel («زاپوریژیای اوکراین»): the name ends before it
        if not (folded[e] == "ی" and folded[e - 1] in "اوا" and (e + 1 == n or not folded[e + 1].isalnum())):
            return False
    return True


def _longest_of(ms: list[tuple[int, int, Any]], n: int) -> list[tuple[int, int, Any]]:
    """Non-overlapping matches of ``ms``, longest first (then leftmost), sorted by start.
    A matcher has one occurrence per (start, end), so the sort never compares payloads."""
    taken = bytearray(n + 1)
    kept = []
    for _, s, e, p in sorted([(s - e, s, e, p) for s, e, p in ms]):
        if taken.find(1, s, e) >= 0:
            continue
        taken[s:e] = b"\x01" * (e - s)
        kept.append((s, e, p))
    kept.sort(key=_start)
    return kept


def _start(m: tuple[int, int, Any]) -> int:
    return m[0]


class Matcher:
    """Aho-Corasick over folded keys; values are arbitrary payloads (first one entered wins)."""

    def __init__(self) -> None:
        self._a = None  #: the automaton, built at first match (see :func:`longest_each`)
        self.payloads: list[Any] = []
        self._keys: dict[str, int] = {}
        self._built = False
        self._version = 0  #: bumped by every build, so shared automata notice a rebuild
        self._last: tuple[str, list[tuple[int, int, Any]]] | None = None

    def add(self, phrase: str, payload: Any, override: bool = False, variants: bool = True) -> None:
        key = fold_key(phrase)
        if not key:
            return
        self._last = None
        idx = len(self.payloads)
        self.payloads.append(payload)
        for k in key_variants(key) if variants else [key]:
            if k in self._keys and not override:
                continue
            self._keys[k] = idx

    def __contains__(self, phrase: str) -> bool:
        return fold_key(phrase) in self._keys

    def get(self, phrase: str) -> Any:
        i = self._keys.get(fold_key(phrase))
        return None if i is None else self.payloads[i]

    def build(self) -> "Matcher":
        """Freeze the keys; the automaton itself is built at the first match."""
        self._last = None
        self._a = None
        self._built = True
        self._version += 1
        return self

    def _automaton(self):
        if self._a is None:
            import ahocorasick

            a = ahocorasick.Automaton()
            for k, idx in self._keys.items():
                a.add_word(k, (len(k), idx))
            a.make_automaton()
            self._a = a
        return self._a

    def all_matches(self, folded: str) -> list[tuple[int, int, Any]]:
        """Every key occurrence on word boundaries, as ``(start, end, payload)`` in folded offsets."""
        if not self._keys:
            return []
        out = []
        n = len(folded)
        payloads = self.payloads
        for end, (ln, idx) in self._automaton().iter(folded):
            s, e = end - ln + 1, end + 1
            if _on_boundary(folded, n, s, e):
                out.append((s, e, payloads[idx]))
        return out

    def longest(self, folded: str) -> list[tuple[int, int, Any]]:
        """Non-overlapping matches, longest first (then leftmost), sorted by start."""
        # the last text's answer is kept: titles are matched in a document when finding
        # names and again when grouping them
        last = self._last
        if last is not None and (last[0] is folded or last[0] == folded):
            return list(last[1])
        kept = _longest_of(self.all_matches(folded), len(folded))
        self._last = (folded, kept)
        return list(kept)


#: the shared automaton of several matchers: ((matcher, its version) …, automaton or None)
_SHARED: list[tuple[tuple[tuple[Matcher, int], ...], Any]] = []


def longest_each(matchers: tuple[Matcher, ...], folded: str) -> list[list[tuple[int, int, Any]]]:
    """``[m.longest(folded) for m in matchers]``, from one pass over ``folded``.

    The entities stage matches names, titles, heads and frames in every document; one
    automaton holding the keys of all of them walks the text once instead of four times
    (a key several matchers share is one entry that answers for each). Each matcher
    keeps the answer as its last one, so a later ``longest`` on the same text is free.
    Built at first use for a given set of (built) matchers."""
    auto = None
    for ms, a in _SHARED:
        if len(ms) == len(matchers) and all(x is y and v == y._version for (x, v), y in zip(ms, matchers)):
            auto = a
            break
    else:
        keys: dict[str, list[tuple[int, int]]] = {}
        for mi, m in enumerate(matchers):
            for k, idx in m._keys.items():
                keys.setdefault(k, []).append((mi, idx))
        if keys:
            import ahocorasick

            auto = ahocorasick.Automaton()
            for k, where in keys.items():
                auto.add_word(k, (len(k), tuple(where)))
            auto.make_automaton()
        _SHARED[:] = [(tuple((m, m._version) for m in matchers), auto)]  # drop an outdated one
    found: list[list[tuple[int, int, Any]]] = [[] for _ in matchers]
    if auto is not None:
        n = len(folded)
        payloads = [m.payloads for m in matchers]
        for end, (ln, where) in auto.iter(folded):
            s, e = end - ln + 1, end + 1
            if _on_boundary(folded, n, s, e):
                for mi, idx in where:
                    found[mi].append((s, e, payloads[mi][idx]))
    out = []
    for m, ms in zip(matchers, found):
        kept = _longest_of(ms, len(folded))
        m._last = (folded, kept)
        out.append(list(kept))
    return out


# -- shipped data -------------------------------------------------------------------

_user_paths: list[Path] = []


def set_user_gazetteers(paths: Iterable[str | Path]) -> None:
    """Register user gazetteer files (same TSV format as ``core/data/gaz_*.tsv``).

    Their names are added to (and override) the shipped ones for every later analysis in
    this process. Files are validated at once (ValueError on a bad line).
    """
    global _user_paths
    ps = [Path(p) for p in paths]
    for p in ps:
        read_entries(p)  # validate now, fail early
    _user_paths = ps
    names.cache_clear()


def load_user(path: str | Path) -> list[tuple[Entry, list[str]]]:
    """Read (and validate) one user gazetteer file."""
    return read_entries(path, source=f"user:{Path(path).name}")


@lru_cache(maxsize=1)
def name_stop_words() -> frozenset[str]:
    """Folded words of ``names_stop.tsv`` only (common words that are also names)."""
    return frozenset(w for w in (fold_key(r[0]) for r in _rows(DATA / "names_stop.tsv")) if w)


@lru_cache(maxsize=1)
def hazm_stop_words() -> frozenset[str]:
    """Folded stop words of hazm's ``stopwords.dat`` (function words)."""
    try:
        from .hazm_parts import data_dir

        return frozenset(w for w in (fold_key(r[0]) for r in _rows(data_dir() / "stopwords.dat")) if w)
    except Exception:  # pragma: no cover - hazm missing
        return frozenset()


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Folded words that are never a name on their own (ours + hazm's stop words)."""
    words = {fold_key(r[0]) for r in _rows(DATA / "names_stop.tsv")}
    try:
        from .hazm_parts import data_dir

        for r in _rows(data_dir() / "stopwords.dat"):
            words.add(fold_key(r[0]))
    except Exception:  # pragma: no cover - hazm missing
        pass
    return frozenset(w for w in words if w)


@lru_cache(maxsize=1)
def names() -> Matcher:
    """The name gazetteer: shipped ``gaz_*.tsv`` files, then user files (which override)."""
    m = Matcher()
    stop = stop_words()
    files = sorted(p for p in DATA.glob("gaz_*.tsv") if p.name != "gaz_country_aliases.tsv")
    # People and organizations before places: «فارس» the agency needs its head anyway,
    # but a shared spelling goes to the more specific list.
    order = {"gaz_people.tsv": 0, "gaz_media.tsv": 1, "gaz_orgs.tsv": 2, "gaz_places.tsv": 3}
    files.sort(key=lambda p: (order.get(p.name, 5), p.name))
    rows = [(entry, spellings) for p in files for entry, spellings in read_entries(p)]
    other = {fold_key(s) for e, sp in rows if e.kind != "media" for s in sp}
    short = _frame_only()
    short.clear()
    repair = _zwnj_repair()
    for entry, spellings in rows:
        # the normalizer may restore a half-space inside a joined name («خرمشهر» → «خرم‌شهر»):
        # enter that spelling too
        spellings = spellings + [r for r in (repair(x) for x in spellings) if r not in spellings]
        for s in spellings:
            k = fold_key(s)
            if entry.kind == "media" and s != entry.canonical and " " not in k and (k in stop or k in other):
                short.setdefault(k, entry)  # «مهر», «فارس»: only right after «به گزارش»
                continue
            if k in stop:
                continue
            m.add(s, entry)
    for up in _user_paths:
        for entry, spellings in load_user(up):
            for s in spellings:
                m.add(s, entry, override=True)
    return m.build()


def _zwnj_repair():
    """The normalizer's half-space repair (identity if unavailable)."""
    try:
        from .zwnj import repair

        return repair
    except Exception:  # pragma: no cover - hazm data missing
        return lambda x: x


_FRAME_ONLY: dict[str, Entry] = {}


def _frame_only() -> dict[str, Entry]:
    return _FRAME_ONLY


def frame_only_names() -> dict[str, Entry]:
    """Folded one-word media names that are matched only after an attribution frame."""
    names()
    return _FRAME_ONLY


@dataclass(frozen=True, slots=True)
class Title:
    text: str  #: as written in the data file
    kind: str  #: "role" or "honorific"


@lru_cache(maxsize=1)
def titles() -> Matcher:
    m = Matcher()
    for p in sorted(DATA.glob("titles*.tsv")):
        for r in _rows(p):
            m.add(r[0], Title(r[0], r[1] if len(r) > 1 and r[1] else "role"))
    return m.build()


@dataclass(frozen=True, slots=True)
class Head:
    text: str
    label: str
    kind: str | None
    inside: bool  #: the head word is part of the name
    need: str  #: "any", "place" or "quoted"


@lru_cache(maxsize=1)
def heads() -> Matcher:
    m = Matcher()
    for r in _rows(DATA / "heads.tsv"):
        r = r + [""] * 5
        m.add(r[0], Head(r[0], r[1], r[2] or None, r[3] != "outside", r[4] or "any"))
    return m.build()


@dataclass(frozen=True, slots=True)
class Frame:
    text: str
    before: bool  #: the name follows the frame
    label: str  #: PERSON, ORGANIZATION or ANY


@lru_cache(maxsize=1)
def frames() -> Matcher:
    m = Matcher()
    for r in _rows(DATA / "heads_frames.tsv"):
        r = r + [""] * 3
        m.add(r[0], Frame(r[0], r[1] != "after", r[2] or "ANY"))
    return m.build()


@lru_cache(maxsize=1)
def org_inner_words() -> frozenset[str]:
    """Folded words that may continue an organization's name after its head."""
    return frozenset(fold_key(r[0]) for r in _rows(DATA / "heads_inner.tsv"))


@lru_cache(maxsize=1)
def first_names() -> dict[str, bool]:
    """Folded first name -> True if it is also a common word (needs a clear surname)."""
    out: dict[str, bool] = {}
    for r in _rows(DATA / "names_first.tsv"):
        k = fold_key(r[0])
        if k and k not in out:
            out[k] = len(r) > 1 and r[1] == "ambiguous"
    return out


@lru_cache(maxsize=1)
def surname_suffixes() -> tuple[tuple[str, int], ...]:
    """Folded surname endings with the letters each needs before it, longest first."""
    out = []
    for r in _rows(DATA / "names_surname_suffixes.tsv"):
        k = fold_key(r[0])
        if k:
            out.append((k, int(r[1]) if len(r) > 1 and r[1] else 2))
    return tuple(sorted(out, key=lambda x: (-len(x[0]), x[0])))


@lru_cache(maxsize=1)
def head_blockers() -> dict[str, frozenset[str] | None]:
    """Folded word -> folded heads it blocks when right before them (None: every head)."""
    out: dict[str, frozenset[str] | None] = {}
    for r in _rows(DATA / "heads_blockers.tsv"):
        k = fold_key(r[0])
        hs = [fold_key(h) for h in r[1].split(",")] if len(r) > 1 and r[1] else []
        out[k] = frozenset(h for h in hs if h) or None
    return out
