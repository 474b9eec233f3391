"""Rules for expressions relative to the anchor or the focus: weekdays, "last week", "two
years ago", "the next day", parts of the day and clock times."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..models import Timex
from . import calendar as cal
from .anchor import weekday_near, year_for_month, year_for_season
from .base import Atom, ResolverBase
from .numbers import duration_value, parse_number
from .tense import FUTURE, NONE, PAST

_GRAN_OF_UNIT = {
    "day": "day",
    "night": "day",
    "week": "week",
    "fortnight": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "year",
    "century": "year",
    "millennium": "year",
    "hour": "day",
    "minute": "day",
    "second": "day",
}
_SHIFT_OF_UNIT = {
    "night": ("day", 1),
    "fortnight": ("week", 2),
    "decade": ("year", 10),
    "century": ("year", 100),
    "millennium": ("year", 1000),
    "hour": ("day", 0),
    "minute": ("day", 0),
    "second": ("day", 0),
}

_ENDED_ON = re.compile(r"\s+(?:ended|ending)\s+(?P<mon>[a-z]+)\.?\s+(?P<day>[0-9]{1,2})(?![0-9])")
_COMPARABLE = frozenset({"day", "week", "month", "quarter", "season", "year"})


class RelativeRules(ResolverBase):
    """Handlers for the relative pattern families (see :mod:`.patterns`)."""

    def _ago(self, a: Atom) -> Timex | None:
        amount = parse_number(a.g["n"] + (a.g.get("frac") or ""), self.lex)
        unit = self.lex.units[a.g["unit"]]
        offset = self.lex.offsets[" ".join(a.g["dir"].split())]
        sign = offset.sign
        signal = unit.name in offset.signal
        if signal:  # "three days later": TimeML tags the duration; "later" is a signal
            a.end = len(self.folded[: a.end - len(a.g["dir"])].rstrip())
        if amount is None:
            if signal:
                return Timex("DURATION", duration_value(None, unit))
            return Timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        topic = self._topic_quarter(a.start)
        if unit.name == "year" and not signal and topic is not None and topic.first is not None:
            # "profit rose in the third quarter from a year earlier": the same quarter a year before
            return cal.period("quarter", cal.shift(topic.first, sign * int(amount), "year"))
        base = self.focus_day("day") if offset.from_focus else self.anchor
        step_unit, factor = _SHIFT_OF_UNIT.get(unit.name, (unit.name, 1))
        steps = int(amount * factor) if factor else 0
        if amount != int(amount) and unit.name in ("year", "month"):
            step_unit, steps = "month", round(amount * (12 if unit.name == "year" else 1))
        timex = cal.period(_GRAN_OF_UNIT[unit.name], cal.shift(base, sign * steps, step_unit))
        if signal:  # a duration, still placed on the calendar for event dating
            return cal.replace(timex, type="DURATION", value=duration_value(amount, unit))
        return timex

    def _relunit(self, a: Atom) -> Timex | None:
        direction = self.lex.direction[" ".join(a.g["dir"].split())]
        unit = a.g["unit"].replace("-", "").replace("weekend", "weekend")
        if unit in self.lex.weekdays:
            dirword = a.g["dir"]
            base = self.focus_day("day") if dirword in ("previous", "following", "preceding") else self.anchor
            wd = self.lex.weekdays[unit]
            return cal.day_timex(self.by_tense(a, lambda t: weekday_near(base, wd, t, direction)))
        if unit in self.lex.months:
            month = self.lex.months[unit]
            year = self.anchor.year if direction == 0 else year_for_month(self.anchor, month, NONE, direction)
            return cal.period("month", date(year, month, 1))
        if unit in self.lex.seasons:
            code = self.lex.seasons[unit]
            year = self.by_tense(
                a,
                lambda t: year_for_season(
                    self.anchor, code, t if direction or t == PAST else FUTURE, direction
                ),
            )
            return Timex(
                "DATE",
                f"{year:04d}-{code}",
                cal.season_start(year, code),
                cal.period("season", cal.season_start(year, code)).last,
                "season",
            )
        if a.g["dir"] == "same":
            return cal.period(unit if unit != "weekend" else "weekend", self.focus_day())
        if unit in ("decade", "century") and a.g["dir"] in ("past", "last") and a.g["dir"] == "past":
            return Timex("DURATION", "P10Y" if unit == "decade" else "P100Y")
        if unit == "weekend":
            return cal.period("weekend", cal.shift(self.anchor, direction, "week"))
        base = self.anchor
        if a.g["dir"] in ("previous", "following", "preceding"):
            base = self.focus_day()
        return cal.period(unit, cal.shift(base, direction, unit))

    def _monthrel(self, a: Atom) -> Timex | None:
        year = self.anchor.year + self.lex.direction[a.g["dir"]]
        word = a.g["mon"]
        if word in self.lex.seasons:
            code = self.lex.seasons[word]
            first = cal.season_start(year, code)
            return cal.replace(cal.period("season", first), value=f"{year:04d}-{code}")
        month = self.month(word)
        return cal.period("month", date(year, month, 1)) if month else None

    def _weekday(self, a: Atom) -> Timex | None:
        word = a.g["wd"]
        if word.endswith("days") and word not in self.lex.weekdays:
            wd = self.lex.weekdays.get(word[:-1])
            return Timex("SET", f"XXXX-WXX-{wd}", quant="EVERY", freq="1W") if wd else None
        wd = self.lex.weekdays[word]
        dirword = a.g.get("dir")
        dirword = " ".join(dirword.split()) if dirword else ""
        if self.dct is None:
            return Timex("DATE", f"XXXX-WXX-{wd}", anchored=False)
        direction = self.lex.direction.get(dirword, 0)
        base = self.focus_day("day") if dirword in ("previous", "following", "preceding") else self.anchor
        # Only a bare weekday other than the anchor's own day depends on the tense (see by_tense);
        # a possessive one names the day of a known event ("Wednesday's ruling"): the latest.
        possessive = self.folded.startswith("'s", a.end)
        tense = self.tense(a) if direction == 0 and base.isoweekday() != wd and not possessive else NONE
        return cal.day_timex(weekday_near(base, wd, tense, direction))

    def _deictic(self, a: Atom) -> Timex:
        entry = self.lex.deictic[" ".join(a.g["w"].split())]
        timex = cal.day_timex(self.anchor + timedelta(days=entry.offset))
        if entry.part and not a.pod:
            a.pod = next((w for w, p in self.lex.parts_of_day.items() if p.code == entry.part), None)
        return timex

    def _anaphor(self, a: Atom) -> Timex:
        entry = self.lex.anaphora[" ".join(a.g["w"].split())]
        if entry.unit == "focus":
            f = self.focus
            return f if f is not None else cal.day_timex(self.anchor)
        day = cal.shift(self.focus_day(), entry.offset, entry.unit)
        if entry.part and not a.pod:
            a.pod = next((w for w, p in self.lex.parts_of_day.items() if p.code == entry.part), None)
        return cal.period(entry.unit, day)

    def _podrel(self, a: Atom) -> Timex | None:
        if "over" in a.g:
            day = self.anchor - timedelta(days=1)
            return Timex("TIME", f"{day.isoformat()}TNI", day, day, "day")
        code = self.lex.parts_of_day[a.g.get("pod") or a.g["bare"]].code
        word = a.g.get("dir", "the")
        offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(word, 0)
        day = self.focus_day("day") if word in ("the", "early", "late", "mid") else self.anchor
        day = day + timedelta(days=offset)
        if word == "last" and code != "NI":
            return None
        return Timex("TIME", f"{day.isoformat()}T{code}", day, day, "day")

    def _clock_parts(self, a: Atom) -> tuple[int, int]:
        g = a.g
        if "w" in g:
            hour = self.lex.parts_of_day[" ".join(g["w"].split())].hour or 0
            return hour, 0
        for suffix in ("", "2", "3", "4"):
            if "h" + suffix in g:
                hour, minute = int(g["h" + suffix]), int(g.get("m" + suffix) or 0)
                break
        ap = g.get("ap", "").replace(".", "").replace(" ", "")
        pod = g.get("pod4")
        if (
            ap == "pm" or pod in ("afternoon", "evening", "night") or "night" in a.g.get("h4", "")
        ) and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        return hour, minute

    def _clock(self, a: Atom) -> Timex:
        hour, minute = self._clock_parts(a)
        day = self.focus_day("day") if self.dct is not None else None
        if day is None:
            return Timex("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", anchored=False)
        return Timex("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", day, day, "day")

    def _theunit(self, a: Atom) -> Timex | None:
        unit = a.g["unit"].replace("-", "")
        if "ended" in a.g:
            if unit == "quarter":
                return cal.period("quarter", self._quarter_ending(a))
            # "the year ended March 31": a fiscal period, as long as the unit
            return Timex("DURATION", duration_value(1, self.lex.units[unit]))
        if unit == "weekend":
            anchor = self.anchor
            if anchor.isoweekday() >= 6:
                day = anchor
            else:
                day = anchor if self.tense(a) == FUTURE else anchor - timedelta(days=7)
            return cal.period("weekend", day)
        if unit == "quarter":
            return cal.period("quarter", self._latest_quarter(a.start))
        if unit == "day":
            return cal.period(unit, self.focus_day())
        return cal.period(unit, self.anchor)

    def _quarter_ending(self, a: Atom) -> date:
        """A day in "the quarter ended Sept. 30": the calendar quarter holding the period's middle."""
        m = _ENDED_ON.match(self.folded, a.end)
        month = self.month(m.group("mon")) if m else None
        if m is None or month is None:
            return self._latest_quarter(a.start)
        day = min(int(m.group("day")), 28)
        year = year_for_month(self.anchor, month, PAST)
        return date(year, month, day) - timedelta(days=45)

    def _yearadj(self, a: Atom) -> Timex:
        word = " ".join(a.g["w"].replace("-", " ").split())
        if word in ("year end", "year's end"):
            return cal.period("year", self.focus_day())
        f = self.focus
        if (
            f is not None
            and f.first is not None
            and f.granularity is not None
            and f.granularity in _COMPARABLE
        ):
            return cal.period(f.granularity, cal.shift(f.first, -1, "year"))
        return cal.period("year", cal.shift(self.anchor, -1, "year"))
