"""Half-space (ZWNJ) repair of words that lost it. (Filled in by the normalization issue.)"""

from __future__ import annotations


def repair(text: str) -> str:
    """Return ``text`` with lost half-spaces restored."""
    return text
