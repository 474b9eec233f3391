"""Rules for explicit calendar expressions: dates, months, quarters, years, decades, seasons."""

from __future__ import annotations

from datetime import date, timedelta

from ..models import Timex
from . import calendar as cal
from .anchor import (
    pick_occurrence,
    year_for_day,
    year_for_month,
    year_for_quarter,
    year_for_season,
    year_on_or_before,
)
from .base import Atom, ResolverBase
from .lexicon import Holiday
from .numbers import duration_value, ordinal_value, parse_number


def _holiday_dates(rule: Holiday, years: range) -> list[tuple[date, date]]:
    """Occurrences of a holiday in ``years``: a lunar holiday's table, or computed year by year."""
    if rule.dates:
        return [o for o in rule.dates if o[0].year in years or o[1].year in years]
    out = []
    for year in years:
        if rule.easter is not None:
            day = cal.easter(year) + timedelta(days=rule.easter)
        elif rule.orthodox is not None:
            day = cal.orthodox_easter(year) + timedelta(days=rule.orthodox)
        elif rule.day is not None:
            assert rule.month is not None
            day = date(year, rule.month, rule.day)
        else:
            assert rule.month is not None and rule.weekday is not None and rule.nth is not None
            day = cal.nth_weekday(year, rule.month, rule.weekday, rule.nth, rule.after_day)
        out.append((day, day))
    return out


def _holiday_timex(rule: Holiday, first: date, last: date, week: str | None) -> Timex:
    if week:  # "Easter week", "the Eid weekend"
        return cal.period("weekend" if week.endswith("end") else "week", first)
    if rule.granularity == "month":  # Ramadan: the month holding its middle, over its exact days
        middle = first + (last - first) / 2
        return cal.replace(cal.period("month", middle), first=first, last=last)
    return cal.day_timex(first)


def _decade_timex(year: int) -> Timex:
    """A decade: "the 1990s" = 199, the year's first three digits (TimeML as scored in TempEval-3,
    which dropped the trailing X of older annotations)."""
    return cal.period("decade", date(year, 1, 1))


class DateRules(ResolverBase):
    """Handlers for the explicit-date pattern families (see :mod:`.patterns`)."""

    def _iso(self, a: Atom) -> Timex:
        d = date(int(a.g["y"]), int(a.g["m"]), int(a.g["d"]))
        if "hh" in a.g:
            return Timex("TIME", f"{d.isoformat()}T{a.g['hh']}:{a.g['mm']}", d, d, "day")
        return cal.day_timex(d)

    def _numeric(self, a: Atom) -> Timex:
        if "y2" in a.g:
            return cal.day_timex(date(int(a.g["y2"]), int(a.g["m2"]), int(a.g["d2"])))
        first, second, y = int(a.g["a"]), int(a.g["b"]), int(a.g["y"])
        if len(a.g["y"]) == 2:
            y += 1900 if y >= 50 else 2000
        # Dots are European (day.month.year); slashes are US (month/day/year) unless the first
        # number cannot be a month.
        if a.g["sep"] == "." or first > 12:
            first, second = second, first
        return cal.day_timex(date(y, first, second))

    def _day_month(self, a: Atom) -> Timex | None:
        month = self.month(a.g["mon"])
        day = ordinal_value(a.g["day"], self.lex)
        if month is None or day is None or not 1 <= day <= 31:
            return None
        year = self.year(a.g.get("y"))
        if year is None:
            if self.dct is None:
                return Timex("DATE", f"XXXX-{month:02d}-{day:02d}", anchored=False)
            weekday = a.g.get("wd")
            year = self._year_by_weekday(month, day, weekday) if weekday else None
            if year is None and self.after_origin(a):
                year = year_on_or_before(self.anchor, month, day)
            if year is None:
                year = self.by_tense(a, lambda t: year_for_day(self.anchor, month, day, t))
        return cal.day_timex(date(year, month, day))

    def _year_by_weekday(self, month: int, day: int, weekday: str) -> int | None:
        wd = self.lex.weekdays.get(weekday) or self.lex.weekday_abbrevs.get(weekday.rstrip("."))
        for year in (self.anchor.year, self.anchor.year - 1, self.anchor.year + 1):
            try:
                if date(year, month, day).isoweekday() == wd:
                    return year
            except ValueError:
                continue
        return None

    _mdy = _day_month
    _dmy = _day_month

    def _my(self, a: Atom) -> Timex | None:
        month = self.month(a.g["mon"])
        year = self.year(a.g.get("y") or a.g.get("sy") or ("'" + a.g["yy"] if "yy" in a.g else None))
        if month is None or year is None:
            return None
        return cal.period("month", date(year, month, 1))

    def _holiday(self, a: Atom) -> Timex | None:
        phrase = " ".join(a.g["h"].split())
        rule = self.lex.holidays.get(phrase) or self._holiday_rule(phrase)
        if rule is None:
            return None
        week = a.g.get("hw")
        year = self.year(a.g.get("y"))
        if year is not None:
            found = _holiday_dates(rule, range(year, year + 1))
            # a period straddling two years belongs to the one holding its middle
            found.sort(key=lambda o: (o[0] + (o[1] - o[0]) / 2).year != year)
            return _holiday_timex(rule, *found[0], week) if found else None
        anchor = self.anchor
        direction = self.lex.direction.get(a.g.get("dir", ""), 0)
        occurrences = _holiday_dates(rule, range(anchor.year - 1, anchor.year + 2))
        picked = self.by_tense(a, lambda t: pick_occurrence(occurrences, anchor, t, direction))
        return _holiday_timex(rule, *picked, week) if picked else None

    def _holiday_rule(self, phrase: str) -> Holiday | None:
        """The holiday spelled ``phrase`` with or without its apostrophe ("new years day")."""
        key = phrase.replace("'", "")
        return next((rule for name, rule in self.lex.holidays.items() if name.replace("'", "") == key), None)

    def _quarter(self, a: Atom) -> Timex | None:
        if "qn" in a.g:
            q, unit = int(a.g["qn"]), "quarter"
        else:
            unit = a.g["unit"]
            n = ordinal_value(a.g["ord"], self.lex)
            if n is None:
                return None
            q = (4 if unit == "quarter" else 2) if n in (-1,) or a.g["ord"] == "final" else n
        if not 1 <= q <= (4 if unit == "quarter" else 2):
            return None
        year = self.year(a.g.get("y1") or a.g.get("y2") or a.g.get("y3"))
        relative = a.g.get("rel") or " ".join(a.g.get("rel2", "").split())
        if year is None and relative in self.lex.direction:  # "last year's", "of next year"
            year = self.anchor.year + self.lex.direction[relative]
        if year is None:
            quarter = q if unit == "quarter" else 2 * q - 1
            year = self.by_tense(a, lambda t: year_for_quarter(self.anchor, quarter, t))
            if "year_before" in self._qualifier_roles(a.g.get("q1", "")):
                year -= 1
        month = 3 * q - 2 if unit == "quarter" else 6 * q - 5
        return cal.period("quarter" if unit == "quarter" else "half", date(year, month, 1))

    def _qualifier_roles(self, qual: str) -> set[str]:
        """Roles of the period qualifiers in ``qual`` ("the comparable year-ago" -> topic, year_before)."""
        if not qual:
            return set()
        qual = " " + " ".join(qual.replace("-", " - ").split()).replace(" - ", "-") + " "
        return {role for word, role in self.lex.period_qualifiers.items() if f" {word} " in qual}

    def _qref(self, a: Atom) -> Timex | None:
        qual = " ".join((a.g.get("q") or a.g.get("q2") or "").split())
        unit = " ".join(a.g["unit"].split())
        if unit in ("nine months", "six months", "three months"):
            return Timex(
                "DURATION", duration_value(parse_number(unit.split()[0], self.lex), self.lex.units["months"])
            )
        roles = self._qualifier_roles(qual)
        ago = "year_before" in roles
        gran = {"fiscal year": "year", "period": "quarter"}.get(unit, unit)
        if "current" in roles:
            day = self.anchor
        elif "previous" in roles or "latest" in roles:
            day = cal.shift(self.anchor, -1, gran)
        elif gran == "quarter":
            day = self._latest_quarter(a.start)
        else:
            day = self.focus_day(gran)
        if "y" in a.g:
            day = day.replace(year=int(a.g["y"]), day=1)
        if ago:
            day = cal.shift(day, -1, "year")
            a.nofocus = True
        return cal.period(gran, day)

    def _year(self, a: Atom) -> Timex | None:
        year: int | None
        if "yy" in a.g:
            year = self.year("'" + a.g["yy"])
        else:
            year = self.year(a.g.get("y") or a.g.get("sy") or a.g.get("sy2"))
        if year is None or not 1 <= year <= 9999:
            return None
        return cal.period("year", date(year, 1, 1))

    def _decade(self, a: Atom) -> Timex | None:
        if "dw" in a.g:
            return _decade_timex(1900 + self.lex.decades[a.g["dw"].split()[-1]] * 10)
        if "d2" in a.g:
            century = (
                19 if self.dct is None or int(a.g["d2"]) * 10 > self.dct.year % 100 else self.dct.year // 100
            )
            return _decade_timex(century * 100 + int(a.g["d2"]) * 10)
        return _decade_timex(int(a.g["c"]) * 100 + int(a.g["d"]) * 10)

    def _century(self, a: Atom) -> Timex | None:
        n = int(a.g["n"]) if "n" in a.g else ordinal_value(a.g["w"], self.lex)
        if n is None or not 1 <= n <= 99:
            return None
        return cal.period("century", date(max((n - 1) * 100, 1), 1, 1))

    def _season(self, a: Atom) -> Timex:
        code = self.lex.seasons[a.g["s"]]
        year = self.year(a.g.get("y"))
        if year is None:
            year = self.by_tense(a, lambda t: year_for_season(self.anchor, code, t))
        first = cal.season_start(year, code)
        return cal.replace(cal.period("season", first), value=f"{year:04d}-{code}")

    def _month(self, a: Atom) -> Timex | None:
        month = self.month(a.g["mon"])
        if month is None:
            return None
        if self.dct is None:
            return Timex("DATE", f"XXXX-{month:02d}", anchored=False)
        if self.after_origin(a):
            year = year_on_or_before(self.anchor, month)
        else:
            year = self.by_tense(a, lambda t: year_for_month(self.anchor, month, t))
        return cal.period("month", date(year, month, 1))

    _mdy = _day_month
    _dmy = _day_month
