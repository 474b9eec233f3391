"""Calendar arithmetic and TimeML values for periods (days, weeks, months, quarters, ...).

A *period* is a granularity plus a day inside it; :func:`period` turns one into a
:class:`~sitrep.models.Timex` with its TimeML value ("2022-W11", "2022-Q1", "2021-SU") and the first
and last calendar days it covers. :func:`shift` moves a day by a number of units, clamping the
day of the month ("31 January + 1 month" = 28/29 February).
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta
from functools import lru_cache
from operator import attrgetter
from typing import Any

from ..models import Granularity, Timex, TimexType

MIN_YEAR = 1
MAX_YEAR = 9999
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_OF_MONTH = {
    1: "WI",
    2: "WI",
    3: "SP",
    4: "SP",
    5: "SP",
    6: "SU",
    7: "SU",
    8: "SU",
    9: "FA",
    10: "FA",
    11: "FA",
    12: "WI",
}


_TIMEX_FIELDS = tuple(f.name for f in fields(Timex))


_TIMEX_VALUES = attrgetter(*_TIMEX_FIELDS)
_TIMEX_INDEX = {name: i for i, name in enumerate(_TIMEX_FIELDS)}


def replace(timex: Timex, **changes: Any) -> Timex:
    """``dataclasses.replace`` for a Timex, without its per-call introspection (a hot path)."""
    values = list(_TIMEX_VALUES(timex))
    for name, value in changes.items():
        values[_TIMEX_INDEX[name]] = value
    return Timex(*values)


class CalendarOverflow(ValueError):
    """A date arithmetic result fell outside years 1..9999."""


def month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CalendarOverflow(f"year {year} out of range")
    return date(year, month + 1, min(day.day, month_end(year, month + 1).day))


def shift(day: date, amount: int, unit: str) -> date:
    """``day`` moved by ``amount`` units (day, week, month, quarter, year, decade, century)."""
    try:
        if unit == "day":
            return day + timedelta(days=amount)
        if unit == "week":
            return day + timedelta(weeks=amount)
    except OverflowError as exc:
        raise CalendarOverflow(str(exc)) from exc
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, amount * months)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def season_of(day: date) -> str:
    return _SEASON_OF_MONTH[day.month]


def season_year(day: date) -> int:
    """The year a season is named after: January and February belong to the winter that began in
    the previous December ("1998-WI" runs from December 1998 to February 1999)."""
    return day.year if day.month not in {1, 2} else day.year - 1


def season_start(year: int, code: str) -> date:
    return date(year, _SEASON_START[code], 1)


def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Meeus/Jones/Butcher algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    gap = year // 100 - year // 400 - 2  # days between the calendars (13 in 1900-2099)
    return date(year, month, day + 1) + timedelta(days=gap)


def nth_weekday(year: int, month: int, weekday: int, nth: int, after_day: int = 0) -> date:
    """The ``nth`` ISO ``weekday`` of a month (negative: from the end), after day ``after_day``."""
    if nth > 0:
        first = date(year, month, after_day + 1)
        first += timedelta(days=(weekday - first.isoweekday()) % 7)
        return first + timedelta(weeks=nth - 1)
    last = month_end(year, month)
    last -= timedelta(days=(last.isoweekday() - weekday) % 7)
    return last + timedelta(weeks=nth + 1)


def _timex(kind: TimexType, value: str, first: date, last: date, gran: Granularity) -> Timex:
    return Timex(kind, value, first, last, gran)


# Periods remembered (a Timex is immutable, so one object can stand for every mention of a day)
CACHED_PERIODS = 4096


@lru_cache(maxsize=CACHED_PERIODS)
def day_timex(day: date, kind: TimexType = "DATE") -> Timex:
    return Timex(kind, day.isoformat(), day, day, "day")


@lru_cache(maxsize=CACHED_PERIODS)
def period(gran: str, day: date) -> Timex:
    """The TimeML DATE of the period of granularity ``gran`` that holds ``day``."""
    y = day.year
    if gran == "month":
        return Timex("DATE", f"{y:04d}-{day.month:02d}", day.replace(day=1), month_end(y, day.month), "month")
    if gran == "day":
        return Timex("DATE", day.isoformat(), day, day, "day")
    if gran == "week":
        iy, iw, wd = day.isocalendar()
        first = day - timedelta(days=wd - 1)
        return _timex("DATE", f"{iy:04d}-W{iw:02d}", first, first + timedelta(days=6), "week")
    if gran == "weekend":
        iy, iw, wd = day.isocalendar()
        first = day - timedelta(days=wd - 6)
        return _timex("DATE", f"{iy:04d}-W{iw:02d}-WE", first, first + timedelta(days=1), "week")
    if gran == "quarter":
        q = quarter_of(day)
        return _timex("DATE", f"{y:04d}-Q{q}", date(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter")
    if gran == "half":
        h = 1 if day.month <= 6 else 2
        return _timex("DATE", f"{y:04d}-H{h}", date(y, 6 * h - 5, 1), month_end(y, 6 * h), "year")
    if gran == "season":
        code, sy = season_of(day), season_year(day)
        first = season_start(sy, code)
        return _timex("DATE", f"{sy:04d}-{code}", first, month_end(*_plus_months(first, 2)), "season")
    if gran == "year":
        return _timex("DATE", f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year")
    if gran == "decade":
        d = y // 10
        return _timex("DATE", f"{d:03d}", date(max(d * 10, 1), 1, 1), date(d * 10 + 9, 12, 31), "decade")
    if gran == "century":
        c = y // 100
        return _timex("DATE", f"{c:02d}", date(max(c * 100, 1), 1, 1), date(c * 100 + 99, 12, 31), "century")
    raise ValueError(f"unknown granularity {gran!r}")


def _plus_months(first: date, months: int) -> tuple[int, int]:
    total = first.year * 12 + first.month - 1 + months
    return total // 12, total % 12 + 1
