"""Shared test helpers: paths, the seed, the shared measuring data, running the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# The suite's property tests draw the same examples on every run (a test run passes or
# fails for the code, not for the dice). To explore new examples, run them with
# HYPOTHESIS_PROFILE=explore; benchmarks/fuzz.py generates fresh inputs at scale.
settings.register_profile("newsx", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "newsx"))

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_d15e79eab32ee6a4.txt"
SHARED = REPO.parent / "shared"
DATA = SHARED / "data"
GOLD = SHARED / "gold" / "seed.gold.json"


def shared_file(*parts: str) -> Path:
    """A file under ../shared, or skip the test with a clear message."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"measuring data not available: {p}")
    return p


def run_cli(*args: str, input: bytes | None = None, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m newsx ARGS`` in a real subprocess."""
    e = dict(os.environ)
    e.pop("NEWSX_RTL", None)
    e.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "newsx", *args],
        input=input if input is not None else b"",
        capture_output=True,
        env=e,
        cwd=cwd or REPO,
        timeout=300,
    )


def run_python(code: str) -> dict:
    """Run ``code`` in a fresh interpreter (for what a process imports); its last
    printed line, as JSON."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True, timeout=300)
    return json.loads(out.stdout.strip().splitlines()[-1])


def jsonl(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_analysis(seed_text):
    from newsx import analyze

    return analyze(seed_text, source=str(SEED.relative_to(REPO)))


def assert_spans_valid(d: dict, text: str) -> None:
    """Every span of an analysis dict slices the original text exactly."""
    n = len(text)

    def check(obj: dict, what: str) -> None:
        assert 0 <= obj["start"] <= obj["end"] <= n, (what, obj)
        assert text[obj["start"] : obj["end"]] == obj["text"], (what, obj)

    for key in ("tokens", "sentences", "mentions", "quotes"):
        for obj in d.get(key, []):
            check(obj, key)
    starts = [m["start"] for m in d.get("mentions", [])]
    assert starts == sorted(starts)
    for ev in d.get("events", []):
        check(ev["trigger"], "trigger")
        for role in ("actors", "targets", "place", "quantities"):
            for r in ev[role]:
                check(r, role)
        for role in ("time", "source"):
            if ev[role]:
                check(ev[role], role)
