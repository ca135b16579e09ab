"""Events of the seed article against its gold, and the event scorer itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsx.core.evaluate_events import fold, match_events, score_events

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_d15e79eab32ee6a4.txt"
GOLD = ROOT.parent / "shared" / "gold" / "seed.gold.json"


@pytest.fixture(scope="module")
def seed():
    if not GOLD.exists() or not SEED.exists():
        pytest.skip("seed gold not available (../shared/gold)")
    from newsx import analyze

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    a = analyze(SEED.read_text(encoding="utf-8"))
    return gold, a


def test_seed_event_scores(seed):
    gold, a = seed
    r = score_events(gold["events"], a.to_dict())
    assert r["f1"] >= 0.85, r
    for role in ("actors", "place", "time", "number", "source"):
        assert r["roles"][role]["accuracy"] >= 0.80, (role, r["errors"])


def test_seed_timeline_reads_right(seed):
    """The facts an analyst would check first."""
    _gold, a = seed
    cas = [e for e in a.events if e.type == "CASUALTIES" and e.quantities and "۷۴۰" in e.quantities[0].text]
    assert len(cas) == 1
    ev = cas[0]
    assert ev.time is not None and "پنجم آبان" in ev.time.text
    assert ev.source is not None and ev.source.text == "ارتش اوکراین"
    meet = [e for e in a.events if e.type == "MEETING" and not e.negated]
    assert any(e.place and e.place[0].text == "مالت" and e.source and e.source.text == "آسوشیتدپرس" for e in meet)
    assert any(e.quantities and "۶۵" in e.quantities[0].text for e in meet)
    uninvited = [e for e in a.events if e.type == "MEETING" and e.negated]
    assert uninvited and [t.text for t in uninvited[0].targets] == ["روسیه"]
    for e in a.events:
        for r in (e.trigger, *e.actors, *e.targets, *e.place, *e.quantities):
            assert a.text[r.start : r.end] == r.text
    assert [e.id for e in a.events] == [f"v{i}" for i in range(len(a.events))]


def _ev(sentence, typ, **roles):
    d = {"sentence": sentence, "type": typ, "trigger": {"text": "x", "start": 0, "end": 1}, "actors": [],
         "targets": [], "place": [], "time": None, "quantities": [], "source": None, "negated": False}
    d.update(roles)
    return d


def test_scorer_matching_and_roles():
    gold = [
        {"type": "ATTACK", "sentence": 1, "actors": ["روسیه"], "targets": ["اوکراین"], "place": "خارکیف, کییف",
         "time": "روز ششم آبان", "number": 12, "source": "گاردین / وزارت دفاع بریتانیا", "negated": False},
        {"type": "STATEMENT", "sentence": 2, "actors": ["زلنسکی"], "targets": [], "place": None, "time": None,
         "number": None, "source": None, "negated": False},
        {"type": "MEETING", "sentence": 3, "actors": [], "targets": [], "place": None, "time": None,
         "number": None, "source": None, "negated": True},
    ]
    analysis = {
        "mentions": [{"id": "m1", "text": "۱۲ موشک", "value": {"number": 12}},
                     {"id": "m2", "text": "روسی", "entity": "e1"}],
        "entities": [{"id": "e1", "name": "روسیه"}],
        "events": [
            _ev(1, "ATTACK", actors=[{"text": "روسی", "start": 0, "end": 4, "mention": "m2"}],
                targets=[{"text": "اوکراین", "start": 0, "end": 7}],
                place=[{"text": "کی‌یف", "start": 0, "end": 5}, {"text": "خارکیف", "start": 0, "end": 6}],
                time={"text": "روز ششم آبان", "start": 0, "end": 1},
                quantities=[{"text": "۱۲ موشک", "start": 0, "end": 1, "mention": "m1"}],
                source={"text": "وزارت دفاع بریتانیا", "start": 0, "end": 1}),
            _ev(2, "STATEMENT", actors=[{"text": "ولودیمیر زلنسکی", "start": 0, "end": 1}]),
            _ev(2, "APPEAL"),
            _ev(4, "MEETING", negated=True),
        ],
    }
    r = score_events(gold, analysis)
    assert (r["gold"], r["predicted"], r["matched"]) == (3, 4, 2)
    assert r["precision"] == 0.5 and round(r["recall"], 4) == 0.6667
    for role in ("actors", "targets", "place", "time", "number", "source", "negated"):
        assert r["roles"][role]["correct"] == 2, (role, r["errors"])
    assert r["unmatched_gold"] == [{"sentence": 3, "type": "MEETING", "trigger": None}]


def test_scorer_role_errors_are_reported():
    gold = [{"type": "SANCTION", "sentence": 0, "actors": ["آمریکا", "اتحادیه اروپا"], "targets": ["مینسک"],
             "place": None, "time": None, "number": None, "source": None, "negated": False}]
    analysis = {"events": [_ev(0, "SANCTION", actors=[{"text": "آمریکا", "start": 0, "end": 1}],
                               source={"text": "رویترز", "start": 0, "end": 1}, negated=True)]}
    r = score_events(gold, analysis)
    assert r["f1"] == 1.0
    assert r["roles"]["actors"]["correct"] == 0
    assert r["roles"]["targets"]["correct"] == 0
    assert r["roles"]["source"]["correct"] == 0
    assert r["roles"]["negated"]["correct"] == 0
    assert r["roles"]["place"]["correct"] == 1
    assert {e["role"] for e in r["errors"]} == {"actors", "targets", "source", "negated"}


def test_fold_and_match_order():
    assert fold("کردهاند") == fold("کرده‌اند") == fold("کرده اند")
    assert fold("فرانس۲۴") == fold("فرانس 24")
    gold = [{"sentence": 0, "type": "STATEMENT", "trigger_start": 50}]
    pred = [_ev(0, "STATEMENT"), _ev(0, "STATEMENT")]
    pred[1]["trigger"] = {"text": "گفت", "start": 48, "end": 51}
    assert match_events(gold, pred) == [(0, 1)]
