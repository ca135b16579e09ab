"""Number words, digit forms and calendar conversions."""

from __future__ import annotations

import datetime as dt

import pytest

from newsx.core import dates
from newsx.core.numbers import parse_digits, words_to_number


@pytest.mark.parametrize(
    "text,value",
    [
        ("دویست و نود و هشت هزار", 298000),
        ("یک میلیون و سی هزار", 1030000),
        ("سه میلیون و پانصد هزار", 3500000),
        ("یکصد", 100),
        ("سه هزار میلیارد", 3 * 10**12),
        ("دو هزار و پانصد میلیارد", 2500 * 10**9),
        ("دو و نیم میلیارد", 2500000000),
        ("یک میلیون و نیم", 1500000),
        ("۲۹۸ هزار", 298000),
        ("۱٫۵ میلیارد", 1500000000),
        ("۹۳ هزار و ۲۶۰", 93260),
        ("بیست و پنجم", 25),
        ("هزار و یکم", 1001),
        ("نیم", 0.5),
        ("سیصد و بیست هزار", 320000),
        ("ده‌ها هزار", 10000),
        ("یک‌میلیون و سی هزار", 1030000),
    ],
)
def test_words_to_number(text, value):
    assert words_to_number(text) == value


@pytest.mark.parametrize("text", ["دو و سه", "۲۵ و ۲۵", "پنج و بیست", "سلام"])
def test_not_one_number(text):
    assert words_to_number(text) is None


@pytest.mark.parametrize(
    "tok,value",
    [("۱٬۲۰۰", "1200"), ("1,200", "1200"), ("۱٫۵", "1.5"), ("2.5", "2.5"), ("۲/۵", "2.5"), ("٣٠", "30"), ("1,234,567.5", "1234567.5")],
)
def test_parse_digits(tok, value):
    assert str(parse_digits(tok)) == value


@pytest.mark.parametrize("tok", ["۱۴۰۲/۰۸/۰۶", "۱۸:۳۰", "abc"])
def test_parse_digits_rejects(tok):
    assert parse_digits(tok) is None


def test_hijri_known_days():
    assert dates.hijri_to_gregorian(1, 1, 1) == dt.date(622, 7, 19)
    assert dates.hijri_to_gregorian(1445, 1, 1) == dt.date(2023, 7, 19)
    assert dates.hijri_to_gregorian(1445, 9, 1) == dt.date(2024, 3, 11)
    assert dates.hijri_to_gregorian(1420, 9, 24) == dt.date(2000, 1, 1)
    assert dates.hijri_to_gregorian(1445, 13, 1) is None
    assert dates.hijri_to_gregorian(1445, 2, 30) is None  # Safar has 29 days


def test_hijri_round_trip():
    d = dt.date(1950, 1, 1)
    while d < dt.date(2050, 1, 1):
        assert dates.hijri_to_gregorian(*dates.gregorian_to_hijri(d)) == d
        d += dt.timedelta(days=37)


def test_hijri_year_length():
    for y in range(1400, 1460):
        n = sum(dates.hijri_month_days(y, m) for m in range(1, 13))
        assert n == (355 if dates.hijri_leap(y) else 354)


def test_jalali_ranges():
    assert dates.month_range("jalali", 1401, 7) == (dt.date(2022, 9, 23), dt.date(2022, 10, 22))
    assert dates.year_range("jalali", 1402) == (dt.date(2023, 3, 21), dt.date(2024, 3, 19))
    assert dates.jalali_month_days(1403, 12) == 30  # 1403 is a leap year
    assert dates.jalali_month_days(1402, 12) == 29


def test_week_runs_saturday_to_friday():
    a, b = dates.week_range(dt.date(2023, 10, 29))
    assert a == dt.date(2023, 10, 28) and a.weekday() == 5 and b == dt.date(2023, 11, 3)


def test_year_inferred_from_article_anchor():
    spec = dates.DateSpec("jalali", None, 8, 6)
    v = dates.resolve(spec, None, ("gregorian", 2023, dt.date(2023, 12, 31)))
    assert v["jalali"] == "1402-08-06" and v["gregorian"] == "2023-10-28" and v["inferred"] is True
    v = dates.resolve(dates.DateSpec("gregorian", None, 1, 5), None, ("jalali", 1402, dt.date(2024, 3, 19)))
    assert v["gregorian"] == "2024-01-05"
