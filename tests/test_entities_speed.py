"""The entities stage's speed-ups answer exactly as the plain code they replace.

Memoized word features, the shared automaton of the gazetteer matchers and the fast
folding must not change a single answer: each is checked here against a straightforward
reference (the code as it was before the speed-ups). Sentences are written for these tests.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsx.core import entities, gazetteer as g
from newsx.core.doc import Doc
from newsx.core.normalize import normalize
from newsx.core.tokenize import tokenize

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_d15e79eab32ee6a4.txt"
FARS = REPO.parent / "shared" / "data" / "news" / "fars.jsonl"

SENTENCES = [
    "سردار حسن کریمی‌نژاد، فرمانده نیروی دریایی، روز شنبه در بندرعباس گفت که رزمایش ادامه دارد.",
    "به گزارش خبرگزاری مهر، میلاد قربان زاده و علی‌اکبر مویدی زاده به تیم ملی فوتبال ایران پیوستند.",
    "وزارت امور خارجه بریتانیا اعلام کرد سخنگوی وزارت خارجه روسیه برمی‌گرداند و امیدوارند.",
    "محمد‌رضا سایه وند، مدیرکل یونسکو، با رییس جمهوری فرانسه دیدار کرد؛ کشورها و دانش‌آموزان حاضر بودند.",
    "۱۲۰ شرکت صادرکننده در شهر کرمانشاه و استان خوزستان فعال‌اند. سن‌پائولو میزبان بود.",
    "اجلاس در کوالالامپور و سنگاپور برگزار شد و جمال‌زاده و رضاپور و سلیمانی‌فر سخن گفتند.",
]


def make_doc(text: str) -> Doc:
    norm, al = normalize(text)
    doc = Doc(text=text, norm=norm, align=al)
    tokenize(doc)
    return doc


# -- reference code (as before the speed-ups) -----------------------------------------

_R_DROP = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640"
_R_DROP_TABLE = str.maketrans("", "", _R_DROP)


def ref_fold_key(s: str) -> str:
    s = s.translate(_R_DROP_TABLE).translate(g._FOLD)
    return re.sub(r" {2,}", " ", s).strip()


def ref_fold_text(text: str) -> tuple[str, list[int] | None]:
    if not any(ch in _R_DROP for ch in text):
        return text.translate(g._FOLD), None
    keep = [i for i, ch in enumerate(text) if ch not in _R_DROP]
    return "".join(text[i] for i in keep).translate(g._FOLD), keep


def ref_longest(m: g.Matcher, folded: str) -> list:
    ms = sorted(m.all_matches(folded), key=lambda x: (x[0] - x[1], x[0]))
    taken = bytearray(len(folded) + 1)
    kept = []
    for s, e, p in ms:
        if any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        kept.append((s, e, p))
    kept.sort(key=lambda x: x[0])
    return kept


class RefPredicates:
    """The token predicates of ``entities._Ctx``, computed from scratch for every call."""

    def __init__(self, c: entities._Ctx) -> None:
        self.c = c
        self.toks = c.doc.tokens
        self.lex = c.lex
        self.fold = [ref_fold_key(t.norm) for t in self.toks]
        first = dict(g.first_names())
        for f in set(self.fold):
            if " " in f and f not in first and all(p in first and not first[p] for p in f.split(" ")):
                first[f] = False
        self.first = first

    def plural(self, i):
        w = self.toks[i].norm.replace("\u200c", "")
        for suf in ("هایی", "های", "ها", "ان", "گان"):
            if w.endswith(suf) and len(w) > len(suf) + 1:
                stem = w[: -len(suf)] + ("ه" if suf == "گان" else "")
                if self.lex.freq.get(stem, 0) > 0:
                    return True
        return False

    def unknown(self, i):
        w = self.toks[i].norm
        return self.lex.freq.get(w, 0) == 0 and not self.lex.pos.get(w) and not self.plural(i)

    def is_word(self, i):
        return 0 <= i < len(self.toks) and self.toks[i].norm[:1].isalpha()

    def is_verb(self, i):
        t = self.toks[i]
        if "#" in t.lemma or t.norm in self.lex.verb_forms:
            return True
        f = self.fold[i]
        if " " in f and any(p in ("می", "نمی") or (p.endswith("می") and p[:-2] in entities._VERB_PREFIXES)
                            for p in f.split(" ")[:-1]):
            return True
        w = t.norm
        return w.endswith(("ند", "یم", "ید")) and len(w) > 4 and "AJ" in self.lex.pos.get(w[:-2], ())

    def is_common(self, i):
        w = self.toks[i].norm
        f = self.lex.freq.get(w, 0)
        tags = self.lex.pos.get(w, frozenset())
        return f >= entities._COMMON_FREQ or bool(tags & entities._CLOSED_TAGS) or ("ADV" in tags and f > 0)

    def adjective(self, i):
        tags = self.lex.pos.get(self.toks[i].norm, frozenset())
        return bool(tags) and "N" not in tags and bool(tags & {"AJ", "ADV"})

    def rare(self, i):
        return self.lex.freq.get(self.toks[i].norm, 0) < entities._RARE_FREQ and not self.is_common(i)

    def namelike(self, i):
        c = self.c
        if not self.is_word(i) or c.in_title[i] or c.in_head[i] or c.in_frame[i]:
            return False
        f = self.fold[i]
        return not (f in g.stop_words() or len(f) < 2) and not self.is_verb(i)

    def same_sent(self, i, j):
        n = len(self.toks)
        return 0 <= i < n and 0 <= j < n and self.toks[i].sentence == self.toks[j].sentence

    def surname_like(self, i):
        if not self.namelike(i) or self.c.in_gaz[i] or self.is_common(i):
            return False
        f = self.fold[i]
        w = f.replace(" ", "")
        for suf, mn in g.surname_suffixes():
            if w.endswith(suf) and len(w) - len(suf) >= mn:
                if " " in f and f.rsplit(" ", 1)[-1] != suf:
                    return False
                return self.unknown(i) and f not in self.first
        return False

    def split_suffix(self, i):
        n = len(self.toks)
        if not (0 < i < n) or not self.same_sent(i - 1, i) or self.fold[i] not in {s for s, _ in g.surname_suffixes()}:
            return False
        nxt = i + 1
        return not (nxt < n and self.same_sent(i, nxt) and self.fold[nxt] not in g.hazm_stop_words()
                    and self.is_verb(nxt))


def check_predicates(text: str) -> None:
    doc = make_doc(text)
    if not doc.tokens:
        return
    c = entities._Ctx(doc)
    r = RefPredicates(c)
    n = c.n
    assert c.fold == r.fold
    assert c.first == r.first
    for i in range(-1, n + 1):
        inside = 0 <= i < n
        for name in ("namelike", "surname_like", "split_suffix", "is_word"):
            assert getattr(c, name)(i) == getattr(r, name)(i), (name, i)
        assert c.same_sent(i, i + 1) == r.same_sent(i, i + 1)
        if inside:
            for name in ("unknown", "plural", "is_verb", "is_common", "adjective", "rare"):
                assert getattr(c, name)(i) == getattr(r, name)(i), (name, i, doc.tokens[i].norm)
    # the sparse rules visit exactly the tokens the full scans would act on
    assert c.first_sites == [i for i in range(n) if r.fold[i] in r.first]
    assert c.surname_sites == [i for i in range(n) if r.surname_like(i) or r.split_suffix(i + 1)]


# -- tests ----------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("ابپتثجحخدذرزژسشصضطظعغفقکگلمنوهیيكةۀأإآٱؤئىہە")
    + list("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩")
    + ["\u200c", "\u200d", "\u00a0", "\u202f", " ", "  ", "\t", "\n", "\r", "\u064e", "\u0650", "\u0651",
       "\u0670", "\u0640", "«", "»", "،", ".", "a", "Z"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_fold_key_and_fold_text_match_reference(s: str) -> None:
    assert g.fold_key(s) == ref_fold_key(s)
    assert g.fold_key(s) == ref_fold_key(s)  # memoized answer
    assert g.fold_text(s) == ref_fold_text(s)
    assert g.fold_text(s) == ref_fold_text(s)  # the last text's answer, kept


def test_fold_text_cache_follows_the_text() -> None:
    a, b = "کِیِف و تهران", "رییس\u200cجمهوری"
    assert g.fold_text(a) == ref_fold_text(a)
    assert g.fold_text(b) == ref_fold_text(b)
    assert g.fold_text(a) == ref_fold_text(a)


def test_longest_each_matches_each_matcher_alone() -> None:
    matchers = (g.names(), g.titles(), g.heads(), g.frames())
    texts = [g.fold_text(normalize(t)[0])[0] for t in SENTENCES]
    if SEED.exists():
        texts.append(g.fold_text(normalize(SEED.read_text(encoding="utf-8"))[0])[0])
    for folded in texts:
        want = [ref_longest(m, folded) for m in matchers]
        assert g.longest_each(matchers, folded) == want
        assert [m.longest(folded) for m in matchers] == want  # kept as each one's last answer


def test_longest_each_shared_keys_and_rebuild() -> None:
    a, b = g.Matcher(), g.Matcher()
    a.add("شورای امنیت", "A1")
    a.add("امنیت", "A2")
    b.add("امنیت", "B1")
    b.add("شورای عالی امنیت ملی", "B2")
    a.build()
    b.build()
    text = g.fold_text("نشست شورای امنیت و شورای عالی امنیت ملی، امنیتی نبود")[0]
    got = g.longest_each((a, b), text)
    assert got == [ref_longest(a, text), ref_longest(b, text)]
    assert [p for _, _, p in got[0]] == ["A1", "A2"]
    assert [p for _, _, p in got[1]] == ["B1", "B2"]
    b.add("نشست", "B3")  # a rebuilt matcher is seen by the shared automaton
    b.build()
    got = g.longest_each((a, b), text)
    assert [p for _, _, p in got[1]] == ["B3", "B1", "B2"]
    assert got == [ref_longest(a, text), ref_longest(b, text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_token_predicates_match_reference(text: str) -> None:
    check_predicates(text)


def test_token_predicates_match_reference_on_seed() -> None:
    if not SEED.exists():
        pytest.skip("seed article absent")
    check_predicates(SEED.read_text(encoding="utf-8"))


def test_token_predicates_match_reference_on_news() -> None:
    if not FARS.exists():
        pytest.skip("shared news corpus absent")
    with FARS.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= 60:
                break
            check_predicates(json.loads(line)["text"])


def test_with_entity_equals_replace() -> None:
    from dataclasses import replace

    from newsx.core.model import Mention

    m = Mention("m0", "PERSON", "x", 0, 1, "x", 0, kind="k", value=None, entity=None)
    assert entities._with_entity(m, "e3") == replace(m, entity="e3")
