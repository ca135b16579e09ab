"""The batch forms of the per-word keys equal the one-word forms.

``gazetteer.fold_keys`` and ``values_lex.keys_of`` fold or key a document's new words
joined in one string; ``values_lex.Lexicon.longest`` stops once no phrase can begin
with the tokens read. Each must answer exactly as the plain version does.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsx.core import gazetteer, values_lex

# letters the folds and keys map or drop, a few plain ones, spaces and separators
_CHARS = "يىئكةۀأإآؤابپتسمنهی" + "\u200c\u200d\u00a0\t\n " + "0123٤۵" + "\u064b\u0650\u0670\u0640" + "\x00-"
_WORDS = st.lists(st.text(alphabet=_CHARS, max_size=8), max_size=12)


def _fold_key_fresh(w: str) -> str:
    gazetteer._KEY_MEMO.pop(w, None)
    return gazetteer.fold_key(w)


@settings(max_examples=300, deadline=None)
@given(_WORDS)
def test_fold_keys_equal_fold_key(words):
    for w in words:
        gazetteer._KEY_MEMO.pop(w, None)
    got = gazetteer.fold_keys(words)
    assert got == [_fold_key_fresh(w) for w in words]


@settings(max_examples=300, deadline=None)
@given(_WORDS)
def test_keys_of_equal_key(words):
    assert values_lex.keys_of(words) == [values_lex.key(w) for w in words]


def test_fold_keys_examples():
    words = ["علي\u200cاكبر", "  مُحَمَّد  ", "رييس  جمهوري", "۱2٣", "", "a\x00b"]
    for w in words:
        gazetteer._KEY_MEMO.pop(w, None)
    assert gazetteer.fold_keys(words) == ["علی اکبر", "محمد", "رییس جمهوری", "۱۲۳", "", "a\x00b"]


def _longest_plain(lx: values_lex.Lexicon, table: str, keys: list[str], i: int, end: int):
    d = getattr(lx, table) if table != "roles" else lx.words
    best, acc = None, ""
    for n in range(1, min(lx.maxlen.get(table, 1), end - i) + 1):
        k = keys[i + n - 1]
        if not k:
            break
        acc += k
        if acc in d:
            best = (n, d[acc])
    return best


def test_longest_stops_only_where_nothing_can_match():
    lx = values_lex.lexicon()
    key = values_lex.key
    texts = [
        "سه شنبه گذشته ساعت ده صبح", "روز گذشته", "هفته آینده", "۲۰ میلیون دلار آمریکا",
        "پنج شنبه ۱۲ آبان ماه", "دو هزار و پانصد تومان", "ریال سعودی", "ده کیلومتر مربع",
    ]
    for text in texts:
        keys = [key(w) for w in text.split()]
        for table in ("numbers", "units", "currencies", "months", "weekdays", "relative", "roles"):
            for i in range(len(keys)):
                assert lx.longest(table, keys, i, len(keys)) == _longest_plain(lx, table, keys, i, len(keys))
