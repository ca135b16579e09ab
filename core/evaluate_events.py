"""Event scoring for ``newsx eval``: gold events (newsx gold JSON) against an analysis.

Matching: a predicted event matches a gold event when their sentence and type are equal
(one-to-one, in article order; within a sentence and type, by trigger distance when the gold
gives ``trigger_start``). Type scores are precision/recall/F1 over events; roles are scored on
matched pairs only, as accuracy:

- ``actors``, ``targets``, ``place``: the sets of texts are equal. Gold writes a list (or, for
  place, a string with items separated by «,»); a predicted item matches a gold item when their
  folded texts are equal — the text of the span, or the name of its entity — or one contains
  the other (a nationality adjective «روسی» for «روسیه», «نمایندگان ۶۵ کشور» for «۶۵ کشور»).
- ``time``: the time text (or both none).
- ``number``: the value of the first quantity (or both none).
- ``source``: the source text; a gold chain «A / B» is its innermost source B.
- ``negated``: equal flags.

Texts are compared folded: no half-spaces or spaces, Arabic letter variants and digits unified.
"""

from __future__ import annotations

import re
from typing import Any

ROLES = ("actors", "targets", "place", "time", "number", "source", "negated")

_TRANS = str.maketrans(
    {
        "\u200c": None, "\u200d": None, " ": None, "\u00a0": None, "ـ": None,
        "ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا",
        **{c: str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")},
        **{c: str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")},
    }
)
_NUM = re.compile(r"\d+(?:[.,٫٬]\d+)*")


def fold(s: str | None) -> str:
    return (s or "").translate(_TRANS)


def _gold_list(v: Any) -> list[str]:
    if v is None or v == "":
        return []
    if isinstance(v, str):
        return [p.strip() for p in v.split(",") if p.strip()]
    return [str(x) for x in v]


def _item_match(pred: set[str], gold: str) -> bool:
    g = fold(gold)
    if not g:
        return False
    for p in pred:
        if not p:
            continue
        if p == g or (len(p) >= 3 and len(g) >= 3 and (p in g or g in p)):
            return True
    return False


def _set_equal(pred: list[set[str]], gold: list[str]) -> bool:
    if len(pred) != len(gold):
        return False
    free = list(range(len(pred)))
    for g in gold:
        hit = next((i for i in free if _item_match(pred[i], g)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


class _Index:
    def __init__(self, analysis: dict) -> None:
        self.mentions = {m["id"]: m for m in analysis.get("mentions", [])}
        self.entities = {e["id"]: e for e in analysis.get("entities", [])}

    def names(self, ref: dict | None) -> set[str]:
        """Folded texts a ref may be compared by: its text, its mention's, its entity's name."""
        if not ref:
            return set()
        out = {fold(ref.get("text"))}
        m = self.mentions.get(ref.get("mention") or "")
        if m:
            out.add(fold(m.get("text")))
        e = self.entities.get(ref.get("entity") or (m or {}).get("entity") or "")
        if e:
            out.add(fold(e.get("name")))
        out.discard("")
        return out

    def number(self, ref: dict | None) -> float | None:
        if not ref:
            return None
        m = self.mentions.get(ref.get("mention") or "")
        if m and isinstance(m.get("value"), dict):
            v = m["value"]
            for k in ("number", "amount", "value", "min"):
                if isinstance(v.get(k), (int, float)):
                    return float(v[k])
        n = _NUM.search(fold(ref.get("text")))
        if n:
            try:
                return float(n.group(0).replace(",", "").replace("٬", "").replace("٫", "."))
            except ValueError:
                return None
        return None


def _role_ok(role: str, g: dict, p: dict, ix: _Index) -> bool:
    if role in ("actors", "targets", "place"):
        gold = _gold_list(g.get(role))
        pv = p.get(role) or []
        if isinstance(pv, dict):
            pv = [pv]
        return _set_equal([ix.names(r) for r in pv], gold)
    if role == "time":
        gt = g.get("time")
        pt = p.get("time")
        if not gt:
            return not pt
        return bool(pt) and _item_match(ix.names(pt), gt)
    if role == "number":
        gn = g.get("number")
        qs = p.get("quantities") or []
        pn = ix.number(qs[0]) if qs else None
        if gn is None:
            return pn is None
        return pn is not None and abs(pn - float(gn)) < 1e-6
    if role == "source":
        gs = g.get("source")
        ps = p.get("source")
        if not gs:
            return not ps
        if not ps:
            return False
        chain = [x.strip() for x in str(gs).split("/") if x.strip()]
        names = ix.names(ps)
        return any(fold(c) in names for c in chain[-1:]) or fold(gs) in names
    if role == "negated":
        return bool(g.get("negated")) == bool(p.get("negated"))
    raise ValueError(role)


def match_events(gold_events: list[dict], pred_events: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs with equal sentence and type."""
    pairs = []
    used: set[int] = set()
    for gi, g in enumerate(gold_events):
        cands = [
            pi for pi, p in enumerate(pred_events)
            if pi not in used and p.get("sentence") == g.get("sentence") and p.get("type") == g.get("type")
        ]
        if not cands:
            continue
        gs = g.get("trigger_start")
        if gs is not None:
            cands.sort(key=lambda pi: abs((pred_events[pi].get("trigger") or {}).get("start", 0) - gs))
        used.add(cands[0])
        pairs.append((gi, cands[0]))
    return pairs


def score_events(gold_events: list[dict], analysis_dict: dict) -> dict:
    """Type P/R/F1 and per-role accuracy on matched events.

    Returns ``{"gold": n, "predicted": n, "matched": n, "precision", "recall", "f1",
    "roles": {role: {"correct": n, "total": n, "accuracy": x}}, "by_type": {...},
    "unmatched_gold": [...], "unmatched_predicted": [...], "errors": [...]}``.
    """
    pred = list(analysis_dict.get("events", []))
    ix = _Index(analysis_dict)
    pairs = match_events(gold_events, pred)
    n_g, n_p, n_m = len(gold_events), len(pred), len(pairs)
    prec = n_m / n_p if n_p else (1.0 if not n_g else 0.0)
    rec = n_m / n_g if n_g else (1.0 if not n_p else 0.0)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    roles: dict[str, dict[str, Any]] = {}
    errors = []
    for role in ROLES:
        ok = 0
        for gi, pi in pairs:
            if _role_ok(role, gold_events[gi], pred[pi], ix):
                ok += 1
            else:
                errors.append({"sentence": gold_events[gi].get("sentence"), "type": gold_events[gi].get("type"),
                               "role": role, "gold": gold_events[gi].get(role if role != "number" else "number"),
                               "predicted": _show(role, pred[pi])})
        roles[role] = {"correct": ok, "total": n_m, "accuracy": round(ok / n_m, 4) if n_m else None}
    by_type: dict[str, dict[str, int]] = {}
    for g in gold_events:
        by_type.setdefault(g.get("type"), {"gold": 0, "predicted": 0, "matched": 0})["gold"] += 1
    for p in pred:
        by_type.setdefault(p.get("type"), {"gold": 0, "predicted": 0, "matched": 0})["predicted"] += 1
    for gi, _pi in pairs:
        by_type[gold_events[gi].get("type")]["matched"] += 1
    mg = {gi for gi, _ in pairs}
    mp = {pi for _, pi in pairs}
    return {
        "gold": n_g,
        "predicted": n_p,
        "matched": n_m,
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "f1": round(f1, 4),
        "roles": roles,
        "by_type": {k: by_type[k] for k in sorted(by_type, key=str)},
        "unmatched_gold": [{"sentence": g.get("sentence"), "type": g.get("type"), "trigger": g.get("trigger")}
                           for i, g in enumerate(gold_events) if i not in mg],
        "unmatched_predicted": [{"sentence": p.get("sentence"), "type": p.get("type"),
                                 "trigger": (p.get("trigger") or {}).get("text")}
                                for i, p in enumerate(pred) if i not in mp],
        "errors": errors,
    }


def _show(role: str, p: dict) -> Any:
    if role == "number":
        qs = p.get("quantities") or []
        return qs[0].get("text") if qs else None
    v = p.get(role)
    if isinstance(v, list):
        return [r.get("text") for r in v]
    if isinstance(v, dict):
        return v.get("text")
    return v
