"""Normalisation: a recognised expression (an :class:`Atom`) becomes a TimeML :class:`Timex`.

Relative expressions are anchored on the article's date (``dct``) or, for anaphora ("the next
day", "a year earlier", "the quarter"), on the *focus*: the last date the text mentioned, as in
TimeML annotation practice. Underspecified ones take the tense of their clause into account
(:mod:`.anchor`). Without a ``dct`` relative expressions keep X placeholders and
``anchored=False``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ..models import Timex, TimexType
from . import calendar as cal
from .anchor import weekday_near, year_for_day, year_for_month, year_for_quarter, year_for_season
from .lexicon import Holiday, Lexicon
from .numbers import duration_value, ordinal_value, parse_number, spelled_year
from .tense import FUTURE, NONE, PAST, clause_tense

_GRAN_OF_UNIT = {"day": "day", "night": "day", "week": "week", "fortnight": "week", "month": "month",
                 "quarter": "quarter", "year": "year", "decade": "year", "century": "year",
                 "millennium": "year", "hour": "day", "minute": "day", "second": "day"}
_SHIFT_OF_UNIT = {"night": ("day", 1), "fortnight": ("week", 2), "decade": ("year", 10),
                  "century": ("year", 100), "millennium": ("year", 1000), "hour": ("day", 0),
                  "minute": ("day", 0), "second": ("day", 0)}
# Families whose value becomes the focus for later anaphora. Comparisons ("a year earlier",
# "year-ago", "the year-earlier quarter") point back from the focus and do not move it.
_FOCUS_SETTERS = frozenset({"iso", "numeric", "mdy", "dmy", "my", "holiday", "quarter", "year", "weekday",
                            "deictic", "relunit", "monthrel", "month", "season", "anaphor", "qref"})
TOPIC_REACH = 600  # characters after a quarter's mention within which it stays the report's topic
_FINER_THAN_YEAR = frozenset({"day", "week", "month", "quarter", "season"})


def _holiday_date(rule: Holiday, year: int) -> date:
    if rule.easter is not None:
        return cal.easter(year) + timedelta(days=rule.easter)
    assert rule.month is not None
    if rule.day is not None:
        return date(year, rule.month, rule.day)
    assert rule.weekday is not None and rule.nth is not None
    return cal.nth_weekday(year, rule.month, rule.weekday, rule.nth, rule.after_day)


def _decade(year: int) -> Timex:
    """A decade: "the 1990s" = 199X (TimeML writes the unknown year digit as X)."""
    timex = cal.period("decade", date(year, 1, 1))
    return replace(timex, value=timex.value + "X")


class NoAnchor(Exception):
    """A relative expression met a text without an anchor date."""


@dataclass(slots=True)
class Atom:
    """One recognised expression before normalisation."""

    start: int
    end: int
    family: str
    g: dict[str, str]
    approx: str | None = None
    pos: str | None = None
    pod: str | None = None
    clock: Atom | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _unanchored(atom: Atom) -> Timex:
    fam = atom.family
    if fam in ("clock", "podrel"):
        return Timex("TIME", "XXXX-XX-XX", anchored=False)
    if fam in ("span", "recent"):
        return Timex("DURATION", "PXX", anchored=False)
    return Timex("DATE", "XXXX-XX-XX", anchored=False)


class Resolver:
    """Turns atoms into Timex values, in document order (the focus moves along the text)."""

    def __init__(self, lex: Lexicon, folded: str, dct: date | None) -> None:
        self.lex = lex
        self.folded = folded
        self.dct = dct
        self.focus: Timex | None = None
        self.last_quarter: tuple[Timex, int] | None = None  # the last quarter mentioned, and where

    # -- helpers ---------------------------------------------------------------------------
    @property
    def anchor(self) -> date:
        if self.dct is None:
            raise NoAnchor
        return self.dct

    def tense(self, atom: Atom) -> int:
        return clause_tense(self.folded, atom.start, atom.end)

    def focus_day(self, gran: str | None = None) -> date:
        """A day inside the focus (of granularity ``gran`` or finer), else the anchor."""
        f = self.focus
        if f is not None and f.first is not None and (gran is None or f.granularity == gran):
            return f.first
        return self.anchor

    def month(self, word: str) -> int | None:
        word = word.rstrip(".")
        return self.lex.months.get(word) or self.lex.month_abbrevs.get(word)

    def year(self, text: str | None) -> int | None:
        if not text:
            return None
        text = text.strip()
        if text.startswith("'"):
            yy = int(text[1:])
            century = (self.dct.year // 100) * 100 if self.dct else 1900
            year = century + yy
            return year - 100 if self.dct and year > self.dct.year + 10 else year
        if text.isdigit():
            return int(text)
        return spelled_year(text, self.lex)

    # -- entry point -----------------------------------------------------------------------
    def resolve(self, atom: Atom) -> Timex | None:
        handler = getattr(self, "_" + atom.family)
        try:
            timex: Timex | None = handler(atom)
        except NoAnchor:
            return _unanchored(atom)
        except (ValueError, cal.CalendarOverflow):
            return None  # an impossible date such as "February 30"
        if timex is None:
            return None
        timex = self._attach(atom, timex)
        if atom.family in _FOCUS_SETTERS and timex.type in ("DATE", "TIME") and timex.first is not None \
                and "nofocus" not in atom.extra:
            self.focus = timex
            if timex.granularity == "quarter":
                self.last_quarter = (timex, atom.end)
        return timex

    def _attach(self, atom: Atom, timex: Timex) -> Timex:
        if atom.pos and timex.type == "DATE" and timex.first is not None:
            words = atom.pos.split()
            if words[0] == "the" and " ".join(words) not in self.lex.position:
                words = words[1:]
            mod = self.lex.position.get(" ".join(words).rstrip("-").strip())
            if mod in ("H1", "H2") and timex.granularity == "year":
                half = cal.period("half", date(timex.first.year, 1 if mod == "H1" else 7, 1))
                timex = half
            elif mod:
                timex = replace(timex, mod=mod)
        if atom.approx:
            timex = replace(timex, mod=self.lex.approximators.get(" ".join(atom.approx.split())))
        day = timex.first if timex.granularity == "day" else None
        if atom.clock is not None and day is not None:
            hour, minute = self._clock_parts(atom.clock)
            timex = replace(timex, type="TIME", value=f"{day.isoformat()}T{hour:02d}:{minute:02d}")
        elif atom.pod and day is not None:
            code = self.lex.parts_of_day[atom.pod].code
            timex = replace(timex, type="TIME", value=f"{day.isoformat()}T{code}")
        return timex

    # -- explicit calendar dates -----------------------------------------------------------
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
            if year is None:
                year = year_for_day(self.anchor, month, day, self.tense(a))
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
        rule = self._holiday_rule(a.g["h"])
        if rule is None:
            return None
        year = self.year(a.g.get("y"))
        if year is not None:
            return cal.day_timex(_holiday_date(rule, year))
        anchor = self.anchor
        direction = self.lex.direction.get(a.g.get("dir", ""), 0)
        tense = self.tense(a)
        day = _holiday_date(rule, anchor.year)
        if day > anchor and (direction < 0 or (direction == 0 and tense != FUTURE)):
            day = _holiday_date(rule, anchor.year - 1)
        elif day < anchor and (direction > 0 or tense == FUTURE):
            day = _holiday_date(rule, anchor.year + 1)
        return cal.day_timex(day)

    def _holiday_rule(self, phrase: str) -> Holiday | None:
        key = " ".join(phrase.split()).replace("'", "")
        for name, rule in self.lex.holidays.items():
            if name.replace("'", "") == key:
                return rule
        return None

    # -- quarters, halves, financial periods --------------------------------------------
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
        if year is None and "rel" in a.g:
            year = self.anchor.year + self.lex.direction[a.g["rel"]]
        if year is None:
            quarter = q if unit == "quarter" else 2 * q - 1
            year = year_for_quarter(self.anchor, quarter, self.tense(a))
            if any(w in a.g.get("q1", "") for w in ("year-earlier", "year-ago", "prior-year", "year earlier")):
                year -= 1
        month = 3 * q - 2 if unit == "quarter" else 6 * q - 5
        return cal.period("quarter" if unit == "quarter" else "half", date(year, month, 1))

    def _topic_quarter(self, at: int) -> Timex | None:
        """The quarter a financial report is about: one mentioned in the last few sentences."""
        if self.last_quarter is None:
            return None
        timex, end = self.last_quarter
        return timex if at - end <= TOPIC_REACH else None

    def _latest_quarter(self, at: int | None = None) -> date:
        """The quarter under discussion, else the last completed one."""
        topic = self._topic_quarter(at) if at is not None else None
        if topic is not None and topic.first is not None:
            return topic.first
        return cal.shift(self.anchor, -1, "quarter")

    def _qref(self, a: Atom) -> Timex | None:
        qual = " ".join((a.g.get("q") or a.g.get("q2") or "").split())
        unit = " ".join(a.g["unit"].split())
        if unit in ("nine months", "six months", "three months"):
            return Timex("DURATION", duration_value(parse_number(unit.split()[0], self.lex),
                                                    self.lex.units["months"]))
        ago = any(w in qual for w in ("year-earlier", "year-ago", "year earlier", "year ago", "prior-year"))
        gran = {"fiscal year": "year", "period": "quarter"}.get(unit, unit)
        if any(w in qual for w in ("current", "full", "whole", "entire")):
            day = self.anchor
        elif any(w in qual for w in ("previous", "prior ", "latest", "recent", "just")):
            day = cal.shift(self.anchor, -1, gran)
        elif gran == "quarter":
            day = self._latest_quarter(a.start)
        else:
            day = self.focus_day(gran)
        if "y" in a.g:
            day = day.replace(year=int(a.g["y"]), day=1)
        if ago:
            day = cal.shift(day, -1, "year")
            a.extra["nofocus"] = "1"
        return cal.period(gran, day)

    # -- relative to the anchor ----------------------------------------------------------
    def _ago(self, a: Atom) -> Timex | None:
        amount = parse_number(a.g["n"] + (a.g.get("frac") or ""), self.lex)
        unit = self.lex.units[a.g["unit"]]
        word = a.g["dir"].split()[0]
        sign = -1 if word in ("ago", "earlier", "before", "back", "previously", "prior") else 1
        if amount is None:
            return Timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        from_focus = word in ("earlier", "later", "before", "after", "previously", "prior")
        topic = self._topic_quarter(a.start)
        if unit.name == "year" and topic is not None and topic.first is not None:
            # "profit rose in the third quarter from a year earlier": the same quarter a year before
            return cal.period("quarter", cal.shift(topic.first, sign * int(amount), "year"))
        base = self.focus_day("day") if from_focus else self.anchor
        step_unit, factor = _SHIFT_OF_UNIT.get(unit.name, (unit.name, 1))
        steps = int(amount * factor) if factor else 0
        if amount != int(amount) and unit.name in ("year", "month"):
            step_unit, steps = "month", round(amount * (12 if unit.name == "year" else 1))
        return cal.period(_GRAN_OF_UNIT[unit.name], cal.shift(base, sign * steps, step_unit))

    def _relunit(self, a: Atom) -> Timex | None:
        direction = self.lex.direction[" ".join(a.g["dir"].split())]
        unit = a.g["unit"].replace("-", "").replace("weekend", "weekend")
        if unit in self.lex.weekdays:
            dirword = a.g["dir"]
            base = self.focus_day("day") if dirword in ("previous", "following", "preceding") else self.anchor
            return cal.day_timex(weekday_near(base, self.lex.weekdays[unit], self.tense(a), direction))
        if unit in self.lex.months:
            month = self.lex.months[unit]
            year = self.anchor.year if direction == 0 else year_for_month(self.anchor, month, NONE, direction)
            return cal.period("month", date(year, month, 1))
        if unit in self.lex.seasons:
            code = self.lex.seasons[unit]
            tense = self.tense(a)
            year = year_for_season(self.anchor, code, tense if direction or tense == PAST else FUTURE, direction)
            return Timex("DATE", f"{year:04d}-{code}", cal.season_start(year, code),
                         cal.period("season", cal.season_start(year, code)).last, "season")
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
            return replace(cal.period("season", first), value=f"{year:04d}-{code}")
        month = self.month(word)
        return cal.period("month", date(year, month, 1)) if month else None

    def _weekday(self, a: Atom) -> Timex | None:
        word = a.g["wd"]
        if word.endswith("days") and word not in self.lex.weekdays:
            wd = self.lex.weekdays.get(word[:-1])
            return Timex("SET", f"XXXX-WXX-{wd}", quant="EVERY", freq="1W") if wd else None
        wd = self.lex.weekdays[word]
        dirword = " ".join(a.g.get("dir", "").split())
        if self.dct is None:
            return Timex("DATE", f"XXXX-WXX-{wd}", anchored=False)
        direction = self.lex.direction.get(dirword, 0)
        base = self.focus_day("day") if dirword in ("previous", "following", "preceding") else self.anchor
        return cal.day_timex(weekday_near(base, wd, self.tense(a), direction))

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
        code = self.lex.parts_of_day[a.g["pod"]].code
        word = a.g["dir"]
        offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(word, 0)
        day = (self.focus_day("day") if word in ("the", "early", "late", "mid") else self.anchor)
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
        if (ap == "pm" or pod in ("afternoon", "evening", "night") or "night" in a.g.get("h4", "")) and hour < 12:
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

    # -- years, decades, centuries, seasons, months -------------------------------------
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
            words = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
            digit = words.index(a.g["dw"].split()[-1]) + 2
            return _decade(1900 + digit * 10)
        if "d2" in a.g:
            century = 19 if self.dct is None or int(a.g["d2"]) * 10 > self.dct.year % 100 else self.dct.year // 100
            return _decade(century * 100 + int(a.g["d2"]) * 10)
        return _decade(int(a.g["c"]) * 100 + int(a.g["d"]) * 10)

    def _century(self, a: Atom) -> Timex | None:
        n = int(a.g["n"]) if "n" in a.g else ordinal_value(a.g["w"], self.lex)
        if n is None or not 1 <= n <= 99:
            return None
        return cal.period("century", date(max((n - 1) * 100, 1), 1, 1))

    def _season(self, a: Atom) -> Timex:
        code = self.lex.seasons[a.g["s"]]
        year = self.year(a.g.get("y"))
        if year is None:
            year = year_for_season(self.anchor, code, self.tense(a))
        first = cal.season_start(year, code)
        return replace(cal.period("season", first), value=f"{year:04d}-{code}")

    def _month(self, a: Atom) -> Timex | None:
        month = self.month(a.g["mon"])
        if month is None:
            return None
        if self.dct is None:
            return Timex("DATE", f"XXXX-{month:02d}", anchored=False)
        year = year_for_month(self.anchor, month, self.tense(a))
        return cal.period("month", date(year, month, 1))

    def _theunit(self, a: Atom) -> Timex | None:
        unit = a.g["unit"].replace("-", "")
        if unit == "weekend":
            tense = self.tense(a)
            anchor = self.anchor
            day = anchor if tense == FUTURE or anchor.isoweekday() >= 6 else anchor - timedelta(days=7)
            return cal.period("weekend", day)
        if unit == "quarter":
            return cal.period("quarter", self._latest_quarter(a.start))
        if unit == "day":
            return cal.period(unit, self.focus_day())
        return cal.period(unit, self.anchor)

    def _yearadj(self, a: Atom) -> Timex:
        word = " ".join(a.g["w"].replace("-", " ").split())
        if word in ("year end", "year's end"):
            return cal.period("year", self.focus_day())
        f = self.focus
        if f is not None and f.first is not None and f.granularity in _FINER_THAN_YEAR | {"year"}:
            return cal.period(f.granularity, cal.shift(f.first, -1, "year"))
        return cal.period("year", cal.shift(self.anchor, -1, "year"))

    # -- durations, sets, references -----------------------------------------------------
    def _duration(self, a: Atom) -> Timex | None:
        unit = self.lex.units[a.g["unit"]]
        count = a.g["n"]
        amount = parse_number(count + (a.g.get("frac") or ""), self.lex)
        if a.g.get("frac") and amount is not None and count in self.lex.counts:
            amount = self.lex.counts[count] + 0.5
        kind: TimexType = "DURATION"
        if count in ("a", "an", "per") and not a.g.get("old"):
            before = self.folded[max(0, a.start - 24):a.start].rstrip()
            if before.endswith(("%", "percent", "cents", "cent", "dollars", "times", "once", "twice")) \
                    or (before[-1:].isdigit()):
                return Timex("SET", duration_value(1, unit), quant="EACH", freq="1X")
        return Timex(kind, duration_value(amount, unit))

    def _span(self, a: Atom) -> Timex:
        unit_word = a.g.get("unit") or a.g.get("unit2") or a.g.get("unit3") or ""
        unit = self.lex.units[unit_word]
        count = a.g.get("n") or a.g.get("n2")
        amount = parse_number(count, self.lex) if count else None
        return Timex("DURATION", duration_value(amount, unit))

    def _bare(self, a: Atom) -> Timex:
        return Timex("DURATION", duration_value(None, self.lex.units[a.g["unit"]]))

    def _recent(self, a: Atom) -> Timex:
        return Timex("DURATION", duration_value(None, self.lex.units[a.g["unit"]]))

    def _set(self, a: Atom) -> Timex | None:
        quant = "EVERY" if a.g.get("q") in (None, "every") else a.g["q"].upper()
        if "times" in a.g:
            times = a.g["times"].split()[0]
            n = {"once": 1, "twice": 2, "thrice": 3}.get(times) or parse_number(times, self.lex) or 1
            unit = self.lex.units[a.g["x2"]]
            return Timex("SET", duration_value(1, unit), quant=quant, freq=f"{int(n)}X")
        word = " ".join(a.g["x"].split())
        step = 2.0 if a.g.get("n") == "other" else (parse_number(a.g["n"], self.lex) if "n" in a.g else 1.0)
        if word in self.lex.units:
            return Timex("SET", duration_value(step, self.lex.units[word]), quant=quant)
        if word in self.lex.weekdays:
            return Timex("SET", f"XXXX-WXX-{self.lex.weekdays[word]}", quant=quant)
        if word in self.lex.months:
            return Timex("SET", f"XXXX-{self.lex.months[word]:02d}", quant=quant)
        if word in self.lex.seasons:
            return Timex("SET", f"XXXX-{self.lex.seasons[word]}", quant=quant)
        if word.replace("-", "") == "weekend":
            return Timex("SET", "XXXX-WXX-WE", quant=quant)
        code = self.lex.parts_of_day[word].code
        return Timex("SET", f"XXXX-XX-XXT{code}", quant=quant)

    def _freq(self, a: Atom) -> Timex:
        return Timex("SET", self.lex.frequency[a.g["w"]], quant="EVERY")

    def _ref(self, a: Atom) -> Timex:
        return Timex("DATE", self.lex.references[" ".join(a.g["w"].split())])


__all__ = ["FUTURE", "NONE", "PAST", "Atom", "NoAnchor", "Resolver"]
