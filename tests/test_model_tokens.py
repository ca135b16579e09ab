"""Tokens of an analysis are built on first use; they behave like the tuple they build."""

from __future__ import annotations

import pickle

from newsx import analyze
from newsx.core.model import Token, Tokens, count_words

TEXT = "وزیر امور خارجه روز شنبه ۲۰ مهر در تهران گفت: «مذاکرات ادامه دارد.» ... ،"


def test_tokens_are_built_only_when_read() -> None:
    calls = []

    def build() -> tuple[Token, ...]:
        calls.append(1)
        return (Token(0, "سلام", 0, 4, "سلام", "سلام", 0),)

    toks = Tokens(1, 1, build)
    assert len(toks) == 1 and toks.words == 1 and not calls
    assert toks[0].text == "سلام" and toks[-1] is toks[0]
    assert list(toks) == [toks[0]] and toks[0:1] == (toks[0],)
    assert len(calls) == 1  # built once, then kept


def test_analysis_tokens_behave_like_a_tuple() -> None:
    a = analyze(TEXT)
    toks = a.tokens
    assert isinstance(toks, Tokens)
    plain = tuple(toks)
    assert toks == plain and plain == tuple(analyze(TEXT).tokens)
    assert len(toks) == len(plain) and toks[3] == plain[3] and toks[2:5] == plain[2:5]
    assert all(TEXT[t.start : t.end] == t.text for t in toks)
    assert pickle.loads(pickle.dumps(toks)) == plain
    assert pickle.loads(pickle.dumps(a)).to_dict(include=("tokens",)) == a.to_dict(include=("tokens",))


def test_word_count_is_known_without_building_tokens() -> None:
    a = analyze(TEXT)
    expected = sum(1 for t in tuple(a.tokens) if any(c.isalnum() for c in t.norm))
    assert a.stats()["words"] == expected == a.tokens.words
    assert count_words(["سلام", "۲۰", "،", "…", "\u064b", "a_b", "_"]) == 3
    assert [count_words([w]) for w in ("«", "x", "۲", "_")] == [0, 1, 1, 0]
