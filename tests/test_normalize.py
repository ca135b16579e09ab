"""Normalization: protected spans, character unification, alignment invariants."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import REPO

from newsx.core.align import FOLD
from newsx.core.normalize import normalize, unify

Z = "\u200c"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("نرخ 3.5 درصد", "نرخ ۳.۵ درصد"),
        ("تاریخ 2024-05-01 بود", "تاریخ ۲۰۲۴-۰۵-۰۱ بود"),
        ("سایت www.example.ir/news/123 را ببینید", "سایت www.example.ir/news/123 را ببینید"),
        ("نامه به info@example.com رسید", "نامه به info@example.com رسید"),
        ("سال ۱۳۵۷ ه.ق. بود", "سال ۱۳۵۷ ه.ق. بود"),
        ("عدد ۱٫۵ و 3.14", "عدد ۱٫۵ و ۳.۱۴"),
        ("ساعت 18:30 شروع شد", "ساعت ۱۸:۳۰ شروع شد"),
        ("ویروس COVID-19 و MP3", "ویروس COVID-19 و MP3"),
        ("مبلغ 1,200 دلار", "مبلغ ۱,۲۰۰ دلار"),
    ],
)
def test_protected_spans(text: str, expected: str) -> None:
    assert normalize(text)[0] == expected


def test_unification() -> None:
    out = normalize("كتاب علي در خانۀ مدرسة با ٤٥ نفر و كــــشیده و سَلام")[0]
    assert out == "کتاب علی در خانه مدرسه با ۴۵ نفر و کشیده و سلام"


def test_unify_keeps_spacing() -> None:
    assert unify("می شود  و\u200c\u200cها") == "می شود  و\u200cها".replace("و\u200cها", "و\u200cها")
    assert " " in unify("می شود")


def test_lines_preserved() -> None:
    text = "خط اول\n\nخط دوم\r\nخط سوم"
    norm, _ = normalize(text)
    assert norm.count("\n") == 3


_WORDS = ["درگیریها", "رییسجمهوری", "بنبست", "کردهاند", "میدانند", "تنها", "3.5", "۱٫۵",
          "2024-05-01", "www.example.ir/a/1", "ه.ق.", "كتاب", "ي", "ـ", "\u064e", "\u200c", " ",
          "  ", "«", "»", ".", "،", "COVID-19", "abc", "بندر ها", "افزایش یافته", "میشود", "\n"]
_TOKEN = re.compile(r"[^\s\u200c]+")


def _fold(s: str) -> str:
    s = re.sub(r"[\s\u200c\u064b-\u065f\u0670\u0640]", "", s.translate(FOLD).replace("…", "."))
    s = re.sub(r"\.+", ".", s)  # «...» becomes «…»
    # hazm shortens a letter repeated 3+ times to one or two, whichever makes a word it
    # knows («يييه» -> «یه»): a run of a letter counts as one letter on both sides
    return re.sub(r"(.)\1+", r"\1", s)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25))
@example(["ي", "ي", "ي", "ه.ق."])  # shortened to one letter: «یه.»
def test_alignment_roundtrip(parts: list[str]) -> None:
    text = "".join(parts)
    norm, al = normalize(text)
    assert len(al) == len(norm)
    for m in _TOKEN.finditer(norm):
        s, e = al.span(m.start(), m.end())
        assert 0 <= s <= e <= len(text)
        # the original span, folded and stripped of ZWNJ/space, matches the token folded
        assert _fold(text[s:e]) == _fold(m.group(0)), (text, norm, m.group(0), text[s:e])


@pytest.mark.parametrize(
    "text, expected",
    [
        # hazm's spacing rules, done by our own regexes (data/norm_spacing.tsv)
        ("سلام،دنیا!چطوری؟ (خوب)", "سلام، دنیا! چطوری؟ (خوب)"),
        ("به طول ۹متر و عرض۶", "به طول ۹ متر و عرض ۶"),
        ("کتاب ها و خانه ای بزرگ تر", f"کتاب{Z}ها و خانه{Z}ای بزرگ{Z}تر"),
        ("او می رود و نمی داند", f"او می{Z}رود و نمی{Z}داند"),
        ("  دو   فاصله  ", "دو فاصله"),
        ('"سلام به همه"', "«سلام به همه»"),
        ("خیلیییی خوووب", "خیلی خوب"),
        # «می» (May) is not a verbal prefix: no half-space before a noun or a number
        ("ماه می سال جدید", "ماه می سال جدید"),
        ("۱۵ می ۲۰۲۴", "۱۵ می ۲۰۲۴"),
        # two words the author wrote apart stay apart (hazm's token spacing joined them)
        ("درآمد افزایش یافته است", "درآمد افزایش یافته است"),
    ],
)
def test_spacing_rules(text: str, expected: str) -> None:
    assert normalize(text)[0] == expected


def test_spacing_keeps_lines() -> None:
    norm, _ = normalize("خط اول.\nخط دوم:\n\nخط سوم")
    assert norm.split("\n") == ["خط اول.", "خط دوم:", "", "خط سوم"]


def test_hazm_normalizer_is_cheap() -> None:
    from newsx.core.normalize import _hazm_normalizer

    n = _hazm_normalizer()
    # the token-based options (lexicon, tokenizer, all verb conjugations) stay off
    for attr in ("tokenizer", "_tokenizer", "verbs", "_verbs"):  # hazm 0.10 / 0.12 names
        assert getattr(n, attr, None) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["\u200c", "\u200c\u200c", " ", "\n", "\t", "ب", "a", "۲"]), max_size=12).map("".join))
def test_zwnj_edge_rule_matches_its_plain_form(text: str) -> None:
    """The ZWNJ edge rule is written ZWNJ-first for speed; it removes exactly what the
    plain form (before a space/ZWNJ/end, after a space, at the start) removes."""
    import re

    from newsx.core.normalize import _ZWNJ_EDGE

    plain = re.compile(r"\u200c+(?=[\s\u200c]|$)|(?<=\s)\u200c+|^\u200c+")
    assert _ZWNJ_EDGE.sub("", text) == plain.sub("", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["کتاب", " ", "  ", "۱۲", "3.5", ".", "،", "«", "»", "(", ")", "!", "؟", ":", "\n", "ها", "ه", "\"", "/"]),
                max_size=14).map("".join))
def test_spacing_steps_equal_the_rules_plain_substitutions(text: str) -> None:
    """Rules whose template is the group alone (or between spaces) run as split + join;
    each step must give what ``re.sub`` with the rule's template gives."""
    from newsx.core.normalize import _spacing_rules, _spacing_steps

    for (pat, repl), step in zip(_spacing_rules(), _spacing_steps()):
        assert step(text) == pat.sub(repl, text), pat.pattern


HAZM_SAMPLES = [
    "اِعلاممممم کَرد : « زمین لرزه ای به بُزرگیِ 6 دهم ریشتر ...»",
    "كتاب‌هاي عربي ﷲ ﻻ 10.450 و 5 درصد %",
    "\u0649\u064a\u0643 \u06c0 \u0629 \u200c\u200c «» \"نقل\" ﷺ ﷽",
]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFEFF), max_size=60))
def test_hazm_steps_equal_hazm_normalize(text: str) -> None:
    """newsx runs hazm's normalization steps with the tables built once; the result
    must be what hazm's own Normalizer.normalize gives (hazm 0.10 and 0.12)."""
    from newsx.core.normalize import _hazm_normalize, _hazm_normalizer

    assert _hazm_normalize()(text) == _hazm_normalizer().normalize(text)


def test_hazm_steps_equal_hazm_normalize_on_samples_and_news() -> None:
    from newsx.core.normalize import _hazm_normalize, _hazm_normalizer

    texts = list(HAZM_SAMPLES)
    news = REPO.parent / "shared" / "data" / "news" / "fars.jsonl"
    if news.exists():
        import json

        with news.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(100), fh)]
    for text in texts:
        assert _hazm_normalize()(text) == _hazm_normalizer().normalize(text)
