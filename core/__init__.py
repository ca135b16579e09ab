"""newsx core: a pure library, text in, an :class:`Analysis` out.

Importing this package is cheap; hazm and the language data load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import SCHEMA_ID, Analysis

__all__ = ["analyze", "Analysis", "SCHEMA_ID", "parse_published"]

if TYPE_CHECKING:
    from .pipeline import analyze, parse_published


def __getattr__(name: str) -> Any:
    if name in ("analyze", "parse_published"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
