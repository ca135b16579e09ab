"""Entities stage: PERSON, LOCATION and ORGANIZATION mentions, grouped into entities."""

from __future__ import annotations

from .doc import Cand, Doc
from .model import Entity, Mention


def find(doc: Doc) -> list[Cand]:
    """Name candidates in ``doc`` (normalized offsets)."""
    return []


def group(doc: Doc, cands: list[Cand], mentions: list[Mention]) -> tuple[list[Mention], list[Entity]]:
    """Group name mentions into entities; return mentions with ``entity`` set, and entities.

    ``cands[k]`` is the candidate that became ``mentions[k]``.
    """
    return mentions, []
