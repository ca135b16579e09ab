"""Batches: inputs of every kind, JSONL corpora, order, streaming, worker pools."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest
from conftest import jsonl, run_cli
from typer.testing import CliRunner

from newsx.cli import batch, inputs
from newsx.cli.app import app

runner = CliRunner()

ARTICLES = [
    "وزیر امور خارجه روز شنبه در تهران گفت که مذاکرات ادامه دارد.",
    "قیمت دلار دیروز ۲ درصد بالا رفت و به ۵۰ هزار تومان رسید.",
    "",
    "The minister said nothing.",
    "سیل در استان گلستان ۱۲ کشته برجای گذاشت. امدادگران هنوز در منطقه هستند.",
    "رئیس‌جمهور فردا به مسکو سفر می‌کند.",
    "   \n\n  ",
    "۱۴۰۲/۰۸/۰۷ — خبرگزاری‌ها گزارش دادند.",
]


def _corpus(tmp_path: Path, n: int = len(ARTICLES)) -> Path:
    p = tmp_path / "corpus.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"a{i}", "title": f"عنوان {i}", "url": f"https://x.example/{i}",
                                 "published": "2023-10-29", "text": ARTICLES[i % len(ARTICLES)]}, ensure_ascii=False) + "\n")
    return p


def test_jsonl_corpus_fields_pass_through_and_published_is_reference(tmp_path: Path):
    p = tmp_path / "c.jsonl"
    lines = [
        {"id": 7, "title": "یک", "url": "https://a.example/1", "published": "1402-08-07", "text": "دیروز در تهران باران بارید."},
        {"id": "b", "text": "دیروز در تهران باران بارید."},
        {"text": 5},
        "not an object",
        {"id": "bad-date", "published": "yesterday", "text": "خبر."},
    ]
    with p.open("w", encoding="utf-8") as fh:
        for obj in lines:
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
        fh.write("\n")  # blank lines are skipped
        fh.write("{broken json\n")
    r = runner.invoke(app, ["analyze", str(p), "--input-format", "jsonl", "-f", "jsonl", "--published", "2020-01-01"])
    assert r.exit_code == 1
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["source"] for x in recs] == [f"{p}:{n}" for n in (1, 2, 3, 4, 5, 7)]
    a, b = recs[0], recs[1]
    assert (a["id"], a["title"], a["url"]) == (7, "یک", "https://a.example/1")
    assert a["published"] == "2023-10-29"  # the line's own date wins over --published
    assert b["id"] == "b" and b["published"] == "2020-01-01" and "title" not in b
    # «دیروز» resolves against each article's own date
    gregorian = lambda rec: [m["value"]["gregorian"] for m in rec["mentions"] if m["label"] == "DATE"]
    assert gregorian(a) == ["2023-10-28"] and gregorian(b) == ["2019-12-31"]
    assert "text" in recs[2]["error"] and "text" in recs[3]["error"]
    assert recs[4]["id"] == "bad-date" and "date" in recs[4]["error"]
    assert "invalid JSON" in recs[5]["error"]


def test_jsonl_from_stdin_and_globs(tmp_path: Path):
    corpus = _corpus(tmp_path, 3)
    r = runner.invoke(app, ["analyze", "-", "--input-format", "jsonl", "-f", "jsonl"], input=corpus.read_bytes())
    assert r.exit_code == 0, r.output
    assert [json.loads(x)["id"] for x in r.stdout.splitlines()] == ["a0", "a1", "a2"]
    for i, t in enumerate(ARTICLES[:3]):
        (tmp_path / f"n{i}.txt").write_text(t, encoding="utf-8")
    r = runner.invoke(app, ["analyze", str(tmp_path / "n*.txt"), "-f", "jsonl"])
    assert r.exit_code == 0
    assert [json.loads(x)["source"] for x in r.stdout.splitlines()] == [str(tmp_path / f"n{i}.txt") for i in range(3)]


def test_chunks_group_in_order():
    arts = [inputs.Article(str(i), text="x" * (i * 100)) for i in range(40)]
    groups = list(batch.chunks(arts, size=16, max_chars=100_000))
    assert [len(g) for g in groups] == [16, 16, 8]
    assert [a.source for g in groups for a in g] == [str(i) for i in range(40)]
    groups = list(batch.chunks(arts, size=16, max_chars=1000))  # big texts close a chunk early
    assert all(sum(len(a.text) for a in g[:-1]) < 1000 for g in groups)
    assert [a.source for g in groups for a in g] == [str(i) for i in range(40)]


def test_files_travel_as_paths(tmp_path: Path):
    (tmp_path / "a.txt").write_text("خبر.", encoding="utf-8")
    arts = list(inputs.articles([str(tmp_path)], lazy=True))
    assert arts[0].text is None and arts[0].path == str(tmp_path / "a.txt")
    d = batch.record(arts[0], None, ())
    assert d["schema"] == "newsx/1" and d["stats"]["characters"] == 4


def test_jobs_1_and_2_give_identical_bytes(tmp_path: Path):
    arts = lambda: (inputs.Article(f"s{i}", text=ARTICLES[i % len(ARTICLES)], meta={"id": i}) for i in range(40))
    one = [r.data for r in batch.run_results(arts(), "2023-10-29", (), 1, "compact")]
    two = [r.data for r in batch.run_results(arts(), "2023-10-29", (), 2, "compact")]
    three = [r.data for r in batch.run_results(arts(), "2023-10-29", (), 2, "compact", chunk_size=3)]
    assert one == two == three
    assert [json.loads(x)["id"] for x in two] == list(range(40))


def test_streams_without_reading_everything():
    """Results come out while the input is still being produced (bounded memory)."""
    consumed = []

    def endless():
        for i in itertools.count():
            consumed.append(i)
            yield inputs.Article(str(i), text="خبر شماره یک.")

    out = batch.run_results(endless(), None, (), 2, "compact", chunk_size=2)
    first = [next(out) for _ in range(5)]
    assert [json.loads(r.data)["source"] for r in first] == ["0", "1", "2", "3", "4"]
    out.close()
    assert len(consumed) < 50  # a window of jobs*3 chunks, not the whole stream
    one = batch.run_results(endless(), None, (), 1, "compact")
    assert json.loads(next(one).data)["source"] == "0"
    one.close()


def _boom_analyze(real):
    def analyze(text, *a, **k):
        if text == "BOOM-EXIT":
            os._exit(3)  # a worker dying hard (segfault, OOM kill)
        if text == "BOOM-RAISE":
            raise KeyError("stage bug")
        return real(text, *a, **k)

    return analyze


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_one_article_never_kills_the_batch(monkeypatch):
    import newsx.core.pipeline as pipeline

    monkeypatch.setattr(pipeline, "analyze", _boom_analyze(pipeline.analyze))
    texts = ["خبر یک.", "BOOM-RAISE", "خبر دو.", "BOOM-EXIT", "خبر سه.", "خبر چهار.", "خبر پنج."]
    arts = [inputs.Article(str(i), text=t) for i, t in enumerate(texts)]
    res = list(batch.run_results(arts, None, (), 2, "dict", chunk_size=2))
    assert [r.source for r in res] == [str(i) for i in range(len(texts))]
    errors = {r.source: r.error for r in res if r.error}
    assert set(errors) == {"1", "3"}
    assert "KeyError" in errors["1"] and "died" in errors["3"]
    assert "\n" not in errors["1"]
    assert all(r.data["schema"] == "newsx/1" for r in res if not r.error)


def test_progress_only_on_a_terminal_batch(monkeypatch, tmp_path: Path):
    from newsx.cli import app as app_mod
    from newsx.cli.app import InputFormat
    from newsx.cli.progress import BatchProgress

    for i in range(3):
        (tmp_path / f"{i}.txt").write_text("خبر.", encoding="utf-8")
    assert isinstance(app_mod._progress([str(tmp_path)], InputFormat.text, False), app_mod._NoProgress)  # not a tty
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    assert isinstance(app_mod._progress([str(tmp_path)], InputFormat.text, False), BatchProgress)
    assert isinstance(app_mod._progress([str(tmp_path)], InputFormat.text, True), app_mod._NoProgress)  # --quiet
    assert isinstance(app_mod._progress([str(tmp_path / "0.txt")], InputFormat.text, False), app_mod._NoProgress)
    with BatchProgress(3) as advance:
        for _ in range(3):
            advance()


def test_cli_jobs_and_stdout_only_data(tmp_path: Path):
    corpus = _corpus(tmp_path, 12)
    r1 = run_cli("analyze", str(corpus), "--input-format", "jsonl", "-f", "jsonl", "--jobs", "1")
    r2 = run_cli("analyze", str(corpus), "--input-format", "jsonl", "-f", "jsonl", "--jobs", "2", "--quiet")
    assert r1.returncode == r2.returncode == 0
    assert r1.stdout == r2.stdout and r1.stderr == r2.stderr == b""
    recs = jsonl(r1.stdout)
    assert [x["id"] for x in recs] == [f"a{i}" for i in range(12)]
    # a JSON array of the same records
    r3 = run_cli("analyze", str(corpus), "--input-format", "jsonl", "-f", "json", "-j", "2")
    assert json.loads(r3.stdout) == recs


def test_jsonl_lines_travel_unparsed_and_parse_alike(tmp_path: Path):
    """With lazy=True a JSONL line reaches the worker as its bytes; parsed there it gives
    the very article (text, fields, published, warnings, errors) the parent would have."""
    p = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "تیتر", "published": "1402-08-07", "text": "امروز در تهران باران آمد."}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps({"id": 7, "text": 5}),
        json.dumps({"text": "سلام \ud800 دنیا", "url": "https://x.ir/1"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    eager = list(inputs.articles([str(p)], "jsonl"))
    lazy = list(inputs.articles([str(p)], "jsonl", lazy=True))
    assert [a.line is not None for a in lazy] == [True] * 4 and all(a.text is None for a in lazy)
    import pickle

    lazy = [pickle.loads(pickle.dumps(a)).load() for a in lazy]  # as a worker gets and loads them
    assert [(a.source, a.text, a.published, a.meta, a.warnings, a.error) for a in lazy] == \
        [(a.source, a.text, a.published, a.meta, a.warnings, a.error) for a in eager]
    assert eager[1].error and eager[2].error and eager[0].meta == {"id": "a1", "title": "تیتر"}
    # an article whose worker died still reports its pass-through fields
    unparsed = next(inputs.articles([str(p)], "jsonl", lazy=True))
    assert json.loads(batch._error(unparsed, "the worker died", "compact").data)["id"] == "a1"
