"""Normalization stage: hazm's Normalizer, protected spans, then half-space repair.

hazm's Normalizer unifies letters and digits and fixes spacing, but its spacing rules
damage what news depends on («3.5» → «۳ ٫ ۵», URLs, e-mail addresses, «2024-05-01»).
Those spans are cut out before hazm runs (a private-use placeholder stands in for each)
and put back afterwards, with only their digits unified. The result is aligned to the
input with :func:`newsx.core.align.align`, so every later offset maps back exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .align import Alignment, align

_PLACEHOLDER = "\ue000"

_DIGIT = r"[0-9\u06f0-\u06f9\u0660-\u0669]"
# Spans hazm must not respace. Order matters: the first alternative that matches wins.
_PROTECT = re.compile(
    "|".join(
        [
            r"(?:https?://|www\.)[^\s«»\"'()<>\[\]{}،؛]+[^\s«»\"'()<>\[\]{}،؛.,:;!?؟]",  # URL
            r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}",  # e-mail
            r"\b[A-Za-z][A-Za-z0-9-]{0,62}\.(?:ir|com|org|net|info|io|news|gov|edu|co|uk|de|fr|ru)\b(?:/[^\s«»\"'()<>،؛]*[^\s«»\"'()<>،؛.,:;!?؟])?",
            # dates and times: 1402/08/06, 2024-05-01, 18:30, 18:30:05
            rf"(?<![\w/]){_DIGIT}{{1,4}}[/\-]{_DIGIT}{{1,2}}[/\-]{_DIGIT}{{1,4}}(?![\w/])",
            rf"(?<![\w:]){_DIGIT}{{1,2}}:{_DIGIT}{{2}}(?::{_DIGIT}{{2}})?(?![\w:])",
            # numbers with decimal or thousands separators: 3.14, ۱٫۵, 1,200, ۱٬۲۰۰
            rf"(?<!\w){_DIGIT}{{1,3}}(?:[,\u066c]{_DIGIT}{{3}})+(?:[.\u066b]{_DIGIT}+)?(?![\w\u066b\u066c])",
            rf"(?<!\w){_DIGIT}+[.\u066b\u066c/]{_DIGIT}+(?![\w\u066b\u066c])",
            # dotted abbreviations: ه.ق. ه.ش. ق.م. U.S.
            r"(?<!\w)(?:[\u0600-\u06ffA-Za-z]\.){2,6}",
        ]
    )
)

_TO_PERSIAN_DIGITS = str.maketrans("0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
                                   "۰۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹")
_NUMERIC_SPAN = re.compile(rf"^[{_DIGIT[1:-1]}.,:/\-\u066b\u066c]+$")


@lru_cache(maxsize=1)
def _hazm_normalizer():
    from hazm import Normalizer  # heavy import: only when text is analyzed

    return Normalizer()


def _restore(span: str) -> str:
    """A protected span as it goes into the normalized text."""
    if _NUMERIC_SPAN.match(span):
        return span.translate(_TO_PERSIAN_DIGITS)
    return span


def hazm_normalize(text: str) -> str:
    """hazm's Normalizer with numbers, dates, URLs and abbreviations protected."""
    text = text.replace(_PLACEHOLDER, " ")
    kept: list[str] = []

    def hold(m: re.Match[str]) -> str:
        kept.append(m.group(0))
        return _PLACEHOLDER

    masked = _PROTECT.sub(hold, text)
    out = _hazm_normalizer().normalize(masked)
    if kept:
        parts = out.split(_PLACEHOLDER)
        if len(parts) == len(kept) + 1:
            pieces = [parts[0]]
            for span, part in zip(kept, parts[1:]):
                pieces.append(_restore(span))
                pieces.append(part)
            out = "".join(pieces)
        else:  # hazm dropped or duplicated a placeholder: fall back to plain hazm
            out = _hazm_normalizer().normalize(text)
    return out


def normalize_line(line: str, repair: bool = True) -> str:
    """Normalize one line of text (no newline inside)."""
    out = hazm_normalize(line)
    if repair:
        from .zwnj import repair as _repair

        out = _repair(out)
    return out


def normalize(text: str, repair: bool = True) -> tuple[str, Alignment]:
    """Normalize ``text``; return the normalized text and its alignment to ``text``.

    The output keeps the input's line structure exactly (one output line per input
    line; ``\\r\\n`` becomes ``\\n``). Runs of non-blank lines go to hazm in one call;
    a block whose line count hazm changed is redone line by line.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if not block:
            return
        done = hazm_normalize("\n".join(block)).split("\n")
        if len(done) != len(block):
            done = [hazm_normalize(line) for line in block]
        if repair:
            from .zwnj import repair as _repair

            done = [_repair(line) for line in done]
        out.extend(done)
        block.clear()

    for line in lines:
        if line.strip():
            block.append(line)
        else:
            flush()
            out.append("")
    flush()
    norm = "\n".join(out)
    return norm, align(text, norm)
