"""Values stage: DATE, TIME, MONEY, PERCENT and QUANTITY mentions with resolved values."""

from __future__ import annotations

from .doc import Cand, Doc


def find(doc: Doc) -> list[Cand]:
    """Value candidates in ``doc`` (normalized offsets)."""
    return []
