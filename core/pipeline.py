"""The pipeline: ``analyze(text) -> Analysis``.

Stages run in order on a shared :class:`~newsx.core.doc.Doc`:

1. ``normalize``  — hazm Normalizer, protected spans, half-space repair, alignment
2. ``tokenize``   — sentences, tokens, lemmas
3. ``values``     — DATE, TIME, MONEY, PERCENT, QUANTITY candidates with values
4. ``entities``   — PERSON, LOCATION, ORGANIZATION candidates
5. resolution     — overlapping candidates: the longer span wins (then priority)
6. ``entities.group`` — mentions of one referent become one entity, with roles
7. ``events``     — events with their roles, and quotes
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import partial
from typing import Any, Mapping

from .doc import Cand, Doc, gc_paused, resolve_overlaps
from .model import Analysis, Mention, Sentence, Token, Tokens, count_words
from .normalize import normalize
from .tokenize import tokenize

_PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_DATE_RE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$")


def parse_published(value: Any) -> _dt.date | None:
    """A reference date from a ``date``/``datetime``, or an ISO or Jalali string.

    ``2023-10-29`` is Gregorian; a year below 1700 (``1402-08-07``, ``۱۴۰۲/۰۸/۰۷``) is
    read as Jalali. ``None`` and ``""`` give ``None``; anything else raises ValueError.
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    s = value.translate(_PERSIAN_DIGITS)
    s = s.split("T", 1)[0]
    m = _DATE_RE.match(s)
    if not m:
        raise ValueError(f"not a date (want YYYY-MM-DD, Gregorian or Jalali): {value!r}")
    y, mo, d = (int(g) for g in m.groups())
    try:
        if y < 1700:
            import jdatetime

            return jdatetime.date(y, mo, d).togregorian()
        return _dt.date(y, mo, d)
    except ValueError as e:
        raise ValueError(f"not a valid date: {value!r} ({e})") from None


def _mentions(doc: Doc, cands: list[Cand]) -> list[Mention]:
    out = []
    for k, c in enumerate(cands):
        s, e = doc.original(c.nstart, c.nend)
        out.append(
            Mention(
                id=f"m{k}",
                label=c.label,
                text=doc.text[s:e],
                start=s,
                end=e,
                norm=doc.norm[c.nstart : c.nend],
                sentence=doc.sentence_at(c.nstart),
                kind=c.kind,
                value=c.value,
            )
        )
    return out


def analyze(
    text: str,
    published: Any = None,
    *,
    source: str | None = None,
    meta: Mapping[str, Any] | None = None,
    repair: bool = True,
    outlet: str | None = None,
) -> Analysis:
    """Analyze one article.

    ``published`` is the reference date for relative dates (a date, or an ISO or Jalali
    string); ``outlet`` the publishing outlet's name, so that «به گزارش <outlet>» is not
    reported as a source (also read from ``meta["outlet"]``).
    """
    if not isinstance(text, str):
        raise TypeError("text must be str")
    # The cyclic collector is paused while an article is analyzed. The first call builds
    # every table (hazm, lexicons, gazetteers) and each later one adds the words it sees
    # for the first time to per-word caches: collections during that walk the whole
    # heap, tables and caches included, again and again (over a corpus they took ~10%
    # of the time, and more on a long text). An analysis makes no garbage cycles
    # (tests/test_pipeline_gc.py), so pausing costs no memory; whatever the caller's
    # code leaves is collected as soon as the collector runs again, after the call.
    with gc_paused():
        return _analyze(text, published, source, meta, repair, outlet)


def _tokens(text: str, norms: list[str], lemmas: list[str], sentences: list[int],
            spans: list[tuple[int, int]]) -> tuple[Token, ...]:
    return tuple(Token(i, text[s:e], s, e, norm, lemma, sent)
                 for i, (norm, lemma, sent, (s, e)) in enumerate(zip(norms, lemmas, sentences, spans)))


def _analyze(
    text: str,
    published: Any,
    source: str | None,
    meta: Mapping[str, Any] | None,
    repair: bool,
    outlet: str | None,
) -> Analysis:
    from . import entities, events, values

    pub = parse_published(published)
    norm, alignment = normalize(text, repair=repair)
    doc = Doc(text=text, norm=norm, align=alignment, published=pub)
    tokenize(doc)

    cands = values.find(doc) + entities.find(doc)
    kept = resolve_overlaps(cands)
    mentions = _mentions(doc, kept)
    mentions, ents = entities.group(doc, kept, mentions)
    if outlet is None and meta:
        outlet = meta.get("outlet") or None
    evs, quotes = events.extract(doc, mentions, ents, outlet=outlet)

    # the tokens, as plain columns (strings and numbers): what the builder keeps alive
    # until the tokens are asked for is then a few lists, not 400 working objects
    wtoks = doc.tokens
    norms = [t.norm for t in wtoks]
    columns = (norms, [t.lemma for t in wtoks], [t.sentence for t in wtoks], doc.token_spans())
    tokens = Tokens(len(wtoks), count_words(norms), partial(_tokens, text, *columns))
    sentences = []
    for ws in doc.sentences:
        s, e = doc.original(ws.nstart, ws.nend)
        sentences.append(Sentence(ws.index, text[s:e], s, e, (ws.first, ws.last)))

    return Analysis(
        text=text,
        normalized=norm,
        sentences=tuple(sentences),
        tokens=tokens,
        mentions=tuple(mentions),
        entities=tuple(ents),
        events=tuple(evs),
        quotes=tuple(quotes),
        published=pub.isoformat() if pub else None,
        source=source,
        meta=dict(meta or {}),
        warnings=tuple(doc.warnings),
    )
