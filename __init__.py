"""newsx: an offline analyzer for Persian news articles.

``newsx.analyze(text, published=None)`` returns an :class:`newsx.core.Analysis`;
the ``newsx`` command is in :mod:`newsx.cli`.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["analyze", "__version__"]


def __getattr__(name: str) -> Any:
    if name in ("analyze", "Analysis", "parse_published"):
        from . import core

        return getattr(core, name)
    raise AttributeError(name)
