"""The alignment's fast walk (raw slice comparisons, folding only where the texts
differ) against the straightforward one (both texts folded whole, compared character
by character): they must map every normalized character to the same original range."""

from __future__ import annotations

import json
from array import array

import pytest
from conftest import shared_file

from newsx.core import align as A
from newsx.core.normalize import normalize

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def walk_folded(orig: str, norm: str) -> tuple[list[int], list[int]]:
    """The straightforward walk: both texts folded whole, compared char by char."""
    starts = array("q")
    ends = array("q")
    if orig == norm:
        return list(range(len(orig))), list(range(1, len(orig) + 1))
    of = orig.translate(A.FOLD)
    nf = norm.translate(A.FOLD)
    lo, ln = len(of), len(nf)
    i = j = 0
    ign = A._IGNORABLE
    while j < ln:
        if i >= lo:
            # normalized tail with no source: inserted at the end
            starts.extend([lo] * (ln - j))
            ends.extend([lo] * (ln - j))
            break
        if of[i] == nf[j]:
            run = 1
            while i + run < lo and j + run < ln and of[i + run] == nf[j + run]:
                run += 1
            run = min(run, lo - i, ln - j)
            starts.extend(range(i, i + run))
            ends.extend(range(i + 1, i + run + 1))
            i += run
            j += run
            continue
        ci, cj = of[i], nf[j]
        if ci in ign:
            if cj in ign and nf.startswith(ci, j + 1):
                # normalization inserted cj before this same character: keep the pair aligned
                starts.append(i)
                ends.append(i)
                j += 1
                continue
            i += 1
            continue
        if cj in ign:
            k = A._deleted_before(of, nf, i, j)
            if k:
                # normalization dropped orig[i:i+k] (a collapsed repeat) before this character
                i += k
                continue
            starts.append(i)
            ends.append(i)
            j += 1
            continue
        exp = A._expansion(norm[j])
        if exp and of.startswith(exp, i):
            # several characters written as one («...» → «…»)
            starts.append(i)
            ends.append(i + len(exp))
            i += len(exp)
            j += 1
            continue
        exp = A._expansion(orig[i])
        if exp and nf.startswith(exp, j):
            # a ligature written out («ﷲ» → «الله», «ﻻ» → «لا»)
            starts.extend([i] * len(exp))
            ends.extend([i + 1] * len(exp))
            i += 1
            j += len(exp)
            continue
        a, b = A._resync(of, nf, i, j)
        # normalized chars j..j+b-1 come from original chars i..i+a-1
        for _ in range(b):
            starts.append(i)
            ends.append(i + a)
        i += a
        j += b
    return list(starts), list(ends)


def check(orig: str, norm: str) -> None:
    al = A.align(orig, norm)
    assert (list(al.starts), list(al.ends)) == walk_folded(orig, norm)


PIECES = st.one_of(
    st.sampled_from(["تهران", "ایران", "می", "شود", "کتاب", "ها", "گفت", "آقای", " ", "  ", "\n", "\u200c",
                     "ي", "ك", "ۀ", "ة", "ـ", "\u064b", "\u0651", "...", "…", "«", "»", '"', "ﷲ", "ﻻ", "ﺑ",
                     "2", "۲", "٢", ".", "،", ",", "؟", "?", "%", "٪", "\u200f", "\ufeff", "a", "A"]),
    st.text(max_size=3),
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS, TEXTS)
def test_fast_walk_equals_folded_walk_on_any_pair(a: str, b: str) -> None:
    check(a, b)
    check(a, a + b)
    check(a + b, a)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_fast_walk_equals_folded_walk_after_normalization(a: str) -> None:
    check(a, normalize(a)[0])


def test_long_equal_stretches_and_folded_digits() -> None:
    body = "سلام دنیا " * 700
    check(body + "2024", body + "۲۰۲۴")
    check("x" + body, body)
    check(body, body + "\u200c")
    check("ي" * 5000, "ی" * 5000)


def test_fast_walk_equals_folded_walk_on_news() -> None:
    path = shared_file("data", "news", "fars.jsonl")
    with path.open(encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k >= 150:
                break
            text = json.loads(line)["text"]
            check(text, normalize(text)[0])


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.lists(st.tuples(st.integers(-2, 70), st.integers(-2, 70)), max_size=8))
def test_spans_in_bulk_equal_span_one_by_one(a: str, pairs: list[tuple[int, int]]) -> None:
    al = A.align(a, normalize(a)[0])
    n = len(al)
    inside = [(x % (n or 1), x % (n or 1) + 1) for x, _ in pairs] if n else []
    for case in (pairs, inside):
        starts, ends = [x for x, _ in case], [y for _, y in case]
        assert al.spans(starts, ends) == [al.span(x, y) for x, y in case]
