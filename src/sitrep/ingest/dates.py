"""Article dates written as text: metadata values, "Updated 14 March 2022" lines, datelines.

This is the reader's small date grammar for *publication* dates (absolute dates, or a month and
day whose year comes from context). Relative expressions are the temporal tagger's job.
Month and weekday names live in ``data/ingest/dates.yaml``.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from ..resources import load_yaml, require

DATES_FILE = "ingest/dates.yaml"
MIN_YEAR, MAX_YEAR = 1900, 2100
_POLICIES = ("day_first", "month_first", "none")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text; ``year`` is None for a month and day alone ("May 3")."""

    year: int | None
    month: int
    day: int
    start: int
    end: int

    def resolve(self, year: int | None = None) -> date | None:
        y = self.year if self.year is not None else year
        if y is None:
            return None
        return make_date(y, self.month, self.day)


@dataclass(frozen=True, slots=True)
class DateGrammar:
    months: dict[str, int]
    full: re.Pattern[str]
    month_day: re.Pattern[str]
    numeric_policy: str


def make_date(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


@cache
def grammar() -> DateGrammar:
    data = load_yaml(DATES_FILE)
    require(isinstance(data, dict), DATES_FILE, "top level", "must be a mapping")
    require(data.get("version") == 1, DATES_FILE, "version", "unsupported version (expected 1)")
    policy = data.get("numeric_policy")
    require(policy in _POLICIES, DATES_FILE, "numeric_policy", f"must be one of {_POLICIES}")
    months: dict[str, int] = {}
    raw_months = data.get("months")
    require(isinstance(raw_months, dict), DATES_FILE, "months", "must map 1..12 to lists of names")
    for number, names in raw_months.items():
        require(isinstance(number, int) and 1 <= number <= 12, DATES_FILE, number, "month must be 1..12")
        require(isinstance(names, list) and bool(names), DATES_FILE, number, "needs a list of names")
        for name in names:
            require(isinstance(name, str) and name.isalpha(), DATES_FILE, name, "must be a word")
            months[name.lower()] = number
    require(len(set(months.values())) == 12, DATES_FILE, "months", "all twelve months are needed")
    weekdays = data.get("weekdays")
    require(isinstance(weekdays, list) and bool(weekdays), DATES_FILE, "weekdays", "needs a list")
    for name in weekdays:
        require(isinstance(name, str) and name.isalpha(), DATES_FILE, name, "must be a word")
    month = _alternation(months) + r"\.?"
    weekday = r"(?:(?:" + _alternation(weekdays) + r")\.?,?\s+)?"
    day = r"([0-3]?\d)(?:st|nd|rd|th)?"
    full = (
        rf"\b{weekday}(?:{day}\s+(?:of\s+)?({month}),?\s+(\d{{4}})"  # 14 March 2022
        rf"|({month})\s+{day},?\s+(\d{{4}})"  # March 14, 2022
        r"|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"  # 2022-03-14
        r"|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))\b"  # 14/03/2022
    )
    month_day = rf"\b(?:({month})\s+{day}|{day}\s+({month}))\b"
    return DateGrammar(
        months=months,
        full=re.compile(full, re.IGNORECASE),
        month_day=re.compile(month_day, re.IGNORECASE),
        numeric_policy=str(policy),
    )


def _alternation(words: object) -> str:
    names = sorted({str(w).lower() for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(map(re.escape, names)) + ")"


def _month(g: DateGrammar, name: str) -> int:
    return g.months[name.lower().rstrip(".")]


def search_date(text: str, pos: int = 0, endpos: int | None = None) -> DateMatch | None:
    """The first complete date (with a year) in ``text[pos:endpos]`` that is a real calendar day."""
    g = grammar()
    for m in g.full.finditer(text, pos, len(text) if endpos is None else endpos):
        found = _full_match(g, m)
        if found is not None:
            return found
    return None


def _full_match(g: DateGrammar, m: re.Match[str]) -> DateMatch | None:
    d1, m1, y1, m2, d2, y2, y3, m3, d3, a4, b4, y4 = m.groups()
    if y1:
        ymd = (int(y1), _month(g, m1), int(d1))
    elif y2:
        ymd = (int(y2), _month(g, m2), int(d2))
    elif y3:
        ymd = (int(y3), int(m3), int(d3))
    else:
        first, second = int(a4), int(b4)
        if first > 12 >= second:
            ymd = (int(y4), second, first)
        elif second > 12 >= first:
            ymd = (int(y4), first, second)
        elif g.numeric_policy == "day_first" or first == second:
            ymd = (int(y4), second, first)
        elif g.numeric_policy == "month_first":
            ymd = (int(y4), first, second)
        else:
            return None
    if make_date(*ymd) is None:
        return None
    return DateMatch(ymd[0], ymd[1], ymd[2], m.start(), m.end())


def search_month_day(text: str, pos: int = 0, endpos: int | None = None) -> DateMatch | None:
    """The first "May 3" / "3 May" in the range (year unknown)."""
    g = grammar()
    for m in g.month_day.finditer(text, pos, len(text) if endpos is None else endpos):
        m1, d1, d2, m2 = m.groups()
        month, day = (_month(g, m1), int(d1)) if m1 else (_month(g, m2), int(d2))
        if make_date(2000, month, day) is not None:  # 2000 is a leap year: Feb 29 is allowed
            return DateMatch(None, month, day, m.start(), m.end())
    return None


def parse_date(value: str) -> date | None:
    """A metadata date value: ISO 8601, RFC 2822, or a textual date; None when unreadable."""
    value = value.strip()
    if not value or len(value) > 200:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1) if len(value) > 10 else value)
    except ValueError:
        pass
    else:
        return make_date(parsed.year, parsed.month, parsed.day)
    if "," in value or value[:1].isalpha():
        try:
            stamp = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            pass
        else:
            return make_date(stamp.year, stamp.month, stamp.day)
    found = search_date(value)
    return found.resolve() if found else None


def year_near(month: int, day: int, anchor: date) -> date | None:
    """The date with this month and day closest to ``anchor`` (within half a year either way)."""
    best: date | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        candidate = make_date(year, month, day)
        if candidate is not None and (best is None or abs(candidate - anchor) < abs(best - anchor)):
            best = candidate
    return best
