"""Table-driven event tests on sentences written for newsx (not from any corpus).

Mentions are given inline, so these tests exercise the event stage alone, whatever the
name and value stages find: ``[text|LABEL]`` with LABEL one of P (PERSON), L (LOCATION),
O (ORGANIZATION), O:media (a news outlet), D (DATE), T (TIME), Q=n (QUANTITY with value n),
Q=n:duration, M=n (MONEY), %=n (PERCENT).

Each case lists the expected events in order as (type, {role: expected}); only the roles given
are checked. Role values: actors/targets/place are lists of texts, time/source a text or None,
number the value of the first quantity or None, negated a bool.
"""

from __future__ import annotations

import re

import pytest

from newsx.core import events
from newsx.core.doc import Doc
from newsx.core.model import Entity, Mention
from newsx.core.normalize import normalize
from newsx.core.tokenize import tokenize

_MARK = re.compile(r"\[([^\]|]+)\|([^\]]+)\]")
_LABELS = {"P": "PERSON", "L": "LOCATION", "O": "ORGANIZATION", "D": "DATE", "T": "TIME",
           "Q": "QUANTITY", "M": "MONEY", "%": "PERCENT"}


def build(marked: str):
    """Plain text, mentions and entities from a marked-up text."""
    text = ""
    spans = []
    pos = 0
    for m in _MARK.finditer(marked):
        text += marked[pos : m.start()]
        start = len(text)
        text += m.group(1)
        spans.append((start, len(text), m.group(2)))
        pos = m.end()
    text += marked[pos:]
    norm, al = normalize(text)
    doc = Doc(text=text, norm=norm, align=al)
    tokenize(doc)
    starts = [s.nstart for s in doc.sentences]
    ments = []
    ents: dict[str, str] = {}
    for k, (s, e, spec) in enumerate(spans):
        lab, _, rest = spec.partition("=")
        kind = None
        value = None
        if ":" in lab:
            lab, kind = lab.split(":", 1)
        if ":" in rest:
            rest, kind = rest.split(":", 1)
        label = _LABELS[lab]
        if rest:
            value = {"number": float(rest) if "." in rest else int(rest)}
        t = text[s:e]
        # sentence of the mention: by its position in the normalized text
        ns = next(ws.nstart for ws in doc.sentences if doc.original(ws.nstart, ws.nend)[1] > s)
        si = max(i for i, x in enumerate(starts) if x <= ns)
        eid = None
        if label in ("PERSON", "LOCATION", "ORGANIZATION"):
            key = t.split()[-1] if label == "PERSON" else t
            eid = ents.setdefault(key, f"e{len(ents)}")
        ments.append(Mention(f"m{k}", label, t, s, e, t, si, kind, value, eid))
    entities = [
        Entity(eid, name, "X", tuple(m.id for m in ments if m.entity == eid)) for name, eid in sorted(ents.items())
    ]
    return doc, ments, entities


CASES = [
    # --- STATEMENT ---------------------------------------------------------------------
    ("[علی لاریجانی|P] [روز دوشنبه|D] در [تهران|L] گفت که وضعیت اقتصادی کشور بهتر شده است.",
     [("STATEMENT", {"actors": ["علی لاریجانی"], "time": "روز دوشنبه", "place": ["تهران"], "source": None})]),
    ("[مریم احمدی|P] وزیر بهداشت است. وی اعلام کرد که بیمارستان‌ها آماده هستند.",
     [("STATEMENT", {"actors": ["مریم احمدی"], "negated": False})]),
    ("[آنتونیو گوترش|P] گفت: «جهان در آستانه یک فاجعه است.»",
     [("STATEMENT", {"actors": ["آنتونیو گوترش"]})]),
    ("[جو بایدن|P] گفت [آمریکا|L] همچنان از [اوکراین|L] پشتیبانی می‌کند. به گزارش [سی‌ان‌ان|O:media]، او این سخنان را در [کاخ سفید|L] بیان کرد.",
     [("STATEMENT", {"actors": ["جو بایدن"], "source": "سی‌ان‌ان"}),
      ("STATEMENT", {"actors": ["جو بایدن"], "source": "سی‌ان‌ان", "place": ["کاخ سفید"]})]),
    # --- APPEAL ------------------------------------------------------------------------
    ("[سازمان ملل|O] خواستار آتش‌بس فوری در [غزه|L] شد.",
     [("APPEAL", {"actors": ["سازمان ملل"], "place": ["غزه"]})]),
    ("[حسن روحانی|P] گفت دو کشور باید با یکدیگر گفت‌وگو کنند.",
     [("APPEAL", {"actors": ["حسن روحانی"], "negated": False})]),
    ("[کایا کالاس|P] گفت که [صربستان|L] و [کوزوو|L] باید بدون شرط مذاکره کنند.",
     [("APPEAL", {"actors": ["کایا کالاس"], "targets": ["صربستان", "کوزوو"]})]),
    # --- MEETING -----------------------------------------------------------------------
    ("[ولادیمیر پوتین|P] و [رجب طیب اردوغان|P] [روز جمعه|D] در [سوچی|L] دیدار کردند.",
     [("MEETING", {"actors": ["ولادیمیر پوتین", "رجب طیب اردوغان"], "time": "روز جمعه", "place": ["سوچی"]})]),
    ("[عباس عراقچی|P] با [سرگئی لاوروف|P] در [مسکو|L] دیدار کرد.",
     [("MEETING", {"actors": ["عباس عراقچی"], "targets": ["سرگئی لاوروف"], "place": ["مسکو"]})]),
    ("نشست سران [گروه بیست|O] [امروز|D] در [دهلی نو|L] برگزار شد.",
     [("MEETING", {"actors": ["گروه بیست"], "time": "امروز", "place": ["دهلی نو"]})]),
    ("[طالبان|O] به کنفرانس [دوحه|L] دعوت نشدند.",
     [("MEETING", {"targets": ["طالبان"], "actors": [], "negated": True})]),
    ("[چین|L] و [روسیه|L] [هفته آینده|D] با هم دیدار خواهند کرد.",
     [("MEETING", {"actors": ["چین", "روسیه"], "time": "هفته آینده"})]),
    # --- NEGOTIATION -------------------------------------------------------------------
    ("[ایران|L] و [آمریکا|L] در [مسقط|L] مذاکره کردند.",
     [("NEGOTIATION", {"actors": ["ایران", "آمریکا"], "place": ["مسقط"]})]),
    ("دور تازه مذاکرات [ایران|L] و [اروپا|L] در [وین|L] آغاز شد.",
     [("NEGOTIATION", {"actors": ["ایران", "اروپا"], "place": ["وین"]})]),
    ("[سوریه|L] و [ترکیه|L] با یکدیگر مذاکره میکنند.",
     [("NEGOTIATION", {"actors": ["سوریه", "ترکیه"]})]),
    ("[علی شمخانی|P] گفت با این شرایط نمی‌توان مذاکره کرد.",
     [("NEGOTIATION", {"actors": ["علی شمخانی"], "negated": True})]),
    # --- AGREEMENT ---------------------------------------------------------------------
    ("[ارمنستان|L] و [آذربایجان|L] به توافق رسیدند.",
     [("AGREEMENT", {"actors": ["ارمنستان", "آذربایجان"], "negated": False})]),
    ("[اسرائیل|L] و [حماس|O] پس از سه روز گفت‌وگو به توافق نرسیدند.",
     [("AGREEMENT", {"actors": ["اسرائیل", "حماس"], "negated": True})]),
    # --- AID ---------------------------------------------------------------------------
    ("[ژاپن|L] [۱۰ میلیون دلار|M=10000000] به [ترکیه|L] کمک کرد.",
     [("AID", {"actors": ["ژاپن"], "targets": ["ترکیه"], "number": 10000000})]),
    # --- ACCUSATION --------------------------------------------------------------------
    ("[وزارت خارجه چین|O] [آمریکا|L] را به دخالت در امور داخلی متهم کرد.",
     [("ACCUSATION", {"actors": ["وزارت خارجه چین"], "targets": ["آمریکا"]})]),
    ("[عفو بین‌الملل|O] از [عراق|L] به دلیل اعدام زندانیان انتقاد کرد.",
     [("ACCUSATION", {"actors": ["عفو بین‌الملل"], "targets": ["عراق"]})]),
    # --- REJECTION ---------------------------------------------------------------------
    ("[کرملین|O] این گزارش را رد کرد.",
     [("REJECTION", {"actors": ["کرملین"], "targets": []})]),
    ("[اسرائیل|L] پیشنهاد آتش‌بس را رد کرد.",
     [("REJECTION", {"actors": ["اسرائیل"]})]),
    # --- THREAT ------------------------------------------------------------------------
    ("[کره شمالی|L] [ژاپن|L] را به حمله موشکی تهدید کرد.",
     [("THREAT", {"actors": ["کره شمالی"], "targets": ["ژاپن"]})]),
    ("[ایران|L] به [اسرائیل|L] هشدار داد.",
     [("THREAT", {"actors": ["ایران"], "targets": ["اسرائیل"]})]),
    # --- PROTEST -----------------------------------------------------------------------
    ("[ده‌ها هزار نفر|Q=10000] [روز شنبه|D] در [پاریس|L] تظاهرات کردند.",
     [("PROTEST", {"actors": ["ده‌ها هزار نفر"], "time": "روز شنبه", "place": ["پاریس"]})]),
    ("معلمان در [اصفهان|L] تجمع کردند.",
     [("PROTEST", {"place": ["اصفهان"]})]),
    # --- SANCTION ----------------------------------------------------------------------
    ("[بانک مرکزی ایران|O] توسط [آمریکا|L] تحریم شد.",
     [("SANCTION", {"actors": ["آمریکا"], "targets": ["بانک مرکزی ایران"]})]),
    ("[کانادا|L]، [استرالیا|L] و [بریتانیا|L] [روسیه|L] را تحریم کردند.",
     [("SANCTION", {"actors": ["کانادا", "استرالیا", "بریتانیا"], "targets": ["روسیه"]})]),
    ("[اتحادیه اروپا|O] تحریم‌های تازه‌ای علیه [بلاروس|L] وضع کرد.",
     [("SANCTION", {"actors": ["اتحادیه اروپا"], "targets": ["بلاروس"]})]),
    ("[فرانسه|L] و [آلمان|L] [ونزوئلا|L] را تحریم کردهاند.",
     [("SANCTION", {"actors": ["فرانسه", "آلمان"], "targets": ["ونزوئلا"]})]),
    # --- ARREST ------------------------------------------------------------------------
    ("[محمد رضایی|P] [روز سه‌شنبه|D] در [شیراز|L] بازداشت شد.",
     [("ARREST", {"targets": ["محمد رضایی"], "actors": [], "time": "روز سه‌شنبه", "place": ["شیراز"]})]),
    ("[پلیس ترکیه|O] [۱۲ مظنون|Q=12] را در [استانبول|L] دستگیر کرد.",
     [("ARREST", {"actors": ["پلیس ترکیه"], "place": ["استانبول"], "number": 12})]),
    # --- ATTACK ------------------------------------------------------------------------
    ("[اسرائیل|L] [بامداد امروز|T] به جنوب [لبنان|L] حمله کرد.",
     [("ATTACK", {"actors": ["اسرائیل"], "targets": ["لبنان"], "time": "بامداد امروز"})]),
    ("جنگنده‌های [روسیه|L] مواضع شورشیان را در [ادلب|L] بمباران کردند.",
     [("ATTACK", {"actors": ["جنگنده‌های روسیه"], "place": ["ادلب"]})]),
    ("افراد مسلح [پنج پلیس|Q=5] را در [بلوچستان|L] به قتل رساندند.",
     [("ATTACK", {"place": ["بلوچستان"], "number": 5})]),
    ("نیروهای [ناتو|O] به [صربستان|L] حمله کرده اند.",
     [("ATTACK", {"actors": ["نیروهای ناتو"], "targets": ["صربستان"]})]),
    # --- FIGHTING ----------------------------------------------------------------------
    ("[ارتش سودان|O] و [نیروهای واکنش سریع|O] در [خارطوم|L] با یکدیگر درگیر شدند.",
     [("FIGHTING", {"actors": ["ارتش سودان", "نیروهای واکنش سریع"], "place": ["خارطوم"]})]),
    ("درگیری‌های شدید در حومه [دمشق|L] ادامه دارد.",
     [("FIGHTING", {"place": ["دمشق"]})]),
    # --- CASUALTIES --------------------------------------------------------------------
    ("در سقوط این هواپیما [۱۷۶ مسافر|Q=176] کشته شدند.",
     [("CASUALTIES", {"number": 176, "actors": []})]),
    ("تلفات زلزله [ترکیه|L] به بیش از [۴۰ هزار نفر|Q=40000] رسید.",
     [("CASUALTIES", {"number": 40000})]),
    ("به گفته [وزارت بهداشت غزه|O]، [۴۰ نفر|Q=40] در این حمله کشته شدند.",
     [("CASUALTIES", {"number": 40, "source": "وزارت بهداشت غزه"})]),
    # --- ELECTION / REFERENDUM ---------------------------------------------------------
    ("انتخابات ریاست جمهوری [فرانسه|L] [روز یکشنبه|D] برگزار شد.",
     [("ELECTION", {"time": "روز یکشنبه", "negated": False})]),
    ("انتخابات پارلمانی [لیبی|L] برگزار نشد.",
     [("ELECTION", {"negated": True})]),
    ("[اسکاتلند|L] در [سال ۲۰۱۴|D] همه‌پرسی استقلال برگزار کرد.",
     [("REFERENDUM", {"actors": ["اسکاتلند"], "time": "سال ۲۰۱۴"})]),
    # --- ANNEXATION --------------------------------------------------------------------
    ("[روسیه|L] در [سال ۲۰۱۴|D] [کریمه|L] را الحاق کرد.",
     [("ANNEXATION", {"actors": ["روسیه"], "targets": ["کریمه"], "time": "سال ۲۰۱۴"})]),
    # --- ACCIDENT ----------------------------------------------------------------------
    ("یک هواپیمای مسافربری در نزدیکی [کابل|L] سقوط کرد.",
     [("ACCIDENT", {"place": ["کابل"]})]),
    ("آتش‌سوزی بزرگی در [تبریز|L] رخ داد.",
     [("ACCIDENT", {"place": ["تبریز"]})]),
    # --- ECONOMIC ----------------------------------------------------------------------
    ("نرخ تورم در [ترکیه|L] به [۶۱ درصد|%=61] رسید.",
     [("ECONOMIC", {"place": ["ترکیه"], "number": 61})]),
    ("[چین|L] [۴۰۰ میلیارد دلار|M=400000000000] در [ایران|L] سرمایه‌گذاری می‌کند.",
     [("ECONOMIC", {"actors": ["چین"], "place": ["ایران"], "number": 400000000000})]),
    # --- LEGAL -------------------------------------------------------------------------
    ("[نرگس محمدی|P] به [۱۰ سال|Q=10:duration] زندان محکوم شد.",
     [("LEGAL", {"targets": ["نرگس محمدی"]})]),
    ("[اپل|O] از [سامسونگ|O] شکایت کرد.",
     [("LEGAL", {"actors": ["اپل"], "targets": ["سامسونگ"]})]),
    # --- APPOINTMENT -------------------------------------------------------------------
    ("[مهدی صفری|P] به عنوان سفیر جدید در [پکن|L] منصوب شد.",
     [("APPOINTMENT", {"targets": ["مهدی صفری"]})]),
    ("[ماریو دراگی|P]، نخست وزیر [ایتالیا|L]، استعفا داد.",
     [("APPOINTMENT", {"actors": ["ماریو دراگی"]})]),
    # --- attribution -------------------------------------------------------------------
    ("به گزارش [ایرنا|O:media]، [ارتش پاکستان|O] به مواضع شبه‌نظامیان حمله کرد.",
     [("ATTACK", {"actors": ["ارتش پاکستان"], "source": "ایرنا"})]),
    ("[رویترز|O:media] به نقل از [پلیس هند|O] گزارش داد که [۲۳ نفر|Q=23] در [بمبئی|L] کشته شدند.",
     [("CASUALTIES", {"source": "پلیس هند", "number": 23, "place": ["بمبئی"]})]),
    ("به گزارش [الجزیره|O:media]، [ارتش اسرائیل|O] به [رفح|L] حمله کرد. بر این اساس، [۱۲ نفر|Q=12] کشته شدند.",
     [("ATTACK", {"source": "الجزیره", "targets": ["رفح"]}),
      ("CASUALTIES", {"source": "الجزیره", "number": 12})]),
    ("به گزارش [الجزیره|O:media]، [ارتش اسرائیل|O] به [رفح|L] حمله کرد. [مصر|L] این حمله را محکوم کرد.",
     [("ATTACK", {"source": "الجزیره"}),
      ("ACCUSATION", {"source": None, "actors": ["مصر"]})]),
    ("[شیرین عبادی|P] گفت که نیروهای امنیتی [سه روزنامه‌نگار|Q=3] را بازداشت کرده‌اند.",
     [("ARREST", {"source": "شیرین عبادی", "number": 3})]),
    ("وزیران خارجه [ایران|L] و [عمان|L] در [مسقط|L] دیدار و گفت‌وگو کردند.",
     [("MEETING", {"actors": ["وزیران خارجه ایران", "عمان"], "place": ["مسقط"]}),
      ("NEGOTIATION", {"actors": ["وزیران خارجه ایران", "عمان"], "place": ["مسقط"]})]),
    ("به گفته او، [۳۰۰ نفر|Q=300] کشته و [۴۰ نفر|Q=40] زخمی شدند.",
     [("CASUALTIES", {"number": 300}), ("CASUALTIES", {"number": 40})]),
    ("[پلیس آلمان|O] اعلام کرد [۸۰ نفر|Q=80] بازداشت شدند.",
     [("ARREST", {"actors": ["پلیس آلمان"], "number": 80, "source": None})]),
    ("سندیکاهای معلمان تهدید کردند که دست به اعتصاب می‌زنند.",
     [("THREAT", {"actors": ["سندیکاهای معلمان"]})]),
    ("زمین‌لرزه‌ای به بزرگی [۵ ریشتر|Q=5] [صبح امروز|T] شهر [بم|L] را لرزاند.",
     [("ACCIDENT", {"time": "صبح امروز"})]),
    ("وزیر کشور [ترکیه|L] از سوی [اردوغان|P] برکنار شد.",
     [("APPOINTMENT", {"actors": ["اردوغان"], "targets": ["وزیر کشور ترکیه"]})]),
    ("یک قطار مسافربری [صبح دیروز|T] در نزدیکی شهر [بالاسور|L] از ریل خارج شد.",
     [("ACCIDENT", {"place": ["بالاسور"], "time": "صبح دیروز"})]),
    ("[رویترز|O:media] گزارش داد که قطاری در [هند|L] از ریل خارج شد. بر اساس این گزارش، [۲۸۸ نفر|Q=288] جان باختند.",
     [("ACCIDENT", {"source": "رویترز", "place": ["هند"]}),
      ("CASUALTIES", {"source": "رویترز", "number": 288})]),
    # --- not events --------------------------------------------------------------------
    ("اگر [آمریکا|L] به [ایران|L] حمله کند، پاسخ سختی خواهد گرفت.", []),
    ("کارشناسان جنگ را پایان‌ناپذیر می‌دانند.", []),
    ("این حمله نشان داد که منطقه ناامن است.", []),
]


@pytest.mark.parametrize("marked,expected", CASES, ids=[f"s{i}" for i in range(len(CASES))])
def test_sentence(marked, expected):
    doc, ments, ents = build(marked)
    evs, _quotes = events.extract(doc, ments, ents)
    got = [e.type for e in evs]
    assert got == [t for t, _ in expected], [e.trigger.text for e in evs]
    for ev, (_t, roles) in zip(evs, expected):
        for role, want in roles.items():
            if role in ("actors", "targets", "place"):
                assert [r.text for r in getattr(ev, role)] == want, (role, ev)
            elif role in ("time", "source"):
                r = getattr(ev, role)
                assert (r.text if r else None) == want, (role, ev)
            elif role == "number":
                q = ev.quantities[0] if ev.quantities else None
                val = next(m.value["number"] for m in ments if q and m.id == q.mention) if q else None
                assert val == want, (role, ev)
            elif role == "negated":
                assert ev.negated is want, (role, ev)


def test_every_type_is_covered():
    from newsx.core.triggers import lexicon

    covered = {t for _m, exp in CASES for t, _r in exp}
    missing = set(lexicon().types) - covered
    assert not missing, missing


def test_quote_speaker():
    doc, ments, ents = build("[آنتونیو گوترش|P] گفت: «جهان در آستانه یک فاجعه است.»")
    _evs, quotes = events.extract(doc, ments, ents)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.text == "جهان در آستانه یک فاجعه است."
    assert doc.text[q.start : q.end] == q.text
    assert q.speaker is not None and q.speaker.text == "آنتونیو گوترش"


def test_offsets_are_original():
    doc, ments, ents = build("[فرانسه|L] و [آلمان|L] [ونزوئلا|L] را تحریم کردهاند.")
    evs, _ = events.extract(doc, ments, ents)
    for ev in evs:
        refs = [ev.trigger, *ev.actors, *ev.targets, *ev.place]
        for r in refs:
            assert doc.text[r.start : r.end] == r.text


def test_ids_in_order():
    doc, ments, ents = build(
        "به گزارش [الجزیره|O:media]، [ارتش اسرائیل|O] به [رفح|L] حمله کرد. بر این اساس، [۱۲ نفر|Q=12] کشته شدند."
    )
    evs, _ = events.extract(doc, ments, ents)
    assert [e.id for e in evs] == [f"v{i}" for i in range(len(evs))]
    assert [e.cameo for e in evs] == ["19", "19"]


def test_outlet_is_not_a_source():
    marked = "به گزارش [خبرگزاری فارس|O:media]، [ارتش پاکستان|O] به مواضع شبه‌نظامیان حمله کرد."
    doc, ments, ents = build(marked)
    evs, _ = events.extract(doc, ments, ents)
    assert evs[0].source is not None and evs[0].source.text == "خبرگزاری فارس"
    evs, _ = events.extract(doc, ments, ents, outlet="فارس")
    assert evs[0].type == "ATTACK" and evs[0].source is None


def test_zwnj_variants_give_the_same_events():
    forms = ["تحریم کرده‌اند", "تحریم کردهاند", "تحریم کرده اند"]
    seen = []
    for f in forms:
        doc, ments, ents = build(f"[کانادا|L] و [ژاپن|L] [کره شمالی|L] را {f}.")
        evs, _ = events.extract(doc, ments, ents)
        seen.append([(e.type, [r.text for r in e.actors], [r.text for r in e.targets], e.negated) for e in evs])
    assert seen[0] == seen[1] == seen[2] == [("SANCTION", ["کانادا", "ژاپن"], ["کره شمالی"], False)]


@pytest.mark.parametrize("verb,neg", [("حمله کرد", False), ("حمله نکرد", True), ("حمله می‌کند", False),
                                      ("حمله نمی‌کند", True), ("حمله خواهد کرد", False), ("حمله کرده بود", False),
                                      ("حمله نکرده است", True), ("حمله نمیکرد", True)])
def test_tenses_and_negation(verb, neg):
    doc, ments, ents = build(f"[ترکیه|L] به [سوریه|L] {verb}.")
    evs, _ = events.extract(doc, ments, ents)
    assert [(e.type, e.negated) for e in evs] == [("ATTACK", neg)]
    assert [r.text for r in evs[0].actors] == ["ترکیه"] and [r.text for r in evs[0].targets] == ["سوریه"]


def test_quote_before_its_speech_verb():
    doc, ments, ents = build("«وضعیت منطقه بسیار نگران‌کننده است»، [عباس عراقچی|P] گفت.")
    evs, quotes = events.extract(doc, ments, ents)
    assert [e.type for e in evs] == ["STATEMENT"]
    assert len(quotes) == 1 and quotes[0].speaker is not None and quotes[0].speaker.text == "عباس عراقچی"
