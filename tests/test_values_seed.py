"""The seed's gold dates and quantities come out of ``newsx.analyze`` with gold spans and values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsx.core.pipeline import analyze

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_d15e79eab32ee6a4.txt"
GOLD = ROOT.parent / "shared" / "gold" / "seed.gold.json"


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists() or not GOLD.exists():
        pytest.skip("seed or gold not available")
    return analyze(SEED.read_text(encoding="utf-8")), json.loads(GOLD.read_text(encoding="utf-8"))


def _by_text(analysis, labels):
    return {m.text: m for m in analysis.mentions if m.label in labels}


def test_gold_dates(seed):
    a, gold = seed
    got = _by_text(a, {"DATE"})
    for g in gold["dates"]:
        m = got.get(g["text"])
        assert m is not None, g["text"]
        assert m.value["calendar"] == g["calendar"]
        if "jalali" in g:
            assert m.value["jalali"] == g["jalali"]
        if "iso" in g and len(g["iso"]) == 10:
            assert m.value["gregorian"] == g["iso"]
            assert m.value["start"] == m.value["end"] == g["iso"]
        if "iso" in g and len(g["iso"]) == 4:
            assert m.value["start"] == g["iso"] + "-01-01" and m.value["end"] == g["iso"] + "-12-31"
        if "iso_range" in g:
            assert [m.value["start"], m.value["end"]] == g["iso_range"]
        if "inferred" in g.get("note", ""):
            assert m.value["inferred"] is True


def test_gold_quantities(seed):
    a, gold = seed
    got = _by_text(a, {"QUANTITY"})
    for g in gold["quantities"]:
        m = got.get(g["text"])
        assert m is not None, g["text"]
        assert m.value["number"] == g["value"]
        assert m.value["unit"] == g["unit"]
        assert m.kind == g.get("kind")
        if "qualifier" in g:
            assert m.value["qualifier"] == g["qualifier"].split(" (")[0]


def test_seed_spans_are_exact(seed):
    a, _gold = seed
    for m in a.mentions:
        assert a.text[m.start : m.end] == m.text


def test_no_quantity_for_two_sides(seed):
    a, _gold = seed
    assert not [m for m in a.mentions if m.label == "QUANTITY" and "طرف" in m.text]
    labels = {m.label for m in a.mentions}
    assert not labels & {"MONEY", "PERCENT", "TIME"}


def test_without_article_years_day_stays_partial():
    a = analyze("زلنسکی روز ششم آبان سخن گفت.")
    (m,) = [m for m in a.mentions if m.label == "DATE"]
    assert m.value["resolved"] is False and m.value["gregorian"] is None
    assert m.value["month"] == 8 and m.value["day"] == 6
