"""Values stage: DATE, TIME, MONEY, PERCENT and QUANTITY mentions with resolved values.

A linear scanner over each sentence's tokens. At each token it tries, in order, a time
(«ساعت ۱۰ صبح», «۱۸:۳۰», «صبح امروز»), a date («روز ششم آبان», «مهر ۱۴۰۱», «سال ۲۰۲۳»,
«۱۴۰۲/۰۸/۰۶», «دوشنبه», «هفته گذشته») and a number with what follows it (percent,
currency, unit or counted noun). All words come from ``core/data`` (see
:mod:`newsx.core.values_lex`); numbers are read by :mod:`newsx.core.numbers`, calendars
resolved by :mod:`newsx.core.dates`.

Value schema (``Cand.value``):

- DATE: ``calendar`` (jalali|gregorian|hijri|relative|weekday), ``grain``
  (day|week|month|year), ``jalali``, ``gregorian`` (ISO day or null), ``start``/``end``
  (ISO days, set when resolved), ``inferred``, ``resolved``; ``hijri`` for Hijri dates,
  ``weekday`` when one is named, ``relative`` ({unit, offset}) for relative ones, and
  ``month``/``day`` when unresolved.
- TIME: ``hour``, ``minute``, ``part`` plus the DATE fields of an attached day word.
- MONEY: ``number``, ``currency`` (ISO 4217 or null), ``unit``, ``qualifier``, ``note``
  (toman adds ``rials``); PERCENT: ``number``, ``qualifier``; QUANTITY: ``number``,
  ``unit``, ``qualifier`` (``Cand.kind = "duration"`` for time spans). Ranges add ``max``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import filterfalse
from typing import Any

from .dates import DateSpec, resolve
from .doc import Cand, Doc
from .resources import rows
from .numbers import Num, is_digits, parse_at, to_json_number
from .values_lex import key, keys_of, lexicon

PRIORITY = 10  #: fully parsed values
PRIORITY_GUESS = 6  #: a number with an arbitrary following noun

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_NUMDATE = re.compile(r"^(\d{1,4})([/\-.])(\d{1,2})\2(\d{1,4})$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?$")
_WORD = re.compile(r"^[^\W\d_]")
_PERCENT_SIGNS = ("٪", "%")


@lru_cache(maxsize=1)
def _id_heads() -> frozenset[str]:
    return frozenset(key("\t".join(r)) for r in rows("numbers_id_heads.tsv"))


@lru_cache(maxsize=1)
def _dotted_suffix() -> tuple[re.Pattern[str], dict[str, str]]:
    """Calendar markers written with dots («ه.ش.», «ه.ق»), matched on the text."""
    lx = lexicon()
    forms: dict[str, str] = {}
    for cols in rows("dates_words.tsv", strip=False):
        if len(cols) >= 3 and cols[1] == "suffix" and "." in cols[0]:
            forms[cols[0]] = cols[2]
    del lx
    alts = "|".join(re.escape(k) for k in sorted(forms, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"[ \u200c]?(?:{alts})"), forms


#: roles of ``dates_words.tsv`` that can begin a time or date expression
_START_ROLES = ("modifier", "clock", "part_day", "part", "part_weak", "year_word")


@lru_cache(maxsize=1)
def _start_keys() -> tuple[frozenset[str], frozenset[str]]:
    """Keys of word tokens at which a value expression can begin: (whole, prefixes).

    Built once. ``whole``: number words, «روز», «ماه», and the keys of month, weekday
    and relative-date phrases and of the date words that open a time or date.
    ``prefixes``: every proper prefix of a phrase key among them (a phrase's key is the
    concatenation of its tokens' keys, so a first token's key is a prefix of it). A
    token whose key is in neither starts nothing, so the scanner skips it with one set
    lookup; one whose key is only a prefix starts something only if the key joined
    with the next token's key is still a prefix or a whole key.
    """
    lx = lexicon()
    phrase_keys = list(lx.months) + list(lx.weekdays) + list(lx.relative)
    phrase_keys += [k for k, r in lx.words.items() if any(role in r for role in _START_ROLES)]
    whole: set[str] = set(lx.numbers) | set(phrase_keys) | {key("روز"), key("ماه")}
    prefixes = {k[:n] for k in phrase_keys for n in range(1, len(k))}
    return frozenset(whole), frozenset(prefixes - whole)


@lru_cache(maxsize=1)
def _time_keys() -> frozenset[str]:
    """Keys of word tokens at which a time can begin: the keys of the clock and
    part-of-day words and all their prefixes (a time otherwise begins with digits)."""
    roles = ("clock", "part_day", "part", "part_weak")
    lx = lexicon()
    ks = [k for k, r in lx.words.items() if any(role in r for role in roles)]
    return frozenset(k[:n] for k in ks for n in range(1, len(k) + 1))


_NO, _START, _PREFIX = 0, 1, 2

#: token text -> (match key or "" for a non-word token, _NO | _START | _PREFIX)
_TOKEN_INFO: dict[str, tuple[str, int]] = {}
_TOKEN_INFO_MAX = 200_000


def _token_infos(norms: list[str]) -> list[tuple[str, int]]:
    """``_TOKEN_INFO`` of each token text; a document's new words are learnt together
    (their keys computed in one pass, see :func:`values_lex.keys_of`)."""
    memo = _TOKEN_INFO
    if len(memo) >= _TOKEN_INFO_MAX:
        memo.clear()  # (may overshoot the bound by one document)
    try:
        return list(map(memo.__getitem__, norms))
    except KeyError:
        pass
    new = list(filterfalse(memo.__contains__, dict.fromkeys(norms)))
    whole, prefixes = _start_keys()
    word = _WORD.match
    for norm, k in zip(new, keys_of(new)):
        if not word(norm):
            k = ""
        if norm[:1].isdecimal() or norm in _PERCENT_SIGNS:
            start = _START  # digits (what ``\d`` matches) or a leading percent sign
        elif not k:
            start = _NO
        elif k in whole:
            start = _START
        elif "\u200c" in norm and _zwnj_number(norm):
            start = _START
        elif k in prefixes:
            start = _PREFIX
        else:
            start = _NO
        memo[norm] = (k, start)
    return list(map(memo.__getitem__, norms))


def _zwnj_number(norm: str) -> bool:
    """Number words joined by ZWNJ («یک‌میلیون»), as :func:`numbers._pieces` reads them."""
    numbers = lexicon().numbers
    sub = [w for w in norm.split("\u200c") if w]
    return len(sub) > 1 and all(key(w) in numbers or key(w) == "و" for w in sub)


@dataclass(slots=True)
class _Item:
    label: str
    i: int  #: first token
    j: int  #: token end (exclusive)
    value: dict[str, Any] = field(default_factory=dict)
    spec: DateSpec | None = None
    kind: str | None = None
    priority: int = PRIORITY
    nend: int | None = None  #: normalized end when past the last token («ه.ش.»)


class _Scanner:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lx = lexicon()
        toks = doc.tokens
        self.norms = norms = [t.norm for t in toks]
        info = _token_infos(norms)
        self.keys = keys = [x[0] for x in info]
        self.starts = starts = [x[1] for x in info]
        i = -1
        if _PREFIX in starts:
            whole, prefixes = _start_keys()
            last = len(keys) - 1
            try:
                while True:
                    i = starts.index(_PREFIX, i + 1)
                    nxt = keys[i] + keys[i + 1] if i < last and keys[i + 1] else ""
                    starts[i] = _START if nxt in whole or nxt in prefixes else _NO
            except ValueError:
                pass
        #: (token, end) -> what :meth:`number` read there
        self._numbers: dict[tuple[int, int], Num | None] = {}
        self.items: list[_Item] = []

    # -- helpers ---------------------------------------------------------------
    def role(self, j: int, role: str, end: int) -> str | None:
        if j >= end or not self.keys[j]:
            return None
        return self.lx.role(self.keys[j], role)

    def role_phrase(self, j: int, role: str, end: int) -> tuple[int, str] | None:
        """Longest multi-token word of ``dates_words.tsv`` with ``role`` at ``j``."""
        lx = self.lx
        prefixes = lx.prefixes["roles"]
        acc = ""
        best = None
        for n in range(1, min(lx.maxlen.get("roles", 1), end - j) + 1):
            k = self.keys[j + n - 1]
            if not k:
                break
            acc += k
            r = lx.words.get(acc)
            if r is not None and role in r:
                best = (n, r[role])
            if acc not in prefixes:
                break  # no longer word begins so
        return best

    def glued(self, j: int) -> bool:
        """Whether a digit token was written glued to a preceding letter («فرانس۲۴»)."""
        t = self.doc.tokens[j]
        s, _e = self.doc.original(t.nstart, t.nend)
        return s > 0 and self.doc.text[s - 1].isalpha()

    def number(self, j: int, end: int) -> Num | None:
        if j >= end or not self.starts[j]:
            return None  # parse_at reads no number where no value can start
        memo = self._numbers.get((j, end), self)
        if memo is not self:
            return memo  # type: ignore[return-value]
        if is_digits(self.norms[j]) and self.glued(j):
            n = None
        else:
            n = parse_at(self.keys, self.norms, j, end)
        self._numbers[(j, end)] = n
        return n

    def year_at(self, j: int, end: int) -> int | None:
        if j >= end:
            return None
        t = self.norms[j]
        if not is_digits(t):
            return None
        s = t.translate(_DIGITS)
        if not s.isdigit() or not 3 <= len(s) <= 4:
            return None
        y = int(s)
        return y if 500 <= y <= 2200 else None

    def suffix_at(self, j: int, end: int) -> tuple[int, str, int | None] | None:
        """A calendar marker at ``j``: (tokens, calendar, normalized end or None)."""
        r = self.role_phrase(j, "suffix", end)
        if r is not None:
            return r[0], r[1], None
        if j < end or j == end:
            pos = self.doc.tokens[j - 1].nend if j > 0 else 0
            rx, forms = _dotted_suffix()
            m = rx.match(self.doc.norm, pos)
            if m:
                form = m.group(0).lstrip(" \u200c")
                k = j
                while k < end and self.doc.tokens[k].nend <= m.end():
                    k += 1
                return k - j, forms[form], m.end()
        return None

    # -- dates -----------------------------------------------------------------
    def date_at(self, i: int, end: int, allow_bare_weekday: bool = True) -> _Item | None:
        keys, lx = self.keys, self.lx
        pos = i
        if self.role(pos, "modifier", end) is not None and pos + 1 < end:
            inner = self.date_at(pos + 1, end, allow_bare_weekday)
            if inner is not None and inner.spec is not None and inner.spec.calendar != "weekday":
                inner.i = i
                return inner
            return None
        # relative phrases («روز گذشته», «هفته آینده», «امروز»)
        rel = lx.longest("relative", keys, pos, end)
        if rel is not None:
            n, entry = rel
            if entry is None:
                return None
            unit, off = entry
            spec = DateSpec("relative", relative=(unit, off))
            return self._with_suffix(_Item("DATE", i, pos + n, spec=spec), end)
        had_roz = keys[pos] == key("روز") if pos < end else False
        if had_roz:
            pos += 1
        # weekday, maybe followed by a date
        wd = lx.longest("weekdays", keys, pos, end) if pos < end else None
        if wd is not None and not (pos > 0 and self.role(pos - 1, "day_block", end + 1)):
            n, (name, idx) = wd
            after = pos + n
            if after < end and self.norms[after] == "،":
                after += 1
            inner = self.day_month_at(after, end)
            if inner is not None:
                inner.i = i
                assert inner.spec is not None
                inner.spec.weekday = (name, idx)
                return inner
            if not allow_bare_weekday:
                return None
            j = pos + n
            direction = 0
            if j < end and keys[j] == key("هفته") and j + 1 < end and self.role(j + 1, "weekday_dir", end):
                direction = int(self.role(j + 1, "weekday_dir", end) or 0)
                j += 2
            elif self.role(j, "weekday_dir", end):
                direction = int(self.role(j, "weekday_dir", end) or 0)
                j += 1
            spec = DateSpec("weekday", weekday=(name, idx), direction=direction)
            return _Item("DATE", i, j, spec=spec)
        item = self.numeric_date_at(pos, end) or self.day_month_at(pos, end) or self.month_year_at(pos, end)
        if item is None and not had_roz:
            item = self.year_only_at(pos, end)
        if item is not None:
            item.i = i
        return item

    def numeric_date_at(self, pos: int, end: int) -> _Item | None:
        if pos >= end:
            return None
        m = _NUMDATE.match(self.norms[pos].translate(_DIGITS))
        if not m or m.group(2) == ".":
            return None
        a, b, c = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if len(m.group(1)) == 4:
            y, mo, d = a, b, c
        elif len(m.group(4)) == 4:
            y, mo, d = c, b, a
        else:
            return None
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        cal = "gregorian" if y >= 1700 else "jalali"
        item = self._with_suffix(_Item("DATE", pos, pos + 1, spec=DateSpec(cal, y, mo, d)), end)
        return item

    def _day_num(self, pos: int, end: int) -> Num | None:
        n = self.number(pos, end)
        if n is None or n.scaled or n.vague or n.kind == "fraction":
            return None
        if n.value != n.value.to_integral_value() or not 1 <= n.value <= 31:
            return None
        return n

    def day_month_at(self, pos: int, end: int) -> _Item | None:
        keys, lx = self.keys, self.lx
        n = self._day_num(pos, end)
        if n is None:
            return None
        j = n.end
        day_end = None
        if self.role(j, "range", end):
            n2 = self._day_num(j + 1, end)
            if n2 is not None and n2.value > n.value:
                day_end = int(n2.value)
                j = n2.end
        mo = lx.longest("months", keys, j, end)
        if mo is None:
            return None
        k, month = mo
        j += k
        has_mah = month.with_mah
        if not has_mah and j < end and keys[j] == key("ماه"):
            has_mah = True
            j += 1
        jy = j
        if jy < end and self.role(jy, "year_word", end) is not None:
            jy += 1
        year = self.year_at(jy, end)
        if month.ambiguous and not (n.digits or n.kind == "ordinal" or has_mah or year is not None):
            return None
        spec = DateSpec(month.calendar, None, month.month, int(n.value), day_end=day_end)
        if year is not None:
            spec.year = year
            j = jy + 1
        else:
            j = self._rel_year(spec, j, end)
        return self._with_suffix(_Item("DATE", pos, j, spec=spec), end)

    def month_year_at(self, pos: int, end: int) -> _Item | None:
        keys, lx = self.keys, self.lx
        j = pos
        mah_before = j < end and keys[j] == key("ماه")
        if mah_before:
            j += 1
        mo = lx.longest("months", keys, j, end)
        if mo is None:
            return None
        k, month = mo
        j += k
        has_mah = mah_before or month.with_mah
        if not month.with_mah and not mah_before and j < end and keys[j] == key("ماه"):
            has_mah = True
            j += 1
        jy = j
        if jy < end and self.role(jy, "year_word", end) is not None:
            jy += 1
        year = self.year_at(jy, end)
        spec = DateSpec(month.calendar, year, month.month)
        if year is None:
            j2 = self._rel_year(spec, j, end)
            context = pos > 0 and self.role(pos - 1, "context", end + 1) is not None
            if not (has_mah or j2 > j or (context and not month.ambiguous)):
                return None
            j = j2
        else:
            j = jy + 1
        return self._with_suffix(_Item("DATE", pos, j, spec=spec), end)

    def _rel_year(self, spec: DateSpec, j: int, end: int) -> int:
        """«خرداد امسال», «مهر سال گذشته»: the year relative to the reference date."""
        rel = self.lx.longest("relative", self.keys, j, end)
        if rel is not None and rel[1] is not None and rel[1][0] == "year":
            spec.year_offset = rel[1][1]
            return j + rel[0]
        return j

    def year_only_at(self, pos: int, end: int) -> _Item | None:
        j = pos
        had_sal = j < end and self.role(j, "year_word", end) is not None
        if had_sal:
            j += 1
        year = self.year_at(j, end)
        if year is None:
            return None
        j += 1
        year_end = None
        if self.role(j, "range", end) and self.year_at(j + 1, end):
            y2 = self.year_at(j + 1, end)
            if y2 and y2 > year:
                year_end = y2
                j += 2
        cal = "gregorian" if year >= 1700 else "jalali"
        item = _Item("DATE", pos, j, spec=DateSpec(cal, year, year_end=year_end))
        suf = self.suffix_at(j, end)
        if not had_sal and suf is None:
            return None
        return self._with_suffix(item, end)

    def _with_suffix(self, item: _Item, end: int) -> _Item:
        """Take a calendar marker («میلادی», «ه.ش.») after a date into its span."""
        suf = self.suffix_at(item.j, end)
        spec = item.spec
        if suf is None or spec is None:
            return item
        n, cal, nend = suf
        if spec.calendar in ("jalali", "gregorian", "hijri"):
            if spec.month is None or (spec.day is not None and spec.year is not None and spec.year < 1700 and cal == "hijri"):
                spec.calendar = cal  # «سال ۱۴۴۵ قمری», «۱۴۴۵/۰۹/۱۵ ه.ق.»
        elif not (spec.calendar == "relative" and spec.relative and spec.relative[0] == "year"):
            return item
        item.j += n
        item.nend = nend
        return item

    # -- times -----------------------------------------------------------------
    def time_at(self, i: int, end: int, with_date: bool = True) -> _Item | None:
        keys, norms = self.keys, self.norms
        hour = minute = None
        part = None
        j = i
        clock = False
        if self.role(j, "clock", end) is not None and j + 1 < end:
            m = _CLOCK.match(norms[j + 1].translate(_DIGITS))
            if m:
                hour, minute = int(m.group(1)), int(m.group(2))
                j += 2
            else:
                n = self.number(j + 1, end)
                if n is not None and n.kind == "cardinal" and not n.scaled and n.value == n.value.to_integral_value() and 0 <= n.value <= 24 and not (n.end < end and self.lx.units.get(keys[n.end])):
                    hour, j = int(n.value), n.end
                    if self.role(j, "minute", end) is None and j + 1 < end and keys[j] == "و":
                        n2 = self.number(j + 1, end)
                        if n2 is not None and n2.end < end and self.role(n2.end, "minute", end) is not None and n2.value < 60:
                            minute, j = int(n2.value), n2.end + 1
                else:
                    return None
            clock = True
        elif j < end:
            m = _CLOCK.match(norms[j].translate(_DIGITS))
            if m and int(m.group(1)) <= 24 and int(m.group(2)) < 60:
                hour, minute = int(m.group(1)), int(m.group(2))
                j += 1
                clock = True
        spec_date: _Item | None = None
        pd = self.role(j, "part_day", end) if j < end else None
        if pd is not None:
            p, off = pd.split(":")
            part = p
            spec_date = _Item("DATE", j, j + 1, spec=DateSpec("relative", relative=("day", int(off))))
            j += 1
        else:
            r = self.role_phrase(j, "part", end) if j < end else None
            weak = None
            if r is None and j < end:
                weak = self.role_phrase(j, "part_weak", end)
            if r is not None or weak is not None:
                n, part = r if r is not None else weak  # type: ignore[misc]
                jj = j + n
                if weak is not None and not clock:
                    d = self.date_at(jj, end) if with_date else None
                    if d is None:
                        return None
                j = jj
                sign = self.role(j, "weekday_dir", end)
                if with_date and sign is not None and self.lx.longest("relative", keys, j, end) is None:
                    spec_date = _Item("DATE", j, j + 1, spec=DateSpec("relative", relative=("day", int(sign))))
                    j += 1
        if not clock and part is None:
            return None
        if with_date and spec_date is None:
            k = j
            if k < end and keys[k] == key("روز") and self.lx.longest("relative", keys, k, end) is None:
                pass
            d = self.date_at(k, end)
            if d is not None:
                spec_date = d
                j = d.j
        if hour is not None and part is not None and hour < 12:
            if part in ("afternoon", "evening") or (part == "night" and hour >= 6):
                hour += 12
        if hour == 24:
            hour = 0
        item = _Item("TIME", i, j, value={"hour": hour, "minute": minute, "part": part})
        if spec_date is not None:
            item.spec = spec_date.spec
            item.nend = spec_date.nend
        return item

    # -- numbers ---------------------------------------------------------------
    def qualifier_before(self, i: int, lo: int) -> str | None:
        lx = self.lx
        best = None
        for n in range(1, min(lx.maxlen.get("qualifiers", 1), i - lo) + 1):
            ks = self.keys[i - n : i]
            if not all(ks):
                break
            q = lx.qualifiers.get("".join(ks))
            if q is not None:
                best = q
        return best

    def number_at(self, i: int, lo: int, end: int) -> tuple[int, _Item | None] | None:
        keys, norms = self.keys, self.norms
        pct_before = norms[i] in _PERCENT_SIGNS
        start = i + 1 if pct_before else i
        if i > lo and keys[i - 1] in _id_heads():
            n = self.number(start, end)
            return (n.end, None) if n is not None else None
        n = self.number(start, end)
        if n is None:
            return None
        if n.kind != "cardinal":
            return n.end, None
        qual = self.qualifier_before(i, lo) or n.vague
        value = n.value
        high: Decimal | None = None
        j = n.end
        if pct_before:
            return j, _Item("PERCENT", i, j, value=_num_value(value, None, qual))
        if self.role(j, "range", end) is not None:
            n2 = self.number(j + 1, end)
            if n2 is not None and n2.kind == "cardinal":
                lowv = value
                if not n.scaled and n2.scaled and n2.last_scale:
                    lowv = value * n2.last_scale
                if n2.value > lowv and self._follow(n2.end, end) is not None:
                    value, high, j = lowv, n2.value, n2.end
        f = self._follow(j, end)
        if f is None:
            return n.end, None
        what, k, entry = f
        if n.bare_one and what not in ("percent", "currency", "measure", "relative"):
            return n.end, None
        if what == "noun" and (value == 0 or (keys[i] == key("نه") and n.end - n.start == 1)):
            return n.end, None
        if what == "percent":
            return j + k, _Item("PERCENT", i, j + k, value=_num_value(value, high, qual))
        if what == "currency":
            c = entry
            total = value * c.factor
            v: dict[str, Any] = {"number": to_json_number(total), "currency": c.code, "unit": c.unit}
            if high is not None:
                v["max"] = to_json_number(high * c.factor)
            v["qualifier"] = qual
            v["note"] = c.note
            if c.unit == "تومان":
                v["rials"] = to_json_number(total * 10)
            return j + k, _Item("MONEY", i, j + k, value=v)
        if what == "relative":
            unit, sign, hours = entry
            num = int(value) if value == value.to_integral_value() else None
            if num is None:
                return n.end, None
            off = sign * (max(1, -(-num // 24)) if hours else num)
            spec = DateSpec("relative", relative=(unit, off), hours=num if hours else None)
            return j + k, _Item("DATE", i, j + k, spec=spec)
        unit, ukind = entry
        v = _num_value(value, high, qual)
        v = {"number": v["number"], **({"max": v["max"]} if "max" in v else {}), "unit": unit, "qualifier": qual}
        return j + k, _Item(
            "QUANTITY", i, j + k, value=v,
            kind="duration" if ukind == "duration" else None,
            priority=PRIORITY_GUESS if what == "noun" else PRIORITY,
        )

    def _follow(self, j: int, end: int) -> tuple[str, int, Any] | None:
        """What follows a number at token ``j``: (what, tokens, entry)."""
        if j >= end:
            return None
        keys, norms, lx = self.keys, self.norms, self.lx
        if norms[j] in _PERCENT_SIGNS or keys[j] in (key("درصد"), key("درصدی")):
            return "percent", 1, None
        cur = lx.longest("currencies", keys, j, end)
        if cur is not None:
            return "currency", cur[0], cur[1]
        u = lx.longest("units", keys, j, end)
        if u is not None:
            n, (unit, ukind) = u
            if ukind == "duration":
                d = self.role(j + n, "past", end) or self.role(j + n, "future", end)
                base = keys[j] == key(unit)
                if d is not None and base and unit in ("روز", "هفته", "ماه", "سال", "ساعت"):
                    rel_unit = "day" if unit in ("روز", "ساعت") else {"هفته": "week", "ماه": "month", "سال": "year"}[unit]
                    return "relative", n + 1, (rel_unit, int(d), unit == "ساعت")
            return ukind, n, (unit, ukind)
        k = keys[j]
        if not k or k in lx.not_units or k in lx.numbers or k in lx.months or k in lx.weekdays:
            return None
        if self.lx.words.get(k, {}).keys() & {"part", "part_weak", "range", "context", "past", "future", "clock"}:
            return None
        if "#" in self.doc.tokens[j].lemma:
            return None
        return "noun", 1, (norms[j], "count")

    # -- driver ----------------------------------------------------------------
    def scan(self) -> list[_Item]:
        starts, keys, norms = self.starts, self.keys, self.norms
        time_keys = _time_keys()
        for s in self.doc.sentences:
            i, end = s.first, s.last
            while i < end:
                if not starts[i]:  # no time, date or number begins at this token:
                    # on to the next one where something may (all _PREFIX are decided by now)
                    try:
                        i = starts.index(_START, i + 1, end)
                    except ValueError:
                        break
                k = keys[i]
                t = self.time_at(i, end) if (k in time_keys if k else norms[i][:1].isdecimal()) else None
                if t is not None:
                    self.items.append(t)
                    i = t.j
                    continue
                d = self.date_at(i, end)
                if d is not None:
                    t = self.time_at(d.j, end, with_date=False)
                    if t is not None and t.value.get("part") is not None or (t is not None and t.value.get("hour") is not None):
                        t.i = d.i
                        t.spec = d.spec
                        t.nend = t.nend or None
                        self.items.append(t)
                        i = t.j
                        continue
                    self.items.append(d)
                    i = d.j
                    continue
                r = self.number_at(i, s.first, end)
                if r is not None:
                    j, item = r
                    if item is not None:
                        self.items.append(item)
                    i = max(j, i + 1)
                    continue
                i += 1
        return self.items


def _num_value(value: Decimal, high: Decimal | None, qual: str | None) -> dict[str, Any]:
    v: dict[str, Any] = {"number": to_json_number(value)}
    if high is not None:
        v["max"] = to_json_number(high)
    v["qualifier"] = qual
    return v


def find(doc: Doc) -> list[Cand]:
    """Value candidates in ``doc`` (normalized offsets)."""
    if not doc.tokens:
        return []
    items = _Scanner(doc).scan()
    ref: _dt.date | None = doc.published
    anchors = [a for a in (it.spec.anchor() for it in items if it.spec is not None and it.label == "DATE") if a]
    anchor = max(anchors, key=lambda a: (a[2], a[0])) if anchors else None
    out: list[Cand] = []
    for it in items:
        ns = doc.tokens[it.i].nstart
        ne = it.nend if it.nend is not None else doc.tokens[it.j - 1].nend
        value = dict(it.value)
        if it.spec is not None:
            dv = resolve(it.spec, ref, anchor)
            if it.label == "TIME":
                value.update(dv)
            else:
                value = dv
        out.append(Cand(it.label, ns, ne, value=value, kind=it.kind, priority=it.priority))
    out.sort(key=lambda c: (c.nstart, c.nend))
    return out
