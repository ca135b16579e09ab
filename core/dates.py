"""Calendars and the resolution of date expressions to ISO values.

Jalali ↔ Gregorian goes through jdatetime. Hijri (lunar) dates use the arithmetic
(tabular) Islamic calendar of *Calendrical Calculations* — the «Kuwaiti algorithm»
family with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle —
so a day may differ by one or two from a sighting-based or Umm al-Qura calendar.

A parsed expression is a :class:`DateSpec`; :func:`resolve` turns it into the value
dict of a DATE mention, against the publication date when there is one, else against
the latest explicit year of the article (then ``inferred: true``), else partially.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

# --- Jalali ---------------------------------------------------------------------


def jalali_to_gregorian(y: int, m: int, d: int) -> _dt.date | None:
    import jdatetime

    try:
        return jdatetime.date(y, m, d).togregorian()
    except (ValueError, OverflowError):
        return None


def gregorian_to_jalali(g: _dt.date) -> tuple[int, int, int]:
    import jdatetime

    j = jdatetime.date.fromgregorian(date=g)
    return j.year, j.month, j.day


def jalali_month_days(y: int, m: int) -> int:
    if m <= 6:
        return 31
    if m <= 11:
        return 30
    return 30 if jalali_to_gregorian(y, 12, 30) is not None else 29


# --- Hijri (tabular) --------------------------------------------------------------

_HIJRI_EPOCH = _dt.date(622, 7, 19).toordinal()  # 1 Muharram 1 AH (Julian 16 July 622)


def hijri_leap(y: int) -> bool:
    return (14 + 11 * y) % 30 < 11


def hijri_month_days(y: int, m: int) -> int:
    if m == 12:
        return 30 if hijri_leap(y) else 29
    return 30 if m % 2 == 1 else 29


def hijri_to_gregorian(y: int, m: int, d: int) -> _dt.date | None:
    if y < 1 or not 1 <= m <= 12 or not 1 <= d <= hijri_month_days(y, m):
        return None
    days = (y - 1) * 354 + (3 + 11 * y) // 30 + 29 * (m - 1) + m // 2 + d - 1
    return _dt.date.fromordinal(_HIJRI_EPOCH + days)


def gregorian_to_hijri(g: _dt.date) -> tuple[int, int, int]:
    n = g.toordinal() - _HIJRI_EPOCH
    y = (30 * n + 10646) // 10631
    start = hijri_to_gregorian(y, 1, 1)
    while start is not None and start > g:
        y -= 1
        start = hijri_to_gregorian(y, 1, 1)
    nxt = hijri_to_gregorian(y + 1, 1, 1)
    while nxt is not None and nxt <= g:
        y += 1
        nxt = hijri_to_gregorian(y + 1, 1, 1)
    first = hijri_to_gregorian(y, 1, 1)
    assert first is not None
    rest = (g - first).days
    m = 1
    while rest >= hijri_month_days(y, m):
        rest -= hijri_month_days(y, m)
        m += 1
    return y, m, rest + 1


# --- Generic calendar helpers -----------------------------------------------------


def to_gregorian(cal: str, y: int, m: int, d: int) -> _dt.date | None:
    if cal == "jalali":
        return jalali_to_gregorian(y, m, d)
    if cal == "hijri":
        return hijri_to_gregorian(y, m, d)
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def from_gregorian(cal: str, g: _dt.date) -> tuple[int, int, int]:
    if cal == "jalali":
        return gregorian_to_jalali(g)
    if cal == "hijri":
        return gregorian_to_hijri(g)
    return g.year, g.month, g.day


def month_days(cal: str, y: int, m: int) -> int:
    if cal == "jalali":
        return jalali_month_days(y, m)
    if cal == "hijri":
        return hijri_month_days(y, m)
    nxt = _dt.date(y + 1, 1, 1) if m == 12 else _dt.date(y, m + 1, 1)
    return (nxt - _dt.date(y, m, 1)).days


def month_range(cal: str, y: int, m: int) -> tuple[_dt.date, _dt.date] | None:
    a = to_gregorian(cal, y, m, 1)
    b = to_gregorian(cal, y, m, month_days(cal, y, m))
    return None if a is None or b is None else (a, b)


def year_range(cal: str, y: int) -> tuple[_dt.date, _dt.date] | None:
    a = to_gregorian(cal, y, 1, 1)
    b = to_gregorian(cal, y, 12, month_days(cal, y, 12))
    return None if a is None or b is None else (a, b)


def add_months(cal: str, y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def week_range(d: _dt.date) -> tuple[_dt.date, _dt.date]:
    """The Saturday-to-Friday week of ``d``."""
    start = d - _dt.timedelta(days=(d.weekday() - 5) % 7)
    return start, start + _dt.timedelta(days=6)


# --- Specs and resolution --------------------------------------------------------


@dataclass(slots=True)
class DateSpec:
    calendar: str  #: jalali | gregorian | hijri | relative | weekday
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_end: int | None = None  #: «۶ تا ۸ آبان»
    year_end: int | None = None  #: «۲۰۲۰ تا ۲۰۲۳»
    weekday: tuple[str, int] | None = None
    relative: tuple[str, int] | None = None  #: (unit, offset)
    hours: int | None = None  #: «۲۴ ساعت گذشته»
    direction: int = 0  #: «دوشنبه گذشته» −1, «دوشنبه آینده» +1
    year_offset: int | None = None  #: «خرداد امسال» 0, «مهر سال گذشته» −1

    @property
    def grain(self) -> str:
        if self.relative is not None:
            return self.relative[0] if self.hours is None else "day"
        if self.day is not None or self.weekday is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def anchor(self) -> tuple[str, int, _dt.date] | None:
        """(calendar, year, last day) when this names an explicit year."""
        if self.year is None or self.calendar not in ("jalali", "gregorian", "hijri"):
            return None
        y = self.year_end or self.year
        if self.month is not None:
            r = month_range(self.calendar, y, self.month)
        else:
            r = year_range(self.calendar, y)
        return None if r is None else (self.calendar, y, r[1])


def _iso(d: _dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


def _value(spec: DateSpec) -> dict[str, Any]:
    v: dict[str, Any] = {
        "calendar": spec.calendar,
        "grain": spec.grain,
        "jalali": None,
        "gregorian": None,
        "start": None,
        "end": None,
    }
    if spec.weekday is not None:
        v["weekday"] = spec.weekday[0]
    if spec.relative is not None:
        v["relative"] = {"unit": spec.relative[0], "offset": spec.relative[1]}
    v["inferred"] = False
    v["resolved"] = False
    return v


def _fill_day(v: dict[str, Any], g: _dt.date, cal: str) -> None:
    jy, jm, jd = gregorian_to_jalali(g)
    v["jalali"] = f"{jy:04d}-{jm:02d}-{jd:02d}"
    v["gregorian"] = v["start"] = v["end"] = g.isoformat()
    if cal == "hijri":
        hy, hm, hd = gregorian_to_hijri(g)
        v["hijri"] = f"{hy:04d}-{hm:02d}-{hd:02d}"
    v["resolved"] = True


def _pick_year(spec: DateSpec, ref: _dt.date | None, anchor: tuple[str, int, _dt.date] | None) -> tuple[int | None, bool]:
    """The year of a yearless day or month: (year, inferred)."""
    cal = spec.calendar
    m = spec.month or 1
    d = spec.day or 1
    if ref is not None:
        y0 = from_gregorian(cal, ref)[0]
        best = None
        for y in (y0 - 1, y0, y0 + 1):
            g = to_gregorian(cal, y, m, min(d, month_days(cal, y, m)))
            if g is None:
                continue
            dist = abs((g - ref).days) + (1 if g > ref else 0)
            if best is None or dist < best[0]:
                best = (dist, y)
        return (None if best is None else best[1]), False
    if anchor is None:
        return None, False
    acal, ay, aend = anchor
    if acal == cal:
        return ay, True
    # the year in which the date falls inside the anchor's year (in the anchor's calendar)
    y0 = from_gregorian(cal, aend)[0]
    best = None
    for y in (y0 - 1, y0, y0 + 1):
        g = to_gregorian(cal, y, m, min(d, month_days(cal, y, m)))
        if g is None:
            continue
        score = (0 if from_gregorian(acal, g)[0] == ay else 1) * 100_000 + abs((g - aend).days)
        if best is None or score < best[0]:
            best = (score, y)
    return (None if best is None else best[1]), True


def resolve(spec: DateSpec, ref: _dt.date | None, anchor: tuple[str, int, _dt.date] | None) -> dict[str, Any]:
    """The value dict of a DATE (see the value schema in ``core/values.py``)."""
    v = _value(spec)
    cal = spec.calendar
    if cal == "relative":
        _resolve_relative(spec, ref, v)
        return v
    if cal == "weekday":
        if ref is not None and spec.weekday is not None:
            back = (ref.weekday() - spec.weekday[1]) % 7
            if spec.direction < 0 and back == 0:
                back = 7
            if spec.direction > 0:
                g = ref + _dt.timedelta(days=(spec.weekday[1] - ref.weekday()) % 7 or 7)
            else:
                g = ref - _dt.timedelta(days=back)
            _fill_day(v, g, "gregorian")
            v["inferred"] = spec.direction == 0
        return v
    year, inferred = spec.year, False
    if year is None and spec.year_offset is not None:
        if ref is not None:
            year = from_gregorian(cal, ref)[0] + spec.year_offset
    elif year is None and spec.month is not None:
        year, inferred = _pick_year(spec, ref, anchor)
    if year is None:
        if spec.month is not None:
            v["month"] = spec.month
        if spec.day is not None:
            v["day"] = spec.day
        return v
    v["inferred"] = inferred
    if spec.day is not None and spec.month is not None:
        if spec.day_end is not None:
            a = to_gregorian(cal, year, spec.month, spec.day)
            b = to_gregorian(cal, year, spec.month, spec.day_end)
            if a is None or b is None or b < a:
                return _partial(v, spec)
            if cal == "jalali":
                v["jalali"] = f"{year:04d}-{spec.month:02d}-{spec.day:02d}"
            v["start"], v["end"] = a.isoformat(), b.isoformat()
            v["resolved"] = True
            return v
        g = to_gregorian(cal, year, spec.month, spec.day)
        if g is None:
            return _partial(v, spec)
        _fill_day(v, g, cal)
        return v
    if spec.month is not None:
        r = month_range(cal, year, spec.month)
        if r is None:
            return _partial(v, spec)
        if cal == "jalali":
            v["jalali"] = f"{year:04d}-{spec.month:02d}"
        elif cal == "hijri":
            v["hijri"] = f"{year:04d}-{spec.month:02d}"
        v["start"], v["end"] = r[0].isoformat(), r[1].isoformat()
        v["resolved"] = True
        return v
    r = year_range(cal, year)
    r2 = year_range(cal, spec.year_end) if spec.year_end else r
    if r is None or r2 is None:
        return _partial(v, spec)
    if cal == "jalali":
        v["jalali"] = f"{year:04d}"
    elif cal == "hijri":
        v["hijri"] = f"{year:04d}"
    v["start"], v["end"] = r[0].isoformat(), r2[1].isoformat()
    v["resolved"] = True
    return v


def _partial(v: dict[str, Any], spec: DateSpec) -> dict[str, Any]:
    v["inferred"] = False
    if spec.month is not None:
        v["month"] = spec.month
    if spec.day is not None:
        v["day"] = spec.day
    return v


def _resolve_relative(spec: DateSpec, ref: _dt.date | None, v: dict[str, Any]) -> None:
    if ref is None or spec.relative is None:
        return
    unit, off = spec.relative
    if spec.hours is not None:
        days = max(1, -(-spec.hours // 24))
        if off < 0:
            a, b = ref - _dt.timedelta(days=days), ref
        else:
            a, b = ref, ref + _dt.timedelta(days=days)
        v["start"], v["end"] = a.isoformat(), b.isoformat()
        v["resolved"] = True
        return
    if unit == "day":
        _fill_day(v, ref + _dt.timedelta(days=off), "gregorian")
        return
    if unit == "week":
        a, b = week_range(ref + _dt.timedelta(days=7 * off))
        v["start"], v["end"] = a.isoformat(), b.isoformat()
        v["resolved"] = True
        return
    jy, jm, _ = gregorian_to_jalali(ref)
    if unit == "month":
        y, m = add_months("jalali", jy, jm, off)
        r = month_range("jalali", y, m)
        v["jalali"] = f"{y:04d}-{m:02d}"
    else:
        y = jy + off
        r = year_range("jalali", y)
        v["jalali"] = f"{y:04d}"
    if r is not None:
        v["start"], v["end"] = r[0].isoformat(), r[1].isoformat()
        v["resolved"] = True
