"""Sentence and word tokenization with offsets, and lemmas.

hazm's tokenizers return strings, not positions, and its WordTokenizer glues verb
parts with «_» («خواهد_رفت»), which is not in the text. newsx tokenizes the
normalized text with one linear regular expression instead, so every token is a true
substring (its original span comes from the alignment); lemmas are hazm's Lemmatizer's
(computed by core/lemma.py from hazm's data without building the Lemmatizer).
"""

from __future__ import annotations

import re

from .doc import Doc, WSentence, WToken
from .lemma import lemmatize

_D = r"0-9\u06f0-\u06f9\u0660-\u0669"
_TOKEN = re.compile(
    "|".join(
        [
            r"(?:https?://|www\.)[^\s«»\"'()<>\[\]{}،؛]*[^\s«»\"'()<>\[\]{}،؛.,:;!?؟]",
            r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)+",
            rf"[{_D}]+(?:[.,:/\-\u066b\u066c][{_D}]+)*",  # numbers, dates, times
            r"(?:[^\W\d_]|[\u064b-\u065f\u0670])+(?:[\u200c\u200d](?:[^\W\d_]|[\u064b-\u065f\u0670])+)*",  # words, ZWNJ inside
            r"([.!?؟…])\1*",  # repeated end punctuation is one token
            # any other single character, but not format controls (bidi marks, BOM)
            r"[^\s\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]",
        ]
    )
)
# A sentence ends after . ! ? ؟ … (and any closing quotes/brackets), before space or end.
# A match starts only where a run of end marks starts: tried from inside a long run
# («.....x») it would fail the same way, once per mark (quadratic).
_SENT_END = re.compile(r"(?<![.!?؟…])[.!?؟…]++[»\"')\]]*+(?=\s|$)|\n")


def lemma(word: str) -> str:
    """hazm's lemma of a word; verbs come as «past#present» stems (e.g. «کرد#کن»)."""
    if not word or not word[0].isalpha():
        return word
    try:
        return lemmatize(word)
    except Exception:  # hazm is not total over arbitrary input
        return word


def sentence_spans(norm: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of the normalized text (whitespace trimmed)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(norm):
        end = m.end() if m.group(0) != "\n" else m.start()
        _add(norm, pos, end, spans)
        pos = m.end()
    _add(norm, pos, len(norm), spans)
    return spans


def _add(norm: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and norm[start].isspace() or start < end and norm[start] == "\u200c":
        start += 1
    while end > start and (norm[end - 1].isspace() or norm[end - 1] == "\u200c"):
        end -= 1
    if end > start:
        spans.append((start, end))


def tokenize(doc: Doc, lemmas: bool = True) -> None:
    """Fill ``doc.sentences`` and ``doc.tokens``."""
    norm = doc.norm
    tokens = doc.tokens
    add = tokens.append
    finditer = _TOKEN.finditer
    memo = _LEMMAS
    n = len(tokens)
    for si, (s, e) in enumerate(sentence_spans(norm)):
        first = n
        for m in finditer(norm, s, e):
            a, b = m.span()
            word = norm[a:b]
            if lemmas:
                lem = memo.get(word)
                if lem is None:
                    if len(memo) >= 200_000:
                        memo.clear()
                    lem = memo[word] = lemma(word)
            else:
                lem = word
            add(WToken(n, a, b, word, si, lem))
            n += 1
        doc.sentences.append(WSentence(si, s, e, first, n))
    doc.index()


# word -> lemma, worked out once per distinct word (one dict look-up per token)
_LEMMAS: dict[str, str] = {}
