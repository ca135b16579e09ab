"""Property-based tests (hypothesis): any text gives a valid, deterministic record.

Example counts stay small so the suite stays fast (CI runs it on 3.11 and 3.12);
``benchmarks/fuzz.py`` runs the long version.
"""

from __future__ import annotations

import json

import pytest
from conftest import REPO, assert_spans_valid

hypothesis = pytest.importorskip("hypothesis")
jsonschema = pytest.importorskip("jsonschema")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newsx import analyze  # noqa: E402
from newsx.cli import batch, inputs  # noqa: E402

SCHEMA = json.loads((REPO / "core" / "newsx.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=200)

WORDS = (
    "تهران ایران وزیر امور خارجه گفت روز شنبه میلیارد تومان درصد هزار نفر رئیس‌جمهور سازمان ملل "
    "خبرگزاری به گزارش اعلام کرد می‌شود کتاب‌ها دیروز فردا اردیبهشت ساعت دلار سیل کشته حمله "
    "دیدار مجلس دولت آقای شهر استان پلیس که در از با و را"
).split()
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.integers(0, 10**9).map(str),
    st.integers(0, 10**6).map(lambda n: str(n).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))),
    st.sampled_from([".", "،", "؛", "؟", "!", "«", "»", ":", "٪", "%", "/", "-", "\n", "\u200c", "ي", "ك", "ۀ", "ـ", "\u064b"]),
    st.sampled_from(list(BIDI) + ["\ufeff", "\u200d", "\u00a0", "\U0001f600", "\ud800"]),
    st.sampled_from(["1402/08/07", "۱۴۰۲/۰۸/۰۷", "2023-10-29", "18:30", "۱۲٫۵", "1,200", "COVID-19", "https://x.ir/a"]),
)
PERSIAN_LIKE = st.lists(st.tuples(PIECES, st.sampled_from([" ", " ", "", "\u200c", "\n", ". "])), max_size=40).map(
    lambda xs: "".join(a + b for a, b in xs)
)

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str) -> str:
    d = analyze(text, published="2023-10-29").to_dict(include=("tokens", "sentences", "text"))
    s = json.dumps(d, ensure_ascii=False, sort_keys=False)
    back = json.loads(s)
    VALIDATOR.validate(back)
    assert_spans_valid(back, text)
    for key in ("tokens", "sentences", "mentions"):
        spans = [(x["start"], x["end"]) for x in back.get(key, [])]
        assert spans == sorted(spans), key
    return s


@SETTINGS
@given(ANY_TEXT)
def test_arbitrary_unicode(text: str):
    assert _check(text) == _check(text)  # byte-identical across runs


@SETTINGS
@given(PERSIAN_LIKE)
def test_persian_like_text(text: str):
    assert _check(text) == _check(text)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PERSIAN_LIKE, ANY_TEXT), min_size=6, max_size=12))
def test_jobs_1_and_2_identical(texts: list[str]):
    def arts():
        return [inputs.Article(f"s{i}", text=t) for i, t in enumerate(texts)]

    one = [r.data for r in batch.run_results(arts(), "2023-10-29", ("tokens",), 1, "compact")]
    two = [r.data for r in batch.run_results(arts(), "2023-10-29", ("tokens",), 2, "compact", chunk_size=2)]
    assert one == two
    for line, text in zip(one, texts):
        d = json.loads(line)
        VALIDATOR.validate(d)
        assert_spans_valid(d, text)
