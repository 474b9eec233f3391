"""Anchoring underspecified dates on a reference day, by tense.

News mostly reports the past: "Friday" in a past clause is the latest Friday on or before the
article's date, in a future clause the next one (at most six days away either way). Months,
seasons, quarters and year-less dates ("March 14") take the reference year, moved back a year
when that lands after the reference in a past clause, forward when it lands before it in a
future clause; with no cue they take the occurrence nearest to the reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from .calendar import quarter_of, season_of, season_year
from .tense import FUTURE, PAST

NEAR_MONTHS = 2
SEASONS = ("SP", "SU", "FA", "WI")  # in order within a season-year (winter ends it)


def weekday_near(anchor: date, weekday: int, tense: int, direction: int = 0) -> date:
    """The day with ISO ``weekday`` near ``anchor``.

    ``direction`` -1 ("last Friday") is strictly before, +1 ("next Friday") strictly after;
    0 follows the tense: on or before the anchor unless the clause is future.
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if direction < 0:
        return anchor - timedelta(days=back or 7)
    if direction > 0:
        return anchor + timedelta(days=ahead or 7)
    if tense == FUTURE:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def year_for_month(anchor: date, month: int, tense: int, direction: int = 0) -> int:
    """The year of the month ``month`` meant near ``anchor`` ("in March", "last March")."""
    y, m = anchor.year, anchor.month
    if direction < 0:
        return y if month < m else y - 1
    if direction > 0:
        return y if month > m else y + 1
    if month == m:
        return y
    ahead = (month - m) % 12
    # A month at most NEAR_MONTHS away stays on its side of the anchor whatever the tense: a past
    # clause naming next month is about a deadline ("was extended to Nov. 16").
    if tense == PAST and ahead <= NEAR_MONTHS:
        return y if month > m else y + 1
    if tense == FUTURE and 12 - ahead <= NEAR_MONTHS:
        return y if month < m else y - 1
    if tense == PAST:
        return y if month < m else y - 1
    if tense == FUTURE:
        return y if month > m else y + 1
    # No cue: the nearest occurrence, ties going to the past.
    return (y if month > m else y + 1) if ahead < 6 else (y if month < m else y - 1)


def year_on_or_before(anchor: date, month: int, day: int = 1) -> int:
    """The year in which the day ``month``/``day`` last fell on or before ``anchor`` ("since
    March": this March from March on, last March before)."""
    return anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1


def year_for_day(anchor: date, month: int, day: int, tense: int) -> int:
    """The year of a year-less date ("March 14"): decided at month level, like HeidelTime."""
    if month == anchor.month:
        return anchor.year
    return year_for_month(anchor, month, tense)


def year_for_quarter(anchor: date, quarter: int, tense: int) -> int:
    """The year of "the third quarter": the latest one begun, or the next one in a future clause.

    The quarter just completed stays in the past even in a future clause: companies "expect to
    report" it after it ends.
    """
    current = quarter_of(anchor)
    if quarter == current:
        return anchor.year
    just_completed = (current - quarter) % 4 == 1
    if tense == FUTURE and not just_completed:
        return anchor.year if quarter > current else anchor.year + 1
    return anchor.year if quarter < current else anchor.year - 1


def year_for_season(anchor: date, code: str, tense: int, direction: int = 0) -> int:
    """The year a season is named after ("last fall" in February 1998 = 1997-FA)."""
    order = {s: i for i, s in enumerate(SEASONS)}
    sy = season_year(anchor)
    current, index = order[season_of(anchor)], order[code]
    if direction < 0:
        return sy if index < current else sy - 1
    if direction > 0:
        return sy if index > current else sy + 1
    if index == current:
        return sy
    ahead = (index - current) % 4
    if tense == FUTURE or ahead == 1:  # the coming season, even in a past clause ("postponed until")
        return sy if index > current else sy + 1
    if tense == PAST:
        return sy if index < current else sy - 1
    return (sy if index > current else sy + 1) if ahead == 1 else (sy if index < current else sy - 1)


NEAR_HOLIDAY_DAYS = 14  # a holiday at most this far ahead is the one meant when no tense says otherwise
NEAR_HOLIDAY_PAST_DAYS = 7  # ... and this far ahead even in a past clause ("gathered ahead of Eid")


def pick_occurrence(
    occurrences: Sequence[tuple[date, date]], anchor: date, tense: int, direction: int = 0
) -> tuple[date, date] | None:
    """The occurrence of a recurring period (a holiday: first and last day, sorted) meant near
    ``anchor``: "last Ramadan" the latest one over, "next Eid" the first one to come; otherwise
    the one under way, else the coming one when the clause is future or it is only days away, else
    the latest one begun.
    """
    if direction < 0:
        return next((o for o in reversed(occurrences) if o[1] < anchor), None)
    coming = next((o for o in occurrences if o[0] > anchor), None)
    if direction > 0:
        return coming
    begun = next((o for o in reversed(occurrences) if o[0] <= anchor), None)
    if begun is not None and begun[1] >= anchor:
        return begun
    if coming is None or begun is None:
        return coming or begun
    ahead = (coming[0] - anchor).days
    if tense == FUTURE or ahead <= (NEAR_HOLIDAY_PAST_DAYS if tense == PAST else NEAR_HOLIDAY_DAYS):
        return coming
    return begun
