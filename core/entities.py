"""Entities stage: PERSON, LOCATION and ORGANIZATION mentions, grouped into entities.

``find`` proposes name candidates from two sources:

* the gazetteer (``core/gazetteer.py``, data in ``core/data/gaz_*.tsv``): longest match
  over a folded copy of the text, priority 20, with the canonical name in ``extra``;
* context rules for names no list holds (priority 5–10), all driven by data files:
  - a head word opens an organization or place name («وزارت دفاع بریتانیا»,
    «ارتش اوکراین», «شهر [X]»; ``heads.tsv`` says whether the head is inside);
  - a title or honorific before an unknown name («سردار [X]», «سخنگوی وزارت خارجه [X Y]»);
    the title stays outside the PERSON span (``titles.tsv``);
  - a first name followed by a surname («[الکساندر لوکاشنکو]», ``names_first.tsv``);
  - apposition: an unknown name right before «، <title>», or right before an office
    without a comma («[X Y] مدیرکل …», one word only if it is a first name or surname form);
  - attribution frames («به گزارش [X]،», «[X] گفت», «[X Y] گفت», ``heads_frames.tsv``);
  - surname forms: an unknown word with a surname ending (``names_surname_suffixes.tsv``:
    «-زاده», «-پور», «-نژاد» …), also when the ending is written as its own word;
  - enumerations: an unknown name between two people («X، [Y Z]، W»);
  - a listed club, agency or company followed by its country or city is one name; words
    like «این», «یک» before a head mean no name follows (``heads_blockers.tsv``).

Candidates are resolved here already (longer span, then priority), so the pipeline gets
non-overlapping names; nested names keep the outer span.

``group`` joins mentions of one referent: same canonical gazetteer entry, same folded
text, or a PERSON mention equal to the last word(s) of a fuller name («لوکاشنکو» →
«الکساندر لوکاشنکو»). An entity's name is its gazetteer canonical name, else its longest
mention. Roles come from appositions («X، رییس‌جمهوری بلاروس») and titles right before a
mention («رییس جمهوری روسیه X»). Salience sums, over mentions, a weight that falls from
1.0 (first sentence) to 0.5 (last sentence), divided by the top entity's sum (so the most
salient entity has 1.0). Entities are sorted by salience (desc), then first mention; ids
``e0, e1 …`` follow that order.
"""

from __future__ import annotations

from dataclasses import fields, replace
from itertools import filterfalse
from operator import attrgetter
from typing import Any, Callable

from .doc import Cand, Doc, WToken, resolve_overlaps
from .model import ENTITY_LABELS, Entity, Mention

GAZ_PRIORITY = 20
HEAD_PRIORITY = 10
TITLE_PRIORITY = 9
FIRSTNAME_PRIORITY = 8
FRAME_PRIORITY = 5

_COMMON_FREQ = 3_000_000
_ECHO_FREQ = 500_000  #: a known word may echo a surname only if rarer than this
_RARE_FREQ = 2_000_000  #: an unknown name after a title is rarer than this in hazm's lexicon
_CLOSED_TAGS = frozenset({"P", "CONJ", "PRO", "DET", "NUM", "POSTP", "PREP", "INT", "CL", "PS", "PR"})
_COMMA = frozenset({"،", ","})
_MAX_ORG_WORDS = 6
_VERB_PREFIXES = frozenset({"بر", "در", "باز", "فرا", "فرو", "وا", "ور"})  #: «برمی‌گرداند»
#: head kinds whose name may start with a word of heads_inner.tsv («تیم [ملی] …», «شورای [عالی] …»)
_INNER_FIRST_KINDS = frozenset({"government", "education", "sport", "institute", "military"})


def set_user_gazetteers(paths) -> None:
    """Add user gazetteer files (see :func:`newsx.core.gazetteer.set_user_gazetteers`)."""
    from . import gazetteer

    gazetteer.set_user_gazetteers(paths)


class _Word:
    """What the rules need to know about one token string, whatever its document.

    Computed once per distinct string (see :func:`_words`): the same few thousand words
    make up most of every article, and these lexicon tests would otherwise run again
    for every token and every rule that asks. The answers are a handful of yes/no facts,
    so words with the same answers share one object (see :func:`_analyze`)."""

    __slots__ = ("alpha", "verb", "rare_freq", "common", "plural", "unknown", "adjective",
                 "stopish", "namelike", "surname_form", "suffix_word", "compound_first", "is_first", "special")

    def __init__(self, answers: tuple[bool, ...]) -> None:
        for name, value in zip(self.__slots__, answers):
            setattr(self, name, value)


_NO_TAGS: frozenset[str] = frozenset()
_AJ_ADV = frozenset({"AJ", "ADV"})
_PLURAL_SUFFIXES = ("هایی", "های", "ها", "ان", "گان")
_VERB_ENDINGS = ("ند", "یم", "ید")


def _analyze(w: str, fold: str, lex, stop, suffixes, ends, suffix_words, first) -> tuple[bool, ...]:
    """The answers of :class:`_Word` for the token string ``w`` (folded: ``fold``), in
    the order of ``_Word.__slots__``."""
    alpha = w[:1].isalpha()  # a word, not a number or punctuation
    freq = lex.freq.get(w, 0)
    tags = lex.pos.get(w, _NO_TAGS)
    rare_freq = freq < _RARE_FREQ  # below the frequency of a word everyone knows
    common = freq >= _COMMON_FREQ or bool(tags & _CLOSED_TAGS) or ("ADV" in tags and freq > 0)
    adjective = bool(tags) and "N" not in tags and bool(tags & _AJ_ADV)
    # a plural of a known word («مادران», «دانش‌آموزان», «کشورها»)
    plural = False
    bare = w.replace("\u200c", "")
    if bare.endswith(_PLURAL_SUFFIXES):
        for suf in _PLURAL_SUFFIXES:
            if bare.endswith(suf) and len(bare) > len(suf) + 1:
                stem = bare[: -len(suf)]
                if suf == "گان":
                    stem += "ه"
                if lex.freq.get(stem, 0) > 0:
                    plural = True
                    break
    # not a word hazm's lexicon knows, and not an inflected form of one
    unknown = freq == 0 and not tags and not plural
    # a verb form, told by the string alone (the token's lemma may say so too)
    verb = w in lex.verb_forms
    if not verb and "می " in fold:  # a part before the last one ends with «می»
        parts = fold.split(" ")
        verb = any(p in ("می", "نمی") or (p.endswith("می") and p[:-2] in _VERB_PREFIXES) for p in parts[:-1])
    if not verb and w.endswith(_VERB_ENDINGS) and len(w) > 4:
        verb = "AJ" in lex.pos.get(w[:-2], ())  # «امیدوارند»: an adjective with a copula
    stopish = fold in stop or len(fold) < 2  # never (part of) a name on its own
    # may be (part of) an unknown name, unless the document says otherwise
    namelike = alpha and not stopish and not verb
    # ends with a surname ending («حسن‌زاده», «کریمی‌نژاد»), not after a half-space
    # that is not before the ending («سن‌پائولو»)
    surname_form = False
    joined = fold.replace(" ", "")
    for suf, mn in suffixes if joined.endswith(ends) else ():
        if joined.endswith(suf) and len(joined) - len(suf) >= mn:
            surname_form = " " not in fold or fold.rsplit(" ", 1)[-1] == suf
            break
    suffix_word = fold in suffix_words  # a surname ending written as its own word
    # a first name written as two first names with a half-space («علی‌اکبر», «محمد‌رضا»)
    compound_first = " " in fold and fold not in first and all(
        p in first and not first[p] for p in fold.split(" "))
    # a first name (the document's table adds the compound ones it holds)
    is_first = fold in first or compound_first
    special = is_first or surname_form or suffix_word
    return (alpha, verb, rare_freq, common, plural, unknown, adjective,
            stopish, namelike, surname_form, suffix_word, compound_first, is_first, special)


_WORDS: dict[str, _Word] = {}
_FOLDS: dict[str, str] = {}  #: token string -> its folded form (fold_key)
#: one _Word per distinct set of answers: a word's answers are a handful of yes/no
#: facts, so the 28k words of a corpus share a few hundred objects (fewer long-lived
#: objects for the cyclic garbage collector to walk)
_SHARED: dict[tuple[bool, ...], _Word] = {}
_WORDS_MAX = 100_000  #: the memo is cleared when it grows past this (a few MB)
_WORDS_SOURCES: tuple = ()  #: the tables the memo was computed from


def _words(toks: list[WToken]) -> tuple[list[_Word], list[str]]:
    """The :class:`_Word` and the folded form of each token, memoized per string."""
    global _WORDS_SOURCES
    from . import gazetteer as g
    from .zwnj import lexicon

    lex = lexicon()
    stop = g.stop_words()
    suffixes = g.surname_suffixes()
    first = g.first_names()
    sources = (lex, stop, suffixes, first)
    if len(_WORDS_SOURCES) != len(sources) or any(a is not b for a, b in zip(_WORDS_SOURCES, sources)) \
            or len(_WORDS) >= _WORDS_MAX:
        _WORDS.clear()  # a table was rebuilt (or the memo is full): start over
        _FOLDS.clear()
        _WORDS_SOURCES = sources
    memo = _WORDS
    norms = [t.norm for t in toks]
    try:
        out = list(map(memo.__getitem__, norms))
    except KeyError:  # words not seen before
        new = list(filterfalse(memo.__contains__, dict.fromkeys(norms)))
        suffix_words = frozenset(suf for suf, _ in suffixes)
        ends = tuple(suf for suf, _ in suffixes)
        shared = _SHARED
        for w, fold in zip(new, g.fold_keys(new)):
            _FOLDS[w] = fold
            answers = _analyze(w, fold, lex, stop, suffixes, ends, suffix_words, first)
            x = shared.get(answers)
            if x is None:
                x = shared[answers] = _Word(answers)
            memo[w] = x
        out = list(map(memo.__getitem__, norms))
    return out, list(map(_FOLDS.__getitem__, norms))


class _Ctx:
    """Per-document token features and lexicon matches (all in token indices)."""

    def __init__(self, doc: Doc) -> None:
        from . import gazetteer as g
        from .zwnj import lexicon

        self.doc = doc
        self.g = g
        self.lex = lexicon()
        self.stop = g.stop_words()
        self.name_stop = g.name_stop_words()
        self.fn_stop = g.hazm_stop_words()
        self.first = g.first_names()
        self.inner = g.org_inner_words()
        self.suffixes = g.surname_suffixes()
        self.suffix_words = frozenset(x for x, _ in self.suffixes)
        toks = doc.tokens
        n = self.n = len(toks)
        words, self.fold = _words(toks)
        self.words = words
        self.sent = [t.sentence for t in toks]
        # the few tokens a sparse rule looks at (first names, surname forms and endings)
        special = [i for i, w in enumerate(words) if w.special]
        compound = sorted({self.fold[i] for i in special if words[i].compound_first})
        if compound:
            self.first = dict(self.first)
            for f in compound:
                self.first[f] = False  # «علی‌اکبر», «محمد‌رضا»
        folded, pos = g.fold_text(doc.norm)
        self.folded, self.pos = folded, pos

        def tok_span(s: int, e: int) -> tuple[int, int, int, int] | None:
            ns = pos[s] if pos else s
            ne = (pos[e - 1] + 1) if pos else e
            i = doc.token_at(ns)
            if i < 0 or toks[i].nstart != ns:
                # a match inside a token (after a ZWNJ): only names may do that
                i = max(i, 0)
            j = doc.token_at(ne - 1)
            return ns, ne, i, j + 1

        self.tok_span = tok_span
        found_names, found_titles, found_heads, found_frames = g.longest_each(
            (g.names(), g.titles(), g.heads(), g.frames()), folded)
        # gazetteer names
        self.gaz: dict[int, tuple[int, int, int, Any]] = {}  # start tok -> (end tok, ns, ne, entry)
        self.in_gaz = [False] * self.n
        for s, e, entry in found_names:
            ns, ne, i, j = tok_span(s, e)
            if i >= self.n or toks[i].sentence != toks[j - 1].sentence:
                continue
            self.gaz[i] = (j, ns, ne, entry)
            for k in range(i, j):
                self.in_gaz[k] = True
        self.title_at: dict[int, tuple[int, Any]] = {}
        self.title_end: dict[int, tuple[int, Any]] = {}
        self.in_title = [False] * self.n
        for s, e, t in found_titles:
            ns, ne, i, j = tok_span(s, e)
            if i < self.n and toks[i].nstart == ns and toks[j - 1].nend == ne:
                self.title_at[i] = (j, t)
                self.title_end[j] = (i, t)
                for k in range(i, j):
                    self.in_title[k] = True
        self.head_at: dict[int, tuple[int, Any]] = {}
        self.in_head = [False] * self.n
        for s, e, h in found_heads:
            ns, ne, i, j = tok_span(s, e)
            if i < self.n and toks[i].nstart == ns and toks[j - 1].nend == ne:
                self.head_at[i] = (j, h)
                for k in range(i, j):
                    self.in_head[k] = True
        self.frame_at: dict[int, tuple[int, Any]] = {}
        self.frame_end: dict[int, tuple[int, Any]] = {}
        self.in_frame = [False] * self.n
        for s, e, f in found_frames:
            ns, ne, i, j = tok_span(s, e)
            if i < self.n and toks[i].nstart == ns and toks[j - 1].nend == ne:
                self.frame_at[i] = (j, f)
                self.frame_end[j] = (i, f)
                for k in range(i, j):
                    self.in_frame[k] = True

        # flat per-token lists the rules index (the predicates below read them)
        fold, sent, in_gaz = self.fold, self.sent, self.in_gaz
        verb = self._verb = [w.verb for w in words]
        namelike = self._namelike = [w.namelike for w in words]
        for i in [i for i, t in enumerate(toks) if "#" in t.lemma]:
            verb[i] = True  # the lemmatizer took it for a verb
            namelike[i] = False
        for at in (self.title_at, self.head_at, self.frame_at):
            for i, (j, _) in at.items():
                for k in range(i, j):
                    namelike[k] = False
        surname_like = self._surname_like = [False] * n
        split = self._split_suffix = [False] * (n + 1)
        fn_stop = self.fn_stop
        first_sites = []
        surname_sites = set()
        for i in special:
            w = words[i]
            if w.is_first:
                first_sites.append(i)
            if w.surname_form and namelike[i] and not in_gaz[i] and not w.common and w.unknown and not w.is_first:
                surname_like[i] = True
                surname_sites.add(i)
            if w.suffix_word and i > 0 and sent[i - 1] == sent[i]:
                nxt = i + 1
                if not (nxt < n and sent[i] == sent[nxt] and fold[nxt] not in fn_stop and verb[nxt]):
                    split[i] = True
                    surname_sites.add(i - 1)
        #: tokens that are first names
        self.first_sites = first_sites
        #: tokens the surname-form rule looks at: a surname form, or a word before a split ending
        self.surname_sites = sorted(surname_sites)

    # -- token predicates ------------------------------------------------------------

    def unknown(self, i: int) -> bool:
        """Not a word hazm's lexicon knows, and not an inflected form of one."""
        return self.words[i].unknown

    def plural(self, i: int) -> bool:
        """A plural of a known word («مادران», «دانش‌آموزان», «کشورها»)."""
        return self.words[i].plural

    def surname_like(self, i: int) -> bool:
        """An unknown word with a surname ending («حسن‌زاده», «کریمی‌نژاد»)."""
        return 0 <= i < self.n and self._surname_like[i]

    def split_suffix(self, i: int) -> bool:
        """A surname ending written as its own word («قربان [زاده]», «سایه [وند]»)."""
        return 0 < i < self.n and self._split_suffix[i]

    def adjective(self, i: int) -> bool:
        """Known only as an adjective or adverb («معاصر», «بازنشسته»), never as a noun."""
        return self.words[i].adjective

    def rare(self, i: int) -> bool:
        w = self.words[i]
        return w.rare_freq and not w.common

    def org_word(self, i: int) -> bool:
        """A word that may continue an organization's name after its head."""
        if not self.is_word(i) or self.in_title[i] or self.in_frame[i] or self._verb[i]:
            return False
        f = self.fold[i]
        if f in self.inner:
            return True
        return f not in self.stop and len(f) >= 2

    def tok(self, i: int) -> WToken:
        return self.doc.tokens[i]

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.words[i].alpha

    def is_verb(self, i: int) -> bool:
        return self._verb[i]

    def is_common(self, i: int) -> bool:
        return self.words[i].common

    def namelike(self, i: int) -> bool:
        """A word that may be (part of) an unknown name."""
        return 0 <= i < self.n and self._namelike[i]

    def same_sent(self, i: int, j: int) -> bool:
        n = self.n
        return 0 <= i < n and 0 <= j < n and self.sent[i] == self.sent[j]

    def span(self, i: int, j: int) -> tuple[int, int]:
        toks = self.doc.tokens
        return toks[i].nstart, toks[j - 1].nend


def _relational(c: _Ctx, i: int) -> bool:
    """A relational adjective: a known noun + «ی» («تلویزیونی», «خبری»)."""
    w = c.tok(i).norm
    return w.endswith("ی") and c.lex.freq.get(w[:-1], 0) > 0


def _person_after(c: _Ctx, i: int, strict: bool, lone: bool = False) -> int:
    """End token of a person's name starting at ``i`` (first names + surname), or ``i``."""
    j = i
    while j < c.n and c.fold[j] in c.first and c.namelike(j) and c.same_sent(i, j):
        j += 1
    nfirst = j - i
    if nfirst == 0:
        return i
    amb = nfirst == 1 and c.first[c.fold[i]]
    # patronymic chain «X بن Y»
    def surname_ok(k: int) -> bool:
        if not (k < c.n and c.same_sent(i, k)):
            return False
        if c.in_gaz[k]:
            g = c.gaz.get(k)
            # «عباس [مخبر]»: a listed bare surname after another first name
            return not amb and g is not None and g[0] == k + 1 and g[3].label == "PERSON"
        if not c.namelike(k):
            # «محمد [سوری]»: a common word that is also a name may be a surname
            return not amb and c.fold[k] in c.name_stop and c.fold[k].endswith("ی") and c.fold[k] not in c.fn_stop \
                and not c.is_common(k) \
                and not c.in_title[k] and not c.in_head[k] and not c.in_frame[k] and not c.is_verb(k)
        if amb or strict:
            return (c.unknown(k) or c.surname_like(k)) and c.fold[k] not in c.first
        return not c.plural(k)  # «مرگ و [میر] مادران»

    if j < c.n and surname_ok(j):
        j += 1
        if c.split_suffix(j):
            return j + 1  # «میلاد قربان زاده»
        if j + 1 < c.n and c.fold[j] in ("بن", "ابن") and c.namelike(j + 1):
            j += 2
        elif j < c.n and c.namelike(j) and not c.in_gaz[j] and c.unknown(j) \
                and c.same_sent(i, j) and not (j + 1 < c.n and c.is_verb(j + 1)) and c.fold[j] not in c.first:
            j += 1  # double surname, second part unknown to the lexicon («هاشمی رفسنجانی»)
        return j
    if nfirst >= 2 and not amb:
        return j + 1 if c.split_suffix(j) else j
    if lone and not amb and (j >= c.n or not c.same_sent(i, j) or not c.is_word(j) or c.is_verb(j)
                             or c.fold[j] in c.fn_stop):
        return j  # a first name alone, before punctuation, a function word or a verb
    return i


def find(doc: Doc) -> list[Cand]:
    """Name candidates in ``doc`` (normalized offsets), already non-overlapping."""
    if not doc.tokens:
        return []
    c = _Ctx(doc)
    cands: list[Cand] = []
    toks = doc.tokens

    for i, (j, ns, ne, entry) in c.gaz.items():
        cands.append(Cand(entry.label, ns, ne, kind=entry.kind, priority=GAZ_PRIORITY,
                          extra={"canonical": entry.canonical, "source": "gazetteer"}))
        if entry.label == "ORGANIZATION" and entry.kind in _PLACE_SUFFIX_KINDS:
            gl = c.gaz.get(j)
            if gl is not None and gl[3].label == "LOCATION" and c.same_sent(i, j) and not c.in_head[i]:
                # «آرسنال انگلیس», «خبرگزاری آناتولی ترکیه»: the club/agency of a country or city
                cands.append(Cand("ORGANIZATION", ns, gl[2], kind=entry.kind, priority=GAZ_PRIORITY,
                                  extra={"source": "gazetteer+place"}))

    # heads: organizations and places
    blockers = c.g.head_blockers()
    for i, (j, h) in c.head_at.items():
        k = j
        if i > 0 and c.same_sent(i - 1, i):
            if toks[i - 1].norm[:1].isdigit():
                continue  # «۱۲۰ شرکت صادرکننده»: a count, not a name
            blk = blockers.get(c.fold[i - 1], False)
            if blk is None or (blk and c.fold[i] in blk):
                continue  # «این شرکت …», «با شرکت …»
        gi = c.gaz.get(i)
        if gi is not None:
            # a listed organization that starts with the head («وزارت دفاع») + a place
            gl = c.gaz.get(gi[0])
            if gi[3].label == "ORGANIZATION" and gi[3].kind in _HEAD_PLACE_KINDS and gl is not None and gl[3].label == "LOCATION" \
                    and c.same_sent(i, gi[0]):
                ns, ne = toks[i].nstart, toks[gl[0] - 1].nend
                cands.append(Cand("ORGANIZATION", ns, ne, kind=gi[3].kind, priority=GAZ_PRIORITY,
                                  extra={"source": "head"}))
            continue
        if h.need == "place":
            g = c.gaz.get(k)
            if g is None or g[3].label != "LOCATION" or not c.same_sent(i, k):
                continue
            end = g[0]
        elif h.need == "quoted":
            continue
        else:
            end = k
            if h.label == "LOCATION":
                if k < c.n and c.namelike(k) and not c.in_gaz[k] and c.unknown(k) and c.same_sent(i, k) \
                        and c.fold[k] not in c.inner and not _relational(c, k):
                    end = k + 1
            else:
                while end < c.n and end - k < _MAX_ORG_WORDS and c.same_sent(i, end):
                    g = c.gaz.get(end)
                    if g is not None:
                        if g[3].label == "LOCATION":
                            end = g[0]
                        elif g[3].label == "ORGANIZATION" and g[3].kind == h.kind == "sport":
                            end = g[0]  # «تیم [آرسنال] انگلیس»
                            g2 = c.gaz.get(end)
                            if g2 is not None and g2[3].label == "LOCATION" and c.same_sent(i, end):
                                end = g2[0]
                        break
                    hl = c.head_at.get(end)
                    if hl is not None and end > k and hl[1].label == "LOCATION":
                        # «شورای اسلامی [شهر تهران]»: a place named with its head closes the name
                        g = c.gaz.get(hl[0])
                        if g is not None and g[3].label == "LOCATION" and c.same_sent(i, hl[0]):
                            end = g[0]
                            break
                        if hl[0] < c.n and c.namelike(hl[0]) and c.unknown(hl[0]) and c.same_sent(i, hl[0]):
                            end = hl[0] + 1
                            break
                        if c.fold[end] not in c.inner:
                            break
                        # «شورای عالی امنیت [کشور]»: the head word alone is an ordinary inner word
                    if c.fold[end] == "و" and end > k and end + 1 < c.n and c.same_sent(end, end + 1) \
                            and c.org_word(end + 1) and not c.in_gaz[end + 1] and (end + 1) not in c.head_at \
                            and c.fold[end + 1] not in c.inner and not (end + 2 < c.n and c.is_verb(end + 2)):
                        end += 2  # «سازمان بنادر و کشتیرانی», «وزارت فرهنگ و ارشاد اسلامی»
                        continue
                    if not c.org_word(end) or c.in_gaz[end] or (end in c.head_at and end > k and hl is None):
                        break
                    if end + 1 < c.n and c.is_verb(end + 1):
                        break  # nominal part of a compound verb («اعلام کرد»)
                    if end == k:
                        if c.fold[end] in c.inner:
                            if h.kind not in _INNER_FIRST_KINDS:
                                break
                        else:
                            if not h.inside and c.is_common(end):
                                break  # «شرکت [آب] و فاضلاب»
                            if h.kind in ("media", "sport") and (c.is_common(end) or _relational(c, end)):
                                break  # «شبکه [تلویزیونی]», «شبکه [خبری]»
                    end += 1
                if end - k >= 2 and end < c.n and c.fold[end] == "را" and c.fold[end - 2] != "و" \
                        and c.fold[end - 1] not in c.inner and not c.unknown(end - 1) and c.gaz.get(end - 1) is None:
                    end -= 1  # «وزارت مسکن و شهرسازی [طرح] را …»: the object, not part of the name
                if end > k and h.kind not in ("government", "education") and all(c.fold[x] in c.inner for x in range(k, end)):
                    continue  # «تیم ملی», «مرکز ملی»: generic without a name
        if end == k:
            continue
        if h.inside:
            ns, ne = toks[i].nstart, toks[end - 1].nend
        else:
            ns, ne = toks[k].nstart, toks[end - 1].nend
        cands.append(Cand(h.label, ns, ne, kind=h.kind, priority=HEAD_PRIORITY, extra={"source": "head"}))

    # titles: a name right after (possibly after the place/organization the title belongs to)
    for i, (j, t) in c.title_at.items():
        k = j
        g = c.gaz.get(k)
        if g is not None and g[3].label in ("LOCATION", "ORGANIZATION"):
            k = g[0]
        elif k in c.head_at:  # «سخنگوی وزارت X Y»: skip an organization opened by a head
            continue
        if k >= c.n or not c.same_sent(i, k):
            continue
        if c.gaz.get(k) is not None:
            continue
        end = _person_after(c, k, strict=False)
        # after an office («وزیر», «سخنگوی») an unknown word is more often the office's
        # domain («وزیر [اطلاعات]») than a name: take it only before «،» or a speech verb
        loose = t.kind != "role" or (k + 1 < c.n and (toks[k + 1].norm in _COMMA or (k + 1) in c.frame_at))
        if end == k and loose and c.namelike(k) and not c.in_gaz[k] and c.rare(k) and not c.plural(k) \
                and not c.adjective(k):
            end = k + 1
            if end < c.n and c.namelike(end) and not c.in_gaz[end] and c.lex.freq.get(toks[end].norm, 0) == 0 \
                    and c.same_sent(k, end) and not (end + 1 < c.n and c.is_verb(end + 1)):
                end += 1
        if end > k:
            ns, ne = c.span(k, end)
            cands.append(Cand("PERSON", ns, ne, priority=TITLE_PRIORITY, extra={"source": "title"}))

    # first name + surname
    for i in c.first_sites:
        if not c.in_gaz[i] and (i == 0 or c.fold[i - 1] not in c.first or not c.namelike(i - 1)):
            end = _person_after(c, i, strict=False, lone=True)
            if end > i:
                ns, ne = c.span(i, end)
                cands.append(Cand("PERSON", ns, ne, priority=FIRSTNAME_PRIORITY, extra={"source": "first"}))

    # a name right before its office, without a comma: «X Y مدیرکل یونسکو»
    for i, (j, t) in c.title_at.items():
        if t.kind != "role" or i < 1 or not c.same_sent(i - 1, i) or toks[i - 1].norm in _COMMA:
            continue
        s = i
        while s > 0 and i - s < 3 and c.namelike(s - 1) and not c.in_gaz[s - 1] and c.same_sent(s - 1, i) \
                and not c.is_common(s - 1) and (c.unknown(s - 1) or c.fold[s - 1] in c.first):
            s -= 1
        if s == i or not any(c.unknown(x) for x in range(s, i)):
            continue
        if i - s == 1 and not (c.fold[s] in c.first or c.surname_like(s)):
            continue  # one unknown word before an office is as often a misspelt common word
        if s > 0 and c.same_sent(s - 1, s) and (c.in_title[s - 1] or c.in_head[s - 1]):
            continue  # «مشاور [اجتماعی] رئیس‌جمهور»: the complement of another office
        if s > 0 and c.same_sent(s - 1, s) and toks[s - 1].norm not in _COMMA and c.is_word(s - 1) \
                and c.fold[s - 1] not in c.stop and not c.is_verb(s - 1) and (s - 1) not in c.frame_end \
                and not c.in_frame[s - 1]:
            continue  # unsure where the name begins
        if i - s == 1 and c.plural(s):
            continue
        ns, ne = c.span(s, i)
        cands.append(Cand("PERSON", ns, ne, priority=FRAME_PRIORITY, extra={"source": "apposition"}))

    # a lone word with a surname ending no dictionary knows («کریمی‌نژاد»)
    for i in c.surname_sites:
        if c.surname_like(i):
            cands.append(Cand("PERSON", toks[i].nstart, toks[i].nend, priority=FRAME_PRIORITY - 1,
                              extra={"source": "surname-form"}))
        elif c.split_suffix(i + 1) and c.namelike(i) and not c.in_gaz[i] and c.unknown(i) and c.fold[i] not in c.first:
            cands.append(Cand("PERSON", toks[i].nstart, toks[i + 1].nend, priority=FRAME_PRIORITY - 1,
                              extra={"source": "surname-form"}))  # «مویدی زاده»

    # apposition: «X Y، <title>»
    for i, (j, t) in c.title_at.items():
        if i < 2 or toks[i - 1].norm not in _COMMA:
            continue
        e = i - 1
        s = e
        while s > 0 and e - s < 3 and c.namelike(s - 1) and not c.in_gaz[s - 1] and c.same_sent(s - 1, e):
            s -= 1
        if s == e:
            continue
        before = s - 1
        if before >= 0 and c.same_sent(before, e) and toks[before].norm not in _COMMA and c.fold[before] not in c.stop \
                and s not in c.frame_end and not c.is_verb(before):
            continue  # not a clause start: unsure where the name begins
        if all(c.is_common(k) for k in range(s, e)):
            continue
        ns, ne = c.span(s, e)
        cands.append(Cand("PERSON", ns, ne, priority=FRAME_PRIORITY, extra={"source": "apposition"}))

    # attribution frames
    short = c.g.frame_only_names()
    for i, (j, f) in c.frame_at.items():
        if not f.before:
            continue
        k = j
        if k < c.n and c.fold[k] in short and c.same_sent(i, k):
            e = short[c.fold[k]]  # «به گزارش مهر»
            ns, ne = c.span(k, k + 1)
            cands.append(Cand(e.label, ns, ne, kind=e.kind, priority=GAZ_PRIORITY + 5,
                              extra={"canonical": e.canonical, "source": "gazetteer"}))
            continue
        if f.label != "ORGANIZATION":
            continue
        if k >= c.n or c.in_gaz[k] or k in c.head_at or not c.same_sent(i, k):
            continue
        end = k
        while end < c.n and end - k < 2 and c.namelike(end) and not c.in_gaz[end] and c.same_sent(k, end):
            end += 1
        if end == k or end >= c.n:
            continue
        if toks[end].norm not in _COMMA and end not in c.frame_at:
            continue
        if all(c.is_common(x) for x in range(k, end)):
            continue
        ns, ne = c.span(k, end)
        cands.append(Cand("ORGANIZATION", ns, ne, kind="media", priority=FRAME_PRIORITY, extra={"source": "frame"}))
    for j, (i, f) in c.frame_end.items():
        if f.before or f.label != "PERSON":
            continue
        k = i - 1
        if k < 0 or not c.namelike(k) or c.in_gaz[k] or c.is_common(k) or not c.same_sent(k, i):
            continue
        s = k
        if k > 0 and c.same_sent(k - 1, k) and toks[k - 1].norm not in _COMMA:
            # «X Y گفت»: two unknown words at a clause start
            p = k - 1
            if not (c.namelike(p) and not c.in_gaz[p] and not c.is_common(p)
                    and (c.unknown(p) or c.fold[p] in c.first) and c.unknown(k)):
                continue
            if p > 0 and c.same_sent(p - 1, p) and toks[p - 1].norm not in _COMMA and not c.in_title[p - 1]:
                continue
            s = p
        ns, ne = c.span(s, k + 1)
        cands.append(Cand("PERSON", ns, ne, priority=FRAME_PRIORITY, extra={"source": "frame"}))

    kept = _resolve(cands)
    echoes = _surname_echoes(c, kept)
    if echoes:  # (resolving a resolved list changes nothing)
        kept = _resolve(kept + echoes)
    extra = _list_items(c, kept)
    return _resolve(kept + extra) if extra else kept


_LIST_SEP = frozenset({"،", ",", "و"})
#: kinds of listed organizations that may be followed by their country or city in one name
_PLACE_SUFFIX_KINDS = frozenset({"sport", "media", "company"})
_HEAD_PLACE_KINDS = _PLACE_SUFFIX_KINDS | {"government", "military", "party"}


def _list_items(c: _Ctx, kept: list[Cand]) -> list[Cand]:
    """Unknown names between two people in an enumeration («X Y، [Z W]، U V»)."""
    toks = c.doc.tokens
    person_at: dict[int, int] = {}  # start token -> end token of a PERSON
    person_end: dict[int, int] = {}  # end token -> start token
    covered = [False] * c.n
    for cand in kept:
        ts = c.doc.tokens_in(cand.nstart, cand.nend)
        if not ts:
            continue
        for t in ts:
            covered[t.i] = True
        if cand.label == "PERSON":
            person_at[ts[0].i] = ts[-1].i + 1
            person_end[ts[-1].i + 1] = ts[0].i
    out = []
    for e, s in person_end.items():
        # e: the separator after a person; the item runs from e+1 to the next separator
        if e >= c.n or toks[e].norm not in _LIST_SEP:
            continue
        a = e + 1
        b = a
        while b < c.n and b - a < 3 and not covered[b] and c.namelike(b) and not c.is_common(b) \
                and c.same_sent(a, b) and toks[b].norm not in _LIST_SEP:
            b += 1
        if b == a or b >= c.n or toks[b].norm not in _LIST_SEP or (b + 1) not in person_at:
            continue
        if not any(c.unknown(x) or c.fold[x] in c.first for x in range(a, b)):
            continue
        out.append(Cand("PERSON", toks[a].nstart, toks[b - 1].nend, priority=FRAME_PRIORITY - 1,
                        extra={"source": "list"}))
    return out


def _surname_echoes(c: _Ctx, kept: list[Cand]) -> list[Cand]:
    """Later bare surnames of people named in full earlier in the document."""
    toks = c.doc.tokens
    surnames: dict[str, int] = {}  # folded surname -> first token index where it may recur
    for cand in kept:
        if cand.label != "PERSON":
            continue
        ts = c.doc.tokens_in(cand.nstart, cand.nend)
        if len(ts) < 2:
            continue
        last = ts[-1].i
        f = c.fold[last]
        if cand.extra.get("source") == "apposition":
            continue
        if cand.extra.get("source") != "gazetteer" and not c.unknown(last) and not (
                cand.extra.get("source") in ("first", "title") and not c.adjective(last) and not c.is_common(last)
                and c.lex.freq.get(ts[-1].norm, 0) < _ECHO_FREQ):
            continue  # only surnames no dictionary knows, or rare nouns after a first name, echo
        if len(f) >= 3 and f not in c.stop and f not in c.first and c.rare(last) and not c.plural(last):
            surnames.setdefault(f, last + 1)
    if not surnames:
        return []
    covered = bytearray(len(c.doc.norm) + 1)
    for cand in kept:
        covered[cand.nstart:cand.nend] = b"\x01" * (cand.nend - cand.nstart)
    out = []
    for i in [i for i, f in enumerate(c.fold) if f in surnames]:
        if i >= surnames[c.fold[i]] and not covered[toks[i].nstart]:
            out.append(Cand("PERSON", toks[i].nstart, toks[i].nend, priority=FIRSTNAME_PRIORITY - 1,
                            extra={"source": "surname"}))
    return out


def _resolve(cands: list[Cand]) -> list[Cand]:
    return resolve_overlaps(cands)


# -- grouping -----------------------------------------------------------------------


def group(doc: Doc, cands: list[Cand], mentions: list[Mention]) -> tuple[list[Mention], list[Entity]]:
    """Group name mentions into entities; return mentions with ``entity`` set, and entities.

    ``cands[k]`` is the candidate that became ``mentions[k]``.
    """
    from . import gazetteer as g

    idx = [k for k, m in enumerate(mentions) if m.label in ENTITY_LABELS]
    if not idx:
        return mentions, []
    # union of mentions into groups
    groups: list[dict[str, Any]] = []
    by_key: dict[tuple[str, str], int] = {}
    person_words: dict[str, list[int]] = {}  # folded last word(s) -> person groups with longer names
    assign: dict[int, int] = {}
    for k in idx:
        m, c = mentions[k], cands[k]
        f = g.fold_key(m.norm)
        canon = c.extra.get("canonical") if c.extra else None
        key = (m.label, g.fold_key(canon) if canon else f)
        gi = by_key.get(key)
        if gi is None and m.label == "PERSON":
            cand_groups = person_words.get(f, [])
            if cand_groups:
                gi = cand_groups[-1]  # the most recent fuller name ending in these words
        if gi is None:
            gi = len(groups)
            groups.append({"label": m.label, "mentions": [], "canon": None, "names": [], "kind": None})
        by_key.setdefault(key, gi)
        gr = groups[gi]
        gr["mentions"].append(k)
        gr["names"].append(m.norm)
        if canon and not gr["canon"]:
            gr["canon"] = canon
            by_key.setdefault((m.label, g.fold_key(canon)), gi)
        if m.kind and not gr["kind"]:
            gr["kind"] = m.kind
        assign[k] = gi
        if m.label == "PERSON":
            words = f.split(" ")
            for cut in range(1, len(words)):
                tail = " ".join(words[cut:])
                lst = person_words.setdefault(tail, [])
                if gi not in lst:
                    lst.append(gi)
            if canon:
                cw = g.fold_key(canon).split(" ")
                for cut in range(1, len(cw)):
                    lst = person_words.setdefault(" ".join(cw[cut:]), [])
                    if gi not in lst:
                        lst.append(gi)

    roles = _roles(doc, cands, mentions, idx)
    nsent = max(1, len(doc.sentences) - 1)
    raw = []
    for gi, gr in enumerate(groups):
        w = sum(1.0 - 0.5 * min(mentions[k].sentence, nsent) / nsent for k in gr["mentions"])
        raw.append(w)
    top = max(raw) if raw else 1.0
    order = sorted(range(len(groups)), key=lambda gi: (-round(raw[gi], 9), groups[gi]["mentions"][0]))
    eid = {gi: f"e{n}" for n, gi in enumerate(order)}
    out = list(mentions)
    for k, gi in assign.items():
        out[k] = _with_entity(out[k], eid[gi])
    ents = []
    for gi in order:
        gr = groups[gi]
        name = gr["canon"] or max(gr["names"], key=lambda s: (len(s.split()), len(s)))
        rs: list[str] = []
        for k in gr["mentions"]:
            for r in roles.get(k, ()):
                if r not in rs:
                    rs.append(r)
        ents.append(Entity(
            id=eid[gi],
            name=name,
            label=gr["label"],
            mentions=tuple(mentions[k].id for k in gr["mentions"]),
            kind=gr["kind"],
            roles=tuple(rs),
            salience=raw[gi] / top if top else 0.0,
        ))
    return out, ents


_MENTION_COPY: list[Callable[[Mention], tuple] | None] = []


def _with_entity(m: Mention, eid: str) -> Mention:
    """``dataclasses.replace(m, entity=eid)``, without its per-call field checks and keyword
    arguments (a few mentions per article each get one): the other fields are passed by
    position when ``entity`` is the last field of :class:`Mention`."""
    if not _MENTION_COPY:
        fs = fields(Mention)
        plain = fs[-1].name == "entity" and all(f.init and not f.kw_only for f in fs)
        _MENTION_COPY.append(attrgetter(*(f.name for f in fs[:-1])) if plain else None)
    get = _MENTION_COPY[0]
    if get is None:
        return replace(m, entity=eid)
    return Mention(*get(m), eid)


def _roles(doc: Doc, cands: list[Cand], mentions: list[Mention], idx: list[int]) -> dict[int, list[str]]:
    """Roles of PERSON mentions from appositions and preceding titles."""
    from . import gazetteer as g

    out: dict[int, list[str]] = {}
    norm = doc.norm
    folded, pos = g.fold_text(norm)
    if pos is not None:  # rare (diacritics): give up exact role offsets, use plain text
        folded = norm
    titles = g.titles()
    # title matches by start and end offset (normalized offsets when pos is None)
    tmatches = [] if pos is not None else titles.longest(folded)
    t_by_start = {s: (e, t) for s, e, t in tmatches if t.kind == "role"}
    t_by_end = {e: (s, t) for s, e, t in tmatches if t.kind == "role"}
    name_by_start = {cands[k].nstart: k for k in idx}
    name_by_end = {cands[k].nend: k for k in idx}

    def skip_space(p: int) -> int:
        while p < len(norm) and norm[p] in " \u200c":
            p += 1
        return p

    starts_sorted = sorted(name_by_start)

    def complement(e: int) -> tuple[str, int]:
        """The place/organization the office belongs to: «[کل] بانک مرکزی» after «رییس»."""
        import bisect

        p = skip_space(e)
        j = bisect.bisect_left(starts_sorted, p)
        if j == len(starts_sorted):
            return "", e
        q = starts_sorted[j]
        k = name_by_start[q]
        gap = norm[p:q]
        if mentions[k].label not in ("LOCATION", "ORGANIZATION") or len(gap) > 12 \
                or any(ch in gap for ch in "،,.;:!?؟«»()\n") or doc.sentence_at(q) != doc.sentence_at(e - 1):
            return "", e
        return " " + norm[p : cands[k].nend], cands[k].nend

    for k in idx:
        if mentions[k].label != "PERSON":
            continue
        c = cands[k]
        # apposition: «X، <title> [complement]»
        p = c.nend
        while p < len(norm) and norm[p] == " ":
            p += 1
        if p < len(norm) and norm[p] in "،,":
            q = skip_space(p + 1)
            if q in t_by_start:
                e, t = t_by_start[q]
                comp, _ = complement(e)
                out.setdefault(k, []).append(t.text + comp)
        # preceding title: «<title> [complement] X»
        p = c.nstart
        while p > 0 and norm[p - 1] in " \u200c":
            p -= 1
        kk = name_by_end.get(p)
        if kk is not None and mentions[kk].label in ("LOCATION", "ORGANIZATION"):
            q = cands[kk].nstart
            while q > 0 and norm[q - 1] in " \u200c":
                q -= 1
            if q in t_by_end:
                s, t = t_by_end[q]
                out.setdefault(k, []).append(t.text + " " + mentions[kk].norm)
        elif p in t_by_end:
            s, t = t_by_end[p]
            out.setdefault(k, []).append(t.text)
    return out
