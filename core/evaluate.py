"""Scoring the analyzer against gold data (``newsx eval``).

Gold comes in two shapes, both read into :class:`GoldDoc` (a text plus labelled spans in
that text's offsets):

* token-per-line IOB files — ARMAN's ``TOKEN TAG``, PEYMA's ``TOKEN|TAG`` (``B_PER``),
  CoNLL-style ``TOKEN<TAB>…<TAB>TAG``; blank lines between sentences. The text is rebuilt
  by joining a sentence's tokens with spaces, sentences with newlines; sentences are
  analyzed in batches (one document per batch);
* newsx gold JSON (``seed.gold.json``): ``text_file`` plus ``entities`` with
  ``start``/``end``/``label`` in the text's own offsets.

Each aspect has its own scoring function taking ``(docs, analyses)``; today
:func:`score_entities` (exact-span and overlap precision/recall/F1 per label, micro
averages). Event scoring slots in as another ``score_<aspect>`` in :data:`ASPECTS`.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

#: gold class (lower-cased, without B-/I-) -> newsx label
LABEL_MAP = {
    "pers": "PERSON", "per": "PERSON", "person": "PERSON",
    "loc": "LOCATION", "location": "LOCATION", "gpe": "LOCATION",
    "org": "ORGANIZATION", "organization": "ORGANIZATION",
    "dat": "DATE", "date": "DATE",
    "tim": "TIME", "time": "TIME",
    "mon": "MONEY", "money": "MONEY",
    "pct": "PERCENT", "percent": "PERCENT",
    "quantity": "QUANTITY",
}
NAME_LABELS = ("PERSON", "LOCATION", "ORGANIZATION")
ALL_LABELS = ("PERSON", "LOCATION", "ORGANIZATION", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY")
DEFAULT_BATCH = 64  # sentences per analyzed document for IOB files


@dataclass
class GoldDoc:
    """A text and its gold spans ``(start, end, label)`` (labels already mapped)."""

    name: str
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    labels: set[str] = field(default_factory=set)  #: labels this gold annotates (scored)
    unscored: Counter = field(default_factory=Counter)  #: gold classes with no newsx label
    sentences: int = 0
    extra: dict[str, Any] = field(default_factory=dict)  #: whole gold record (events …)


def map_label(cls: str) -> str | None:
    return LABEL_MAP.get(cls.strip().lower())


# -- readers -------------------------------------------------------------------------


def _split_line(line: str) -> tuple[str, str] | None:
    """``(token, tag)`` from one IOB line in any of the supported layouts."""
    line = line.rstrip("\r\n")
    if not line.strip():
        return None
    if "\t" in line:
        parts = line.split("\t")
        return parts[0], parts[-1].strip()
    if "|" in line:
        tok, _, tag = line.rpartition("|")
        if tok and tag and " " not in tag:
            return tok, tag.strip()
    tok, _, tag = line.rpartition(" ")
    if not tok:
        return line, "O"
    return tok, tag.strip()


def _parse_tag(tag: str) -> tuple[str, str]:
    """``("B"|"I"|"O", class)`` from ``B-pers``, ``B_PER``, ``I-LOC``, ``O``."""
    if not tag or tag == "O" or tag == "0":
        return "O", ""
    if len(tag) > 2 and tag[0] in "BIES" and tag[1] in "-_":
        p = tag[0]
        return ("B" if p in "BS" else "I"), tag[2:]
    return "B", tag  # a bare class: treat as a one-token span


def read_iob_sentences(path: Path) -> list[list[tuple[str, str]]]:
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            tt = _split_line(line)
            if tt is None:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if tt[0].startswith("-DOCSTART-"):
                continue
            cur.append(tt)
    if cur:
        sents.append(cur)
    return sents


def iob_docs(path: Path, batch: int = DEFAULT_BATCH) -> list[GoldDoc]:
    """Documents of ``batch`` sentences each, with gold spans in the rebuilt text."""
    sents = read_iob_sentences(path)
    seen: set[str] = set()
    for s in sents:
        for _, tag in s:
            p, cls = _parse_tag(tag)
            if p != "O":
                lab = map_label(cls)
                if lab:
                    seen.add(lab)
    docs = []
    for b in range(0, len(sents), batch):
        chunk = sents[b : b + batch]
        pieces: list[str] = []
        spans: list[tuple[int, int, str]] = []
        unscored: Counter = Counter()
        pos = 0
        for si, sent in enumerate(chunk):
            if si:
                pieces.append("\n")
                pos += 1
            open_: tuple[int, str] | None = None
            last_end = pos
            for ti, (tok, tag) in enumerate(sent):
                tok = tok.replace("\n", " ")
                if ti:
                    pieces.append(" ")
                    pos += 1
                p, cls = _parse_tag(tag)
                if open_ is not None and (p != "I" or cls != open_[1]):
                    _close(open_, last_end, spans, unscored)
                    open_ = None
                if p == "B" or (p == "I" and open_ is None):
                    open_ = (pos, cls)
                pieces.append(tok)
                pos += len(tok)
                last_end = pos
            if open_ is not None:
                _close(open_, last_end, spans, unscored)
        docs.append(GoldDoc(f"{path.name}#{b // batch}", "".join(pieces), spans, set(seen), unscored, len(chunk)))
    return docs


def _close(open_: tuple[int, str], end: int, spans: list, unscored: Counter) -> None:
    start, cls = open_
    lab = map_label(cls)
    if lab:
        spans.append((start, end, lab))
    else:
        unscored[cls] += 1


def json_doc(path: Path, text_path: Path | None = None) -> GoldDoc:
    """A newsx gold JSON file; its text is ``text_path`` or found from ``text_file``."""
    d = json.loads(path.read_text(encoding="utf-8"))
    if text_path is None:
        tf = d.get("text_file")
        if not tf:
            raise ValueError(f"{path}: no text_file; give the text with --text")
        cands = [path.parent / tf, path.parent.parent / "seeds" / tf, path.parent / "seeds" / tf]
        text_path = next((c for c in cands if c.is_file()), None)
        if text_path is None:
            raise ValueError(f"{path}: text file {tf!r} not found next to it or in ../seeds/; give it with --text")
    text = text_path.read_text(encoding="utf-8")
    spans: list[tuple[int, int, str]] = []
    labels: set[str] = set()
    unscored: Counter = Counter()
    for e in d.get("entities", []):
        lab = map_label(e["label"]) or (e["label"] if e["label"] in ALL_LABELS else None)
        if lab is None:
            unscored[e["label"]] += 1
            continue
        s, en = int(e["start"]), int(e["end"])
        if "text" in e and text[s:en] != e["text"]:
            raise ValueError(f"{path}: span {s}:{en} is {text[s:en]!r} in the text, gold says {e['text']!r}")
        spans.append((s, en, lab))
        labels.add(lab)
    return GoldDoc(path.name, text, spans, labels, unscored, len(d.get("sentences", [])), extra=d)


def load_gold(path: str | Path, text: str | Path | None = None, batch: int = DEFAULT_BATCH) -> list[GoldDoc]:
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{p}: no such file")
    if p.suffix.lower() == ".json":
        return [json_doc(p, Path(text) if text else None)]
    return iob_docs(p, batch)


# -- scoring -------------------------------------------------------------------------


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score_entities(docs: Sequence[GoldDoc], analyses: Sequence[Any]) -> dict[str, Any]:
    """Exact-span (and overlap) P/R/F1 per label and micro-averaged.

    Only labels a gold file annotates are scored on it: a DATE found in a file whose gold
    has no dates is neither right nor wrong.
    """
    exact = {lab: [0, 0, 0] for lab in ALL_LABELS}
    over = {lab: [0, 0, 0] for lab in ALL_LABELS}
    scored: set[str] = set()
    unscored: Counter = Counter()
    errors: list[dict[str, Any]] = []
    unl = [0, 0, 0]
    for doc, a in zip(docs, analyses):
        scored |= doc.labels
        gn = {(s, e) for s, e, l in doc.spans if l in NAME_LABELS}
        pn = {(m.start, m.end) for m in a.mentions if m.label in NAME_LABELS and m.label in doc.labels}
        unl[0] += len(gn & pn)
        unl[1] += len(pn - gn)
        unl[2] += len(gn - pn)
        unscored.update(doc.unscored)
        gold = {(s, e, l) for s, e, l in doc.spans}
        pred = {(m.start, m.end, m.label) for m in a.mentions if m.label in doc.labels}
        for lab in doc.labels:
            g = {x for x in gold if x[2] == lab}
            p = {x for x in pred if x[2] == lab}
            exact[lab][0] += len(g & p)
            exact[lab][1] += len(p - g)
            exact[lab][2] += len(g - p)
            # overlap: a prediction counts if it overlaps a gold span of the same label
            gs = sorted(g)
            ps = sorted(p)
            over[lab][0] += sum(1 for x in ps if _overlaps(x, gs))
            over[lab][1] += sum(1 for x in ps if not _overlaps(x, gs))
            over[lab][2] += sum(1 for x in gs if not _overlaps(x, ps))
        for s, e, l in sorted(gold - pred):
            errors.append({"doc": doc.name, "type": "fn", "label": l, "text": doc.text[s:e], "start": s})
        for s, e, l in sorted(pred - gold):
            errors.append({"doc": doc.name, "type": "fp", "label": l, "text": doc.text[s:e], "start": s})
    labels = [lab for lab in ALL_LABELS if lab in scored]
    out: dict[str, Any] = {"labels": {}}
    for lab in labels:
        d = _prf(*exact[lab])
        d["overlap_f1"] = _prf(*over[lab])["f1"]
        out["labels"][lab] = d

    def micro(labs: Iterable[str]) -> dict[str, Any]:
        labs = list(labs)
        tot = [sum(exact[l][i] for l in labs) for i in range(3)]
        d = _prf(*tot)
        ov = [sum(over[l][i] for l in labs) for i in range(3)]
        d["overlap_f1"] = _prf(*ov)["f1"]
        return d

    out["micro"] = micro(labels)
    # names found with the right extent but another name label (conventions differ on
    # metonymy: «ایران» as a state actor is LOCATION here, ORGANIZATION in some corpora)
    out["names_any_label"] = _prf(*unl)
    names = [lab for lab in labels if lab in NAME_LABELS]
    if names and names != labels:
        out["micro_names"] = micro(names)
    out["unscored"] = dict(sorted(unscored.items()))
    out["errors"] = errors
    return out


def _overlaps(x: tuple[int, int, str], spans: list[tuple[int, int, str]]) -> bool:
    import bisect

    k = bisect.bisect_left(spans, (x[1],))
    for y in spans[max(0, k - 50) : k]:
        if y[0] < x[1] and x[0] < y[1]:
            return True
    return False


def score_events(docs: Sequence[GoldDoc], analyses: Sequence[Any]) -> dict[str, Any] | None:
    """Event type P/R/F1 and per-role accuracy, over the gold files that annotate events
    (newsx gold JSON); ``None`` when no gold here has events (IOB files)."""
    from .evaluate_events import score_events as _score

    scored = [(d, a) for d, a in zip(docs, analyses) if "events" in d.extra]
    if not scored:
        return None
    if len(scored) == 1:
        d, a = scored[0]
        return _score(d.extra["events"], a.to_dict())
    # several documents: sum the counts, then recompute the rates
    parts = [_score(d.extra["events"], a.to_dict()) for d, a in scored]
    gold = sum(p["gold"] for p in parts)
    pred = sum(p["predicted"] for p in parts)
    matched = sum(p["matched"] for p in parts)
    prec = matched / pred if pred else 0.0
    rec = matched / gold if gold else 0.0
    roles: dict[str, dict[str, Any]] = {}
    for role in parts[0]["roles"]:
        ok = sum(p["roles"][role]["correct"] for p in parts)
        tot = sum(p["roles"][role]["total"] for p in parts)
        roles[role] = {"correct": ok, "total": tot, "accuracy": round(ok / tot, 4) if tot else None}
    return {
        "gold": gold, "predicted": pred, "matched": matched,
        "precision": round(prec, 4), "recall": round(rec, 4),
        "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0,
        "roles": roles, "errors": [e for p in parts for e in p.get("errors", [])],
    }


#: aspect name -> scoring function ``(docs, analyses) -> dict`` (None: nothing to score)
ASPECTS: dict[str, Callable[[Sequence[GoldDoc], Sequence[Any]], dict[str, Any] | None]] = {
    "entities": score_entities,
    "events": score_events,
}


def evaluate(
    paths: Sequence[str | Path],
    text: str | Path | None = None,
    aspects: Sequence[str] = ("entities", "events"),
    batch: int = DEFAULT_BATCH,
    analyzer: Callable[[str], Any] | None = None,
) -> dict[str, Any]:
    """Score the analyzer on every gold file; one result per file, per aspect."""
    if analyzer is None:
        from .pipeline import analyze as analyzer  # noqa: N813
    results = []
    for path in paths:
        t0 = time.perf_counter()
        docs = load_gold(path, text, batch)
        analyses = [analyzer(d.text) for d in docs]
        r: dict[str, Any] = {
            "file": str(path),
            "documents": len(docs),
            "sentences": sum(d.sentences for d in docs),
        }
        for asp in aspects:
            fn = ASPECTS.get(asp)
            if fn is None:
                raise ValueError(f"unknown aspect {asp!r} (known: {', '.join(ASPECTS)})")
            scored = fn(docs, analyses)
            if scored is not None:
                r[asp] = scored
        r["seconds"] = round(time.perf_counter() - t0, 2)
        results.append(r)
    return {"results": results}
