"""``newsx eval``: gold readers (IOB in three layouts, newsx JSON) and span scoring."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsx.cli.app import app
from newsx.core import evaluate as ev

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
runner = CliRunner()

# Our own sentences, tagged by hand.
SENTS = [
    [("ولودیمیر", "B-pers"), ("زلنسکی", "I-pers"), ("به", "O"), ("لندن", "B-loc"), ("رفت", "O"), (".", "O")],
    [("سازمان", "B-org"), ("ملل", "I-org"), ("متحد", "I-org"), ("در", "O"), ("ژنو", "B-loc"),
     ("نشست", "O"), ("برگزار", "O"), ("کرد", "O"), (".", "O")],
    [("موزه", "B-fac"), ("ملی", "I-fac"), ("بسته", "O"), ("شد", "O"), (".", "O")],
]


def _write(path: Path, sep: str, style: str) -> Path:
    lines = []
    for s in SENTS:
        for tok, tag in s:
            if style == "peyma" and tag != "O":
                p, cls = tag.split("-")
                tag = f"{p}_{ {'pers': 'PER', 'loc': 'LOC', 'org': 'ORG', 'fac': 'FAC'}[cls]}"
            lines.append(f"{tok}{sep}{tag}" if sep != "\t" else f"{tok}\tX\t{tag}")
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("sep,style", [(" ", "arman"), ("|", "peyma"), ("\t", "conll")])
def test_iob_reader_rebuilds_text_and_spans(tmp_path: Path, sep: str, style: str) -> None:
    p = _write(tmp_path / f"g.{style}", sep, style)
    docs = ev.iob_docs(p, batch=2)
    assert len(docs) == 2 and docs[0].sentences == 2 and docs[1].sentences == 1
    d = docs[0]
    assert d.text.split("\n")[0] == "ولودیمیر زلنسکی به لندن رفت ."
    got = [(d.text[s:e], lab) for s, e, lab in d.spans]
    assert got == [("ولودیمیر زلنسکی", "PERSON"), ("لندن", "LOCATION"), ("سازمان ملل متحد", "ORGANIZATION"),
                   ("ژنو", "LOCATION")]
    assert d.labels == {"PERSON", "LOCATION", "ORGANIZATION"}
    assert docs[1].unscored == {"fac" if style != "peyma" else "FAC": 1}


def test_scoring_perfect_and_partial(tmp_path: Path) -> None:
    p = _write(tmp_path / "g.txt", " ", "arman")
    res = ev.evaluate([p])["results"][0]["entities"]
    assert res["micro"]["f1"] == 1.0
    assert res["labels"]["PERSON"]["tp"] == 1
    assert res["unscored"] == {"fac": 1}

    class A:  # an analyzer that finds only one name, with a wrong extent
        def __init__(self, mentions):
            self.mentions = mentions

    from newsx.core.model import Mention

    def fake(text: str):
        s = text.index("زلنسکی")
        return A([Mention("m0", "PERSON", "زلنسکی", s, s + 6, "زلنسکی", 0)])

    res = ev.evaluate([p], analyzer=fake)["results"][0]["entities"]
    per = res["labels"]["PERSON"]
    assert (per["tp"], per["fp"], per["fn"]) == (0, 1, 1)
    assert per["overlap_f1"] == 1.0
    assert res["micro"]["recall"] == 0.0


def test_seed_gold_json_names_f1() -> None:
    gold = SHARED / "gold" / "seed.gold.json"
    if not gold.exists():
        pytest.skip(f"measuring data not available: {gold}")
    res = ev.evaluate([gold])["results"][0]["entities"]
    for lab in ("PERSON", "LOCATION", "ORGANIZATION"):
        assert res["labels"][lab]["f1"] >= 0.95, (lab, res["labels"][lab])


def test_gold_json_text_resolution(tmp_path: Path) -> None:
    gold = SHARED / "gold" / "seed.gold.json"
    seed = REPO / "seeds" / "000_d15e79eab32ee6a4.txt"
    if not gold.exists():
        pytest.skip(f"measuring data not available: {gold}")
    (tmp_path / "gold").mkdir()
    (tmp_path / "seeds").mkdir()
    g = tmp_path / "gold" / "x.gold.json"
    shutil.copy(gold, g)
    with pytest.raises(ValueError):
        ev.load_gold(g)
    shutil.copy(seed, tmp_path / "seeds" / seed.name)
    assert ev.load_gold(g)[0].text.startswith("الکساندر")
    assert ev.load_gold(g, text=seed)[0].spans


def test_cli_eval_json_and_table(tmp_path: Path) -> None:
    p = _write(tmp_path / "g.txt", " ", "arman")
    r = runner.invoke(app, ["eval", str(p), "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["results"][0]["entities"]["micro"]["f1"] == 1.0
    r = runner.invoke(app, ["eval", str(p)])
    assert r.exit_code == 0 and "PERSON" in r.output and "micro" in r.output
    r = runner.invoke(app, ["eval", str(tmp_path / "missing.txt")])
    assert r.exit_code != 0


def test_arman_fold_runs_fast() -> None:
    p = SHARED / "data" / "arman" / "test_fold1.txt"
    if not p.exists():
        pytest.skip(f"measuring data not available: {p}")
    t = time.perf_counter()
    res = ev.evaluate([p])["results"][0]
    assert time.perf_counter() - t < 60
    assert res["sentences"] > 1000
    assert res["entities"]["micro"]["f1"] > 0.4  # measured, see the report; a floor against regressions
