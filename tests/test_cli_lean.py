"""cli/lean.py: the CLI loads hazm without scikit-learn, scipy and numpy.

Each check runs in a fresh interpreter, since what is imported is the point."""

import importlib.util
import json
import subprocess
import sys

import pytest
from conftest import REPO, SEED, run_python

REPORT = (
    "import json, sys, io, contextlib\n"
    "def state(names=('sklearn', 'scipy', 'numpy')):\n"
    "    return {n: ('absent' if n not in sys.modules else 'marked' if sys.modules[n] is None else 'loaded') for n in names}\n"
)


def test_cli_run_leaves_no_marks_and_loads_none_of_them():
    got = run_python(
        REPORT + "from newsx.cli.app import main\n"
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        "    try:\n"
        f"        main(['analyze', {str(SEED)!r}, '-f', 'json'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps({'state': state(), 'entities': len(json.loads(buf.getvalue())['entities'])}))"
    )
    assert got["entities"] > 0
    assert set(got["state"].values()) == {"absent"}


@pytest.mark.skipif(importlib.util.find_spec("numpy") is None, reason="numpy not installed")
def test_packages_stay_importable_afterwards():
    got = run_python(
        REPORT + "from newsx.cli.lean import load_hazm\n"
        "load_hazm()\n"
        "import numpy\n"
        "print(json.dumps({'state': state(('numpy',)), 'sum': int(numpy.arange(4).sum())}))"
    )
    assert got == {"state": {"numpy": "loaded"}, "sum": 6}


def test_already_imported_package_is_left_alone():
    got = run_python(
        REPORT + "import json as already\n"
        "from newsx.cli.lean import load_hazm\n"
        "load_hazm.__wrapped__(('json',))\n"
        "print(json.dumps({'same': sys.modules['json'] is already}))"
    )
    assert got == {"same": True}


def test_falls_back_when_hazm_needs_a_marked_package():
    # nltk itself marked absent: hazm's stemmer cannot load that way, so it loads normally
    got = run_python(
        REPORT + "from newsx.cli.lean import load_hazm\n"
        "load_hazm.__wrapped__(('nltk',))\n"
        "from newsx import analyze\n"
        "a = analyze('وزیر امور خارجه روز دوشنبه در تهران گفت.')\n"
        "import nltk.stem.api\n"
        "print(json.dumps({'nltk': state(('nltk',)), 'tokens': len(a.tokens),"
        " 'same_base': sys.modules['hazm.stemmer'].StemmerI is nltk.stem.api.StemmerI}))"
    )
    assert got == {"nltk": {"nltk": "loaded"}, "tokens": 9, "same_base": True}


def test_same_analysis_as_the_library():
    from newsx import analyze

    text = SEED.read_text(encoding="utf-8")
    expected = analyze(text, source=str(SEED)).to_dict()
    out = subprocess.run(
        [sys.executable, "-m", "newsx", "analyze", str(SEED), "-f", "json"], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert json.loads(out.stdout) == expected
