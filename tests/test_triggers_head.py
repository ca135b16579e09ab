"""The short answers of the verb index and the lexicon equal the full ones.

core/triggers.py sums up a verb head without building its token tuples
(``_VerbIndex.head``), builds the tuples of a head and a second token only
(``_VerbIndex.pair``), precomputes the one-word nominal triggers with their suffixes,
folds by a replace where no Arabic letter variant occurs, and gives words it knows
nothing about one shared WordInfo. Each test compares one of these with the plain way.
"""

from __future__ import annotations

import pytest

from newsx.core import triggers
from newsx.core.triggers import _FOLD, _FOLD_JOINT, _NOUN_SUFFIXES, ZWNJ, fold


@pytest.fixture(scope="module")
def lex() -> triggers.Lexicon:
    return triggers.Lexicon()  # its own: the caches start empty


def _heads(lex: triggers.Lexicon) -> list[str]:
    idx = lex._verbs
    words = set(idx.by_head) | idx._copula_heads | {k[0] for k in idx.not_verb}
    return sorted(words | {"کتاب", "و", "ن", "ب", ""})


def test_head_sums_up_first(lex):
    idx = lex._verbs
    for w in _heads(lex):
        verbs, longest = idx.first(w)
        got_longest, seconds, one, stems = idx.head(w)
        assert got_longest == longest, w
        assert seconds == {k[1] for k in verbs if len(k) > 1}, w
        assert one == verbs.get((w,)), w
        assert stems == {vf.stem for vfs in verbs.values() for vf in vfs}, w


@pytest.mark.parametrize("w", ["می", "نمی", "کرده", "شده", "داشته", "است", "خواهد", "گفت"])
def test_pair_is_first_by_second_token(w):
    lex = triggers.Lexicon()
    idx = lex._verbs
    verbs, _ = idx.first(w)
    seconds = {k[1] for k in verbs if len(k) > 1}
    for w2 in sorted(seconds | {"کتاب"}):
        want = {k: v for k, v in verbs.items() if len(k) > 1 and k[1] == w2}
        got = idx.pair(w, w2)
        assert got == want, (w, w2)
        assert list(got) == list(want), (w, w2)  # same order
    # pair() before head() (or after its memo is forgotten) gives the same
    fresh = triggers.Lexicon()._verbs
    for w2 in sorted(seconds)[:20]:
        assert fresh.pair(w, w2) == idx.pair(w, w2)


def test_noun_words_equal_suffix_stripping(lex):
    def plain(tok):
        t = lex.nouns.get((tok,))
        if t is None:
            for suf in _NOUN_SUFFIXES:
                if tok.endswith(suf) and len(tok) - len(suf) >= 2:
                    t = lex.nouns.get((tok[: -len(suf)],))
                    if t:
                        break
        return t

    words = {"کتاب", "ها", "های", "ی"}
    for k in lex.nouns:
        for suf in ("",) + _NOUN_SUFFIXES + ("هایش", "ها" + "ی"):
            words.add(k[0] + suf)
            words.add(k[0][:-1] + suf)
    for w in sorted(words):
        assert lex._noun_words.get(w) == plain(w), w


@pytest.mark.parametrize(
    "s", ["کتاب", "می" + ZWNJ + "رود", "علي", "كشور", "مسألة", "إيران", "خانۀ", "ى", "a\u200db", "", " ", "x y"]
)
def test_fold_equals_translate(s):
    assert fold(s) == s.translate(_FOLD)
    assert triggers._fold_joint(s) == s.translate(_FOLD_JOINT)


def test_quiet_words_answer_as_the_full_look_up(lex):
    for w in ["کتاب", "دیروز", "۱۲", "،", "«", "تهران", "خانه‌ها", "ميز", "زیبا"]:
        f = fold(w)
        assert lex.word(w) is triggers._QUIET, w  # (the shortcut is taken)
        assert lex.word(w) == lex._word(f), w
        assert lex.folded(w) == f
