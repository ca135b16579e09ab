"""core/lemma.py gives hazm's Lemmatizer's lemmas; the lazy verb index of core/triggers.py
gives the same table as expanding every verb form up front."""

from __future__ import annotations

import pytest

from newsx.core import lemma, triggers


@pytest.fixture(scope="module")
def hazm_lemmatizer():
    from hazm import Lemmatizer

    return Lemmatizer()


def test_every_single_word_verb_form(hazm_lemmatizer):
    forms = [k for k in hazm_lemmatizer.verbs if " " not in k and "_" not in k and k]
    assert len(forms) > 40_000
    bad = [(f, hazm_lemmatizer.lemmatize(f), lemma.lemmatize(f)) for f in forms
           if lemma.lemmatize(f) != hazm_lemmatizer.lemmatize(f)]
    assert bad == []
    # both ways of finding the verb: lazily per word, and the full table of a long run
    table = lemma._full_table()
    assert {f: table[f] for f in forms} == {f: hazm_lemmatizer.verbs[f] for f in forms}
    assert set(table) - set(forms) <= {""}
    lazy = {f: lemma._verb_of_lazy(f) for f in forms}
    assert lazy == {f: hazm_lemmatizer.verbs[f] for f in forms}


TEXT = (
    "دانش‌آموزان دیروز به کتابخانه‌ها رفتند و کتاب‌هایشان را پس دادند. "
    "او می‌گوید که نخواهد آمد، ولی ما می‌دانستیم که خواهد آمد. "
    "بیاید ببینید چه می‌شود؛ نمی‌توانستند بگویند است یا نیست. "
    "سازمان‌های بین‌المللی هشدار داده‌اند که بحران ادامه می‌یابد. "
    "نیز ند یم ید م ی بیا بکن نکنید مینویسند کردهاند شدهاست آبها"
)


def test_free_text(hazm_lemmatizer):
    words = set(TEXT.replace("،", " ").replace(".", " ").replace("؛", " ").split())
    for w in sorted(words):
        assert lemma.lemmatize(w) == hazm_lemmatizer.lemmatize(w), w


def test_verbs_are_past_present():
    assert lemma.lemmatize("می‌روم") == "رفت#رو"
    assert lemma.lemmatize("است") == "است"  # a listed word before a verb form
    assert lemma.verb_of("است") == "#است"
    assert lemma.verb_of("کتاب") is None


def _forms(stem: str) -> list[tuple[str, triggers.VerbForm]]:
    """Every conjugated form of ``stem`` with its analysis, computed directly."""
    forms = triggers._conjugation().get_all(stem)
    vocab = {w for f in forms for w in f.split()}
    return [(f, triggers.VerbForm(*triggers._analysis_fields(stem, f, vocab))) for f in forms]


def _eager_table(lex: triggers.Lexicon) -> dict[tuple[str, ...], list[triggers.VerbForm]]:
    """The verb table as it used to be built: every variant of every form."""
    idx = lex._verbs
    table: dict[tuple[str, ...], list[triggers.VerbForm]] = {}
    for stem in idx.stems:
        for form, vf in _forms(stem):
            for v in triggers._variants(form):
                lst = table.setdefault(v, [])
                if vf not in lst:
                    lst.append(vf)
    for cop in idx.copulas:
        lst = table.setdefault(cop, [])
        vf = triggers.VerbForm("است", cop[0].startswith("نی"), False, True)
        if vf not in lst:
            lst.append(vf)
    for k in idx.not_verb:
        table.pop(k, None)
    return table


def test_lazy_verb_index_equals_eager_table():
    lex = triggers.Lexicon()
    table = _eager_table(lex)
    assert len(table) > 10_000
    longest: dict[str, int] = {}
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for key, vfs in table.items():
        assert list(lex.verb_forms(key)) == vfs, key  # (a shared tuple in the index)
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
        by_first.setdefault(key[0], set()).add(key)
    for w, n in longest.items():
        got, m = lex._verbs.first(w)
        assert m == n, w
        assert set(got) == by_first[w], w
    for w in ("کتاب", "و", "ن", "می", "ب", "خانه"):
        got, m = lex._verbs.first(w)
        assert m == longest.get(w, 0)


def test_one_word_tenses_give_every_single_word_form_of_get_all():
    """lemma conjugates only the tenses that can give one-word forms; for every verb of
    verbs.dat they must give exactly the one-word forms of hazm's get_all."""
    from hazm.lemmatizer import Conjugation

    conj = Conjugation()
    d = lemma._data()
    for k, verb in enumerate(d.verbs):
        expected = {f for f in conj.get_all(verb) if " " not in f and "_" not in f}
        assert lemma._forms(k) == expected, verb
