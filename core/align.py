"""Alignment from normalized text back to the original input.

Normalization edits the text (letter unification, digit conversion, spacing, ZWNJ
insertion, removal of diacritics and kashida, expansion of ligatures). Rather than
asking every edit to report itself, :func:`align` compares the two texts after both
are *folded* (a 1:1 character map that equates what normalization merely respells)
and walks them with two pointers:

* equal stretches are matched block by block (C-speed slice comparison);
* characters normalization drops (diacritics, kashida, controls) or adds (spaces,
  ZWNJ) are skipped on their side;
* anything else is re-synchronised with a small bounded search, so the walk is
  linear in the length of the text whatever the input.

Each normalized character ``j`` gets the original range ``[starts[j], ends[j])`` it
came from (empty for inserted characters).
"""

from __future__ import annotations

import unicodedata
from array import array
from functools import lru_cache

# Characters that normalization may delete from the original or insert into the
# normalized text without a counterpart.
_IGNORABLE = frozenset(
    " \t\r\n\u00a0\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff\u0640\u2009\u200a\u2002\u2003\u3000\u00ad"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670\u06e1\u06e4\u06ea\u06eb\u06ed"
)

_RESYNC_WINDOW = 8  # how far ahead (in either text) a re-synchronisation looks
_RESYNC_KEY = 3  # how many folded characters must agree to re-synchronise


def _build_fold() -> dict[int, int]:
    table: dict[int, int] = {}
    # digits of every script -> ASCII
    for zero in (0x0660, 0x06F0):
        for k in range(10):
            table[zero + k] = ord("0") + k
    pairs = {
        "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه",
        "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و", "«": '"', "»": '"', "“": '"', "”": '"',
        "„": '"', "‹": '"', "›": '"', "'": '"', "‘": '"', "’": '"', "؟": "?", "،": ",",
        "؛": ";", "٪": "%", "٫": ".", "٬": ",", "–": "-", "—": "-",
    }
    for a, b in pairs.items():
        table[ord(a)] = ord(b)
    # Arabic presentation forms -> base letters, where that is a single character
    for block in (range(0xFB50, 0xFE00), range(0xFE70, 0xFF00)):
        for cp in block:
            k = unicodedata.normalize("NFKC", chr(cp))
            if len(k) == 1 and k != chr(cp):
                table[cp] = table.get(ord(k), ord(k))
    return table


FOLD = _build_fold()


class Alignment:
    """Maps normalized offsets to original offsets."""

    __slots__ = ("starts", "ends", "orig_len")

    def __init__(self, starts: array, ends: array, orig_len: int) -> None:
        self.starts = starts
        self.ends = ends
        self.orig_len = orig_len

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, nstart: int, nend: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalized span ``[nstart, nend)``."""
        n = len(self.starts)
        if 0 <= nstart < nend <= n:  # the common case, kept cheap
            start = self.starts[nstart]
            end = self.ends[nend - 1]
            return (start, end if end > start else start)
        if n == 0:
            return (0, 0)
        nstart = min(max(nstart, 0), n)
        nend = min(max(nend, nstart), n)
        if nstart == n:
            return (self.orig_len, self.orig_len)
        start = self.starts[nstart]
        if nend == nstart:
            return (start, start)
        return (start, max(self.ends[nend - 1], start))

    def spans(self, nstarts: list[int], nends: list[int]) -> list[tuple[int, int]]:
        """:meth:`span` of each ``(nstarts[k], nends[k])``, in two passes over the
        arrays when every span is non-empty and inside the text (tokens always are)."""
        n = len(self.starts)
        if not all(0 <= a < b <= n for a, b in zip(nstarts, nends)):
            return [self.span(a, b) for a, b in zip(nstarts, nends)]
        st, en = self.starts, self.ends
        starts = [st[a] for a in nstarts]
        ends = [en[b - 1] for b in nends]
        return [(s, e if e > s else s) for s, e in zip(starts, ends)]

    @classmethod
    def identity(cls, length: int) -> "Alignment":
        return cls(array("q", range(length)), array("q", range(1, length + 1)), length)


def align(orig: str, norm: str) -> Alignment:
    """Align ``norm`` (a normalization of ``orig``) to ``orig``.

    The texts are compared raw and folded only where they differ: most of a text
    survives normalization unchanged, so equal stretches are found with slice
    comparisons (C speed), a differing pair of characters is compared folded, and only
    the rare places that need re-synchronising fold a short window of each text."""
    starts = array("q")
    ends = array("q")
    if orig == norm:
        return Alignment.identity(len(orig))
    lo, ln = len(orig), len(norm)
    fget = FOLD.get
    raw = orig
    for a, b in _RESPELL:  # one-for-one respellings, so offsets do not move
        if a in orig:
            orig = orig.replace(a, b)
    i = j = 0
    ign = _IGNORABLE
    while j < ln:
        if i >= lo:
            # normalized tail with no source: inserted at the end
            starts.extend([lo] * (ln - j))
            ends.extend([lo] * (ln - j))
            break
        ci, cj = orig[i], norm[j]
        if ci == cj or fget(ord(ci), ord(ci)) == fget(ord(cj), ord(cj)):
            run = _run(orig, norm, i, j, min(lo - i, ln - j))
            ident = _identity(i + run + 1)
            starts.extend(ident[i : i + run])
            ends.extend(ident[i + 1 : i + run + 1])
            i += run
            j += run
            continue
        # No folded character is ignorable and folding maps none to one, so the raw
        # characters answer the ignorable tests the folded ones would.
        if ci in ign:
            if cj in ign and norm.startswith(ci, j + 1):
                # normalization inserted cj before this same character: keep the pair aligned
                starts.append(i)
                ends.append(i)
                j += 1
                continue
            i += 1
            continue
        of = orig[i : i + _WINDOW].translate(FOLD)
        nf = norm[j : j + _WINDOW].translate(FOLD)
        if cj in ign:
            k = _deleted_before(of, nf, 0, 0)
            if k:
                # normalization dropped orig[i:i+k] (a collapsed repeat) before this character
                i += k
                continue
            starts.append(i)
            ends.append(i)
            j += 1
            continue
        exp = _expansion(cj)
        if exp and of.startswith(exp):
            # several characters written as one («...» → «…»)
            starts.append(i)
            ends.append(i + len(exp))
            i += len(exp)
            j += 1
            continue
        exp = _expansion(ci)
        if exp and nf.startswith(exp):
            # a ligature written out («ﷲ» → «الله», «ﻻ» → «لا»)
            starts.extend([i] * len(exp))
            ends.extend([i + 1] * len(exp))
            i += 1
            j += len(exp)
            continue
        a, b = _resync(of, nf, 0, 0)
        # normalized chars j..j+b-1 come from original chars i..i+a-1
        for _ in range(b):
            starts.append(i)
            ends.append(i + a)
        i += a
        j += b
    return Alignment(starts, ends, len(raw))


# The respellings normalization makes most often (Arabic yeh and kaf, Latin digits),
# applied to the original up front with str.replace (C speed) so the walk meets them as
# equal characters. Each pair folds equal, so the alignment is the same without them.
_RESPELL = tuple((a, b) for a, b in zip("يكى0123456789", "یکی۰۱۲۳۴۵۶۷۸۹"))
assert all(FOLD.get(ord(a), ord(a)) == FOLD.get(ord(b), ord(b)) for a, b in _RESPELL)


# How much of each text the re-synchronising steps may look at from the current pair:
# a re-synchronisation reads at most 2 * _RESYNC_WINDOW + 4 * _RESYNC_KEY characters
# ahead, an expansion (NFKC) is at most 18 characters long. A window that ends before
# the text does is never read to its end, so its end cannot pass for the text's.
_WINDOW = 48


def _run(orig: str, norm: str, i: int, j: int, n: int) -> int:
    """Length (at most ``n``) of the stretch from ``orig[i]``/``norm[j]`` on where the two
    texts agree after folding. Raw-equal stretches are measured with slice comparisons
    (growing steps, then halving), folded-equal pairs («2»/«۲») are stepped over."""
    fget = FOLD.get
    k = 0
    while k < n:
        step = 16
        while k + step <= n and orig[i + k : i + k + step] == norm[j + k : j + k + step]:
            k += step
            if step < 4096:
                step *= 2
        # the raw-equal stretch from k ends before k + step (or at n)
        hi = min(k + step, n)
        while k < hi:
            mid = (k + hi + 1) // 2
            if orig[i + k : i + mid] == norm[j + k : j + mid]:
                k = mid
            else:
                hi = mid - 1
        # then pairs equal only folded («2024»/«۲۰۲۴»), one by one
        moved = k
        while k < n:
            a, b = orig[i + k], norm[j + k]
            if a == b or fget(ord(a), ord(a)) != fget(ord(b), ord(b)):
                break
            k += 1
        if k == moved:
            break
    return k


_IDENT = array("q")


def _identity(n: int) -> array:
    """``array("q", range(m))`` for some ``m >= n``: runs of aligned offsets are copied
    out of it as slices instead of being built number by number."""
    global _IDENT
    if len(_IDENT) < n:
        _IDENT = array("q", range(max(n, 2 * len(_IDENT), 1 << 12)))
    return _IDENT


@lru_cache(maxsize=1024)
def _expansion(c: str) -> str:
    """The folded compatibility expansion of a ligature, '' if it has none."""
    k = unicodedata.normalize("NFKC", c).translate(FOLD)
    return k if len(k) > 1 else ""


def _deleted_before(of: str, nf: str, i: int, j: int) -> int:
    """If ``nf[j]`` (an ignorable character) stands in the original a little further on,
    after characters normalization dropped, how many were dropped; else 0."""
    if _key(of, i) == _key(nf, j + 1):
        return 0  # plainly an insertion: what follows agrees already
    c = nf[j]
    k = of.find(c, i + 1, i + _RESYNC_WINDOW)
    if k < 0:
        return 0
    if _key(of, k + 1) != _key(nf, j + 1):
        return 0
    return k - i


def _key(s: str, pos: int) -> str:
    """The next few characters of ``s`` from ``pos`` that are not ignorable."""
    out = []
    end = min(len(s), pos + 4 * _RESYNC_KEY)
    while pos < end and len(out) < _RESYNC_KEY:
        c = s[pos]
        if c not in _IGNORABLE:
            out.append(c)
        pos += 1
    return "".join(out)


def _resync(of: str, nf: str, i: int, j: int) -> tuple[int, int]:
    """Smallest ``(a, b)`` such that ``of[i+a:]`` and ``nf[j+b:]`` agree again
    (on their next few non-ignorable characters)."""
    lo, ln = len(of), len(nf)
    w = _RESYNC_WINDOW
    for total in range(1, 2 * w + 1):
        # prefer balanced edits (substitutions) over pure insertions/deletions
        for a, b in _CANDIDATES[total]:
            ia, jb = i + a, j + b
            if ia > lo or jb > ln:
                continue
            if ia == lo or jb == ln:
                if ia == lo and jb == ln:
                    return a, b
                continue
            if of[ia] in _IGNORABLE or nf[jb] in _IGNORABLE:
                continue
            if _key(of, ia) == _key(nf, jb):
                return a, b
    # No agreement nearby: treat one character on each side as a substitution.
    return (1 if i < lo else 0), 1


_CANDIDATES = {
    total: sorted(
        ((a, total - a) for a in range(max(0, total - _RESYNC_WINDOW), min(_RESYNC_WINDOW, total) + 1)),
        key=lambda ab: abs(ab[0] - ab[1]),
    )
    for total in range(1, 2 * _RESYNC_WINDOW + 1)
}
