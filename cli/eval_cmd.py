"""``newsx eval GOLD...``: score the analyzer against gold files (logic in core/evaluate.py)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


def eval_command(
    gold: List[Path] = typer.Argument(..., metavar="GOLD...", help="Gold files: IOB (ARMAN 'TOKEN TAG', PEYMA 'TOKEN|TAG', CoNLL tab-separated) or newsx gold JSON."),
    format: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f", help="table or json."),
    text: Optional[Path] = typer.Option(None, "--text", help="The text of a gold JSON file (default: its text_file, next to it or in ../seeds/)."),
    batch: int = typer.Option(64, "--batch", min=1, help="Sentences per analyzed document for IOB files."),
    errors: int = typer.Option(0, "--errors", min=0, help="Also list up to N false positives/negatives per file."),
    gazetteer: Optional[List[Path]] = typer.Option(None, "--gazetteer", help="Extra entity list(s), same TSV format as core/data/gaz_*.tsv."),
) -> None:
    """Score against gold data: exact-span P/R/F1 per label; events (type P/R/F1, role accuracy) for gold JSON."""
    from newsx.core import evaluate as ev

    for g in gold:
        if not g.is_file():
            raise typer.BadParameter(f"{g}: no such file", param_hint="GOLD")
    if gazetteer:
        from newsx.core import gazetteer as gz

        try:
            gz.set_user_gazetteers(gazetteer)
        except (OSError, ValueError) as e:
            raise typer.BadParameter(str(e), param_hint="--gazetteer") from None
    from .lean import load_hazm

    load_hazm()
    try:
        res = ev.evaluate(gold, text=text, batch=batch)
    except (OSError, ValueError) as e:
        raise typer.BadParameter(str(e), param_hint="GOLD") from None
    for r in res["results"]:
        for aspect in ("entities", "events"):
            part = r.get(aspect, {})
            errs = part.pop("errors", [])
            if errors:
                part["errors"] = errs[:errors]
    if format is EvalFormat.json:
        sys.stdout.write(json.dumps(res, ensure_ascii=False, indent=2) + "\n")
        return
    _tables(res, errors)


def _tables(res: dict, errors: int) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for r in res["results"]:
        ents = r["entities"]
        t = Table(title=f"{r['file']} — {r['sentences']} sentences, {r['seconds']} s")
        for col in ("label", "gold", "found", "correct", "precision", "recall", "F1", "overlap F1"):
            t.add_column(col, justify="left" if col == "label" else "right")

        def row(name: str, d: dict) -> None:
            t.add_row(name, str(d["tp"] + d["fn"]), str(d["tp"] + d["fp"]), str(d["tp"]),
                      f"{d['precision']:.3f}", f"{d['recall']:.3f}", f"{d['f1']:.3f}", f"{d['overlap_f1']:.3f}")

        for lab, d in ents["labels"].items():
            row(lab, d)
        t.add_section()
        if "micro_names" in ents:
            row("micro (names)", ents["micro_names"])
        row("micro", ents["micro"])
        if "names_any_label" in ents:
            d = dict(ents["names_any_label"], overlap_f1=float("nan"))
            t.add_row("names, any label", str(d["tp"] + d["fn"]), str(d["tp"] + d["fp"]), str(d["tp"]),
                      f"{d['precision']:.3f}", f"{d['recall']:.3f}", f"{d['f1']:.3f}", "")
        console.print(t)
        if ents.get("unscored"):
            console.print("unscored gold classes: " + ", ".join(f"{k} ({v})" for k, v in ents["unscored"].items()))
        for e in ents.get("errors", [])[:errors]:
            console.print(f"  {e['type']} {e['label']:<12} {e['text']}  [{e['doc']} @{e['start']}]")
        ev = r.get("events")
        if ev:
            t = Table(title=f"Events — gold {ev['gold']}, found {ev['predicted']}, matched {ev['matched']} (same sentence and type)")
            t.add_column("measure")
            t.add_column("value", justify="right")
            t.add_row("type precision", f"{ev['precision']:.3f}")
            t.add_row("type recall", f"{ev['recall']:.3f}")
            t.add_row("type F1", f"{ev['f1']:.3f}")
            t.add_section()
            for role, d in ev["roles"].items():
                acc = "-" if d["accuracy"] is None else f"{d['accuracy']:.3f}"
                t.add_row(f"{role} accuracy", f"{acc} ({d['correct']}/{d['total']})")
            console.print(t)
            for e in ev.get("errors", [])[:errors]:
                console.print(f"  sentence {e.get('sentence')} {e.get('type')} {e.get('role')}: gold {e.get('gold')!r}, got {e.get('predicted')!r}")
