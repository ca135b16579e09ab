"""hazm's lemmas without building hazm's ``Lemmatizer``.

``hazm.Lemmatizer()`` costs 1–2 s at start-up: it reads words.dat through a
``WordTokenizer`` and conjugates every verb of verbs.dat into a dictionary of about
half a million forms, most of them several words long («دیده نمی‌شدند»), which a
single token never is. This module gives the same answers as
``Lemmatizer().lemmatize(word)`` (no ``pos``) for single tokens, from the same data
files, but conjugates a verb only when a word could be one of its forms:

* a word listed in words.dat is its own lemma;
* else, if it is a conjugated form (``Conjugation.get_all``) of a verb, the lemma is
  that verb as «past#present»; where several verbs share a form, hazm keeps the one it
  conjugated last (verbs.dat read in reverse), and so do we. Every form of a verb
  contains its past or its present stem, so the candidate verbs of a word are those
  with a stem inside the word; each candidate is conjugated once (cached) and kept
  if the word is among its forms. The word «است» alone is «#است» (hazm's special
  case). A long run (past ``_EAGER_AFTER`` such look-ups) conjugates every verb once
  into one table instead, which is then a single dictionary look-up per word;
* else hazm's ``Stemmer`` stem, if that is a listed word;
* else the word itself.

Multi-word forms (with a space or hazm's «_» joiner) cannot be tokens here, so the
verb check only looks at forms without them. tests/test_lemma.py compares this with
hazm's Lemmatizer on every form of every verb and on free text.
"""

from __future__ import annotations

from functools import lru_cache

from .doc import gc_paused


class _Data:
    __slots__ = ("words", "verbs", "by_stem", "always", "max_stem", "stemmer", "conj")

    def __init__(self) -> None:
        from .hazm_parts import data_dir, module

        folder = data_dir()
        # words.dat is read once, by the half-space repair's lexicon (every row of it has
        # hazm's three columns, so its word set is hazm's words_list)
        from .zwnj import lexicon

        self.words = lexicon().all_words
        with (folder / "verbs.dat").open(encoding="utf-8") as fh:
            # hazm's WordTokenizer: the file's lines, stripped, in reverse order
            self.verbs: list[str] = list(reversed([v.strip() for v in fh if v]))
        by_stem: dict[str, list[int]] = {}
        always: list[int] = []  # verbs with an empty stem («#هست»): any word may be a form
        for k, verb in enumerate(self.verbs):
            stems = verb.split("#")
            if not all(stems):
                always.append(k)
            for stem in set(stems):
                if stem:
                    by_stem.setdefault(stem, []).append(k)
        self.by_stem = by_stem
        self.always = always
        self.max_stem = max(map(len, by_stem))
        self.stemmer = module("stemmer").Stemmer()
        self.conj = module("lemmatizer").Conjugation()


@lru_cache(maxsize=1)
def _data() -> _Data:
    with gc_paused():
        return _Data()


#: The tenses of ``Conjugation.get_all`` whose forms can be single words, and the stem
#: each is built on. ``get_all`` is the infinitive plus 98 tenses; the others all add a
#: second word («خواهد رفت», «رفته بود», «رفته شد») and make up nine tenths of its
#: time. tests/test_lemma.py checks, for every verb of verbs.dat, that these give
#: exactly the single-word forms of ``get_all`` (hazm 0.10 and 0.12 alike).
_ONE_WORD_TENSES = (
    ("perfective_past", "past"), ("negative_perfective_past", "past"),
    ("imperfective_past", "past"), ("negative_imperfective_past", "past"),
    ("present_perfect", "past"), ("negative_present_perfect", "past"),
    ("imperfective_present_perfect", "past"), ("negative_imperfective_present_perfect", "past"),
    ("perfective_present", "present"), ("negative_perfective_present", "present"),
    ("subjunctive_perfective_present", "present"), ("negative_subjunctive_perfective_present", "present"),
    ("grammatical_perfective_present", "present"), ("negative_grammatical_perfective_present", "present"),
    ("imperfective_present", "present"), ("negative_imperfective_present", "present"),
)


@lru_cache(maxsize=None)
def _forms(k: int) -> frozenset[str]:
    """The single-word forms of verb number ``k`` (hazm's conjugations)."""
    d = _data()
    past, present = d.verbs[k].split("#")
    forms = [past + "ن"]  # the infinitive, as get_all starts
    for tense, stem in _ONE_WORD_TENSES:
        forms += getattr(d.conj, tense)(past if stem == "past" else present)
    return frozenset(f for f in forms if " " not in f and "_" not in f)


#: after this many lazy look-ups (a few articles), conjugate every verb once instead
_EAGER_AFTER = 1500
_lazy_calls = 0
_table: dict[str, str] | None = None


def _full_table() -> dict[str, str]:
    """Single-word form -> verb for every verb, as hazm's Lemmatizer fills its table:
    «است» first, then each verb in turn, a later verb overwriting an earlier one."""
    d = _data()
    table = {"است": "#است"}
    with gc_paused():
        for k in range(len(d.verbs)):
            for f in _forms(k):
                table[f] = d.verbs[k]
    return table


def verb_of(word: str) -> str | None:
    """The verb («past#present») of which ``word`` is a conjugated form, as hazm's
    Lemmatizer would pick it, or None."""
    global _lazy_calls, _table
    if _table is not None:
        return _table.get(word)
    _lazy_calls += 1
    if _lazy_calls > _EAGER_AFTER:
        _table = _full_table()
        return _table.get(word)
    return _verb_of_lazy(word)


def _verb_of_lazy(word: str) -> str | None:
    d = _data()
    cands: set[int] = set(d.always)
    n = len(word)
    for i in range(n):
        for j in range(i + 1, min(n, i + d.max_stem) + 1):
            ks = d.by_stem.get(word[i:j])
            if ks:
                cands.update(ks)
    for k in sorted(cands, reverse=True):  # hazm keeps the last verb conjugated
        if word in _forms(k):
            return d.verbs[k]
    if word == "است":
        return "#است"
    return None


def lemmatize(word: str) -> str:
    """``hazm.Lemmatizer().lemmatize(word)`` for a single token."""
    d = _data()
    if word in d.words:
        return word
    v = verb_of(word)
    if v is not None:
        return v
    stem = d.stemmer.stem(word)
    if stem and stem in d.words:
        return stem
    return word
