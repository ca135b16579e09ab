"""Display of Persian in terminals that do no bidi and no letter shaping.

Many terminals print Arabic-script text in logical order with isolated letter forms,
which reads backwards and broken. With RTL display on, table cells are shaped with
arabic-reshaper and put into visual order with python-bidi. JSON and JSONL output
never pass through here.

``--rtl auto`` (default; also ``NEWSX_RTL=auto|on|off``) turns it on when writing to a
terminal that is not known to do bidi itself (Konsole, mlterm and others set
``NEWSX_RTL=off`` or are detected by their environment variables).
"""

from __future__ import annotations

import os
from functools import lru_cache

_BIDI_TERMINALS = ("KONSOLE_VERSION", "MLTERM")


def resolve_mode(mode: str | None, is_tty: bool) -> bool:
    """Whether to reorder and shape table text."""
    mode = (mode or os.environ.get("NEWSX_RTL") or "auto").strip().lower()
    if mode in ("on", "1", "true", "yes"):
        return True
    if mode in ("off", "0", "false", "no"):
        return False
    if not is_tty:
        return False
    return not any(os.environ.get(v) for v in _BIDI_TERMINALS)


def _has_rtl(text: str) -> bool:
    return any("\u0590" <= c <= "\u08ff" or "\ufb1d" <= c <= "\ufeff" for c in text)


@lru_cache(maxsize=4096)
def visual(text: str) -> str:
    """``text`` shaped and in visual (left-to-right display) order."""
    if not text or not _has_rtl(text):
        return text
    import arabic_reshaper
    from bidi.algorithm import get_display

    lines = text.split("\n")
    return "\n".join(get_display(arabic_reshaper.reshape(line), base_dir="R") for line in lines)
