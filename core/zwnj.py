"""Half-space (ZWNJ) repair of words that lost it.

Persian writes many words with a zero-width non-joiner (ZWNJ, U+200C) between their
parts: plural and other suffixes («درگیری‌ها», «بزرگ‌ترین»), endings after a silent «ه»
(«کرده‌اند», «خانه‌ای»), verbal prefixes («می‌دانند») and lexicalized compounds
(«بن‌بست», «بین‌المللی»). Text that lost its ZWNJs writes them joined. The repair works
word by word over hazm-normalized text, from data only:

* hazm's lexicon ``words.dat`` (frequencies and POS tags): a joined word listed there with a
  frequency > 0 is a real word and is never split; a compound listed there with a ZWNJ is
  restored when it appears joined (unless its joined spelling is the more frequent one);
* hazm's ``verbs.dat`` (past#present stems): verb forms are decomposed by rule —
  (ن)می + present/past stem + ending, past participle (stem + «ه») + «اند/ام/…»;
* ``core/data/zwnj_affixes.tsv`` (the affixes and the stems' POS they need) and
  ``core/data/zwnj_exceptions.tsv`` (curated words to keep joined or to respell).

Further rules, all from the same data: comparatives «تر»/«ترین» after any word the
lexicon shows to be an adjective (tagged AJ, a participle, a known noun + «ی»/«انه»/…);
a noun + light-verb participle or agent noun («هزینه‌شده», «مصرف‌کنندگان»); «می» + a
past participle or a regular past stem; family-name suffixes («هاشمی‌پور»); a ZWNJ
spelling that words.dat lists more often than the joined one («علی‌رغم»).

Precision comes first: a half-space is only inserted where the word is not itself a
known word and a decomposition into known parts exists. «Xهای» has two readings,
indefinite «Xه‌ای» and plural «X‌های»: the one whose stem is ten times the more frequent
in words.dat wins; otherwise the next word decides (a plural with ezafe needs a
complement, so punctuation, «که», «و», a preposition or a verb after it means «Xه‌ای»),
and with no signal the word is left as written.

Everything is built once, lazily (words.dat is read with one split, its columns
converted only for the words looked up), and each word's answer is memoized.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from pathlib import Path

from .resources import DATA, rows

ZWNJ = "\u200c"
_DATA = DATA

# Letters that do not join to the following letter: a ZWNJ after them is invisible and
# Persian writes suffixes joined to them («کشورها», «بندرها»).
NON_JOINING = frozenset("اآأإدذرزژوؤءۀة")

# Endings that derive a word from a stem without changing how the stem is written.
_DERIVED_ENDINGS = ("ان", "ی", "ین", "گان", "ها", "های")

_LETTERS = "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0"
# A Persian word, possibly with ZWNJs inside (hazm output has no diacritics/kashida).
_WORD = re.compile(f"[{_LETTERS}]+(?:\u200c[{_LETTERS}]+)*")


def _rows(path: Path):
    return rows(path, strip=False)


_ROW = re.compile("^([^\t\n]+)\t([^\t\n]*)\t?([^\n]*)", re.M)
_NO_TAGS: frozenset[str] = frozenset()
_NOUN_ADJ = frozenset(("N", "AJ"))


class _Rows:
    """words.dat as read: ``index`` word -> row number, ``freqs`` and ``tags`` the
    row's other two columns as strings (converted only when asked). Words spelled with
    a half-space are kept apart, in ``zw_index`` (the repair looks them up by their
    joined spelling); a word listed twice maps to its last row."""

    __slots__ = ("index", "zw_index", "freqs", "tags")

    def __init__(self, data: str) -> None:
        parts = data.rstrip("\n").replace("\n", "\t").split("\t")
        if len(parts) % 3 == 0:  # every row has its three columns: slice them apart
            words, self.freqs, self.tags = parts[0::3], parts[1::3], parts[2::3]
        else:  # a row without tags: parse row by row
            rows = _ROW.findall(data)
            words = [r[0] for r in rows]
            self.freqs = [r[1] for r in rows]
            self.tags = [r[2] for r in rows]
        del parts
        joined = [ZWNJ not in w for w in words]
        spaced = [not j for j in joined]
        self.index = dict(zip(compress(words, joined), compress(range(len(words)), joined)))
        self.zw_index = dict(zip(compress(words, spaced), compress(range(len(words)), spaced)))

    def freq(self, w: str) -> int | None:
        i = self.index.get(w)
        if i is None:
            return None
        f = self.freqs[i]
        return int(f) if f.isdigit() else 0


class _FreqView:
    """``word -> frequency`` over :class:`_Rows` (0 for a word listed without one)."""

    __slots__ = ("_rows",)

    def __init__(self, rows: _Rows) -> None:
        self._rows = rows

    def get(self, w: str, default: int | None = None) -> int | None:
        rows = self._rows
        i = rows.index.get(w)
        if i is None:
            return default
        f = rows.freqs[i]
        return int(f) if f.isdigit() else 0

    def __contains__(self, w: object) -> bool:
        return w in self._rows.index

    def __getitem__(self, w: str) -> int:
        f = self._rows.freq(w)
        if f is None:
            raise KeyError(w)
        return f

    def __len__(self) -> int:
        return len(self._rows.index)


class _PosView:
    """``word -> frozenset of POS tags`` over :class:`_Rows` (memoized per word)."""

    __slots__ = ("_rows", "_memo", "_sets")

    def __init__(self, rows: _Rows) -> None:
        self._rows = rows
        self._memo: dict[str, frozenset[str]] = {}
        self._sets: dict[str, frozenset[str]] = {}

    def get(self, w: str, default: frozenset[str] | None = None) -> frozenset[str] | None:
        tags = self._memo.get(w)
        if tags is not None:
            return tags
        i = self._rows.index.get(w)
        if i is None:
            return default
        t = self._rows.tags[i]
        tags = self._sets.get(t)
        if tags is None:  # one frozenset per distinct tag string, shared by its words
            tags = self._sets[t] = frozenset(t.split(",")) if t and t != "0" else _NO_TAGS
        self._memo[w] = tags
        return tags

    def __contains__(self, w: object) -> bool:
        return w in self._rows.index

    def __getitem__(self, w: str) -> frozenset[str]:
        tags = self.get(w)
        if tags is None:
            raise KeyError(w)
        return tags


class _Either:
    """Membership in either of two containers (a set of both would cost a copy)."""

    __slots__ = ("_a", "_b")

    def __init__(self, a, b) -> None:
        self._a, self._b = a, b

    def __contains__(self, w: object) -> bool:
        return w in self._a or w in self._b


class _Lexicon:
    """Everything the repair knows, built once from hazm's data and ours."""

    def __init__(self) -> None:
        from .hazm_parts import data_dir

        hz = data_dir()
        # words.dat (190k lines «word<TAB>freq<TAB>tags»): one read and one split; the
        # columns are sliced apart and converted only when a word is looked up.
        with open(hz / "words.dat", encoding="utf-8") as f:
            data = f.read()
        rows = _Rows(data)
        del data
        self.freq = _FreqView(rows)
        self.pos = _PosView(rows)
        index, freqs = rows.index, rows.freqs
        #: every word of words.dat (hazm's words_list), shared with core/lemma.py
        self.all_words = _Either(index, rows.zw_index)
        zw_forms: dict[str, tuple[int, str]] = {}
        for w, i in rows.zw_index.items():
            fs = freqs[i]
            f = int(fs) if fs.isdigit() else 0
            key = w.replace(ZWNJ, "")
            if key not in zw_forms or f > zw_forms[key][0]:
                zw_forms[key] = (f, w)
        index_get = index.get

        def known(k: str) -> bool:
            """Listed joined with a frequency > 0 that its ZWNJ spelling does not beat."""
            i = index_get(k)
            if i is None or freqs[i][:1] in ("0", ""):
                return False
            z = zw_forms.get(k)
            return z is None or z[0] <= int(freqs[i])

        # joined spelling -> ZWNJ spelling, only where the ZWNJ spelling wins
        self.zw: dict[str, str] = {}
        for key, (f, w) in zw_forms.items():
            if known(key):
                continue  # the joined spelling is a word in its own right: keep it
            # «تحلیلگران» when «تحلیلگر» is a joined word: follow the stem's spelling
            for e in _DERIVED_ENDINGS:
                if key.endswith(e) and known(key[: -len(e)]):
                    break
            else:
                self.zw[key] = w
        # ZWNJ spellings' parts count as known words too (for suffix stems)
        self.zw_freq = {k: f for k, (f, _) in zw_forms.items()}
        self.zw_listed = {k: z for k, (_, z) in zw_forms.items()}

        self.keep: set[str] = set()
        for row in _rows(_DATA / "zwnj_exceptions.tsv"):
            word, action = row[0], row[1] if len(row) > 1 else "keep"
            if action == "keep":
                self.keep.add(word)
                self.zw.pop(word, None)
            elif action == "zwnj":
                self.zw[word.replace(ZWNJ, "")] = word

        # zwnj_affixes.tsv: «kind<TAB>affix<TAB>conditions»; some kinds need the conditions
        with_cond = ("suffix", "after_he", "after_ye", "prefix", "name_tail", "tail")
        plain = ("after_vowel", "derived", "no_ezafe_next", "mi", "verb_prefix", "present_end", "past_end", "adj_suffix")
        by_kind: dict[str, list] = {k: [] for k in with_cond + plain}
        for row in _rows(_DATA / "zwnj_affixes.tsv"):
            kind = row[0]
            if kind not in by_kind:
                continue
            affix = row[1] if len(row) > 1 else ""
            if kind in with_cond:
                cond = frozenset(row[2].split(",")) if len(row) > 2 and row[2] else frozenset()
                by_kind[kind].append((affix, cond))
            else:
                by_kind[kind].append(affix)
        suffixes, after_he, after_ye = by_kind["suffix"], by_kind["after_he"], by_kind["after_ye"]
        prefixes, name_tails, tails = by_kind["prefix"], by_kind["name_tail"], by_kind["tail"]
        after_vowel, derived, no_ezafe = by_kind["after_vowel"], by_kind["derived"], by_kind["no_ezafe_next"]
        mi, preverbs, adj_suffixes = by_kind["mi"], by_kind["verb_prefix"], by_kind["adj_suffix"]
        pres_end, past_end = by_kind["present_end"], by_kind["past_end"]
        by_len = lambda a: -len(a[0])  # noqa: E731
        self.suffixes = sorted(suffixes, key=by_len)
        self.after_he = sorted(after_he, key=by_len)
        self.after_ye = sorted(after_ye, key=by_len)
        self.prefixes = sorted(prefixes, key=by_len)
        self.tails = sorted(tails, key=by_len)
        self.name_tails = sorted(name_tails, key=by_len)
        self.mi = sorted(mi, key=len, reverse=True)
        self.after_vowel = tuple(sorted(after_vowel, key=len, reverse=True))
        self.derived = tuple(sorted(derived, key=len, reverse=True))
        self.no_ezafe_next = frozenset(no_ezafe)
        self.adj_suffixes = tuple(sorted(adj_suffixes, key=len, reverse=True))
        # «Xهای» words whose two readings the lexicon cannot decide: word -> «Xه‌ای»
        self.he_or_plural: dict[str, str] = {}
        self.preverbs = sorted(preverbs, key=len, reverse=True)

        past: set[str] = set()
        present: set[str] = set()
        for row in _rows(hz / "verbs.dat"):
            if not row or "#" not in row[0]:
                continue
            pa, _, pr = row[0].partition("#")
            pa, pr = pa.strip(), pr.strip().split(" ")[0]
            if pa:
                past.add(pa)
            if pr:
                present.add(pr)
        # Finite verb forms after «می»: stem + personal ending.
        forms: set[str] = set()
        for s in present:
            for e in pres_end:
                forms.add(s + e)
                if s[-1] in "اآو" and e and not e.startswith("ی"):
                    forms.add(s + "ی" + e)  # glide «ی» after a vowel: آ + د → آید
        for s in past:
            for e in past_end:
                forms.add(s + e)
        self.bare_verbs = frozenset(forms)
        self.past_stems = frozenset(past)
        self.past_end = tuple(sorted(past_end, key=len, reverse=True))
        # causatives (stem + «ان»), only trusted right after «می»/«نمی»
        for s in present:
            if s[-1] not in "اآوی":
                for e in pres_end:
                    forms.add(s + "ان" + e)
                for e in past_end:
                    forms.add(s + "اند" + e)
                    forms.add(s + "انید" + e)
        self.verb_forms = frozenset(forms)
        # Past participles (stem + «ه»), with negation «ن».
        parts = {s + "ه" for s in past}
        parts |= {"ن" + p for p in parts}
        parts |= {pv + p for pv in preverbs for p in parts}
        self.participles = frozenset(parts)

    # -- queries -------------------------------------------------------------------

    def real(self, w: str) -> bool:
        """A joined word that is a word in its own right."""
        return w in self.keep or self.freq.get(w, 0) > 0 or w in self.bare_verbs or w in self.participles

    def adjective(self, w: str) -> int:
        """Score (> 0) if ``w`` reads as an adjective that takes «تر»/«ترین»: tagged AJ
        in hazm's lexicon (with any frequency), a compound spelled with a half-space, a past participle («پیشرفته»), its
        comparative listed with a half-space, or a known noun/adjective + an
        adjective-forming suffix (``adj_suffix`` rows: «اقتصادی», «عاقلانه»)."""
        f = self.freq.get(w, 0)
        tags = self.pos.get(w, _NO_TAGS)
        if "AJ" in tags:
            return max(f, 1)
        if w in self.zw:  # a compound spelled with a half-space («دوست‌داشتنی»)
            return max(self.zw_freq.get(w, 0), 1)
        if len(w) < 3 or w in self.bare_verbs:
            return 0
        if w in self.participles or (w + "تر") in self.zw_freq or (w + "ترین") in self.zw_freq:
            return 1
        for e in self.adj_suffixes:
            if w.endswith(e) and len(w) >= len(e) + 3:
                base = w[: -len(e)]
                if e == "ی" and base[-1] in "یاو":
                    continue  # «تویی», «آمریکایی»: not a plain noun + «ی»
                if self.freq.get(base, 0) > 0 and self.pos.get(base, _NO_TAGS) & _NOUN_ADJ:
                    return 1
        return 0

    def stem_ok(self, w: str, cond: frozenset[str], loose: bool = False) -> int:
        """Score (> 0) if ``w`` is a known stem carrying one of the POS tags ``cond``.

        ``loose`` also accepts words listed with frequency 0 (words.dat lists many
        common nouns so, e.g. «تیم») and a known word + «ی» («ایرانی», «نگرانی»)."""
        f = self.freq.get(w, 0)
        if f > 0 and (not cond or "*" in cond or (self.pos.get(w, frozenset()) & cond)):
            return f
        if w in self.zw:
            return max(self.zw_freq.get(w, 0), 1)
        if loose and len(w) >= 3 and w not in self.bare_verbs:
            if w in self.freq and not w.endswith("ها"):
                return 1
            if w[-1] == "ی" and len(w) >= 4 and self.freq.get(w[:-1], 0) > 0:
                return 1
        return 0


_LEX: _Lexicon | None = None


def lexicon() -> _Lexicon:
    """The lexicon, built at first use."""
    global _LEX
    if _LEX is None:
        _LEX = _Lexicon()
    return _LEX


def _join(a: str, b: str) -> str:
    """``a`` + ``b`` with a ZWNJ between them unless ``a`` ends in a non-joining letter."""
    if a[-1] in NON_JOINING:
        return a + b
    return a + ZWNJ + b


@lru_cache(maxsize=200_000)
def repair_word(w: str) -> str:
    """The ZWNJ spelling of one joined word (``w`` itself if nothing applies)."""
    if ZWNJ in w:
        return _repair_parts(w)
    if len(w) < 3:
        return w
    r = _analyze(lexicon(), w)
    return w if r is None else r


_HE_RATIO = 10  # how much more frequent one stem of «Xهای» must be to decide
_PARTICIPLE = 1 << 40  # a participle outranks any noun stem («داده‌ایم», not «داد‌هایم»)


def _analyze(lex: _Lexicon, w: str) -> str | None:
    """The ZWNJ spelling of a joined word, or None (known word, or no safe analysis)."""
    if w in lex.keep:
        return None
    z = lex.zw.get(w)
    if z is not None:
        return z
    # «میزند»: «می» + a finite verb form is the verb («می‌زند»), even where the joined
    # spelling could be read as a bare verb («میز» + «ند»); not when the joined word is
    # listed as frequent, or is a known word + «ی» («میدانی» 'of the field')
    for m in lex.mi:
        if w.startswith(m):
            if w[len(m):] in lex.bare_verbs and not lex.freq.get(w, 0) and not (
                w[-1] == "ی" and lex.real(w[:-1])
            ):
                return m + ZWNJ + w[len(m):]
            break
    if lex.real(w):
        return None
    # a known word + «ی» («بیشتری», «آنهایی» when «آنها» is kept) stays as written
    if w[-1] == "ی" and len(w) > 3 and lex.real(w[:-1]):
        return None
    # a clitic after a final vowel is written joined («انتهایش», «آنهایی», «بازویش»);
    # the stem keeps its own half-space («آن‌هایی»)
    for e in lex.after_vowel:
        if w.endswith(e) and len(w) > len(e) + 2:
            stem = w[: -len(e)]
            if stem[-1] in "اوآ":
                if stem in lex.zw:
                    return lex.zw[stem] + e
                if lex.real(stem):
                    return None
    # a compound written with a half-space keeps it in its derivations
    # («سرمایه‌گذار» → «سرمایه‌گذاران»)
    for e in lex.derived:
        if w.endswith(e) and len(w) > len(e) + 3:
            z = lex.zw.get(w[: -len(e)])
            if z is not None:
                return z + e
    # «بیشترین»: a comparative written joined («بیشتر» is a word) keeps «ین» joined
    if w.endswith("ین") and lex.freq.get(w[:-2], 0) > 0 and w[:-2].endswith("تر"):
        return None

    # (ن)می + verb form, possibly after a preverb («برمی‌گردد»)
    for m in lex.mi:
        if w.startswith(m):
            rest = w[len(m):]
            if rest in lex.verb_forms:
                return m + ZWNJ + rest
            # past progressive participle («می‌کرده», «می‌شده»)
            if rest[-1:] == "ه" and rest[:-1] in lex.past_stems:
                return m + ZWNJ + rest
            # a regular past stem in «ید»/«اند» missing from verbs.dat («می‌فشانید»,
            # «می‌گراییدم») when its base is no noun («میزبانید» stays)
            if len(rest) >= 5:
                for e in lex.past_end:
                    stem = rest[: len(rest) - len(e)] if e else rest
                    if e and not rest.endswith(e):
                        continue
                    for v in ("اند", "ید"):
                        base = stem[: -len(v)]
                        if (
                            stem.endswith(v)
                            and len(base) >= 2
                            and base[-1] != "ه"  # «میوه» + «اند»
                            and "N" not in lex.pos.get(base, _NO_TAGS)
                            and (m + base) not in lex.freq  # «میکروب» + «ید»
                        ):
                            return m + ZWNJ + rest
            break
    for pv in lex.preverbs:
        if w.startswith(pv):
            for m in lex.mi:
                if w.startswith(m, len(pv)):
                    rest = w[len(pv) + len(m):]
                    if rest in lex.verb_forms:
                        return pv + m + ZWNJ + rest

    cands: list[tuple[int, str, str]] = []  # (score, kind, spelling)
    # ending after silent «ه»: participle («کرده‌اند») or noun («خانه‌ای»)
    for suf, cond in lex.after_he:
        if w.endswith(suf) and len(w) >= len(suf) + 3:
            stem = w[: -len(suf)]
            if stem[-1] != "ه":
                continue
            s_out = stem
            if stem in lex.participles:
                score = _PARTICIPLE
            elif stem.startswith("می") and stem[2:] in lex.participles:
                score, s_out = _PARTICIPLE, "می" + ZWNJ + stem[2:]
            elif stem.startswith("نمی") and stem[3:] in lex.participles:
                score, s_out = _PARTICIPLE, "نمی" + ZWNJ + stem[3:]
            else:
                score = lex.stem_ok(stem, cond)
                s_out = lex.zw.get(stem, stem)
            if score:
                cands.append((score, "he" + suf, s_out + ZWNJ + suf))
    # ending after final «ی» («زندگی‌اش», «انسانی‌اند»)
    for suf, cond in lex.after_ye:
        if w.endswith(suf) and len(w) >= len(suf) + 3:
            stem = w[: -len(suf)]
            if stem[-1] == "ی" and lex.stem_ok(stem, cond, loose=True):
                cands.append((1, "ye", lex.zw.get(stem, stem) + ZWNJ + suf))
    # stem + suffix («درگیری‌ها», «بزرگ‌ترین», «همه‌پرسی‌هایی»)
    for suf, cond in lex.suffixes:
        if w.endswith(suf) and len(w) >= len(suf) + 2:
            stem = w[: -len(suf)]
            plural = suf.startswith("ها")
            if "ADJ" in cond:
                score = lex.adjective(stem)
            else:
                score = lex.stem_ok(stem, cond, loose=plural)
            if not score:
                continue
            cands.append((score, "suf" + suf, _join(lex.zw.get(stem, stem), suf)))
    if cands:
        cands.sort(key=lambda c: -c[0])
        top = cands[0]
        he = [c for c in cands if c[1] == "heای"]
        if he and top[0] < _PARTICIPLE:
            # «Xهای»: indefinite «Xه‌ای» or plural «X‌های»? Both stems are known words:
            # take the reading whose stem is clearly (_HE_RATIO times) the more frequent
            # in hazm's lexicon («سال‌های», «خانه‌ای»); when neither is, leave the word.
            pl = [c for c in cands if c[1] == "sufهای"]
            if not pl:
                return he[0][2]
            if lex.zw_listed.get(w) == he[0][2]:
                # hazm's lexicon lists «Xه‌ای» as a word of its own (an adjective:
                # «حرفه‌ای», «منطقه‌ای»); it lists no plurals: the adjective wins
                return he[0][2]
            f_he, f_pl = he[0][0], pl[0][0]
            if f_pl >= _HE_RATIO * f_he:
                return pl[0][2]
            if f_he >= _HE_RATIO * f_pl:
                return he[0][2]
            lex.he_or_plural[w] = he[0][2]  # decided in context by repair()
            return None
        if not (top[0] >= _PARTICIPLE and top[1] != "heای"):
            # «خانهای»: «خانه‌ای» or «خان‌های»? «دستهای»: «دسته‌ای» or «دست‌های»?
            # Readings that put the half-space in different places: leave the word.
            if len({c[2] for c in cands}) > 1:
                return None
        return top[2] if top[2] != w else None

    # prefix + known word («بی‌اعتنا»)
    for pre, cond in lex.prefixes:
        if w.startswith(pre) and len(w) >= len(pre) + 3:
            rest = w[len(pre):]
            if (
                lex.stem_ok(rest, cond, loose="LOOSE" in cond)
                and rest not in lex.verb_forms
                and not lex.real(pre + rest)
            ):
                return pre + ZWNJ + lex.zw.get(rest, rest)
    # known noun/adjective + compound tail («هزینهشده» → «هزینه‌شده», «مصرف‌کنندگان»)
    for tail, cond in lex.tails:
        if w.endswith(tail) and len(w) >= len(tail) + 3:
            head = w[: -len(tail)]
            if head in lex.zw or lex.stem_ok(head, cond):
                return lex.zw.get(head, head) + ZWNJ + tail
    # surname + family-name suffix («هاشمی‌پور», «محبی‌نیا», «حسن‌زاده»)
    for tail, cond in lex.name_tails:
        if w.endswith(tail) and len(w) >= len(tail) + 3:
            head = w[: -len(tail)]
            if (head[-1] == "ی" and head[-2] not in "یاو") or ("*" in cond and lex.freq.get(head, 0) > 0):
                return head + ZWNJ + tail
    return None


_SUFFIX_PARTS: frozenset[str] | None = None


def _cuts(w: str) -> frozenset[int]:
    """Where ``w`` has its half-spaces, as offsets into its joined spelling."""
    out, k = [], 0
    for c in w:
        if c == ZWNJ:
            out.append(k)
        else:
            k += 1
    return frozenset(out)


def _repair_parts(w: str) -> str:
    """A word that already has ZWNJs: drop the invisible ZWNJ hazm puts after a
    non-joining letter before a suffix («بندر‌ها» → «بندرها») and repair each part."""
    global _SUFFIX_PARTS
    lex = lexicon()
    if _SUFFIX_PARTS is None:
        _SUFFIX_PARTS = frozenset(s for s, _ in lex.suffixes) | frozenset(s for s, _ in lex.after_he)
    z = lex.zw.get(w.replace(ZWNJ, ""))
    if z is not None and _cuts(w) <= _cuts(z):
        return z  # the lexicon's spelling keeps every half-space the writer put
    parts = w.split(ZWNJ)
    out = [repair_word(parts[0]) if len(parts[0]) >= 3 else parts[0]]
    for p in parts[1:]:
        prev = out[-1]
        if prev.endswith("می") and (prev in ("می", "نمی") or prev.endswith(tuple(lex.preverbs))):
            out[-1] = prev + ZWNJ + p  # a verb after «می»: as written
            continue
        if p in _SUFFIX_PARTS:
            out[-1] = prev + p if prev[-1] in NON_JOINING else prev + ZWNJ + p
            continue
        q = repair_word(p) if len(p) >= 3 else p
        out[-1] = prev + ZWNJ + q
    return out[0]


def repair(text: str) -> str:
    """Return ``text`` with lost half-spaces restored (word by word)."""
    if not text:
        return text
    parts = _SPLIT(text)  # [between, word, between, word, ..., between]
    if len(parts) == 1:
        return text
    get = _MEMO.get
    words = parts[1::2]
    fixed = [get(w) or _memo_repair(w) for w in words]
    if _IN_CONTEXT in fixed:
        for k, r in enumerate(fixed):
            if r is _IN_CONTEXT:
                end = sum(map(len, parts[: 2 * k + 2]))
                fixed[k] = _he_or_plural(words[k], text, end)
    parts[1::2] = fixed
    return "".join(parts)


def _memo_repair(w: str) -> str:
    r = repair_word(w)
    if r == w and _LEX is not None and w in _LEX.he_or_plural:
        r = _IN_CONTEXT
    if len(_MEMO) >= 200_000:
        _MEMO.clear()
    _MEMO[w] = r
    return r


# Each word's repair, once per process: the repair of a word does not depend on the
# text around it, except for the undecided «Xهای» (marked _IN_CONTEXT), which
# _he_or_plural decides from the next word. A plain dict in front of repair_word's
# cache: most words of a text were seen before.
_MEMO: dict[str, str] = {}
_IN_CONTEXT = "\x00context"
_SPLIT = re.compile(f"({_WORD.pattern})").split


def _is_mi_verb(lex: _Lexicon, w: str) -> bool:
    """«می»/«نمی» + a verb form, joined or with a half-space («می‌گوید», «نمیدانند»)."""
    w = w.replace(ZWNJ, "")
    for m in lex.mi:
        if w.startswith(m):
            return w[len(m):] in lex.verb_forms
    return False


_NEXT_WORD = re.compile(r"[ \t]*(\S*)")


def _he_or_plural(w: str, text: str, end: int) -> str:
    """«Xهای» undecided (ending at ``end`` in ``text``): a plural with ezafe («سال‌های»)
    always has a complement after it; end of text, punctuation or a word that cannot be
    an ezafe complement («که», «و», «را», a verb) means the indefinite «Xه‌ای»."""
    assert _LEX is not None
    nxt = _NEXT_WORD.match(text, end).group(1)
    nw = _WORD.match(nxt)
    if not nw or nw.group(0) in _LEX.no_ezafe_next or _is_mi_verb(_LEX, nw.group(0)):
        return _LEX.he_or_plural[w]
    return w


def is_participle(word: str) -> bool:
    """Whether ``word`` is a past participle («یافته», «شده», «نکرده»)."""
    return word in lexicon().participles
