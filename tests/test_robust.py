"""Robustness: encodings, odd texts, linear-time regular expressions, the CLI contract."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, assert_spans_valid, jsonl, run_cli

from newsx.cli import inputs
from newsx.cli.inputs import InputError, decode

PERSIAN = "به گزارش خبرگزاری، وزیر امور خارجه ایران روز شنبه در تهران گفت که مذاکرات با کشورهای همسایه ادامه دارد."


def _legacy(text: str) -> str:
    """What a Windows-1256 file holds: Arabic ي/ك instead of Persian ی/ک."""
    return text.replace("ی", "ي").replace("ک", "ك")


# -- encodings ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "data, text, warned",
    [
        (PERSIAN.encode("utf-8"), PERSIAN, None),
        (b"\xef\xbb\xbf" + PERSIAN.encode("utf-8"), PERSIAN, None),
        (PERSIAN.encode("utf-16"), PERSIAN, "UTF-16"),
        (b"\xfe\xff" + PERSIAN.encode("utf-16-be"), PERSIAN, "UTF-16"),
        (_legacy(PERSIAN).encode("cp1256"), _legacy(PERSIAN), "windows-1256"),
        (_legacy("تهران امروز آرام بود.").encode("cp1256"), _legacy("تهران امروز آرام بود."), "windows-1256"),
        ("سلام".encode("cp1256"), "سلام", "windows-1256"),  # too short for detection: the cp1256 fallback
        (b"plain ASCII news.", "plain ASCII news.", None),
    ],
)
def test_decode(data: bytes, text: str, warned: str | None):
    got, warnings = decode(data)
    assert got == text
    if warned:
        assert len(warnings) == 1 and warned in warnings[0]
    else:
        assert warnings == []


def test_cp1256_article_is_normalized_to_persian_letters():
    from newsx import analyze

    text, _ = decode(_legacy(PERSIAN).encode("cp1256"))
    a = analyze(text)
    assert "ی" in a.normalized and "ي" not in a.normalized and "ك" not in a.normalized
    assert any(m.label == "LOCATION" for m in a.mentions)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\x7fELF\x02\x01\x01\x00\x00\x00",
        "متن".encode("utf-8") + b"\x00" + "متن".encode("utf-8"),
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!",
        bytes(range(1, 9)) * 50,
    ],
)
def test_binary_refused_with_one_line(data: bytes):
    with pytest.raises(InputError) as e:
        decode(data)
    assert "\n" not in str(e.value) and str(e.value)


def test_forced_encoding():
    assert decode(_legacy(PERSIAN).encode("cp1256"), "cp1256") == (_legacy(PERSIAN), [])
    assert decode("\ufeffمتن".encode("utf-8"), "utf-8") == ("متن", [])
    with pytest.raises(InputError, match="not valid utf-8"):
        decode(_legacy(PERSIAN).encode("cp1256"), "utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"x", "no-such-codec")


def test_lone_surrogates_in_jsonl_become_replacement_characters(tmp_path: Path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "x\\udc80", "text": "متن \\ud800 خراب"}\n', encoding="utf-8")
    (art,) = list(inputs.articles([str(p)], "jsonl"))
    assert art.text == "متن \ufffd خراب" and art.meta["id"] == "x\ufffd"
    assert any("surrogate" in w for w in art.warnings)


def test_jsonl_line_limit_streams_past_a_huge_line(tmp_path: Path):
    p = tmp_path / "c.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "خبر یک."}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"text": "ب " * 300_000}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"text": "خبر سه."}, ensure_ascii=False) + "\n")
    arts = list(inputs.articles([str(p)], "jsonl", max_bytes=100_000))
    assert [a.error is None for a in arts] == [True, False, True]
    assert "too large" in arts[1].error and arts[2].text == "خبر سه."


def test_max_bytes_on_files_and_stdin(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_bytes(("ب " * 600).encode("utf-8"))
    (art,) = list(inputs.articles([str(big)], max_bytes=1000))
    assert art.error and "too large" in art.error and "--max-bytes" in art.error
    (art,) = list(inputs.articles([str(big)], max_bytes=1000, lazy=True))
    assert art.load().error and "too large" in art.error


# -- odd texts ------------------------------------------------------------------------------
ODD = {
    "empty": "",
    "whitespace": " \t\n\r\n  \u00a0\u2009\n",
    "english": "The minister said on Monday that talks in Vienna would resume. Reuters reported 3 deaths.",
    "arabic": "قال الرئيس في مؤتمر صحفي يوم الاثنين إن المفاوضات ستستأنف في القاهرة.",
    "mixed": "وزیر گفت: «COVID-19 تمام شد» — Reuters گزارش داد 3.5% رشد؛ Путин در مسکو 我们 بود.",
    "html": "<p>وزیر <b>امور خارجه</b> گفت&nbsp;که</p><script>alert(1)</script><br/>تهران &amp; مسکو",
    "zwnj_run": "کتاب" + "\u200c" * 10000 + "ها",
    "digit_run": "۱" * 10000,
    "bidi": "\u202bتهران\u202c \u200fگفت\u200e \u2067وزیر\u2069 \u202dLTR\u202c",
    "combining": "تهرانِ بزرگ، مَدرسهٔ عالی، e\u0301cole, a\u0308\u0308\u0308 و\u0651\u0651\u0651",
    "emoji": "😀 وزیر 👍🏽 گفت 🇮🇷 تهران ❤️ ۲۰۲۳ 👨‍👩‍👧",
    "surrogates": "متن \ud800 خراب \udfff شد.",
    "control": "خبر\x00یک\x07\x1b[31mقرمز\x1b[0m و\ufffd\ufeffپایان",
    "newlines": "\r\n".join(["خط"] * 50) + "\r\r\n\n\u2028\u2029",
    "long_word": "ب" * 20000,
    "no_punct": ("وزیر امور خارجه در تهران گفت " * 2000).strip(),
}


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((REPO / "core" / "newsx.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_text_gives_a_valid_analysis(name: str, validator):
    from newsx import analyze

    text = ODD[name]
    t = time.perf_counter()
    d = analyze(text, published="2023-10-29").to_dict(include=("tokens", "sentences", "text"))
    assert time.perf_counter() - t < 20, name
    s = json.dumps(d, ensure_ascii=False)
    back = json.loads(s)
    assert back["text"] == text
    assert back["stats"]["characters"] == len(text)
    assert_spans_valid(back, text)
    validator.validate(back)


@pytest.mark.parametrize("text", ["۲\u202c", ".\u200f", "ككك\u2068", "ووو\u202b", "\u202b" * 50, "۱\u200e۲"])
def test_bidi_controls_never_give_empty_spans(text: str, validator):
    from newsx import analyze

    d = analyze(text).to_dict(include=("tokens",))
    assert_spans_valid(d, text)
    validator.validate(d)


@pytest.mark.parametrize("text", ["سلاممم\u00ad", "ككك\u00adب", "......\u2d6f..\u200f."])
def test_alignment_after_hazm_rewrites(text: str, validator):
    from newsx import analyze

    d = analyze(text).to_dict(include=("tokens",))
    assert_spans_valid(d, text)
    validator.validate(d)  # tokens have non-empty text


def test_alignment_after_long_dot_runs():
    from newsx import analyze

    a = analyze("............ خبر تهران")
    words = [(t.text, t.norm) for t in a.tokens if t.norm in ("خبر", "تهران")]
    assert words == [("خبر", "خبر"), ("تهران", "تهران")]


# -- regular expressions: linear time -------------------------------------------------------
N = 8000
ADVERSARIAL = {
    "dots+x": "." * N + "x",
    "ellipsis+x": "…" * N + "x",
    "qmarks+quote": "؟" * N + "»" * 10 + "x",
    "a.": "a." * (N // 2),
    "letters": "ب" * N,
    "letters-zwnj": "ب" * N + "\u200c",
    "word-run": "کتاب" * (N // 4),
    "word-run-zwnj": "کتاب" * (N // 4) + "\u200c",
    "word-zwnj": ("کتاب\u200c" * (N // 5)) + "\u200c",
    "zwnj+x": "\u200c" * N + "x",
    "digits+x": "۱" * N + "x",
    "1.": "1." * (N // 2) + ".",
    "1,": "1," * (N // 2),
    "1/": "1/" * (N // 2),
    "http+dots": "http://" + "." * N,
    "www.": "www." * (N // 4),
    "a@": "a@" * (N // 2),
    "aaa@": "a" * N + "@",
    "@.b": "a@b" + ".b" * (N // 2),
    "a1": "a1" * (N // 2) + "-",
    "domain": "a.ir/" + "." * N,
    "spaces+x": " " * N + "x",
    "tabs-nbsp": " \t\u00a0" * (N // 3) + "x",
    "mixed-punct": ".!?" * (N // 3) + "x",
}


def _core_patterns() -> list[tuple[str, re.Pattern]]:
    """Every module-level compiled pattern in newsx.core and newsx.cli."""
    import newsx.cli
    import newsx.core

    out = []
    for pkg in (newsx.core, newsx.cli):
        for info in pkgutil.iter_modules(pkg.__path__):
            if info.name in ("app", "eval_cmd", "dask_engine"):
                continue
            try:
                mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
            except ImportError:
                continue
            for attr, value in vars(mod).items():
                if isinstance(value, re.Pattern):
                    out.append((f"{info.name}.{attr}", value))
    return sorted(out, key=lambda x: x[0])


@pytest.mark.parametrize("name, pattern", _core_patterns(), ids=lambda x: x if isinstance(x, str) else "")
def test_regex_is_linear_on_adversarial_input(name: str, pattern: re.Pattern):
    worst = (0.0, "")
    for label, s in ADVERSARIAL.items():
        t = time.perf_counter()
        for _ in pattern.finditer(s):
            pass
        pattern.match(s)
        dt = time.perf_counter() - t
        worst = max(worst, (dt, label))
    # a linear pattern takes about a millisecond on 8,000 characters; quadratic ones take seconds
    assert worst[0] < 0.15, f"{name} took {worst[0]:.2f}s on {worst[1]!r}"


def test_pipeline_time_grows_linearly():
    from newsx import analyze

    base = "وزیر امور خارجه روز شنبه در تهران گفت که ۱۲ هزار نفر در سیل آسیب دیدند. "
    analyze(base)

    def best(text: str) -> float:
        times = []
        for _ in range(2):
            t = time.perf_counter()
            analyze(text)
            times.append(time.perf_counter() - t)
        return min(times)

    t10, t100 = best(base * 10), best(base * 100)
    assert t100 < 20 * t10 + 0.05, (t10, t100)  # linear: ~10x (generous for a loaded machine)


# -- the CLI contract -----------------------------------------------------------------------
def test_cli_batch_with_broken_files(tmp_path: Path):
    good = []
    for i in range(4):
        p = tmp_path / f"g{i}.txt"
        p.write_text(f"خبر شماره {i} از تهران.", encoding="utf-8")
        good.append(p)
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(_legacy(PERSIAN).encode("cp1256"))
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    args = [str(good[0]), str(bad), str(good[1]), str(tmp_path / "none.txt"), str(legacy), str(big), str(good[2]), str(good[3])]
    r = run_cli("analyze", *args, "-f", "jsonl", "--max-bytes", "4000", "-j", "2")
    assert r.returncode == 1
    recs = jsonl(r.stdout)
    assert [x["source"] for x in recs] == args
    ok = {x["source"] for x in recs if "schema" in x}
    assert ok == {str(p) for p in good} | {str(legacy)}
    err = r.stderr.decode()
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 4 and all(line.startswith("newsx: ") for line in lines)
    assert "binary" in err and "too large" in err and "windows-1256" in err and "none.txt" in err
    assert "windows-1256" in next(x for x in recs if x["source"] == str(legacy))["warnings"][0]


def test_cli_exit_codes(tmp_path: Path):
    good = tmp_path / "a.txt"
    good.write_text("خبر.", encoding="utf-8")
    assert run_cli("analyze", str(good), "-f", "jsonl").returncode == 0
    assert run_cli("analyze", str(good), str(tmp_path / "missing.txt"), "-f", "jsonl").returncode == 1
    for args in (["analyze"], ["analyze", str(good), "--jobs", "0"], ["analyze", str(good), "--max-bytes", "-1"],
                 ["analyze", str(good), "--input-format", "xml"]):
        r = run_cli(*args)
        assert r.returncode == 2, args
        assert r.stdout == b"" and len(r.stderr.decode().strip().splitlines()) == 1 and b"Traceback" not in r.stderr


def test_output_file_is_never_half_written(tmp_path: Path):
    corpus = tmp_path / "c.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(3000):
            fh.write(json.dumps({"id": i, "text": PERSIAN}, ensure_ascii=False) + "\n")
    out = tmp_path / "out.jsonl"
    out.write_text("OLD\n", encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "newsx", "analyze", str(corpus), "--input-format", "jsonl",
                          "-f", "jsonl", "-o", str(out), "-j", "1"], cwd=REPO,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    # interrupt mid-batch: once the temporary file holds some records
    while time.time() < deadline and not any(
        x.name.endswith(".part") and x.stat().st_size > 0 for x in tmp_path.iterdir()
    ):
        time.sleep(0.05)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130, err
    assert out.read_text(encoding="utf-8") == "OLD\n"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["c.jsonl", "out.jsonl"]
    assert b"Traceback" not in err


def test_50mb_input_is_refused_fast_in_bounded_memory(tmp_path: Path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        chunk = ("ب " * 500_000).encode("utf-8")
        for _ in range(50):
            fh.write(chunk)
    probe = (
        "import resource, subprocess, sys\n"
        f"r = subprocess.run([sys.executable, '-m', 'newsx', 'analyze', '-f', 'jsonl', {str(big)!r}, '-'],"
        f" stdin=open({str(big)!r}, 'rb'), capture_output=True, cwd={str(REPO)!r})\n"
        "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)\n"
        "sys.stdout.write(r.stdout.decode())\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300)
    head, *lines = out.stdout.splitlines()
    code, rss_mb = map(int, head.split())
    assert code == 1
    recs = [json.loads(x) for x in lines]
    assert [r["source"] for r in recs] == [str(big), "-"]
    assert all("too large" in r["error"] for r in recs)
    assert rss_mb < 250  # never read whole: the file is refused by size, stdin after 2 MiB
