"""The working state that pipeline stages read and extend.

Stages work on the NORMALIZED text (``Doc.norm``) and report what they find as
:class:`Cand` objects in normalized offsets (``nstart``/``nend``). The pipeline maps
them back to the original text through ``Doc.align`` when it builds the frozen
:class:`~newsx.core.model.Analysis`; stages never compute original offsets themselves.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as _dt
import gc
from dataclasses import dataclass, field
from typing import Any, Iterable

from .align import Alignment


@dataclass(slots=True)
class WToken:
    """A token while the pipeline runs (normalized offsets)."""

    i: int
    nstart: int
    nend: int
    norm: str
    sentence: int
    lemma: str = ""


@dataclass(slots=True)
class WSentence:
    index: int
    nstart: int
    nend: int
    first: int  #: first token index
    last: int  #: last token index + 1


@dataclass(slots=True)
class Cand:
    """A candidate mention in normalized offsets.

    ``priority`` breaks ties when candidates overlap: the longer span wins, then the
    higher priority (gazetteer names and fully resolved values rank above guesses).
    """

    label: str
    nstart: int
    nend: int
    value: dict[str, Any] | None = None
    kind: str | None = None
    priority: int = 0
    #: free-form data a later stage may read (e.g. canonical name, roles)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Doc:
    text: str  #: original input
    norm: str  #: normalized text
    align: Alignment
    published: _dt.date | None = None
    sentences: list[WSentence] = field(default_factory=list)
    tokens: list[WToken] = field(default_factory=list)
    cands: list[Cand] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _tok_starts: list[int] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)
    _tok_spans: list[tuple[int, int]] | None = None

    def index(self) -> None:
        """Build lookup tables once tokens and sentences are final."""
        self._tok_starts = [t.nstart for t in self.tokens]
        self._sent_starts = [s.nstart for s in self.sentences]
        self._tok_spans = None

    def sentence_at(self, npos: int) -> int:
        """Index of the sentence containing normalized position ``npos``."""
        if not self.sentences:
            return 0
        return max(0, bisect.bisect_right(self._sent_starts, npos) - 1)

    def token_at(self, npos: int) -> int:
        """Index of the token starting at or before ``npos`` (-1 if none)."""
        return bisect.bisect_right(self._tok_starts, npos) - 1

    def tokens_in(self, nstart: int, nend: int) -> list[WToken]:
        lo = bisect.bisect_left(self._tok_starts, nstart)
        hi = bisect.bisect_left(self._tok_starts, nend)
        return self.tokens[lo:hi]

    def original(self, nstart: int, nend: int) -> tuple[int, int]:
        """Original offsets of the normalized span ``[nstart, nend)``."""
        return self.align.span(nstart, nend)

    def token_spans(self) -> list[tuple[int, int]]:
        """Original offsets of every token (``original`` of each), computed once."""
        spans = self._tok_spans
        if spans is None or len(spans) != len(self.tokens):
            toks = self.tokens
            spans = self._tok_spans = self.align.spans([t.nstart for t in toks], [t.nend for t in toks])
        return spans


@contextlib.contextmanager
def gc_paused():
    """Build a large lookup table without the cyclic garbage collector.

    Building tables of many small containers at first use triggers full collections,
    each of which walks every object of the process (hazm's imports alone leave
    hundreds of thousands), which can cost more than the build itself. The tables hold
    no garbage cycles, so collection is simply deferred until the build is done."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def resolve_overlaps(cands: Iterable[Cand]) -> list[Cand]:
    """Non-overlapping candidates in text order: the longer span wins, then the higher
    priority (the conventions' "outer name wins")."""
    ordered = sorted(cands, key=lambda c: (-(c.nend - c.nstart), -c.priority, c.nstart, c.label))
    taken: list[tuple[int, int]] = []
    kept: list[Cand] = []
    for c in ordered:
        if c.nend <= c.nstart:
            continue
        k = bisect.bisect_left(taken, (c.nstart, c.nstart))
        if k > 0 and taken[k - 1][1] > c.nstart:
            continue
        if k < len(taken) and taken[k][0] < c.nend:
            continue
        taken.insert(k, (c.nstart, c.nend))
        kept.append(c)
    kept.sort(key=lambda c: c.nstart)
    return kept
