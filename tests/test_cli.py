"""The command line: formats, inputs, errors and exit codes (CliRunner and real processes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO, SEED, jsonl, run_cli
from typer.testing import CliRunner

from newsx.cli.app import app

runner = CliRunner()


def test_version_and_help():
    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.decode().startswith("newsx ")
    r = runner.invoke(app, ["--help"])
    assert r.exit_code == 0 and "analyze" in r.output


def test_analyze_seed_json_piped(seed_text):
    r = run_cli("analyze", str(SEED))
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["schema"] == "newsx/1"
    assert d["stats"]["sentences"] == 20
    assert d["stats"]["characters"] == len(seed_text)
    for key in ("mentions", "entities", "events", "quotes"):
        assert isinstance(d[key], list)
    assert "tokens" not in d and "text" not in d
    assert r.stderr == b""


def test_include_parts(seed_text):
    r = runner.invoke(app, ["analyze", str(SEED), "--format", "json", "--include", "tokens,sentences,text"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["text"] == seed_text
    assert len(d["sentences"]) == 20
    assert all(seed_text[t["start"] : t["end"]] == t["text"] for t in d["tokens"])


def test_include_unknown_part_is_usage_error():
    r = run_cli("analyze", str(SEED), "--include", "bogus")
    assert r.returncode == 2
    assert r.stderr.decode().count("\n") == 1 and "bogus" in r.stderr.decode()


def test_stdin_and_bom():
    text = "تهران امروز آرام بود."
    r = run_cli("analyze", "-", input=("\ufeff" + text).encode("utf-8"))
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["source"] == "-" and d["stats"]["characters"] == len(text)


def test_empty_input_is_valid_empty_analysis():
    r = run_cli("analyze", "-", input=b"")
    assert r.returncode == 0
    d = json.loads(r.stdout)
    assert d["stats"]["sentences"] == 0 and d["mentions"] == []


def test_several_inputs_json_array_and_jsonl(tmp_path: Path):
    a = tmp_path / "a.txt"
    b = tmp_path / "sub" / "b.txt"
    b.parent.mkdir()
    a.write_text("اولین خبر.", encoding="utf-8")
    b.write_text("دومین خبر.", encoding="utf-8")
    r = run_cli("analyze", str(tmp_path), "-f", "json")
    assert r.returncode == 0
    arr = json.loads(r.stdout)
    assert [x["source"] for x in arr] == [str(a), str(b)]
    r = run_cli("analyze", str(tmp_path), "-f", "jsonl")
    recs = jsonl(r.stdout)
    assert [x["source"] for x in recs] == [str(a), str(b)]


def test_errors_one_line_and_others_still_processed(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("خبر خوب.", encoding="utf-8")
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    r = run_cli("analyze", str(binary), str(tmp_path / "missing.txt"), str(empty_dir), str(good), "-f", "jsonl")
    assert r.returncode == 1
    recs = jsonl(r.stdout)
    assert len(recs) == 4
    assert [("error" in x) for x in recs] == [True, True, True, False]
    err = r.stderr.decode()
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 3
    assert "missing.txt" in err and "binary" in err and "no .txt" in err


def test_unknown_option_and_bad_published():
    for args in (["analyze", "--bogus", str(SEED)], ["analyze", str(SEED), "--published", "yesterday"], ["analyze", str(SEED), "-f", "xml"]):
        r = run_cli(*args)
        assert r.returncode == 2, args
        err = r.stderr.decode()
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_published_jalali_and_gregorian():
    for value in ("1402-08-07", "2023-10-29", "۱۴۰۲/۰۸/۰۷"):
        r = runner.invoke(app, ["analyze", "-", "-f", "json", "--published", value], input="خبر.")
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout)["published"] == "2023-10-29"


def test_output_file_atomic(tmp_path: Path):
    out = tmp_path / "out.json"
    r = run_cli("analyze", str(SEED), "-o", str(out))
    assert r.returncode == 0 and r.stdout == b""
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "newsx/1"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    r = run_cli("analyze", str(SEED), "-o", str(tmp_path / "nofolder" / "x.json"))
    assert r.returncode == 2


def test_table_output_and_rtl(tmp_path: Path):
    r = run_cli("analyze", str(SEED), "-f", "table", "--rtl", "off")
    out = r.stdout.decode()
    assert r.returncode == 0 and "characters" in out and "2,285" in out
    assert "الکساندر" in out  # logical order, untouched
    r = run_cli("analyze", str(SEED), "-f", "table", "--rtl", "on")
    out = r.stdout.decode()
    assert "الکساندر" not in out and "\ufe8d" <= max(out) or any("\ufb50" <= c <= "\ufeff" for c in out)
    r = run_cli("analyze", str(SEED), "-f", "table", env={"NEWSX_RTL": "on"})
    assert any("\ufb50" <= c <= "\ufeff" for c in r.stdout.decode())
    # JSON is never reshaped
    r = run_cli("analyze", str(SEED), "-f", "json", "--rtl", "on", "--include", "text")
    assert not any("\ufb50" <= c <= "\ufeff" for c in json.loads(r.stdout)["text"])


def test_normalize_line_for_line(seed_text):
    r = run_cli("normalize", str(SEED))
    assert r.returncode == 0
    out = r.stdout.decode()
    assert len(out.splitlines()) == len(seed_text.splitlines())
    r2 = run_cli("normalize", "--no-repair", str(SEED))
    assert r2.returncode == 0 and len(r2.stdout.decode().splitlines()) == len(seed_text.splitlines())


def test_tokens_command_formats(seed_text):
    r = run_cli("tokens", str(SEED), "--format", "conll")
    assert r.returncode == 0
    rows = [line.split("\t") for line in r.stdout.decode().splitlines() if line and not line.startswith("#")]
    assert all(seed_text[int(c[4]) : int(c[5])] == c[1] for c in rows)
    assert r.stdout.decode().count("# sent_id") == 20
    r = run_cli("tokens", str(SEED), "--format", "json")
    d = json.loads(r.stdout)
    assert "_" not in "".join(t["text"] for t in d["tokens"])


def test_schema_command_prints_schema():
    r = run_cli("schema")
    assert r.returncode == 0
    s = json.loads(r.stdout)
    assert s["$defs"]["analysis"]["properties"]["schema"]["const"] == "newsx/1"


def test_samples_dir_is_the_demo():
    r = run_cli("analyze", "samples/", "-f", "jsonl", cwd=REPO)
    assert r.returncode == 0, r.stderr
    recs = jsonl(r.stdout)
    assert len(recs) >= 3 and all("error" not in x for x in recs)


def test_no_traceback_on_broken_pipe():
    import subprocess
    import sys

    p = subprocess.Popen([sys.executable, "-m", "newsx", "analyze", str(SEED), "--include", "tokens"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    p.stdout.read(10)
    p.stdout.close()
    err = p.stderr.read().decode()
    p.wait(timeout=120)
    assert "Traceback" not in err


@pytest.mark.parametrize("enc", ["utf-16", "cp1256"])
def test_other_encodings_decode_with_warning(tmp_path: Path, enc: str):
    p = tmp_path / f"{enc}.txt"
    text = "خبرگزاری در تهران گزارش داد که باران آمد."
    if enc == "cp1256":  # legacy files write Arabic yeh, which cp1256 has
        text = text.replace("ی", "ي")
    p.write_bytes(text.encode(enc))
    r = run_cli("analyze", str(p), "-f", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["stats"]["words"] >= 8
    assert d["warnings"]
