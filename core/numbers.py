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
_DIGIT_CH = re.compile(r"[0-9\u06f0-\u06f9\u0660-\u0669]")


def is_digits(tok: str) -> bool:
    return bool(tok) and _DIGIT_CH.match(tok) is not None


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


def parse_at(keys: list[str], norms: list[str], i: int, end: int) -> Num | None:
    """The longest number starting at token ``i`` (before ``end``), or None.

    ``keys`` are the match keys of the tokens ("" for a non-word token), ``norms`` the
    token texts (digit tokens are read from them).
    """
    lx = lexicon()
    parts: list[Decimal] = []  # committed scaled groups
    cur = Decimal(0)
    have_cur = False
    last_small = 0  # value of the last small word joined (0: none since the last scale)
    prev = "start"  # start | small | digit | scale | and | vague
    last_scale = Decimal(0)
    j = i
    n_end = i
    digits = scaled = False
    vague = None
    kind = "cardinal"
    while j < end:
        t = norms[j]
        k = keys[j]
        if is_digits(t):
            if prev not in ("start", "and"):
                break
            v = parse_digits(t)
            if v is None:
                break
            cur += v
            have_cur = True
            digits = True
            prev = "digit"
            last_small = 0
            j += 1
            n_end = j
            continue
        w = lx.numbers.get(k) if k else None
        if w is None:
            if k == "و" and prev in ("small", "digit", "scale") and j + 1 < end:
                nk = keys[j + 1]
                nw = lx.numbers.get(nk) if nk else None
                if is_digits(norms[j + 1]) or (nw is not None and nw.type in ("unit", "teen", "ten", "hundred", "ordinal", "fraction")):
                    prev = "and"
                    j += 1
                    continue
            break
        t_ = w.type
        if t_ in ("unit", "teen", "ten", "hundred"):
            if prev == "and":
                if last_small and not _fits_after(last_small, int(w.value)):
                    break
            elif prev != "start":
                break
            cur += w.value
            have_cur = True
            last_small = int(w.value)
            prev = "small"
            j += 1
            n_end = j
            continue
        if t_ == "scale":
            if prev in ("and",):
                break
            if prev == "scale" and w.value <= last_scale:
                break
            if prev == "start" and w.value == 100:
                break  # a bare «صد» is not read as a number start
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
            j += 1
            n_end = j
            continue
        if t_ == "vague":
            if prev != "start":
                break
            cur = w.value
            have_cur = True
            vague = norms[j].replace("\u200c", "‌")
            prev = "vague"
            j += 1
            n_end = j
            continue
        if t_ == "ordinal":
            if prev == "start" or (prev == "and" and (not last_small or _fits_after(last_small, int(w.value)))):
                cur += w.value
                kind = "ordinal"
                j += 1
                n_end = j
                prev = "ordinal"
                break
            if prev in ("small", "digit") and not parts and w.value > 1 and cur < w.value:
                # «یک سوم», «دو پنجم»: a fraction
                cur = cur / w.value
                kind = "fraction"
                j += 1
                n_end = j
                break
            break
        if t_ == "fraction":
            if prev == "and":
                if not have_cur and parts:  # «یک میلیون و نیم»
                    parts[-1] += w.value * last_scale
                else:
                    cur += w.value
                j += 1
                n_end = j
                prev = "small"
                last_small = 0
                continue
            if prev == "start":
                cur = w.value
                kind = "fraction"
                j += 1
                n_end = j
                break
            break
        break
    if n_end == i:
        return None
    value = sum(parts, Decimal(0)) + cur
    bare_one = (n_end - i == 1 and kind == "cardinal" and not digits and value == 1)
    return Num(i, n_end, value, kind, digits, scaled, vague, bare_one, int(last_scale))


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
