"""The shortcuts of the event stage give the same answers as the plain ways.

core/triggers.py and core/events.py keep per-word facts (WordInfo), index phrases by
their first two tokens, reject verb forms by their second token, build only the
spellings of a verb form that start with the token looked up, and scan only the tokens
where something can start. Each test here compares one shortcut with the plain
computation it replaces (written out again here, as it was before the shortcut).
"""

from __future__ import annotations

import pytest

from newsx.core import events, triggers
from newsx.core.triggers import SCANNED, fold


@pytest.fixture(scope="module")
def lex() -> triggers.Lexicon:
    return triggers.lexicon()


# -- plain reference implementations ------------------------------------------------------
def _match_plain(lex, cls, folded, i, end):
    if i >= end:
        return 0
    for p in lex.phrases(cls):  # longest first
        n = len(p)
        if p[0] == folded[i] and i + n <= end and tuple(folded[i : i + n]) == p:
            return n
    return 0


def _verb_at_plain(lex, folded, i, end):
    if i >= end:
        return None
    verbs, longest = lex._verbs.first(folded[i])
    for n in range(min(longest, end - i), 0, -1):
        vf = verbs.get(tuple(folded[i : i + n]))
        if vf:
            return n, vf
    return None


def _joined_plain(lex, f):
    for j in range(2, len(f) - 1 if len(f) <= lex.max_lv_first + 2 else lex.max_lv_first + 1):
        for t in lex.lv_first.get(f[:j], ()):
            if len(t.words) != 1:
                continue
            vf = lex.verb_forms((f[j:],))
            if vf and any(x.stem == t.light for x in vf):
                return t, [x for x in vf if x.stem == t.light][0]
    return None


def _clauses_plain(a, s0, s1):
    out = []
    cs = s0
    k = s0
    while k < s1:
        if a.fold[k] == "که" and k > cs:
            out.append((cs, k))
            cs = k
        v = a.verb[k]
        if v and a.is_finite[k]:
            e = k + v[0]
            out.append((cs, e))
            cs = e
            k = e
            continue
        k += 1
    if cs < s1:
        if out and all(not a.fold[j].isalnum() for j in range(cs, s1)):
            out[-1] = (out[-1][0], s1)
        else:
            out.append((cs, s1))
    return out


# -- lexicon look-ups ----------------------------------------------------------------------
def _sequences(lex, cls):
    """Token lists around every phrase of ``cls``: whole, cut short, with a wrong token."""
    for p in lex.phrases(cls):
        yield ["x", *p, "y"]
        yield list(p[:-1]) + ["y"]
        if len(p) > 1:
            yield [p[0], p[1] + "ی", *p[2:]]
            yield [p[0], *p[1:-1]]


def test_match_equals_plain_scan(lex):
    checked = 0
    for cls in sorted(lex.lexicon):
        for seq in _sequences(lex, cls):
            folded = [fold(t) for t in seq]
            for end in range(len(folded) + 1):
                for i in range(len(folded) + 1):
                    assert lex.match(cls, folded, i, end) == _match_plain(lex, cls, folded, i, end), (cls, seq, i, end)
                    checked += 1
    assert checked > 1000


@pytest.mark.parametrize("head", ["می", "نمی", "کرده", "شده", "کرد", "داشته", "است", "خواهد", "گفت"])
def test_verb_at_equals_plain_scan(lex, head):
    verbs, longest = lex._verbs.first(head)
    seqs = [list(k) + ["و"] for k in verbs] + [[head, "کتاب"], [head]]
    seqs += [[k[0], k[1] + "ی", *k[2:]] for k in verbs if len(k) > 1]
    for seq in seqs:
        for end in range(len(seq) + 1):
            for i in range(len(seq)):
                assert lex.verb_at(seq, i, end) == _verb_at_plain(lex, seq, i, end), (seq, i, end)


def test_spellings_from_equals_variants(lex):
    idx = lex._verbs
    for r, (_si, form) in enumerate(idx.forms):
        heads = {v[0] for v in triggers._variants(form)}
        for w in heads:
            got = triggers._spellings_from(form, idx.parts[r], w)
            assert len(got) == len(set(got))
            assert set(got) == {v for v in triggers._variants(form) if v[0] == w}, (form, w)
        assert triggers._spellings_from(form, idx.parts[r], "کتاب") == []


WORDS = (
    "دانش‌آموزان دیروز به کتابخانه‌ها رفتند و کتاب‌هایشان را پس دادند او می‌گوید که نخواهد آمد "
    "ولی ما می‌دانستیم حمله کردند حملات کشته‌شده کشته شدند زخمی‌شدگان برگزار شد همه‌پرسی "
    "باید اگر نمی‌توان این آن وی دو طرف در از خاک منطقه علیه به نقل گزارش داد اعلام کرد"
).split()


def test_word_info_equals_direct_look_ups(lex):
    words = set(WORDS)
    for t in lex.triggers:
        words.update(t.words)
        if len(t.words) == 1:
            words.add(t.words[0] + "شده")
            words.add(t.words[0] + "کرد")
    for cls in SCANNED:
        words.update(p[0] for p in lex.phrases(cls))
    for w in sorted(words):
        wi = lex.word(w)
        f = fold(w)
        assert lex.folded(w) == f
        assert wi.heads == tuple(c for c in SCANNED if any(p[0] == f for p in lex.phrases(c))), w
        assert wi.verb == (lex._verbs.first(f)[1] > 0), w
        assert wi.lv == (f in lex.lv_first)
        assert wi.joined == _joined_plain(lex, f), w
        assert wi.verbal == (wi.lv or wi.joined is not None)
        assert wi.noun == (f in lex.noun_first or lex.noun_at([f], 0, 1) is not None), w
        assert lex.word(w) is wi  # cached


# -- per-article scans ---------------------------------------------------------------------
TEXTS = [
    "به گزارش خبرگزاری ایرنا، وزیر خارجه ایران روز دوشنبه در تهران گفت که مذاکرات ادامه دارد. "
    "او افزود: نیروهای روسیه به شهر خارکیف حمله کردند و ۲۰ نفر کشته شدند.",
    "اگر آتش‌بس برقرار نشود، باید سازمان ملل اقدام کند. همه‌پرسی در چهار منطقه برگزار شد "
    "و مسکو اعلام کرد که این مناطق به روسیه ملحق شدند. دو طرف درباره تبادل اسرا گفتگو کردند.",
    "رئیس‌جمهور آمریکا که دیروز به پاریس سفر کرده بود، گفت این کشور از اوکراین حمایت می‌کند؛ "
    "به نقل از روابط عمومی دادگستری استان تهران، سه نفر بازداشت شدند.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_article_scans_equal_plain_scans(lex, text):
    from newsx.core import pipeline
    from newsx.core.doc import Doc
    from newsx.core.normalize import normalize
    from newsx.core.tokenize import tokenize

    norm, al = normalize(text)
    doc = Doc(text=text, norm=norm, align=al)
    tokenize(doc)
    an = pipeline.analyze(text)
    a = events._Art(doc, list(an.mentions), list(an.entities))
    n = a.n
    assert a.fold == [fold(t.norm) for t in doc.tokens]
    for cls in SCANNED:
        assert a.heads.get(cls, []) == [i for i in range(n) if any(p[0] == a.fold[i] for p in lex.phrases(cls))]
    # verbs: as found by trying every token outside a name
    verb: list = [None] * n
    i = 0
    while i < n:
        m = a.at[i]
        if m is not None and m.label in events._ENTITY_LABELS:
            i += 1
            continue
        v = lex.verb_at(a.fold, i, doc.sentences[doc.tokens[i].sentence].last)
        if v:
            verb[i] = v
            i += v[0]
            continue
        if events._finite_by_lemma(a.fold[i], doc.tokens[i].lemma):
            verb[i] = (1, [])
        i += 1
    assert a.verb == verb
    assert a.ncand == [i for i in range(n) if lex.noun_at(a.fold, i, n) is not None]
    assert a.tcand == [i for i in range(n) if a.fold[i] in ("علیه", "را") or any(
        a.fold[i] in ti.target_preps for ti in lex.types.values())]
    assert a.breaks == [i for i in range(n) if a.fold[i] == "که" or verb[i] and a.is_finite[i]]
    # verbal triggers: every token that may be one is visited, and only such tokens
    needed = {i for i in range(n) if a.fold[i] in lex.lv_first or _joined_plain(lex, a.fold[i]) is not None
              or verb[i] is not None and any(vf.stem in lex.verb_triggers for vf in verb[i][1])}
    assert a.vcand == sorted(set(a.vcand))
    assert needed <= set(a.vcand) <= needed | {i for i in range(n) if verb[i] is not None}
    for s in doc.sentences:
        assert events._clauses(a, s.first, s.last) == _clauses_plain(a, s.first, s.last)
        clauses = _clauses_plain(a, s.first, s.last)
        cl_of = events._ClauseOf(clauses)
        plain = {k: ci for ci, (c0, c1) in enumerate(clauses) for k in range(c0, c1)}
        for k in range(s.first - 1, s.last + 1):
            assert cl_of.get(k, 0) == plain.get(k, 0)
    assert an.events  # the texts do hold events
