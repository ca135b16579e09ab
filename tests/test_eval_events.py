"""`newsx eval` scores events against gold JSON (type P/R/F1, role accuracy)."""

from __future__ import annotations

import json

from conftest import run_cli, shared_file


def test_eval_seed_events_meet_the_bar():
    gold = shared_file("gold", "seed.gold.json")
    r = run_cli("eval", str(gold), "--format", "json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)["results"][0]
    ev = res["events"]
    assert ev["gold"] == 19
    assert ev["f1"] >= 0.85
    for role in ("actors", "place", "time", "number", "source"):
        assert ev["roles"][role]["accuracy"] >= 0.80, role
    names = res["entities"]["micro_names"]
    assert names["f1"] >= 0.95


def test_iob_gold_has_no_event_section(tmp_path):
    p = tmp_path / "g.txt"
    p.write_text("علی B-pers\nدر O\nتهران B-loc\nبود O\n\n", encoding="utf-8")
    r = run_cli("eval", str(p), "--format", "json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)["results"][0]
    assert "events" not in res and "entities" in res
