"""Normalization stage: hazm's Normalizer, protected spans, then half-space repair.

hazm's Normalizer unifies letters and digits and fixes spacing, but its spacing rules
damage what news depends on («3.5» → «۳ ٫ ۵», URLs, e-mail addresses, «2024-05-01»).
Those spans are cut out before hazm runs (a private-use placeholder stands in for each)
and put back afterwards, with only their digits unified. The result is aligned to the
input with :func:`newsx.core.align.align`, so every later offset maps back exactly.

hazm's Normalizer runs with its token-based steps off (``correct_spacing``,
``seperate_mi``, ``decrease_repeated_chars``): building them costs ~1.5 s per process
and they take half of hazm's normalization time. Their regex rules (punctuation and
affix spacing, digit/punctuation splitting) are applied from ``data/norm_spacing.tsv``;
«می»/«نمی» + verb and joined words are handled by the half-space repair
(:mod:`newsx.core.zwnj`), which, unlike hazm's token spacing, never joins two words the
input wrote apart («افزایش یافته» stays as written).
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import Callable

from .align import Alignment, align
from .resources import rows

_PLACEHOLDER = "\ue000"

_DIGIT = r"[0-9\u06f0-\u06f9\u0660-\u0669]"
_L = "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0622"  # letters
# Spans hazm must not respace. Order matters: the first alternative that matches wins.
# Every quantifier is bounded or runs over a class its successor cannot re-enter
# ambiguously, so matching stays linear.
_PROTECT = re.compile(
    # every alternative starts with a digit, a Latin letter, one of «._%+-» (e-mail) or a
    # letter + «.» (abbreviation): the lookahead rejects other positions at once
    rf"(?=[0-9\u06f0-\u06f9\u0660-\u0669A-Za-z._%+-]|[{_L}]\.)(?:"
    + "|".join(
        [
            r"(?:https?://|www\.)[^\s«»\"'()<>\[\]{}،؛]{0,2000}[^\s«»\"'()<>\[\]{}،؛.,:;!?؟]",  # URL
            r"(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}",  # e-mail
            r"\b[A-Za-z][A-Za-z0-9-]{0,62}\.(?:ir|com|org|net|info|io|news|gov|edu|co|uk|de|fr|ru)\b"
            r"(?:/[^\s«»\"'()<>،؛]{0,2000}[^\s«»\"'()<>،؛.,:;!?؟])?",
            # dates and times: 1402/08/06, 2024-05-01, 18:30, 18:30:05
            rf"(?<![\dA-Za-z/]){_DIGIT}{{1,4}}[/\-.]{_DIGIT}{{1,2}}[/\-.]{_DIGIT}{{1,4}}(?![\dA-Za-z/]|[/\-.]{_DIGIT})",
            rf"(?<![\dA-Za-z:]){_DIGIT}{{1,2}}:{_DIGIT}{{2}}(?::{_DIGIT}{{2}})?(?![\dA-Za-z:])",
            # numbers with decimal or thousands separators: 3.14, ۱٫۵, 1,200, ۱٬۲۰۰; ranges 10-20
            rf"(?<![\dA-Za-z.]){_DIGIT}{{1,3}}(?:[,\u066c]{_DIGIT}{{3}}){{1,8}}(?:[.\u066b]{_DIGIT}{{1,20}})?(?![\dA-Za-z\u066b\u066c]|[.,]{_DIGIT})",
            rf"(?<![\dA-Za-z.]){_DIGIT}{{1,20}}[.\u066b\u066c/\-]{_DIGIT}{{1,20}}(?![\dA-Za-z\u066b\u066c]|[.,/\-]{_DIGIT})",
            # Latin words with digits: COVID-19, MP3, 5G, G7
            r"(?<![\w-])[A-Za-z][A-Za-z-]{0,30}[0-9][A-Za-z0-9-]{0,30}(?![\w-])",
            r"(?<![\w-])[0-9]{1,4}[A-Za-z]{1,10}(?![\w-])",
            # dotted abbreviations: ه.ق. ه.ش ق.م. U.S.
            rf"(?<![\w.])[{_L}A-Za-z]\.(?:[{_L}A-Za-z]\.){{0,5}}[{_L}A-Za-z](?![\w])\.?",
        ]
    )
    + ")"
)

_PROTECT_SPLIT = re.compile(f"({_PROTECT.pattern})").split  # the same matches, kept by split

_TO_PERSIAN_DIGITS = str.maketrans("0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
                                   "۰۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹")
_NUMERIC_SPAN = re.compile(rf"^[{_DIGIT[1:-1]}.,:/\-\u066b\u066c]+$")
_PERSIAN_LETTER = re.compile(f"[{_L}]")

# After hazm: what its spacing rules leave behind.
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_ZWNJ_RUN = re.compile(r"\u200c{2,}")
# A ZWNJ before a space, another ZWNJ or the end; after a space; at the start. Every
# alternative opens with the ZWNJ itself (the look-behinds come after it), so the regex
# engine skips ahead to the next ZWNJ instead of trying each position.
_ZWNJ_EDGE = re.compile(r"\u200c+(?=[\s\u200c]|$)|\u200c(?<=\s\u200c)\u200c*|\u200c(?<![\s\S]\u200c)\u200c*")


@lru_cache(maxsize=1)
def _hazm_normalizer():
    """hazm's Normalizer with its costly token-based steps off (they load hazm's
    lexicon and build every verb conjugation: ~1.5 s at construction, half of the
    normalization time). Their work is done by :func:`_spacing` and the ZWNJ repair."""
    from .hazm_parts import module  # hazm's import: only when text is analyzed

    return module("normalizer").Normalizer(correct_spacing=False, seperate_mi=False, decrease_repeated_chars=False)


def _translator(table: dict[int, str]) -> Callable[[str], str]:
    """``str.translate`` with ``table``, applied only to the runs of characters the table
    maps: the rest of a text maps to itself, and ``translate`` costs a dictionary
    look-up per character (news text has a few dozen such runs: digits, «ي», «ك»)."""
    mapped = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]+")

    def run(m: re.Match[str]) -> str:
        return m.group().translate(table)

    return partial(mapped.sub, run)


@lru_cache(maxsize=1)
def _hazm_normalize() -> Callable[[str], str]:
    """``_hazm_normalizer().normalize``, with its two translation tables built once.

    hazm's ``Normalizer.normalize`` rebuilds both tables (about 420 entries) on every
    call, ~0.06 ms each time. This runs the same steps in the same order (the tables,
    then hazm's own methods) for the options :func:`_hazm_normalizer` sets;
    tests/test_normalize.py checks it against ``Normalizer.normalize``."""
    from .hazm_parts import constants, module

    maketrans = module("utils").maketrans
    nz = _hazm_normalizer()
    if hasattr(nz, "translation_src"):  # hazm 0.10 keeps the tables' sources on the object
        src, dst = nz.translation_src, nz.translation_dst
        nsrc, ndst = nz.number_translation_src, nz.number_translation_dst
    else:  # hazm 0.11+ keeps them in hazm.constants
        consts = constants()
        src, dst = consts.TRANSLATION_SRC, consts.TRANSLATION_DST
        nsrc, ndst = consts.NUMBERS_SRC, consts.NUMBERS_DST
    chars, digits = _translator(maketrans(src, dst)), _translator(maketrans(nsrc, ndst))
    style, diacritics = nz.persian_style, nz.remove_diacritics
    unicodes, specials = nz.unicodes_replacement, nz.remove_specials_chars

    def normalize(text: str) -> str:
        text = diacritics(digits(style(chars(text))))
        return specials(unicodes(text))

    return normalize


@lru_cache(maxsize=1)
def _spacing_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The spacing rules of ``core/data/norm_spacing.tsv``, compiled once."""
    rules = []
    for cols in rows("norm_spacing.tsv", strip=False):
        repl = (cols[1] if len(cols) > 1 else "").replace("\\u200c", "\u200c")
        rules.append((re.compile(cols[0]), repl))
    return tuple(rules)


@lru_cache(maxsize=1)
def _spacing_steps() -> tuple[Callable[[str], str], ...]:
    """Each spacing rule as a function of the text.

    On Python < 3.12, ``re.sub`` expands a template with a group reference in Python,
    once per match; rule «punctuation and digit runs are tokens» matches every digit
    run and punctuation mark. A template that is just the group, or the group between
    two spaces, is the text split at the matches and joined again (C speed); the rule
    «no spaces at line edges» is a strip of each line. tests/test_normalize.py checks
    every step against ``re.sub`` with its rule."""
    steps: list[Callable[[str], str]] = []
    for pat, repl in _spacing_rules():
        if pat.pattern == _LINE_EDGES and not repl:
            steps.append(_strip_line_edges)
        elif pat.groups == 1 and repl in ("\\1", " \\1 "):
            steps.append(partial(_split_join, pat, repl, "" if repl == "\\1" else " "))
        else:
            steps.append(partial(pat.sub, repl))
    return tuple(steps)


#: the rule «no spaces at line edges», which str.strip does per line (a regex that tries
#: «start of a line» at every position costs 15 times as much)
_LINE_EDGES = r" +(?=\n|\Z)|(?m:^) +"


def _strip_line_edges(text: str) -> str:
    return "\n".join([line.strip(" ") for line in text.split("\n")])


def _split_join(pat: re.Pattern[str], repl: str, sep: str, text: str) -> str:
    """``pat.sub(repl, text)`` for ``repl`` = ``sep + "\\1" + sep`` (one group)."""
    parts = pat.split(text)
    if len(parts) == 1:
        return text
    try:
        return sep.join(parts)
    except TypeError:  # the group took no part in some match: expand as re does
        return pat.sub(repl, text)


# «می» + space + next word; the start of the word («می», «نمی») is checked in _join_mi
_MI_SPACE = re.compile(r"می (?=([^\s\u200c]+))")
_REPEAT_RUN = re.compile(f"([{_L}])\\1{{2,}}")
_LETTER_RUN = re.compile(f"[{_L}]+")


def _spacing(text: str) -> str:
    """hazm's spacing corrections, done with regexes (``norm_spacing.tsv``), the
    «می» + verb joining, and the shortening of letters repeated 3+ times."""
    for step in _spacing_steps():
        text = step(text)
    if "می " in text:
        text = _MI_SPACE.sub(_join_mi, text)
    if _REPEAT_RUN.search(text):
        text = _unrepeat_all(text)
    return text


def _unrepeat_all(text: str) -> str:
    """Apply :func:`_unrepeat` to every word holding a letter repeated 3+ times (the
    run is found first, then widened to its word: linear in the text)."""
    out: list[str] = []
    pos = 0
    for m in _REPEAT_RUN.finditer(text):
        if m.start() < pos:
            continue  # a second run inside a word already handled
        s = m.start()
        while s > pos and _LETTER_RUN.match(text, s - 1, s):
            s -= 1
        e = _LETTER_RUN.match(text, m.end()) if m.end() < len(text) else None
        end = e.end() if e else m.end()
        out.append(text[pos:s])
        out.append(_unrepeat(text[s:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _join_mi(m: re.Match[str]) -> str:
    """«می رود» → «می‌رود» where «می»/«نمی» is a word of its own and a verb follows."""
    t, s = m.string, m.start()
    if s > 0 and t[s - 1] == "ن" and (s == 1 or t[s - 2].isspace()):
        pass  # «نمی»
    elif s > 0 and not t[s - 1].isspace():
        return m.group(0)  # «...می» inside a word
    from .zwnj import lexicon

    if m.group(1) in lexicon().verb_forms:
        return "می\u200c"
    return m.group(0)


def _unrepeat(w: str) -> str:
    """«خیلیییی» → «خیلی» when exactly one of the shortened forms is a word of hazm's
    lexicon (hazm's own rule)."""
    from .zwnj import lexicon

    lex = lexicon()
    if w in lex.freq:
        return w
    one = _REPEAT_RUN.sub(r"\1", w)
    two = _REPEAT_RUN.sub(r"\1\1", w)
    k1, k2 = one in lex.freq, two in lex.freq
    if k1 != k2:
        return one if k1 else two
    return w


@lru_cache(maxsize=1)
def char_table() -> dict[int, str | None]:
    """The character unification table (``core/data/zwnj_charmap.tsv``)."""
    table: dict[int, str | None] = {}
    for cols in rows("zwnj_charmap.tsv", strip=False):
        src = int(cols[0][2:], 16)
        dst = cols[1].strip() if len(cols) > 1 else ""
        table[src] = chr(int(dst[2:], 16)) if dst else None
    return table


def unify(text: str) -> str:
    """Character-level unification only (letters, digits, diacritics, kashida,
    repeated ZWNJ): no spacing rule. The ZWNJ benchmark runs its reference through it."""
    if _unify_chars().search(text):  # most text after hazm has nothing to unify
        text = text.translate(char_table())
    if "\u200c" in text:
        if "\u200c\u200c" in text:
            text = _ZWNJ_RUN.sub("\u200c", text)
        text = _ZWNJ_EDGE.sub("", text)
    return text


@lru_cache(maxsize=1)
def _unify_chars() -> re.Pattern[str]:
    """A character class of what :func:`char_table` maps."""
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(char_table())) + "]")


def _restore(span: str, before: str, after: str) -> str:
    """A protected span as it goes into the normalized text."""
    if _NUMERIC_SPAN.match(span):
        span = span.translate(_TO_PERSIAN_DIGITS)
        # keep hazm's habit of a space between a number and a word glued to it
        if before and _PERSIAN_LETTER.match(before):
            span = " " + span
        if after and _PERSIAN_LETTER.match(after):
            span = span + " "
    return span


def hazm_normalize(text: str) -> str:
    """hazm's Normalizer (cheap options) with numbers, dates, URLs and abbreviations
    protected, then our spacing rules and character unification."""
    text = text.replace(_PLACEHOLDER, " ")
    cut = _PROTECT_SPLIT(text)  # [text, protected, text, protected, ..., text]
    kept = cut[1::2]
    masked = _PLACEHOLDER.join(cut[0::2]) if kept else text
    out = unify(_spacing(_hazm_normalize()(masked)))
    if kept:
        parts = out.split(_PLACEHOLDER)
        if len(parts) == len(kept) + 1:
            pieces = [parts[0]]
            for k, (span, part) in enumerate(zip(kept, parts[1:])):
                pieces.append(_restore(span, parts[k][-1:], part[:1]))
                pieces.append(part)
            out = _SPACES.sub(" ", "".join(pieces))
        else:  # hazm dropped or duplicated a placeholder: fall back to plain hazm
            out = unify(_spacing(_hazm_normalize()(text)))
    return out


def normalize_line(line: str, repair: bool = True) -> str:
    """Normalize one line of text (no newline inside)."""
    out = hazm_normalize(line)
    if repair:
        from .zwnj import repair as _repair

        out = _repair(out)
    return out


def normalize(text: str, repair: bool = True) -> tuple[str, Alignment]:
    """Normalize ``text``; return the normalized text and its alignment to ``text``.

    The output keeps the input's line structure exactly (one output line per input
    line; ``\\r\\n`` becomes ``\\n``). Runs of non-blank lines go to hazm in one call;
    a block whose line count hazm changed is redone line by line.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if not block:
            return
        done = hazm_normalize("\n".join(block)).split("\n")
        if len(done) != len(block):
            done = [hazm_normalize(line) for line in block]
        if repair:
            from .zwnj import repair as _repair

            done = [_repair(line) for line in done]
        out.extend(done)
        block.clear()

    for line in lines:
        if line.strip():
            block.append(line)
        else:
            flush()
            out.append("")
    flush()
    norm = "\n".join(out)
    return norm, align(text, norm)
