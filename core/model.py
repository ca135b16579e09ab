"""The frozen data model of an analysis.

Every object that points into the text carries ``start``/``end``: Python ``str``
indices into the ORIGINAL input (``end`` exclusive), so ``text[start:end]`` is the
span exactly as the user wrote it. ``norm`` is the same span after normalization.

Objects are small frozen dataclasses (in the spirit of spaCy's ``Span``); each has a
``to_dict()`` that yields plain JSON-ready data, and ``Analysis.to_dict()`` assembles
the documented output (``core/newsx.schema.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence, overload

SCHEMA_ID = "newsx/1"

#: Mention labels, in the order tables list them.
ENTITY_LABELS = ("PERSON", "LOCATION", "ORGANIZATION")
VALUE_LABELS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY")
LABELS = ENTITY_LABELS + VALUE_LABELS


@dataclass(frozen=True, slots=True)
class Token:
    i: int  #: index in the document
    text: str  #: original text
    start: int
    end: int
    norm: str  #: normalized form
    lemma: str
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "i": self.i,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "norm": self.norm,
            "lemma": self.lemma,
            "sentence": self.sentence,
        }


# a letter or a digit: exactly the characters for which str.isalnum() is true
_WORD_CHAR = re.compile(r"[^\W_]")


def count_words(norms: Iterable[str]) -> int:
    """How many of the token texts ``norms`` are words: have a letter or a digit."""
    return len(list(filter(_WORD_CHAR.search, norms)))


class Tokens(Sequence[Token]):
    """The tokens of an analysis, built on first use.

    Most outputs never show tokens (they are an optional part of the JSON), so the
    pipeline hands over a builder instead of building ~400 objects per article; the
    count and the number of words (for ``stats``) are known up front. Behaves like the
    tuple it builds: indexing, slicing, iteration, ``==``; pickles as that tuple.
    """

    __slots__ = ("_n", "words", "_build", "_items")

    def __init__(self, n: int, words: int, build: Callable[[], tuple[Token, ...]]) -> None:
        self._n = n
        self.words = words  #: how many of the tokens are words (see :func:`count_words`)
        self._build: Callable[[], tuple[Token, ...]] | None = build
        self._items: tuple[Token, ...] | None = None

    def _all(self) -> tuple[Token, ...]:
        items = self._items
        if items is None:
            assert self._build is not None
            items = self._items = tuple(self._build())
            self._build = None  # drop what the builder holds
        return items

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Token, ...]: ...
    def __getitem__(self, i):
        return self._all()[i]

    def __iter__(self) -> Iterator[Token]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            other = other._all()
        return self._all() == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return f"Tokens({self._n} tokens)"

    def __reduce__(self):
        return (tuple, (self._all(),))


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    text: str  #: original text
    start: int
    end: int
    tokens: tuple[int, int]  #: [first, last+1) token indices

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "tokens": list(self.tokens),
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """A labelled span: a name (PERSON/LOCATION/ORGANIZATION) or a value."""

    id: str
    label: str
    text: str
    start: int
    end: int
    norm: str
    sentence: int
    kind: str | None = None  #: e.g. "media" for ORGANIZATION, "duration" for QUANTITY
    value: Mapping[str, Any] | None = None  #: resolved value for DATE/TIME/MONEY/...
    entity: str | None = None  #: id of the entity it belongs to

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "norm": self.norm,
            "sentence": self.sentence,
        }
        if self.kind is not None:
            d["kind"] = self.kind
        if self.value is not None:
            d["value"] = dict(self.value)
        if self.entity is not None:
            d["entity"] = self.entity
        return d


@dataclass(frozen=True, slots=True)
class Entity:
    """One referent: the mentions of one person, place or organization."""

    id: str
    name: str
    label: str
    mentions: tuple[str, ...]
    kind: str | None = None
    roles: tuple[str, ...] = ()
    salience: float = 0.0

    @property
    def count(self) -> int:
        return len(self.mentions)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "count": self.count,
            "mentions": list(self.mentions),
            "roles": list(self.roles),
            "salience": round(self.salience, 4),
        }
        if self.kind is not None:
            d["kind"] = self.kind
        return d


@dataclass(frozen=True, slots=True)
class Ref:
    """A role filler in an event: text span, plus the entity or mention it is."""

    text: str
    start: int
    end: int
    entity: str | None = None
    mention: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if self.entity is not None:
            d["entity"] = self.entity
        if self.mention is not None:
            d["mention"] = self.mention
        return d


def _ref(r: Ref | None) -> dict[str, Any] | None:
    return None if r is None else r.to_dict()


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    cameo: str | None
    sentence: int
    trigger: Ref
    actors: tuple[Ref, ...] = ()
    targets: tuple[Ref, ...] = ()
    place: tuple[Ref, ...] = ()
    time: Ref | None = None
    quantities: tuple[Ref, ...] = ()
    source: Ref | None = None
    negated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "cameo": self.cameo,
            "sentence": self.sentence,
            "trigger": self.trigger.to_dict(),
            "actors": [r.to_dict() for r in self.actors],
            "targets": [r.to_dict() for r in self.targets],
            "place": [r.to_dict() for r in self.place],
            "time": _ref(self.time),
            "quantities": [r.to_dict() for r in self.quantities],
            "source": _ref(self.source),
            "negated": self.negated,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    sentence: int
    speaker: Ref | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "speaker": _ref(self.speaker),
        }


#: Parts of the output that are bulky and only emitted on request.
OPTIONAL_PARTS = ("text", "normalized", "sentences", "tokens")


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    normalized: str
    sentences: tuple[Sentence, ...]
    tokens: Sequence[Token]  #: a tuple, or :class:`Tokens` (built on first use)
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    published: str | None = None  #: ISO reference date, when one was given
    source: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)  #: passed-through fields (id, title, url)
    warnings: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        toks = self.tokens
        if isinstance(toks, Tokens):
            return toks.words
        return count_words(t.norm for t in toks)

    def stats(self) -> dict[str, Any]:
        words = self.words
        return {
            "characters": len(self.text),
            "sentences": len(self.sentences),
            "tokens": len(self.tokens),
            "words": words,
            # 200 words a minute, a common figure for Persian prose read on screen.
            "reading_seconds": round(words * 60 / 200),
        }

    def with_source(self, source: str | None, meta: Mapping[str, Any] | None = None) -> "Analysis":
        from dataclasses import replace

        return replace(self, source=source, meta=dict(meta or {}))

    def to_dict(self, include: tuple[str, ...] | frozenset[str] = ()) -> dict[str, Any]:
        d: dict[str, Any] = {"schema": SCHEMA_ID, "source": self.source}
        d.update(self.meta)
        d["published"] = self.published
        d["stats"] = self.stats()
        if self.warnings:
            d["warnings"] = list(self.warnings)
        if "text" in include:
            d["text"] = self.text
        if "normalized" in include:
            d["normalized"] = self.normalized
        if "sentences" in include:
            d["sentences"] = [s.to_dict() for s in self.sentences]
        if "tokens" in include:
            d["tokens"] = [t.to_dict() for t in self.tokens]
        d["mentions"] = [m.to_dict() for m in self.mentions]
        d["entities"] = [e.to_dict() for e in self.entities]
        d["events"] = [e.to_dict() for e in self.events]
        d["quotes"] = [q.to_dict() for q in self.quotes]
        return d
