"""`newsx analyze --gazetteer FILE`: a media monitor's own names, in one process and in workers."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import jsonl, run_cli

GAZ = (
    "# canonical\tlabel\tkind\tvariants\n"
    "گل‌افشان\tLOCATION\tvillage\tگلافشان|گل افشان\n"
    "شرکت کاغذسازان پارس\tORGANIZATION\tcompany\tکاغذسازان پارس\n"
)
TEXT = "به گزارش ایرنا، مدیر کاغذسازان پارس در گلافشان گفت که تولید افزایش یافت."


def _names(d: dict) -> set[tuple[str, str]]:
    return {(e["name"], e["label"]) for e in d["entities"]}


def test_user_gazetteer_adds_names(tmp_path: Path):
    gaz = tmp_path / "mine.tsv"
    gaz.write_text(GAZ, encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text(TEXT, encoding="utf-8")
    plain = json.loads(run_cli("analyze", str(art)).stdout)
    assert ("گل‌افشان", "LOCATION") not in _names(plain)
    r = run_cli("analyze", str(art), "--gazetteer", str(gaz))
    assert r.returncode == 0, r.stderr
    names = _names(json.loads(r.stdout))
    assert ("گل‌افشان", "LOCATION") in names
    assert ("شرکت کاغذسازان پارس", "ORGANIZATION") in names


def test_user_gazetteer_reaches_worker_processes(tmp_path: Path):
    gaz = tmp_path / "mine.tsv"
    gaz.write_text(GAZ, encoding="utf-8")
    for k in range(6):
        (tmp_path / f"{k}.txt").write_text(TEXT, encoding="utf-8")
    r = run_cli("analyze", str(tmp_path), "-f", "jsonl", "-j", "2", "--gazetteer", str(gaz))
    assert r.returncode == 0, r.stderr
    recs = jsonl(r.stdout)
    assert len(recs) == 6
    assert all(("گل‌افشان", "LOCATION") in _names(d) for d in recs)


def test_bad_gazetteer_is_a_usage_error(tmp_path: Path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("only-one-column\n", encoding="utf-8")
    for path in (bad, tmp_path / "missing.tsv"):
        r = run_cli("analyze", "-", "--gazetteer", str(path), input="خبر.".encode())
        assert r.returncode == 2
        assert len(r.stderr.decode().strip().splitlines()) == 1
