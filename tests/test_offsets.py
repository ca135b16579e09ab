"""Offsets: every token, sentence and span slices the ORIGINAL text exactly."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from conftest import assert_spans_valid, shared_file

from newsx import analyze
from newsx.core.align import FOLD, align

ZWNJ = "\u200c"


def _squash(s: str) -> str:
    """Compare token texts modulo what normalization may respell, respace or collapse
    (ligatures expanded, repeated letters shortened)."""
    s = unicodedata.normalize("NFKC", s).translate(FOLD)
    s = "".join(c for c in s if c not in " " + ZWNJ + "\u0640" and not "\u064b" <= c <= "\u065f")
    return re.sub(r"(.)\1+", r"\1", s)


def _check_tokens(text: str) -> None:
    a = analyze(text)
    d = a.to_dict(include=("tokens", "sentences"))
    assert_spans_valid(d, text)
    for t in a.tokens:
        assert t.text == text[t.start : t.end]
        assert t.text.strip() == t.text and t.text
        assert _squash(t.text) == _squash(t.norm), (t.text, t.norm)
    ends = [t.end for t in a.tokens]
    assert ends == sorted(ends)


def test_seed_tokens_slice_original(seed_analysis, seed_text):
    d = seed_analysis.to_dict(include=("tokens", "sentences"))
    assert_spans_valid(d, seed_text)
    assert len(seed_analysis.tokens) > 400
    _check_tokens(seed_text)


def test_seed_sentences_match_gold(seed_analysis):
    import json

    gold = json.loads(shared_file("gold", "seed.gold.json").read_text(encoding="utf-8"))
    assert [[s.start, s.end] for s in seed_analysis.sentences] == gold["sentences"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "كتاب علي در سالِ ۱۳۹۹ منتشر شد.",
        "قیمت 3.5 درصد و ۱٫۵ میلیارد، تاریخ 2024-05-01 و ساعت 18:30 بود.",
        "نشانی www.irna.ir/news/123 و info@example.com است.",
        "سلاممممم دنیــــا!!! «نقل قول» … ؟",
        "ﷲ اکبر ﻻ و ﻷ",
        "a\u200f\u202bمتن\u202c b\u200c\u200c\u200cc",
        "English only text, with 3 numbers: 1,200 and 2.5.",
        "\r\nخط اول\r\nخط دوم\r\n",
        "می خواهم بروم و نمی دانم کتابها کجاست",
        "😀 ایموجی 👍🏽 و ترکیب e\u0301",
    ],
)
def test_edge_texts(text):
    _check_tokens(text)


def test_random_persian_noise():
    rng = random.Random(7)
    alphabet = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكة۰۱۲۳0123 ‌\u064e\u0640.،؛؟!«»()\n"
    for _ in range(60):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        _check_tokens(text)


def test_alignment_maps_inserted_and_deleted_characters():
    orig = "کتابها\u064eی ما"
    norm = "کتاب\u200cهای ما"
    al = align(orig, norm)
    assert al.span(0, len(norm)) == (0, len(orig))
    assert al.span(norm.index("ما"), len(norm)) == (orig.index("ما"), len(orig))


def test_ud_sentences_slice_original():
    path = shared_file("data", "ud", "fa_seraji-ud-dev.conllu")
    texts = [line[len("# text = ") :].rstrip("\n") for line in path.open(encoding="utf-8") if line.startswith("# text = ")]
    assert len(texts) > 100
    for text in texts[:300]:
        _check_tokens(text)
        _check_tokens(text.replace(ZWNJ, ""))
