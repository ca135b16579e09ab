"""Half-space (ZWNJ) repair measured on the UD Persian treebanks.

Input
-----
The treebanks' ``# text =`` lines ``G`` are written with half-spaces. For each sentence the
input is ``I`` = ``G`` with every ZWNJ deleted (the words are joined, as in text that lost
its half-spaces). Each system ``N`` (ours: ``newsx.core.normalize.normalize``; plain hazm:
``hazm.Normalizer().normalize`` with its defaults) produces the hypothesis ``O = N(I)``.

Two references, two tables
--------------------------
1. PRIMARY, the issue's method ("strips every ZWNJ, normalizes, and scores half-space
   positions against the treebank text normalized the same way"): reference ``R = N(G)``,
   the treebank line *with* its ZWNJs through the SAME normalization as the hypothesis
   (ours for ours, plain hazm for hazm). It measures whether a system restores from
   joined text the half-spaces it keeps or produces from well-written text. Where the
   treebank writes a word joined that the system itself would split («گروهها»), the
   reference is split too, so such words do not count against the system.
2. STRICT: reference ``R = unify(G)``, the treebank line through the character
   unification only (letters, digits, diacritics, kashida; no spacing rule, no repair).
   Every treebank spelling counts as it is written, including its quirks (plurals written
   joined, «آن‌ها»), so this figure is lower.

Scoring (both tables)
---------------------
``R`` and ``O`` are reduced to skeletons — their visible characters after the alignment
fold (``core.align.FOLD``) — each character remembering the separator before it (nothing,
ZWNJ or space). The skeletons are aligned with difflib and every boundary inside an
equal block is scored:

* predicted ZWNJ where ``R`` has a ZWNJ: correct (counts for precision and recall);
* predicted ZWNJ where ``R`` has a plain space («می شود» in the treebank): correct for
  precision (the issue counts it so), not a recall target;
* predicted ZWNJ where ``R`` has nothing: a wrong half-space (false positive);
* reference ZWNJ not predicted: a miss.

"split" counts boundaries inside a reference word (no separator) where the output put a
ZWNJ or a space. The treebanks are a measuring stick only: nothing is learnt from them
(no word list is harvested from them). Figures measured here come from UD Persian-Seraji
and UD Persian-PerDT (CC BY-SA 4.0). Target (issue 3): F1 >= 0.95 and P >= 0.97 per file.

Usage: ``python benchmarks/zwnj.py [--show N] [--misses N] [--method issue|strict]``
(``--show`` prints the N most frequent errors of ours under ``--method``, default issue;
``--misses`` groups our missed half-spaces into coarse classes — «می» + verb, plural,
comparative, after «ه»/«ی», prefix, compound, ... — with counts per file and the N most
frequent words of each class, reference spelling -> our output).
"""

from __future__ import annotations

import argparse
import collections
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UD = ROOT.parent / "shared" / "data" / "ud"
ZWNJ = "\u200c"


def sentences(path: Path) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# text = "):
                out.append(line[len("# text = "):].rstrip("\n"))
    return out


def skeleton(s: str, fold: dict[int, int], ignorable: frozenset[str]) -> tuple[str, list[str]]:
    """Visible characters (folded) and the separator before each: '', 'z' or ' '."""
    chars: list[str] = []
    seps: list[str] = []
    sep = ""
    for c in s.translate(fold):
        if c == ZWNJ:
            if sep != " ":
                sep = "z"
        elif c.isspace():
            sep = " "
        elif c in ignorable:
            continue
        else:
            chars.append(c)
            seps.append(sep)
            sep = ""
    return "".join(chars), seps


class Score:
    def __init__(self) -> None:
        self.tp = self.tp_space = self.fp = self.fn = self.wrong_split = 0
        self.fp_ex: collections.Counter[str] = collections.Counter()
        self.fn_ex: collections.Counter[str] = collections.Counter()
        # misses as (reference word, left segment, right segment, output word)
        self.fn_list: list[tuple[str, str, str, str]] = []

    def add(self, ref: str, out: str, fold, ign, keep_examples: bool) -> None:
        rc, rs = skeleton(ref, fold, ign)
        oc, os_ = skeleton(out, fold, ign)
        sm = difflib.SequenceMatcher(None, rc, oc, autojunk=False)
        for a, b, size in sm.get_matching_blocks():
            for k in range(1, size):
                g, p = rs[a + k], os_[b + k]
                if p == "z":
                    if g == "z":
                        self.tp += 1
                    elif g == " ":
                        self.tp_space += 1
                    else:
                        self.fp += 1
                        if keep_examples:
                            self.fp_ex[_word_at(out, oc, os_, b + k)] += 1
                elif g == "z":
                    self.fn += 1
                    if keep_examples:
                        self.fn_ex[_word_at(ref, rc, rs, a + k)] += 1
                        self.fn_list.append(_miss(rc, rs, a + k, oc, os_, b + k))
                if g == "" and p in ("z", " "):
                    self.wrong_split += 1

    def figures(self) -> tuple[float, float, float]:
        pred = self.tp + self.tp_space + self.fp
        gold = self.tp + self.fn
        p = (self.tp + self.tp_space) / pred if pred else 1.0
        r = self.tp / gold if gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _word_at(text: str, chars: str, seps: list[str], k: int) -> str:
    """The skeleton word around boundary ``k`` with its separators (for examples)."""
    lo = k - 1
    while lo > 0 and seps[lo] != " ":
        lo -= 1
    hi = k + 1
    while hi < len(chars) and seps[hi] != " ":
        hi += 1
    return "".join((ZWNJ if seps[i] == "z" and i > lo else "") + chars[i] for i in range(lo, hi))


def _miss(rc: str, rs: list[str], k: int, oc: str, os_: list[str], j: int) -> tuple[str, str, str, str]:
    """A missed boundary: the reference word, the segments either side of the boundary
    (up to the next separator) and the output's word at the same place."""
    lo = k - 1
    while lo > 0 and rs[lo] == "":
        lo -= 1
    hi = k + 1
    while hi < len(rc) and rs[hi] == "":
        hi += 1
    left, right = rc[lo:k], rc[k:hi]
    return _word_at("", rc, rs, k), left, right, _word_at("", oc, os_, j)


def _miss_class(word: str, left: str, right: str, start: bool) -> str:
    """A coarse class of a missed half-space, from its two segments (for --misses)."""
    from newsx.core.zwnj import lexicon

    lex = lexicon()
    if left in ("می", "نمی") or (left.endswith("می") and left[:-2] in ("بر", "در", "باز", "فرا", "فرو", "وا")):
        return "mi-verb"
    if right.startswith("ها"):
        return "plural-ha"
    if right in ("تر", "ترین", "تری"):
        return "comparative"
    if left.endswith("ه") and right in ("ای", "ام", "ات", "اش", "اند", "ایم", "اید", "ی"):
        return "after-he"
    if left.endswith("ی") and right in ("ای", "ام", "ات", "اش", "اند", "ایم", "اید"):
        return "after-ye"
    if right in ("ام", "ای", "اش", "ات", "اند", "ایم", "اید", "است", "ست"):
        return "clitic-other"
    if left in ("به", "در", "از", "بر", "با") and start:
        return "preposition+word"
    if left in ("بی", "نا", "هم", "غیر", "ضد", "پیش", "پس", "فرا", "فرو", "وا", "بین", "نیم", "نیمه", "تک", "کم", "پر", "خود"):
        return "prefix"
    numbers = ("یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "صد", "هزار", "چند", "نخست", "دوم")
    if left in numbers:
        return "number+word"
    if right in ("بن", "ابن", "الدین", "الله", "نیا", "فر", "پور", "زاده", "لو", "زاده", "نژاد", "راد", "وند"):
        return "name-part"
    fl, fr = lex.freq.get(left, -1), lex.freq.get(right, -1)
    if fl > 0 and fr > 0:
        return "compound(both known)"
    if fl >= 0 or fr >= 0:
        return "compound(one known)"
    return "other(unknown parts)"


def _print_misses(per_file: dict[str, "Score"], n: int) -> None:
    """Misses of ours grouped by class: counts per file, then the N most frequent words
    of each class (reference spelling -> our output)."""
    classes: dict[str, collections.Counter[tuple[str, str]]] = collections.defaultdict(collections.Counter)
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for fname, sc in per_file.items():
        for word, left, right, out in sc.fn_list:
            start = word.replace(ZWNJ, "").startswith(left)
            c = _miss_class(word, left, right, start)
            classes[c][(word, out)] += 1
            counts[c][fname] += 1
    names = list(per_file)
    print("missed half-spaces by class (ours, issue method):")
    print(f"{'class':24} " + " ".join(f"{f[3:-7]:>14}" for f in names) + f" {'all':>6}")
    for c in sorted(counts, key=lambda c: -sum(counts[c].values())):
        print(f"{c:24} " + " ".join(f"{counts[c][f]:14d}" for f in names) + f" {sum(counts[c].values()):6d}")
    for c in sorted(counts, key=lambda c: -sum(counts[c].values())):
        print(f"\n[{c}]")
        for (word, out), k in classes[c].most_common(n):
            print(f"  {k:3d}  {word}  ->  {out}")


def _table(title: str, rows) -> None:
    head = f"{'file':26} {'sents':>5} | {'system':6} {'P':>6} {'R':>6} {'F1':>6} {'TP':>6} {'TP(sp)':>6} {'FP':>5} {'FN':>5} {'split':>5}"
    print(title)
    print(head)
    print("-" * len(head))
    for name, n, sc in rows:
        for sysname in ("ours", "hazm"):
            s = sc[sysname]
            p, r, f = s.figures()
            print(
                f"{name if sysname == 'ours' else '':26} {n if sysname == 'ours' else '':>5} | {sysname:6} "
                f"{p:6.3f} {r:6.3f} {f:6.3f} {s.tp:6d} {s.tp_space:6d} {s.fp:5d} {s.fn:5d} {s.wrong_split:5d}"
            )
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, default=0, help="print the N most frequent errors of ours")
    ap.add_argument("--misses", type=int, default=0, help="print misses by class, N words per class")
    ap.add_argument("--method", choices=("issue", "strict"), default="issue", help="which table --show explains")
    args = ap.parse_args(argv)
    files = sorted(UD.glob("*.conllu")) if UD.is_dir() else []
    if not files:
        print(f"SKIP: no UD treebank data at {UD} (expected *.conllu)")
        return 0
    sys.path.insert(0, str(ROOT.parent))
    from hazm import Normalizer

    from newsx.core.align import _IGNORABLE, FOLD
    from newsx.core.normalize import normalize, unify

    fold = {k: v for k, v in FOLD.items()}
    ign = frozenset(c for c in _IGNORABLE if c not in (" ", ZWNJ) and not c.isspace())
    hazm = Normalizer()
    systems = {"ours": lambda t: normalize(t)[0], "hazm": hazm.normalize}
    methods = ("issue", "strict")
    rows: dict[str, list] = {m: [] for m in methods}
    total = {m: {"ours": Score(), "hazm": Score()} for m in methods}
    per_file: dict[str, Score] = {}
    for path in files:
        sc = {m: {"ours": Score(), "hazm": Score()} for m in methods}
        sents = sentences(path)
        for g in sents:
            inp = g.replace(ZWNJ, "")
            strict_ref = unify(g)
            for name, fn in systems.items():
                out = fn(inp)
                refs = {"issue": fn(g), "strict": strict_ref}
                for m in methods:
                    ex = (args.show > 0 or args.misses > 0) and name == "ours" and m == args.method
                    sc[m][name].add(refs[m], out, fold, ign, ex)
                    total[m][name].add(refs[m], out, fold, ign, ex)
        for m in methods:
            rows[m].append((path.name, len(sents), sc[m]))
        per_file[path.name] = sc[args.method]["ours"]
    n_all = sum(r[1] for r in rows["issue"])
    for m in methods:
        rows[m].append(("ALL", n_all, total[m]))
    print("ZWNJ repair on UD Persian (Seraji, PerDT; CC BY-SA 4.0): ZWNJs stripped, normalized, scored\n")
    _table("PRIMARY (issue's method): reference = treebank text through the same normalization", rows["issue"])
    _table("STRICT: reference = treebank text through character unification only", rows["strict"])
    if args.show:
        t = total[args.method]["ours"]
        print(f"most frequent wrong half-spaces (ours, {args.method} method):")
        for w, c in t.fp_ex.most_common(args.show):
            print(f"  {c:4d}  {w}")
        print(f"\nmost frequent missed half-spaces (ours, {args.method} method, reference spelling):")
        for w, c in t.fn_ex.most_common(args.show):
            print(f"  {c:4d}  {w}")
    if args.misses:
        print()
        _print_misses(per_file, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
