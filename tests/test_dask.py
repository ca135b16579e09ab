"""``--engine dask``: the same bytes as the local engine, on a two-worker LocalCluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsx.cli.app import app

distributed = pytest.importorskip("distributed", reason="the optional extra newsx[dask] is not installed")

runner = CliRunner()

TEXTS = [
    "وزیر امور خارجه روز شنبه در تهران گفت که مذاکرات ادامه دارد.",
    "قیمت دلار دیروز ۲ درصد بالا رفت.",
    "",
    "سیل در استان گلستان ۱۲ کشته برجای گذاشت.",
    "رئیس‌جمهور فردا به مسکو سفر می‌کند.",
]


@pytest.fixture(scope="module")
def cluster():
    c = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    try:
        yield c
    finally:
        c.close()


def _corpus(tmp_path: Path, n: int) -> Path:
    p = tmp_path / "corpus.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": i, "published": "2023-10-29", "text": TEXTS[i % len(TEXTS)]}, ensure_ascii=False) + "\n")
        fh.write("{not json\n")  # one bad line: an error record, exit code 1
    return p


def test_dask_parts_equal_local_output_byte_for_byte(tmp_path: Path, cluster, monkeypatch):
    import newsx.cli.dask_engine as de

    monkeypatch.setattr(de, "PART_SIZE", 4)
    corpus = _corpus(tmp_path, 13)
    local = runner.invoke(app, ["analyze", str(corpus), "--input-format", "jsonl", "-f", "jsonl", "-j", "1"])
    assert local.exit_code == 1
    out = tmp_path / "parts"
    r = runner.invoke(app, ["analyze", str(corpus), "--input-format", "jsonl", "--engine", "dask",
                            "--scheduler", cluster.scheduler_address, "-o", str(out), "-q"])
    assert r.exit_code == 1, r.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"part-{k:05d}.jsonl" for k in range(4)]  # 14 records, 4 per part, no temp files left
    joined = b"".join((out / n).read_bytes() for n in names)
    assert joined == local.stdout_bytes
    assert r.stdout == ""  # data goes to the parts only


def test_dask_engine_text_files_and_rerun(tmp_path: Path, cluster):
    for i, t in enumerate(TEXTS):
        (tmp_path / "in" / f"{i}.txt").parent.mkdir(exist_ok=True)
        (tmp_path / "in" / f"{i}.txt").write_text(t, encoding="utf-8")
    local = runner.invoke(app, ["analyze", str(tmp_path / "in"), "-f", "jsonl"])
    out = tmp_path / "parts"
    out.mkdir()
    (out / "part-00099.jsonl").write_text("stale", encoding="utf-8")
    r = runner.invoke(app, ["analyze", str(tmp_path / "in"), "--engine", "dask", "--scheduler", cluster.scheduler_address, "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert b"".join(p.read_bytes() for p in sorted(out.iterdir())) == local.stdout_bytes


def test_dask_usage_errors(tmp_path: Path):
    from newsx.cli.app import main

    for args in (["analyze", "x.txt", "--engine", "dask"],  # no --output
                 ["analyze", "x.txt", "--engine", "dask", "-o", str(tmp_path), "-f", "table"],
                 ["analyze", "x.txt", "--scheduler", "tcp://127.0.0.1:1"]):  # --scheduler without dask
        with pytest.raises(SystemExit) as e:
            main(args)
        assert e.value.code == 2
