"""Fuzz ``newsx.analyze`` with generated inputs (not a test; run by hand, it takes a while).

    nice -n 19 python benchmarks/fuzz.py --count 100000 [--seed 1] [--schema-every 50]

Each input is built from a random mix of pieces a newsroom feed may contain: Persian
words and digits, ZWNJ/ZWJ and bidi controls, Arabic letters, Latin text, HTML,
emoji, combining marks, lone surrogates, long runs of one character, odd
punctuation. For every input it checks: no exception, the record serializes to
JSON, every span slices the original text, mentions sorted, and (every
``--schema-every`` inputs) the JSON Schema. Any failure is written to
``--failures`` (JSON Lines, with the input) and counted; the run ends with one
summary line. One process only, so it does not starve anything else.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

PERSIAN_WORDS = (
    "تهران ایران وزیر امور خارجه گفت روز شنبه میلیارد تومان درصد کیلومتر هزار نفر "
    "رئیس‌جمهور سازمان ملل خبرگزاری به گزارش اعلام کرد می‌شود نمی‌خواهد کتاب‌ها "
    "دیروز فردا اردیبهشت ۱۴۰۲ ساعت ۱۰ صبح دلار یورو سیل زلزله کشته زخمی حمله "
    "دیدار مذاکره انتخابات مجلس دولت آقای خانم دکتر شهر استان بیمارستان پلیس"
).split()
ARABIC_WORDS = "الذي قال يوم في من على كان التي هذه ذلك الرئيس".split()
LATIN_WORDS = "the minister said on Monday Reuters AFP 2023 COVID-19 U.S. e.g. Dr.".split()
HTML = ["<p>", "</p>", "<br/>", "<a href=\"x\">", "</a>", "&nbsp;", "&amp;", "<script>x()</script>", "<!-- c -->"]
SPECIAL = [
    "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
    "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\u00a0", "\u2009", "\u3000", "\t", "\r\n", "\r",
    "\n", "\n\n", "\u2028", "\u2029", "\u0640", "\u064b", "\u064e", "\u0651", "\u0654", "\u0670",
    "\u0301", "\u0308", "\ud800", "\udfff", "\U0001f600", "\U0001f1ee\U0001f1f7", "\u2764\ufe0f",
    "«", "»", "\"", "'", "(", ")", "[", "]", "،", "؛", "؟", ".", "!", "?", ":", "...", "…", "-", "–", "/",
    "%", "٪", "$", "ي", "ك", "ة", "ۀ", "أ", "إ", "ؤ", "ئ", "ء", "\x00", "\x07", "\x1b", "\ufffd",
    "ﷲ", "ﻻ", "ﺍ",
]
DIGITS = "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"


def _number(r: random.Random) -> str:
    n = "".join(r.choice(DIGITS) for _ in range(r.randint(1, 12)))
    if r.random() < 0.3:
        n += r.choice([".", "/", ",", "٫", "٬", ":", "-"]) + "".join(r.choice(DIGITS) for _ in range(r.randint(1, 4)))
    return n


def _piece(r: random.Random) -> str:
    k = r.random()
    if k < 0.45:
        return r.choice(PERSIAN_WORDS)
    if k < 0.55:
        return _number(r)
    if k < 0.70:
        return r.choice(SPECIAL)
    if k < 0.75:
        return r.choice(ARABIC_WORDS)
    if k < 0.80:
        return r.choice(LATIN_WORDS)
    if k < 0.83:
        return r.choice(HTML)
    if k < 0.86:
        return r.choice(SPECIAL + list(DIGITS) + ["ا", "ب", "و"]) * r.randint(2, 300)
    if k < 0.93:
        return "".join(chr(r.randint(0x20, 0x2FFF)) for _ in range(r.randint(1, 8)))
    return "".join(chr(r.randint(0, 0x10FFFF)) for _ in range(r.randint(1, 4)))


def generate(r: random.Random) -> str:
    n = r.choice([0, 1, 2, 3, 5, 8, 13, 30, 60, 120])
    seps = [" ", " ", " ", "", "\u200c", "\n", ". "]
    return "".join(_piece(r) + r.choice(seps) for _ in range(n))


def _check_spans(d: dict, text: str) -> None:
    n = len(text)

    def check(obj: dict, what: str) -> None:
        if not (0 <= obj["start"] <= obj["end"] <= n) or text[obj["start"] : obj["end"]] != obj["text"]:
            raise AssertionError(f"bad span in {what}: {obj}")

    for key in ("tokens", "sentences", "mentions", "quotes"):
        for obj in d.get(key, []):
            check(obj, key)
    starts = [m["start"] for m in d.get("mentions", [])]
    if starts != sorted(starts):
        raise AssertionError("mentions not sorted")
    for ev in d.get("events", []):
        check(ev["trigger"], "trigger")
        for role in ("actors", "targets", "place", "quantities"):
            for x in ev[role]:
                check(x, role)
        for role in ("time", "source"):
            if ev[role]:
                check(ev[role], role)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--schema-every", type=int, default=50)
    ap.add_argument("--slow", type=float, default=2.0, help="report inputs slower than this many seconds")
    ap.add_argument("--failures", type=Path, default=Path("/tmp/newsx-fuzz-failures.jsonl"))
    args = ap.parse_args(argv)

    sys.path.insert(0, str(REPO.parent))
    from newsx import analyze

    validator = None
    try:
        import jsonschema

        schema = json.loads((REPO / "core" / "newsx.schema.json").read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema)
    except ImportError:  # pragma: no cover
        pass

    r = random.Random(args.seed)
    failures = 0
    slow = 0
    chars = 0
    t0 = time.perf_counter()
    analyze("گرم کردن.")
    with args.failures.open("w", encoding="utf-8") as fail_fh:
        for i in range(args.count):
            text = generate(r)
            chars += len(text)
            t = time.perf_counter()
            try:
                d = analyze(text, published="2023-10-29").to_dict(include=("tokens", "sentences"))
                s = json.dumps(d, ensure_ascii=False)
                _check_spans(json.loads(s), text)
                if validator is not None and i % args.schema_every == 0:
                    validator.validate(json.loads(s))
            except Exception as e:  # noqa: BLE001 - a fuzzer records everything
                failures += 1
                fail_fh.write(json.dumps({"i": i, "error": f"{type(e).__name__}: {e}"[:500],
                                          "where": traceback.format_exc(limit=-3)[-1500:],
                                          "text": text}, ensure_ascii=True) + "\n")
                fail_fh.flush()
            dt = time.perf_counter() - t
            if dt > args.slow:
                slow += 1
                fail_fh.write(json.dumps({"i": i, "slow": round(dt, 2), "text": text}, ensure_ascii=True) + "\n")
            if (i + 1) % 10_000 == 0:
                print(f"{i + 1} inputs, {failures} failures, {slow} slow, {time.perf_counter() - t0:.0f}s", flush=True)
    dur = time.perf_counter() - t0
    print(f"fuzz: {args.count} inputs ({chars:,} characters), {failures} failures, {slow} slower than "
          f"{args.slow}s, {dur:.0f}s ({args.count / dur:.0f}/s); failures in {args.failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
