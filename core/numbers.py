"""Numbers written in digits, words or both, read to exact values.

Digits may be Persian, Arabic-Indic or Latin, with thousands separators («۱٬۲۰۰»,
«1,200») and decimal separators («۱٫۵», «2.5», «۲/۵»). Words follow the Persian
grammar of compounds: small parts join with «و» and a scale multiplies everything
smaller before it, so «دویست و نود و هشت هزار» = 298000, «سه میلیون و پانصد هزار» =
3500000 and «سه هزار میلیارد» = 3e12. Arithmetic is exact (``Decimal``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .values_lex import key, lexicon

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[,\u066c]\d{3})+(?:[.\u066b]\d+)?$")
_PLAIN = re.compile(r"^\d+(?:[.\u066b/]\d+)?$")


_DIGIT_SET = frozenset("0123456789\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
                       "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")


def is_digits(tok: str) -> bool:
    """Whether ``tok`` begins with a digit (Latin, Persian or Arabic-Indic)."""
    return tok[:1] in _DIGIT_SET


def parse_digits(tok: str) -> Decimal | None:
    """The value of a digit token: «۱٬۲۰۰» → 1200, «۱٫۵» → 1.5, «۲/۵» → 2.5; None for
    dates, times and other shapes."""
    s = tok.translate(_DIGITS)
    if _THOUSANDS.match(s):
        s = s.replace(",", "").replace("\u066c", "")
    elif not _PLAIN.match(s):
        return None
    s = s.replace("\u066b", ".").replace("/", ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def to_json_number(v: Decimal) -> int | float:
    """An int when integral, else a float."""
    if v == v.to_integral_value():
        return int(v)
    return float(v)


@dataclass(slots=True)
class Num:
    """A number read from tokens ``[start, end)``."""

    start: int
    end: int
    value: Decimal
    kind: str = "cardinal"  #: cardinal | ordinal | fraction
    digits: bool = False  #: written (partly) in digits
    scaled: bool = False  #: has a scale word («هزار», «میلیون»)
    vague: str | None = None  #: «ده‌ها», «صدها» …
    bare_one: bool = False  #: just «یک» (an indefinite article before a noun)
    last_scale: int = 0  #: the last scale word's value («میلیون» → 1000000)


def _pieces(keys: list[str], norms: list[str], i: int, end: int):
    """(token index, text, key, last piece of its token) from token ``i`` on; a token
    made of number words joined by ZWNJ («یک‌میلیون») is read word by word."""
    numbers = lexicon().numbers
    for idx in range(i, end):
        t, k = norms[idx], keys[idx]
        if k and "\u200c" in t and k not in numbers:
            sub = [w for w in t.split("\u200c") if w]
            if len(sub) > 1 and all(key(w) in numbers or key(w) == "و" for w in sub):
                for n, w in enumerate(sub):
                    yield idx, w, key(w), n == len(sub) - 1
                continue
        yield idx, t, k, True


def parse_at(keys: list[str], norms: list[str], i: int, end: int) -> Num | None:
    """The longest number starting at token ``i`` (before ``end``), or None.

    ``keys`` are the match keys of the tokens ("" for a non-word token), ``norms`` the
    token texts (digit tokens are read from them).
    """
    lx = lexicon()
    if i >= end:
        return None
    k0 = keys[i]
    if not is_digits(norms[i]) and (not k0 or (k0 not in lx.numbers and "\u200c" not in norms[i])):
        return None  # fast path: most tokens are no number
    parts: list[Decimal] = []  # committed scaled groups
    cur = Decimal(0)
    have_cur = False
    last_small = 0  # value of the last small word joined (0: none since the last scale)
    prev = "start"  # start | small | digit | scale | and | vague | ordinal
    last_scale = Decimal(0)
    digits = scaled = False
    vague = None
    kind = "cardinal"
    best: Num | None = None
    stop = False
    pieces = []
    for pc in _pieces(keys, norms, i, min(end, i + 24)):
        pieces.append(pc)
        if not (is_digits(pc[1]) or pc[2] in lx.numbers or pc[2] == "و"):
            break  # one piece past the number is enough to stop on
    p = 0
    while p < len(pieces) and not stop:
        idx, t, k, last = pieces[p]
        p += 1
        took = False
        w = lx.numbers.get(k) if k else None
        if is_digits(t):
            v = parse_digits(t) if prev in ("start", "and") else None
            if v is not None:
                cur += v
                have_cur = True
                digits = True
                prev = "digit"
                last_small = 0
                took = True
        elif w is None:
            if k == "و" and prev in ("small", "digit", "scale") and p < len(pieces):
                _nidx, nt, nk, _nl = pieces[p]
                nw = lx.numbers.get(nk) if nk else None
                if (is_digits(nt) and prev == "scale") or (
                    nw is not None and nw.type in ("unit", "teen", "ten", "hundred", "ordinal", "fraction")
                ):
                    prev = "and"
                    continue
            stop = True
        elif w.type in ("unit", "teen", "ten", "hundred"):
            if prev == "start" or (prev == "and" and (not last_small or _fits_after(last_small, int(w.value)))):
                cur += w.value
                have_cur = True
                last_small = int(w.value)
                prev = "small"
                took = True
        elif w.type == "scale":
            ok = not (prev == "and" or (prev == "scale" and w.value <= last_scale))
            if ok:
                x = cur
                while parts and parts[-1] < w.value:
                    x += parts.pop()
                if x == 0:
                    x = Decimal(1)
                parts.append(x * w.value)
                cur = Decimal(0)
                have_cur = False
                last_small = 0
                last_scale = w.value
                scaled = True
                prev = "scale"
                took = True
        elif w.type == "vague":
            if prev == "start":
                cur = w.value
                have_cur = True
                vague = t
                prev = "vague"
                took = True
        elif w.type == "ordinal":
            if prev == "start" or (prev == "and" and (not last_small or _fits_after(last_small, int(w.value)))):
                cur += w.value
                kind = "ordinal"
                took = True
                stop = True
            elif prev in ("small", "digit") and not parts and w.value > 1 and cur < w.value:
                cur = cur / w.value  # «یک سوم», «دو پنجم»: a fraction
                kind = "fraction"
                took = True
                stop = True
        elif w.type == "fraction":
            if prev == "and":
                if not have_cur and parts:  # «یک میلیون و نیم»
                    parts[-1] += w.value * last_scale
                else:
                    cur += w.value
                prev = "small"
                last_small = 0
                took = True
            elif prev == "start":
                cur = w.value
                kind = "fraction"
                took = True
                stop = True
        if not took:
            break
        if last:
            value = sum(parts, Decimal(0)) + cur
            n_end = idx + 1
            bare_one = n_end - i == 1 and kind == "cardinal" and not digits and not scaled and value == 1
            best = Num(i, n_end, value, kind, digits, scaled, vague, bare_one, int(last_scale))
    return best


def _fits_after(prev_small: int, v: int) -> bool:
    """Whether small part ``v`` may follow ``prev_small`` + «و» («بیست و پنج», not «پنج و بیست»)."""
    if prev_small >= 100:
        return v < 100
    if prev_small >= 20:
        return v < 10
    return False


def words_to_number(text: str) -> int | float | None:
    """Read a whole phrase as one number (for tests and callers outside the pipeline):
    «دویست و نود و هشت هزار» → 298000; None unless the whole phrase is one number."""
    toks = text.split()
    keys = [key(t) for t in toks]
    n = parse_at(keys, toks, 0, len(toks))
    if n is None or n.end != len(toks):
        return None
    return to_json_number(n.value)
