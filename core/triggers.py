"""Event triggers: verbal (with every conjugated form), light-verb compounds, and nominals.

Word lists live in ``core/data/events_*.tsv``; verb forms are generated from «past#present»
stems with hazm's :class:`~hazm.lemmatizer.Conjugation` (all tenses, persons, negative and
passive forms), so the data lists lemmas only. Matching is tolerant to how the text writes
the joints of a verb: half-space, space or nothing («کرده‌اند», «کرده اند», «کردهاند»).

Everything is built once, at first use (:func:`lexicon`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat
from typing import Iterable, NamedTuple

from .doc import gc_paused
from .resources import rows

ZWNJ = "\u200c"
_MAX_VERB_TOKENS = 4
#: plural / indefinite / ezafe suffixes stripped from a nominal trigger (longest first)
_NOUN_SUFFIXES = ("هایی", "های", "ها", "ای", "یی", "ی", "ان", "ه‌ی")
_FOLD = str.maketrans({ZWNJ: None, "\u200d": None, "ي": "ی", "ك": "ک", "ى": "ی", "أ": "ا", "إ": "ا",
                       "ۀ": "ه", "ة": "ه"})


#: the characters :data:`_FOLD` changes other than the half-space: rare in normalized text,
#: so most strings are folded by a search for them and a plain replace (str.translate
#: with a dict table costs several times more, per word and on a lexicon's verb forms)
_FOLD_OTHER = re.compile("[" + "".join(chr(c) for c in _FOLD if c != 0x200C) + "]")


def fold(s: str) -> str:
    """A token as matched: no half-spaces, Arabic letter variants unified, hamza-alef plain."""
    if _FOLD_OTHER.search(s) is None:
        return s.replace(ZWNJ, "")
    return s.translate(_FOLD)


@dataclass(frozen=True, slots=True)
class VerbForm:
    stem: str  #: «past#present»
    negated: bool
    passive: bool
    finite: bool  #: not an infinitive or a bare participle
    past: bool = False  #: a past form without «می» («خواست», «خواسته است»), not present or future


@dataclass(frozen=True, slots=True)
class TypeInfo:
    type: str
    cameo: str | None
    agentive: bool
    object_role: str
    genitive_role: str
    target_preps: tuple[str, ...]


#: lexicon classes whose phrases the event stage looks for at every token
SCANNED = ("anaphor_pair", "anaphor_place", "appeal", "demonstrative", "frame_prefix", "frame_relay",
           "hypothetical", "neg_modal", "place_prep", "pronoun_person")


class WordInfo(NamedTuple):
    """What the lexicon says about one token string (see :meth:`Lexicon.word`); the
    token as matched is :meth:`Lexicon.folded`. Words with the same answers share one
    WordInfo: the 28k words of a corpus need a few hundred."""

    heads: tuple[str, ...]  #: classes of :data:`SCANNED` with a phrase whose first token is this one
    verb: bool  #: a verb form (or copula) starts with this token
    lv: bool  #: the first token of a light-verb compound
    joined: tuple[Trigger, VerbForm] | None  #: a one-word compound written as one word («کشته‌شده»)
    verbal: bool  #: ``lv`` or ``joined``
    noun: bool  #: a nominal trigger may start with this token (``noun_at`` can hit)
    #: ``heads``, then the marks of what else may start here, of "+verb" (``verb``), "+vtrig"
    #: (a verb form of a verbal trigger's stem), "+verbal"
    #: (``verbal``), "+noun" (``noun``), "+target" (a target marker: «علیه», «را», a type's
    #: preposition), "+ke" (the clause-opening «که»): the event stage collects the tokens of
    #: each class and mark in one pass over an article
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger entry of ``events_triggers.tsv``."""

    type: str
    kind: str  #: verb | lv | noun
    words: tuple[str, ...]  #: folded tokens (nonverbal part / noun); () for verbs
    light: str | None  #: stem of the (light) verb
    subject: str  #: actor | target | place
    license: frozenset[str]
    passive: bool = False  #: the generated passive of an lv


def _rows(name: str) -> Iterable[list[str]]:
    return rows(name)


def _tokens(phrase: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in phrase.split())


_JOINTS = re.compile("[ \u200c]")
#: for n joints, every way of writing them: a space or nothing (n ≤ 3)
_CHOICES = [list(itertools.product((" ", ""), repeat=n)) for n in range(4)]


def _variants(form: str) -> set[tuple[str, ...]]:
    """Token tuples a form may appear as: each joint written as half-space, space or nothing."""
    parts = _JOINTS.split(form)
    if len(parts) > 4:
        return {tuple(fold(p) for p in form.split())}
    out: set[tuple[str, ...]] = set()
    first, rest = parts[0], parts[1:]
    for choice in _CHOICES[len(rest)]:
        s = first
        for sep, p in zip(choice, rest):
            s += sep + p
        toks = s.split()
        if 0 < len(toks) <= _MAX_VERB_TOKENS:
            out.add(tuple([fold(t) for t in toks]))
    return out


@lru_cache(maxsize=1)
def _conjugation():
    from .hazm_parts import module

    return module("lemmatizer").Conjugation()


#: The target markers of every event type (events_types.tsv: «علیه» always is one; «X را»
#: fills a type's object role). events.py reads targets after them, and a token's
#: "+target" mark (see :class:`WordInfo`), which tells it where to look, comes from them.
AGAINST = "علیه"
OBJECT_MARKER = "را"


def _analysis_fields(stem: str, f: str, vocab: set[str]) -> tuple[str, bool, bool, bool, bool]:
    """The :class:`VerbForm` fields of one conjugated form ``f`` of ``stem`` (``vocab``:
    the words of all its forms), as a plain tuple: cheap to hash."""
    past = stem.split("#")[0]
    words = f.split()
    participle = past + "ه"
    neg = any(w.startswith("ن") and w[1:] in vocab for w in words)
    passive = (
        stem != "شد#شو"
        and len(words) >= 2
        and words[0] in (participle, "ن" + participle)
        and any(w.lstrip("ن").replace("می" + ZWNJ, "").startswith(("شد", "شو")) for w in words[1:])
    )
    # infinitives and bare participles («کرده», «کشته شده») do not close a clause
    finite = f != past + "ن" and words[-1] not in (participle, "ن" + participle, "شده", "نشده")
    w0 = words[0][1:] if neg else words[0]
    past_form = w0.startswith(past) and "می" + ZWNJ not in f and not passive
    return stem, neg, passive, finite, past_form


#: folded, with half-spaces as spaces: a form's parts between joints
_FOLD_JOINT = {**_FOLD, 0x200C: " "}


def _fold_joint(s: str) -> str:
    """``s.translate(_FOLD_JOINT)``, by a replace when it can (as :func:`fold`)."""
    if _FOLD_OTHER.search(s) is None:
        return s.replace(ZWNJ, " ")
    return s.translate(_FOLD_JOINT)


_NO_FORMS: tuple[dict[tuple[str, ...], list[VerbForm]], int] = ({}, 0)
_NO_PHRASES: dict = {}
#: _VerbIndex.head's answer for a word that starts no verb form
_NO_HEAD: tuple = (0, frozenset(), None, frozenset())


def _plain_split(folded: str) -> list[str] | None:
    """A form's folded parts between its joints (``folded``: the form as
    :func:`_fold_joint` gives it), when its spellings are simply every grouping of
    them (at most 4 parts, none empty, no other spacing); else None."""
    parts = folded.split(" ")
    if len(parts) <= 4 and all(parts) and folded.isprintable():
        return parts
    return None


def _spellings_from(form: str, parts: tuple[str, ...] | None, w: str) -> list[tuple[str, ...]]:
    """The spellings of ``form`` (as :func:`_variants`) whose first token is ``w``
    (``parts``: its :func:`_plain_split`).

    For a plain form the first token is a run of its first parts joined with nothing:
    only the groupings of the parts after that run are built, not all 2^joints of them."""
    if parts is None:
        return [v for v in _variants(form) if v[0] == w]
    acc = ""
    for j, p in enumerate(parts):
        acc += p
        if acc == w:
            break
    else:
        return []
    rest = parts[j + 1 :]
    if not rest:
        return [(w,)]
    out = []
    for choice in _CHOICES[len(rest) - 1]:
        toks = [w]
        cur = rest[0]
        for sep, p in zip(choice, rest[1:]):
            if sep:
                toks.append(cur)
                cur = p
            else:
                cur += p
        toks.append(cur)
        out.append(tuple(toks))
    return out


class _VerbIndex:
    """Every conjugated form of the lexicon's verb stems, as token tuples, looked up by
    their first token.

    Expanding all forms into all their spellings (:func:`_variants`) up front costs more
    than the rest of the start-up of the event stage. Instead each form is indexed by
    the first tokens its spellings can have (its joints up to the first space written
    as nothing: «می‌کرده‌اند» → «می», «میکرده», «میکردهاند»), and the token tuples that
    start with a given token are built the first time that token is looked up, from
    the forms indexed under it. The result is the same as the full table: per key, the
    analyses in the order of (stem, form), copulas after verbs, ``not_verb`` removed.

    :meth:`first` builds every tuple of a first token. The event stage needs less:
    :meth:`head` sums up a first token without building tuples, and :meth:`pair` builds
    the tuples of a first and a second token as they occur in texts («می» heads 1,500
    forms, of which a text uses a handful).
    """

    def __init__(self, stems: list[str], copulas: list[tuple[str, ...]], not_verb: set[tuple[str, ...]]):
        conj = _conjugation()
        self.stems = stems
        self.forms: list[tuple[int, str]] = []  #: (stem number, form), in build order
        self.parts: list[tuple[str, ...] | None] = []  #: per form, its _plain_split
        self._stem_forms: list[range] = []  #: per stem, the numbers of its forms
        by_head: dict[str, list[int]] = {}
        for si, stem in enumerate(stems):
            r0 = len(self.forms)
            forms = conj.get_all(stem)
            # a stem's ~600 forms folded in one pass (the lexicon is built at every start)
            folded = _fold_joint("\n".join(forms)).split("\n")
            if len(folded) != len(forms):  # (a form with a line break: one by one)
                folded = [_fold_joint(f) for f in forms]
            self.forms.extend(zip(repeat(si), forms))
            for r, ff in enumerate(folded, r0):
                parts = _plain_split(ff)
                if parts is not None:
                    self.parts.append(tuple(parts))
                    heads = accumulate(parts)  # «می», «میکرده», «میکردهاند»: distinct
                else:  # odd spacing: ask the spellings themselves
                    self.parts.append(None)
                    heads = {v[0] for v in _variants(forms[r - r0])}
                for h in heads:
                    lst = by_head.get(h)
                    if lst is None:
                        by_head[h] = [r]
                    else:
                        lst.append(r)
            self._stem_forms.append(range(r0, len(self.forms)))
        # tuples of ints: the garbage collector stops tracking them
        self.by_head = {h: tuple(rs) for h, rs in by_head.items()}
        self.copulas = copulas
        self._copula_heads = frozenset(cop[0] for cop in copulas)
        self.not_verb = not_verb
        self._not_verb_heads = frozenset(k[0] for k in not_verb)
        self.copulas_set = frozenset(copulas)
        self._pairs: dict[tuple[str, str], dict[tuple[str, ...], tuple[VerbForm, ...]]] = {}  #: see pair()
        #: head(w)'s forms of w by their second token, for pair() (cleared past 200k words)
        self._seconds: dict[str, dict[str, list[int]]] = {}
        self._vocab: dict[int, set[str]] = {}
        self._analyses: dict[int, VerbForm] = {}
        #: one object per distinct analysis, and per distinct list of analyses: thousands
        #: of forms share a few hundred, and fewer long-lived objects make the cyclic
        #: garbage collector's full passes cheaper and rarer. The lists are keyed by the
        #: id()s of their analyses (shared objects, kept alive by ``_shared``)
        self._shared: dict[VerbForm, VerbForm] = {}
        self._shared_lists: dict[tuple[int, ...], tuple[VerbForm, ...]] = {}
        self._by_fields: dict[tuple, VerbForm] = {}  #: the shared analysis by its fields
        self._cache: dict[str, tuple[dict[tuple[str, ...], list[VerbForm]], int]] = {}

    def _analysis(self, rank: int) -> VerbForm:
        vf = self._analyses.get(rank)
        if vf is None:
            si, f = self.forms[rank]
            vocab = self._vocab.get(si)
            if vocab is None:  # the words of all the stem's forms
                rs = self._stem_forms[si]
                vocab = self._vocab[si] = set(" ".join([f for _, f in self.forms[rs.start : rs.stop]]).split())
            fields = _analysis_fields(self.stems[si], f, vocab)
            vf = self._by_fields.get(fields)
            if vf is None:  # (a new analysis: a few hundred in all)
                vf = VerbForm(*fields)
                vf = self._by_fields[fields] = self._shared.setdefault(vf, vf)
            self._analyses[rank] = vf
        return vf

    def _table(self, w: str, ranks: Iterable[int], w2: str | None) -> dict[tuple[str, ...], tuple[VerbForm, ...]]:
        """Token tuple -> analyses, for the spellings of the forms ``ranks`` (and the
        copulas) that start with ``w`` (and go on with ``w2``, unless None); as in the
        full table: analyses in (stem, form) order without repeats, copulas after verbs,
        ``not_verb`` removed."""
        # analyses are shared objects (equal ones are the same object), so a dict keyed
        # by id() keeps them apart without calling the dataclass's __eq__/__hash__
        found: dict[tuple[str, ...], dict[int, VerbForm]] = {}
        forms, parts = self.forms, self.parts
        for r in ranks:  # in (stem, form) order
            vs = _spellings_from(forms[r][1], parts[r], w)
            if w2 is not None:
                vs = [v for v in vs if len(v) > 1 and v[1] == w2]
            if not vs:
                continue
            vf = self._analysis(r)
            for v in vs:
                d = found.get(v)
                if d is None:
                    found[v] = {id(vf): vf}
                elif id(vf) not in d:
                    d[id(vf)] = vf
        if w in self._copula_heads:
            shared = self._shared
            for cop in self.copulas:
                if cop[0] == w and (w2 is None or cop[1:2] == (w2,)):
                    vf = VerbForm("است", cop[0].startswith("نی"), False, True)
                    vf = shared.setdefault(vf, vf)
                    found.setdefault(cop, {}).setdefault(id(vf), vf)
        lists = self._shared_lists
        out: dict[tuple[str, ...], tuple[VerbForm, ...]] = {}
        for k, d in found.items():
            if k in self.not_verb:
                continue
            key = tuple(d)
            t = lists.get(key)
            if t is None:
                t = lists[key] = tuple(d.values())
            out[k] = t
        return out

    def head(self, w: str) -> tuple[int, frozenset[str], tuple[VerbForm, ...] | None, frozenset[str]]:
        """What :meth:`first` says of ``w`` in short, without building its token tuples
        (the event stage needs no more of most verb heads): the length of its longest form
        in tokens (0: none), the second tokens of its longer forms, the analyses of the
        one-token form ``w`` (None if none), and the stems of all its forms' analyses.

        «می», «نمی» or a participle head hundreds of forms each; their tuples are built
        only for the second tokens that follow them in a text (:meth:`pair`)."""
        ranks = self.by_head.get(w, ())
        if not ranks and w not in self._copula_heads:  # most words
            return _NO_HEAD
        if w in self._not_verb_heads:  # (rare) the full table has the exceptions removed
            verbs, longest = self.first(w)
            return (longest, frozenset(k[1] for k in verbs if len(k) > 1), verbs.get((w,)),
                    frozenset(vf.stem for vfs in verbs.values() for vf in vfs))
        longest = 0
        seconds: dict[str, list[int]] = {}  #: second token -> the forms with a spelling going on with it
        ones: list[int] = []  #: forms with the one-token spelling (w,)
        sis: set[int] = set()  #: stem numbers of forms with a spelling
        forms, parts = self.forms, self.parts
        for r in ranks:
            ps = parts[r]
            if ps is None:  # odd spacing: its spellings themselves
                vs = _spellings_from(forms[r][1], None, w)
                if not vs:
                    continue
                for v in vs:
                    if len(v) > 1:
                        lst = seconds.setdefault(v[1], [])
                        if r not in lst:
                            lst.append(r)
                    elif r not in ones:
                        ones.append(r)
                    if len(v) > longest:
                        longest = len(v)
            else:  # (as _spellings_from) the first token is a run of the first parts
                for j, acc in enumerate(accumulate(ps)):
                    if acc == w:
                        break
                else:
                    continue
                rest = ps[j + 1 :]
                if rest:  # the second token is a run of the next parts (distinct runs)
                    for w2 in accumulate(rest):
                        lst = seconds.get(w2)
                        if lst is None:
                            seconds[w2] = [r]
                        else:
                            lst.append(r)
                else:
                    ones.append(r)
                if len(rest) + 1 > longest:
                    longest = len(rest) + 1
            sis.add(forms[r][0])
        stems = {self.stems[si] for si in sis}
        if w in self._copula_heads:
            for cop in self.copulas:
                if cop[0] == w:
                    if len(cop) > 1:
                        seconds.setdefault(cop[1], [])
                    longest = max(longest, len(cop))
                    stems.add("است")
        if not longest:
            return _NO_HEAD
        one = self._table(w, ones, None).get((w,)) if ones or (w,) in self.copulas_set else None
        if len(self._seconds) >= 200_000:
            self._seconds.clear()
        self._seconds[w] = {w2: tuple(rs) for w2, rs in seconds.items()}  # (tuples: untracked by the gc)
        return longest, frozenset(seconds), one, frozenset(stems)

    def pair(self, w: str, w2: str) -> dict[tuple[str, ...], tuple[VerbForm, ...]]:
        """The entries of :meth:`first` ``(w)`` whose second token is ``w2``, cached."""
        key = (w, w2)
        hit = self._pairs.get(key)
        if hit is None:
            if len(self._pairs) >= 200_000:
                self._pairs.clear()
            by2 = self._seconds.get(w)
            if by2 is None and w not in self._not_verb_heads:  # not seen by head(), or forgotten
                self.head(w)
                by2 = self._seconds.get(w)
            ranks = by2.get(w2, ()) if by2 is not None else self.by_head.get(w, ())
            hit = self._pairs[key] = self._table(w, ranks, w2)
        return hit

    def first(self, w: str) -> tuple[dict[tuple[str, ...], list[VerbForm]], int]:
        """The forms whose first token is ``w`` (token tuple -> analyses), and the
        longest of them in tokens (0 if none)."""
        hit = self._cache.get(w)
        if hit is not None:
            return hit
        ranks = self.by_head.get(w, ())
        if not ranks and w not in self._copula_heads:  # most words
            if len(self._cache) < 200_000:
                self._cache[w] = _NO_FORMS
            return _NO_FORMS
        out = self._table(w, ranks, None)
        hit = (out, max(map(len, out))) if out else _NO_FORMS
        if len(self._cache) < 200_000:
            self._cache[w] = hit
        return hit


#: what the lexicon says about most tokens: nothing
_QUIET = WordInfo((), False, False, None, False, False, ())


class Lexicon:
    """Every word list of the event stage, indexed for matching."""

    def __init__(self) -> None:
        self.types: dict[str, TypeInfo] = {}
        for r in _rows("events_types.tsv"):
            t, cameo, agentive, obj, gen, preps = r[:6]
            self.types[t] = TypeInfo(
                t, None if cameo == "-" else cameo, agentive == "yes", obj, gen,
                () if preps == "-" else tuple(fold(p) for p in preps.split(",")),
            )
        #: every word that may mark a target: «علیه», «را» and the types' prepositions
        self.target_words = frozenset({AGAINST, OBJECT_MARKER}.union(*(t.target_preps for t in self.types.values())))
        self.triggers: list[Trigger] = []
        for r in _rows("events_triggers.tsv"):
            typ, kind, words, light, subj, lic = (r + ["-"] * 6)[:6]
            if typ not in self.types:
                raise ValueError(f"events_triggers.tsv: unknown type {typ}")
            subj = "actor" if subj == "-" else subj
            lics = frozenset() if lic == "-" else frozenset(lic.split(","))
            if kind == "verb":
                self.triggers.append(Trigger(typ, kind, (), words, subj, lics))
            elif kind == "lv":
                self.triggers.append(Trigger(typ, kind, _tokens(words), light, subj, lics))
                if light in ("کرد#کن", "داد#ده"):
                    self.triggers.append(Trigger(typ, kind, _tokens(words), "شد#شو", "target", lics, True))
            else:
                self.triggers.append(Trigger(typ, "noun", _tokens(words), None, subj, lics))
        # explicit lines win over generated passives
        explicit = {(t.words, t.light) for t in self.triggers if not t.passive}
        self.triggers = [t for t in self.triggers if not (t.passive and (t.words, t.light) in explicit)]

        self.lexicon: dict[str, list[tuple[str, ...]]] = {}
        for r in _rows("events_lexicon.tsv"):
            self.lexicon.setdefault(r[0], []).append(_tokens(r[1]))
        self.support_verbs: dict[tuple[tuple[str, ...], str], bool] = {}
        self.support_pre: set[str] = set()
        self.support_pred: set[str] = set()
        for r in _rows("events_support.tsv"):
            kind, words, light = (r + ["-"] * 3)[:3]
            if kind == "pre":
                self.support_pre.add(fold(words))
            elif kind == "pred":
                self.support_pred.add(light)
            else:
                self.support_verbs[(() if words == "-" else _tokens(words), light)] = True

        # verb stems: triggers, support verbs, frame verbs, clause verbs
        stems: set[str] = set()
        for t in self.triggers:
            if t.light:
                stems.add(t.light)
        for (_w, light) in self.support_verbs:
            stems.add(light)
        stems.update(self.support_pred)
        for cls in ("frame_verb", "copula", "opinion"):
            for toks in self.lexicon.get(cls, []):
                if "#" in toks[-1]:
                    stems.add(toks[-1])
        self._verbs = _VerbIndex(
            sorted(stems),
            [cop for cop in self.lexicon.get("copula", []) if "#" not in cop[-1]],
            set(self.lexicon.get("not_verb", [])),
        )
        self._verb_cache = self._verbs._cache  #: token -> (forms, longest), filled by first()
        #: token -> (longest form in tokens, the second tokens of its forms of more tokens,
        #: the answer of verb_at for its one-token form, the stems of its forms): what the
        #: lexicon needs of _VerbIndex.head(), kept per token (bounded like _entries)
        self._verb_heads: dict[str, tuple] = {}
        # nonverbal parts of compounds, by first token
        self.lv_first: dict[str, list[Trigger]] = {}
        self.verb_triggers: dict[str, list[Trigger]] = {}
        self.nouns: dict[tuple[str, ...], Trigger] = {}
        for t in self.triggers:
            if t.kind == "lv":
                self.lv_first.setdefault(t.words[0], []).append(t)
            elif t.kind == "verb":
                self.verb_triggers.setdefault(t.light, []).append(t)
            else:
                self.nouns.setdefault(t.words, t)
        #: verb stems with a trigger only for past forms
        self.past_only = frozenset(st for st, ts in self.verb_triggers.items() if any("past" in t.license for t in ts))
        self.max_noun = max((len(k) for k in self.nouns), default=1)
        self.max_lv = max((len(t.words) for t in self.triggers if t.kind == "lv"), default=1)
        self.max_lv_first = max(map(len, self.lv_first), default=0)  #: longest first word, in letters
        self._lv_first2 = frozenset(w[:2] for w in self.lv_first if len(w) >= 2)  #: their first two letters
        self.support_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for (w, light) in self.support_verbs:
            self.support_first.setdefault(w[0] if w else "", []).append((w, light))

        self._phrases = {k: sorted(v, key=len, reverse=True) for k, v in self.lexicon.items()}
        self._by_first: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        for cls, ps in self._phrases.items():
            d = self._by_first.setdefault(cls, {})
            for p in ps:
                d.setdefault(p[0], []).append(p)
        #: folded token -> the one-word nominal trigger it is, bare or with a suffix of
        #: :data:`_NOUN_SUFFIXES` (the bare word first, then the suffixes in their order,
        #: a stem of at least two letters): a few hundred entries, so that looking up a
        #: token is one dict access instead of a suffix loop per new word
        self._noun_words: dict[str, Trigger] = {k[0]: t for k, t in self.nouns.items() if len(k) == 1}
        one = list(self._noun_words.items())
        for suf in _NOUN_SUFFIXES:
            for w, t in one:
                if len(w) >= 2:
                    self._noun_words.setdefault(w + suf, t)
        self.noun_first = {k[0] for k in self.nouns if len(k) > 1}
        self.sets: dict[str, frozenset[tuple[str, ...]]] = {k: frozenset(v) for k, v in self.lexicon.items()}
        self.words: dict[str, frozenset[str]] = {
            k: frozenset(p[0] for p in v if len(p) == 1) for k, v in self.lexicon.items()
        }
        #: class -> first token -> (second token -> the longer phrases going on with it,
        #: longest first; whether the first token alone is a phrase): what match() reads
        self._match_index: dict[str, dict[str, tuple[dict[str, list[tuple[str, ...]]], bool]]] = {}
        for cls, d in self._by_first.items():
            mi = self._match_index[cls] = {}
            for w, ps in d.items():
                by2: dict[str, list[tuple[str, ...]]] = {}
                for p in ps:
                    if len(p) > 1:
                        by2.setdefault(p[1], []).append(p)
                mi[w] = (by2, any(len(p) == 1 for p in ps))
        heads: dict[str, list[str]] = {}
        for cls in SCANNED:
            for w in self._by_first.get(cls, ()):
                heads.setdefault(w, []).append(cls)
        self._heads = {w: tuple(cs) for w, cs in heads.items()}
        #: token string -> (number of its WordInfo in ``infos``, the token folded). The
        #: same words recur in every article; what the lexicon says about one depends on
        #: the string alone, so it is worked out once (bounded: cleared when it grows past
        #: 200k strings). One dict for both: the event stage looks up every token of an
        #: article here. (A number, not the WordInfo: a tuple of an int and a str is one
        #: the garbage collector stops tracking, which a tuple holding a WordInfo, a tuple
        #: subclass, is not: 28k long-lived objects more for every full collection.)
        self._entries: dict[str, tuple[int, str]] = {}
        self.infos: list[WordInfo] = [_QUIET]  #: one object per distinct answer
        self._info_number: dict[WordInfo, int] = {_QUIET: 0}
        #: every folded token the lexicon may say something about, but for the prefix test
        #: of :meth:`joined`: most tokens of an article are none of them, and their
        #: :class:`WordInfo` is :data:`_QUIET` without any further look-up
        self._known = frozenset().union(
            self._verbs.by_head, self._verbs._copula_heads, self.lv_first, self.noun_first, self._noun_words,
            self._heads, self.target_words, ("که",),
        )

    # -- lookups ---------------------------------------------------------------------------
    def word(self, norm: str) -> WordInfo:
        """What the lexicon says about the token ``norm`` (a normalized token), cached."""
        return self.infos[(self._entries.get(norm) or self.entry(norm))[0]]

    def folded(self, norm: str) -> str:
        """The token ``norm`` as matched (:func:`fold`), cached with :meth:`word`."""
        return (self._entries.get(norm) or self.entry(norm))[1]

    def entry(self, norm: str) -> tuple[int, str]:
        """The number in ``infos`` of :meth:`word` of ``norm``, and :meth:`folded`;
        worked out and cached."""
        e = self._entries.get(norm)
        if e is not None:
            return e
        f = fold(norm)
        if f not in self._known and f[:2] not in self._lv_first2:  # most words: nothing to say
            k = 0  # _QUIET
        else:
            wi = self._word(f)
            k = self._info_number.get(wi)
            if k is None:
                k = self._info_number[wi] = len(self.infos)
                self.infos.append(wi)
        if len(self._entries) >= 200_000:
            self._entries.clear()
        e = self._entries[norm] = (k, f)
        return e

    def _word(self, f: str) -> WordInfo:
        """:meth:`word` of a folded token that may be in the lexicon (not cached here)."""
        longest, _, _, stems = self._verb_heads.get(f) or self._verb_head(f)
        vtrig = not self.verb_triggers.keys().isdisjoint(stems)
        lv = f in self.lv_first
        joined = self.joined(f)
        verbal = lv or joined is not None
        noun = f in self.noun_first or f in self._noun_words
        heads = self._heads.get(f, ())
        marks = tuple(m for m, on in (("+verb", longest > 0), ("+vtrig", vtrig), ("+verbal", verbal), ("+noun", noun),
                                      ("+target", f in self.target_words), ("+ke", f == "که")) if on)
        wi = WordInfo(heads, longest > 0, lv, joined, verbal, noun, heads + marks)
        k = self._info_number.get(wi)
        return wi if k is None else self.infos[k]

    def joined(self, f: str) -> tuple[Trigger, VerbForm] | None:
        """A one-word light-verb compound written as one token («کشته‌شده»): the
        compound and the analysis of its verb part, or None."""
        if f[:2] not in self._lv_first2:
            return None
        m = self.max_lv_first
        for j in range(2, len(f) - 1 if len(f) <= m + 2 else m + 1):
            for t in self.lv_first.get(f[:j], ()):
                if len(t.words) != 1:
                    continue
                vf = self.verb_forms((f[j:],))
                if vf and any(x.stem == t.light for x in vf):
                    return t, [x for x in vf if x.stem == t.light][0]
        return None

    def has(self, cls: str, toks: tuple[str, ...]) -> bool:
        return toks in self.sets.get(cls, ())

    def match(self, cls: str, folded: list[str], i: int, end: int) -> int:
        """Length (in tokens) of the longest phrase of class ``cls`` at token ``i``; 0 if none."""
        if i >= end:
            return 0
        hit = self._match_index.get(cls, _NO_PHRASES).get(folded[i])
        if hit is None:
            return 0
        by2, one = hit
        if i + 1 < end:
            for p in by2.get(folded[i + 1], ()):  # longest first
                n = len(p)
                if i + n <= end and (n == 2 or tuple(folded[i : i + n]) == p):
                    return n
        return 1 if one else 0

    def phrases(self, cls: str) -> list[tuple[str, ...]]:
        return self._phrases.get(cls, [])

    def _verb_head(self, w: str) -> tuple:
        h = self._verbs.head(w)
        if h is not _NO_HEAD:  # (most words: one shared answer, no per-word objects to keep)
            longest, seconds, one, stems = h
            h = (longest, seconds, (1, one) if one else None, stems)
        if len(self._verb_heads) >= 200_000:
            self._verb_heads.clear()
        self._verb_heads[w] = h
        return h

    def verb_at(self, folded: list[str], i: int, end: int) -> tuple[int, list[VerbForm]] | None:
        """The longest verb form starting at token ``i``: (number of tokens, analyses)."""
        if i >= end:
            return None
        w = folded[i]
        longest, seconds, one, _ = self._verb_heads.get(w) or self._verb_head(w)
        longest = min(longest, end - i)
        if longest > 1 and folded[i + 1] in seconds:  # else no longer form goes on with the next token
            verbs = self._verbs.pair(w, folded[i + 1])
            for n in range(longest, 1, -1):
                vf = verbs.get(tuple(folded[i : i + n]))
                if vf:
                    return n, vf
        return one

    def verb_forms(self, toks: tuple[str, ...]) -> list[VerbForm] | None:
        """The analyses of the verb form written as the tokens ``toks``, or None."""
        if not toks:
            return None
        w = toks[0]
        if len(toks) == 1:
            one = (self._verb_heads.get(w) or self._verb_head(w))[2]
            return one[1] if one else None
        return self._verbs.pair(w, toks[1]).get(toks)

    def noun_at(self, folded: list[str], i: int, end: int) -> tuple[int, Trigger] | None:
        """A nominal trigger starting at token ``i``: (number of tokens, trigger)."""
        if i >= end:
            return None
        if folded[i] not in self.noun_first:
            t = self._noun_words.get(folded[i])
            return (1, t) if t else None
        for n in range(min(self.max_noun, end - i), 0, -1):
            key = tuple(folded[i : i + n])
            t = self.nouns.get(key)
            if t:
                return n, t
            last = key[-1]
            for suf in _NOUN_SUFFIXES:
                if last.endswith(suf) and len(last) - len(suf) >= 2:
                    t = self.nouns.get(key[:-1] + (last[: -len(suf)],))
                    if t:
                        return n, t
        return None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The event lexicon, built once per process."""
    with gc_paused():
        return Lexicon()
