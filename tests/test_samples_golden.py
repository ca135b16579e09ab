"""The samples' analyses stay what was reviewed and committed (see tests/golden.py)."""

from __future__ import annotations

import json

import pytest
from golden import SAMPLES, expected_path, render

TEXTS = sorted(SAMPLES.glob("*.txt"))


def test_there_are_samples():
    assert len(TEXTS) >= 3


@pytest.mark.parametrize("txt", TEXTS, ids=lambda p: p.name)
def test_sample_matches_golden(txt):
    exp = expected_path(txt)
    assert exp.exists(), "no golden file: run python tests/golden.py --update"
    got = json.loads(render(txt))
    want = json.loads(exp.read_text(encoding="utf-8"))
    assert got == want, f"{txt.name} changed: run python tests/golden.py --update and review git diff samples/"


@pytest.mark.parametrize("txt", TEXTS, ids=lambda p: p.name)
def test_sample_is_deterministic(txt):
    assert render(txt) == render(txt)
