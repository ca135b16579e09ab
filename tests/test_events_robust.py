"""The event stage never fails and keeps its invariants on arbitrary token soups."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsx.core import events
from tests.test_events_sentences import build

_WORDS = [
    "به", "گزارش", "نقل", "از", "گفته", "در", "علیه", "را", "و", "،", "که", "این", "او", "وی", "دو", "طرف",
    "باید", "ضروری", "است", "اگر", "نمی‌توان", "حمله", "کرد", "کردند", "نکرد", "شد", "شدند", "کشته", "تلفات",
    "نشست", "برگزار", "مذاکره", "تحریم", "کرده‌اند", "کردهاند", "گفت", "اعلام", "خواستار", "توافق", "رسیدند",
    "همه‌پرسی", "ملحق", "دعوت", "نشده", "جنگ", "درگیری‌های", "ادامه", "دارد", "منطقه", "شهر", "خاک", "با",
    "پس", "«", "»", ":", ".", "؟", "[تهران|L]", "[ایران|L]", "[ایرنا|O:media]", "[علی رضایی|P]",
    "[روز شنبه|D]", "[۵۰ نفر|Q=50]", "[۲ میلیون دلار|M=2000000]", "[۱۰ درصد|%=10]", "[سه روز|Q=3:duration]",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=0, max_size=40))
def test_never_fails(words):
    doc, ments, ents = build(" ".join(words))
    evs, quotes = events.extract(doc, ments, ents)
    text = doc.text
    assert [e.id for e in evs] == [f"v{i}" for i in range(len(evs))]
    assert [(e.sentence, e.trigger.start) for e in evs] == sorted((e.sentence, e.trigger.start) for e in evs)
    for e in evs:
        for r in (e.trigger, *e.actors, *e.targets, *e.place, *e.quantities, e.time, e.source):
            if r is not None:
                assert text[r.start : r.end] == r.text
    for q in quotes:
        assert text[q.start : q.end] == q.text
