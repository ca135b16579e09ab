"""Throughput of ``newsx analyze`` against a plain hazm pipeline (not a test).

    python benchmarks/throughput.py [--corpus ../shared/data/news/fars.jsonl] [--skip rss,jobs]

Prints one table:

* corpus: articles/s and MB/s of ``newsx.analyze`` over a JSONL news corpus (one pass
  after a one-sentence warm-up, so its per-word caches start cold), and of the hazm
  baseline (Normalizer + SentenceTokenizer + WordTokenizer) on the same texts in the
  same process, the two interleaved in blocks of 100 articles; the ratio is per byte (target
  ≤ 2.5×). Run ``--rounds`` times (3), each in a fresh process: every round's ratio is
  printed, and the median round;
* hazm constructors: Normalizer() and Lemmatizer() build times (they dominate start-up);
* cold start: ``newsx analyze SEED --format json`` wall time against
  ``python -c "import hazm"`` (target ≤ 1.3×), both with their bytecode compiled
  (the script byte-compiles the package first, as ``pip install`` does);
* growth: one article repeated 1×, 10×, 100× (target: 100× input ≤ 110× the time);
* jobs: the real CLI with ``--jobs 1`` and ``--jobs 2`` on the corpus, alternately, 3
  times: the best of each, and each round's ratio (target ≥ 1.7× on 2 cores);
* peak RSS of the real CLI on 1,000 and 10,000 articles (the corpus repeated,
  ``--input-format jsonl``): the largest single process (target < 400 MB, flat).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "news" / "fars.jsonl"
SEED = REPO / "seeds" / "000_d15e79eab32ee6a4.txt"

rows: list[tuple[str, str, str, str]] = []


def row(what: str, newsx: str, baseline: str = "", ratio: str = "") -> None:
    rows.append((what, newsx, baseline, ratio))
    print(f"  {what}: {newsx} | {baseline} | {ratio}", file=sys.stderr, flush=True)


def wall(cmd: list[str], repeat: int = 3, **kw) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO, **kw)
        best = min(best, time.perf_counter() - t)
    return best


def peak_rss_mb(cmd: list[str], stdin_path: Path | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB of the largest process of ``cmd``), measured in a
    fresh interpreter so earlier runs do not count."""
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        f"subprocess.run({cmd!r}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd={str(REPO)!r})\n"
        "print(json.dumps([time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    t, rss = json.loads(out.stdout)
    return t, rss


def corpus_texts(path: Path, limit: int | None = None) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
                if limit and len(out) >= limit:
                    break
    return out


def corpus_round(corpus: Path) -> dict:
    """One measuring round, in a fresh process (so newsx's word caches start cold): newsx
    over the corpus once and the hazm baseline over the same texts, interleaved block by
    block so that a drift of the machine's speed affects both alike."""
    texts = [a["text"] for a in corpus_texts(corpus)]
    from newsx import analyze

    t = time.perf_counter()
    analyze("گرم کردن. امروز ۲ نفر در تهران گفتند.")
    warm = time.perf_counter() - t

    import hazm

    t = time.perf_counter()
    norm = hazm.Normalizer()
    t_norm_ctor = time.perf_counter() - t
    t = time.perf_counter()
    hazm.Lemmatizer()
    t_lem_ctor = time.perf_counter() - t
    sent, word = hazm.SentenceTokenizer(), hazm.WordTokenizer()

    # in blocks of 100 articles, newsx then hazm on the same block: both see about the
    # same moments of the machine, and each runs long enough at a time to have the
    # processor's caches to itself (article by article, hazm would run ~7% slower)
    clock = time.perf_counter
    t_newsx = t_hazm = 0.0
    for b in range(0, len(texts), 100):
        block = texts[b : b + 100]
        t0 = clock()
        for text in block:
            analyze(text).to_dict()
        t1 = clock()
        for text in block:
            for s in sent.tokenize(norm.normalize(text)):
                word.tokenize(s)
        t2 = clock()
        t_newsx += t1 - t0
        t_hazm += t2 - t1
    return {"n": len(texts), "bytes": sum(len(x.encode("utf-8")) for x in texts), "newsx": t_newsx,
            "hazm": t_hazm, "warm": warm, "norm_ctor": t_norm_ctor, "lem_ctor": t_lem_ctor}


def bench_corpus(corpus: Path, rounds: int) -> None:
    """The corpus measure, ``rounds`` times (each in a fresh process): the machine's speed
    drifts between runs, so the ratio of each round is reported, and their median."""
    res = []
    for _ in range(rounds):
        out = subprocess.run([sys.executable, __file__, "--round", str(corpus)], capture_output=True, text=True,
                             check=True, cwd=REPO)
        res.append(json.loads(out.stdout.strip().splitlines()[-1]))
    ratios = sorted(r["newsx"] / r["hazm"] for r in res)
    r = sorted(res, key=lambda r: r["newsx"] / r["hazm"])[len(res) // 2]  # the median round
    n, mb = r["n"], r["bytes"] / 1e6
    row(f"corpus ({n} articles, {mb:.2f} MB), median of {rounds} rounds",
        f"{n / r['newsx']:.1f} art/s, {mb / r['newsx']:.3f} MB/s",
        f"hazm {n / r['hazm']:.1f} art/s, {mb / r['hazm']:.3f} MB/s",
        f"{statistics.median(ratios):.2f}× per byte (rounds: {', '.join(f'{x:.2f}' for x in ratios)}; ≤ 2.5)")
    row("first analyze() (loads hazm + data)", f"{r['warm']:.2f} s")
    row("hazm Normalizer() / Lemmatizer()", f"{r['norm_ctor']:.2f} s / {r['lem_ctor']:.2f} s")


def bench_stages(arts: list[dict]) -> None:
    """Where the time of ``analyze`` goes, stage by stage, over the corpus (a second pass:
    per-word caches warm, unlike the corpus measure)."""
    from newsx.core import entities, events, pipeline, values
    from newsx.core.doc import Doc, resolve_overlaps
    from newsx.core.normalize import normalize
    from newsx.core.tokenize import tokenize

    for a in arts:  # one pass first: the stages are timed with the word caches warm
        pipeline.analyze(a["text"])
    acc = dict.fromkeys(["normalize", "tokenize", "values.find", "entities.find", "resolve+mentions",
                         "entities.group", "events.extract", "tokens/sentences objects", "to_dict"], 0.0)
    total = 0.0
    for a in arts:
        text = a["text"]
        t0 = time.perf_counter()
        norm, al = normalize(text)
        t1 = time.perf_counter()
        doc = Doc(text=text, norm=norm, align=al, published=None)
        tokenize(doc)
        t2 = time.perf_counter()
        vc = values.find(doc)
        t3 = time.perf_counter()
        ec = entities.find(doc)
        t4 = time.perf_counter()
        kept = resolve_overlaps(vc + ec)
        ms = pipeline._mentions(doc, kept)
        t5 = time.perf_counter()
        ms, ents = entities.group(doc, kept, ms)
        t6 = time.perf_counter()
        events.extract(doc, ms, ents)
        t7 = time.perf_counter()
        an = pipeline.analyze(text)
        t8 = time.perf_counter()
        an.to_dict()
        t9 = time.perf_counter()
        stages = (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6)
        for k, v in zip(acc, stages):
            acc[k] += v
        acc["tokens/sentences objects"] += max(0.0, (t8 - t7) - sum(stages))  # analyze() minus its stages
        acc["to_dict"] += t9 - t8
        total += t9 - t7
    for k, v in acc.items():
        row(f"  stage {k}", f"{v * 1000 / len(arts):.2f} ms/article", "", f"{100 * v / total:.0f}%")


def bench_cold() -> None:
    # Byte-compile the package first, as ``pip install`` does (and as Python does on a
    # first run unless PYTHONDONTWRITEBYTECODE is set): hazm is measured with its
    # installed bytecode, so newsx is too.
    subprocess.run([sys.executable, "-m", "compileall", "-q", "core", "cli", "__init__.py", "__main__.py"],
                   cwd=REPO, check=False, stdout=subprocess.DEVNULL)
    t_newsx = wall([sys.executable, "-m", "newsx", "analyze", str(SEED), "--format", "json"])
    t_hazm = wall([sys.executable, "-c", "import hazm"])
    row("cold start: analyze seed", f"{t_newsx:.2f} s", f"import hazm {t_hazm:.2f} s", f"{t_newsx / t_hazm:.2f}× (≤ 1.3)")


def bench_growth(arts: list[dict]) -> None:
    from newsx import analyze

    lengths = sorted(arts, key=lambda a: len(a["text"]))
    text = lengths[len(lengths) // 2]["text"]
    analyze(text)
    times = {}
    for k in (1, 10, 100):
        big = "\n\n".join([text] * k)
        best = float("inf")
        for _ in range(3 if k < 100 else 1):
            t = time.perf_counter()
            analyze(big)
            best = min(best, time.perf_counter() - t)
        times[k] = best
    row(f"growth (article of {len(text)} chars)", " / ".join(f"{k}×: {v * 1000:.0f} ms" for k, v in times.items()),
        "", f"100× input: {times[100] / times[1]:.0f}× time (≤ 110)")


def bench_jobs(corpus: Path, rounds: int = 3) -> None:
    """``--jobs 1`` and ``--jobs 2`` alternately, ``rounds`` times; the best time of each."""
    base = [sys.executable, "-m", "newsx", "analyze", str(corpus), "--input-format", "jsonl", "-f", "jsonl", "-q"]
    t1s, t2s = [], []
    for _ in range(rounds):
        t1s.append(wall(base + ["--jobs", "1"], repeat=1))
        t2s.append(wall(base + ["--jobs", "2"], repeat=1))
    t1, t2 = min(t1s), min(t2s)
    each = ", ".join(f"{a / b:.2f}" for a, b in zip(t1s, t2s))
    row(
        f"CLI on the corpus: --jobs 1 vs --jobs 2 (best of {rounds})",
        f"{t1:.1f} s vs {t2:.1f} s",
        f"{os.cpu_count()} cores",
        f"{t1 / t2:.2f}× (rounds: {each}; ≥ 1.7)",
    )


def bench_rss(arts: list[dict], jobs: int) -> None:
    res = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1000, 10000):
            p = Path(tmp) / f"c{n}.jsonl"
            with p.open("w", encoding="utf-8") as fh:
                for i in range(n):
                    fh.write(json.dumps(arts[i % len(arts)], ensure_ascii=False) + "\n")
            cmd = [sys.executable, "-m", "newsx", "analyze", str(p), "--input-format", "jsonl", "-f", "jsonl", "-q", "--jobs", str(jobs)]
            res[n] = peak_rss_mb(cmd)
    row(f"peak RSS, CLI --jobs {jobs} (largest process)",
        " / ".join(f"{n:,}: {rss:.0f} MB in {t:.0f} s" for n, (t, rss) in res.items()), "",
        f"{res[10000][1] / res[1000][1]:.2f}× (< 400 MB, flat)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--skip", default="", help="comma-separated: corpus,stages,cold,growth,jobs,rss")
    ap.add_argument("--rss-jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3, help="corpus measure: fresh-process rounds (median reported)")
    ap.add_argument("--round", type=Path, help=argparse.SUPPRESS)  # internal: one corpus round, JSON out
    args = ap.parse_args(argv)
    if args.round:
        sys.path.insert(0, str(REPO.parent))
        print(json.dumps(corpus_round(args.round)))
        return 0
    skip = set(filter(None, args.skip.split(",")))
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO.parent))
    arts = corpus_texts(args.corpus)
    t0 = time.perf_counter()
    if "corpus" not in skip:
        bench_corpus(args.corpus, args.rounds)
    if "stages" not in skip:
        bench_stages(arts)
    if "growth" not in skip:
        bench_growth(arts)
    if "cold" not in skip:
        bench_cold()
    if "jobs" not in skip:
        bench_jobs(args.corpus)
    if "rss" not in skip:
        bench_rss(arts, args.rss_jobs)
    w = [max(len(r[i]) for r in rows + [("measure", "newsx", "baseline", "ratio (target)")]) for i in range(4)]
    line = lambda r: "| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(r)) + " |"
    print(line(("measure", "newsx", "baseline", "ratio (target)")))
    print("|" + "|".join("-" * (x + 2) for x in w) + "|")
    for r in rows:
        print(line(r))
    print(f"\n(load average {os.getloadavg()[0]:.1f}; {time.perf_counter() - t0:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
