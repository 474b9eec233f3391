"""The temporal tagger's words, read from ``sitrep/data/temporal/*.yaml`` and validated once.

Everything the recogniser and the normaliser know about English time words lives in those files:
month and weekday names, seasons, parts of the day, holidays, number words, duration units,
deictic and anaphoric phrases, and tense cues. :func:`lexicon` parses and checks them on first use
(an invalid entry raises :class:`~sitrep.errors.DataFileError` naming the file and the entry) and
returns one immutable :class:`Lexicon` shared by every caller in the process.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from types import MappingProxyType
from typing import Any

from ..resources import load_yaml, require

CALENDAR = "temporal/calendar.yaml"
NUMBERS = "temporal/numbers.yaml"
UNITS = "temporal/units.yaml"
EXPRESSIONS = "temporal/expressions.yaml"
TENSE = "temporal/tense.yaml"
LUNAR = "temporal/lunar.yaml"

SEASON_CODES = frozenset({"SP", "SU", "FA", "WI"})
PART_CODES = frozenset({"MO", "AF", "EV", "NI", "DT"})
REF_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
UNIT_CODES = frozenset({"S", "M", "H", "D", "W", "Q", "Y"})
# TimeML mods, plus H1/H2 (a half of the year) and W1..W4/WL/WK (a week of a month / of a day)
POSITION_MODS = frozenset({"START", "MID", "END", "H1", "H2", "W1", "W2", "W3", "W4", "WL", "WK"})
QUALIFIER_ROLES = frozenset({"latest", "current", "previous", "year_before", "topic", "none"})
STEP_UNITS = frozenset({"day", "week", "month", "quarter", "year", "focus"})


@dataclass(frozen=True, slots=True)
class Unit:
    """A duration unit: its TimeML designator, whether it is a clock unit, and its multiplier."""

    name: str
    code: str
    time: bool
    factor: int
    vague: str


@dataclass(frozen=True, slots=True)
class PartOfDay:
    code: str | None  # MO / AF / EV / NI, or None for a clock point such as noon
    hour: int | None


@dataclass(frozen=True, slots=True)
class Holiday:
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    nth: int | None = None
    after_day: int = 0
    easter: int | None = None  # days after (Western) Easter Sunday
    orthodox: int | None = None  # days after Orthodox Easter Sunday
    # Lunar holidays: every occurrence in the table's years (first and last day) and the
    # granularity of the value ("month" for a month-long fast)
    dates: tuple[tuple[date, date], ...] = ()
    granularity: str = "day"


@dataclass(frozen=True, slots=True)
class Anaphor:
    unit: str
    offset: int
    part: str | None = None


@dataclass(frozen=True, slots=True)
class Offset:
    """A word after an amount of time: "ago" (-1 from the anchor), "later" (+1 from the focus)."""

    sign: int
    from_focus: bool
    signal: frozenset[str]  # units for which the expression is a DURATION ("three days later")


@dataclass(frozen=True, slots=True)
class Deictic:
    offset: int
    part: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Every word list of the temporal tagger, keyed by lower-case spelling (hashed by identity, so
    functions of a lexicon can be cached)."""

    months: Mapping[str, int]  # full names
    month_abbrevs: Mapping[str, int]
    weekdays: Mapping[str, int]  # full names, ISO numbers
    weekday_abbrevs: Mapping[str, int]
    seasons: Mapping[str, str]
    parts_of_day: Mapping[str, PartOfDay]
    ambiguous: frozenset[str]
    holidays: Mapping[str, Holiday]
    cardinals: Mapping[str, int]
    ordinals: Mapping[str, int]
    counts: Mapping[str, int]
    vague: frozenset[str]
    fractions: Mapping[str, float]
    units: Mapping[str, Unit]  # every form -> unit
    frequency: Mapping[str, str]
    deictic: Mapping[str, Deictic]
    references: Mapping[str, str]  # phrase -> PRESENT_REF / PAST_REF / FUTURE_REF
    direction: Mapping[str, int]
    position: Mapping[str, str]
    approximators: Mapping[str, str]
    anaphora: Mapping[str, Anaphor]
    offsets: Mapping[str, Offset]
    temporal_context: frozenset[str]
    season_context: frozenset[str]
    ref_not_before: frozenset[str]
    ref_not_after: frozenset[str]
    not_triggers: frozenset[str]
    period_qualifiers: Mapping[str, str]
    span_directions: frozenset[str]
    decades: Mapping[str, int]
    not_year_before: frozenset[str]
    needs_count: frozenset[str]
    rate_after: frozenset[str]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    past_suffix: str
    past_suffix_exceptions: frozenset[str]
    passive_auxiliaries: frozenset[str]
    deadlines: frozenset[str]
    origins: frozenset[str]
    future_in_past: frozenset[str]


def _doc(name: str) -> dict[str, Any]:
    data = load_yaml(name)
    require(isinstance(data, dict), name, "<file>", "must be a mapping")
    require(isinstance(data.get("version"), int), name, "version", "must be an integer")
    return data  # type: ignore[no-any-return]


def _words(name: str, entry: object, value: object) -> list[str]:
    require(isinstance(value, list), name, entry, "must be a list of words")
    assert isinstance(value, list)
    for word in value:
        require(
            isinstance(word, str) and word == word.strip().lower() and word != "",
            name,
            entry,
            f"{word!r} must be a non-empty lower-case string",
        )
    return value


def _section(name: str, data: dict[str, Any], key: str) -> dict[Any, Any]:
    section = data.get(key)
    require(isinstance(section, dict), name, key, "section is missing or not a mapping")
    assert isinstance(section, dict)
    return section


def _named(name: str, data: dict[str, Any], key: str, top: int) -> tuple[dict[str, int], dict[str, int]]:
    """Months or weekdays: number -> {names, abbrev}, returned as two spelling -> number maps."""
    full: dict[str, int] = {}
    short: dict[str, int] = {}
    section = _section(name, data, key)
    require(sorted(section) == list(range(1, top + 1)), name, key, f"needs entries 1..{top}")
    for number, entry in section.items():
        require(isinstance(entry, dict), name, number, "must be {names: [...], abbrev: [...]}")
        for word in _words(name, number, entry.get("names")):
            full[word] = number
        for word in _words(name, number, entry.get("abbrev", [])):
            short[word] = number
    return full, short


def _calendar(lex: dict[str, Any]) -> None:
    name = CALENDAR
    data = _doc(name)
    lex["months"], lex["month_abbrevs"] = _named(name, data, "months", 12)
    lex["weekdays"], lex["weekday_abbrevs"] = _named(name, data, "weekdays", 7)
    seasons = _section(name, data, "seasons")
    for word, code in seasons.items():
        require(code in SEASON_CODES, name, word, f"season code must be one of {sorted(SEASON_CODES)}")
    lex["seasons"] = seasons
    parts = {}
    for word, entry in _section(name, data, "parts_of_day").items():
        require(isinstance(entry, dict), name, word, "must be {code: MO} or {hour: 12}")
        code, hour = entry.get("code"), entry.get("hour")
        require(code is None or code in PART_CODES, name, word, f"code must be one of {sorted(PART_CODES)}")
        require(hour is None or (isinstance(hour, int) and 0 <= hour <= 24), name, word, "hour must be 0..24")
        require((code is None) != (hour is None), name, word, "give exactly one of code and hour")
        parts[word] = PartOfDay(code, hour)
    lex["parts_of_day"] = parts
    lex["ambiguous"] = frozenset(_words(name, "ambiguous", data.get("ambiguous", [])))
    holidays = {}
    for word, entry in _section(name, data, "holidays").items():
        require(isinstance(entry, dict), name, word, "must be a mapping")
        try:
            holiday = Holiday(**entry)
        except TypeError as exc:
            require(False, name, word, f"unknown field: {exc}")
            raise
        fixed = holiday.month is not None and holiday.day is not None
        nth = holiday.month is not None and holiday.weekday is not None and holiday.nth is not None
        easter = holiday.easter is not None or holiday.orthodox is not None
        require(fixed or nth or easter, name, word, "needs month+day, month+weekday+nth, easter or orthodox")
        holidays[word] = holiday
    holidays.update(_lunar())
    lex["holidays"] = holidays


def _occurrence(name: str, entry: object, value: object) -> tuple[date, date]:
    """A day (a YAML date) or a period written "first/last"."""
    if isinstance(value, date):
        return value, value
    parts = str(value).split("/")
    try:
        first, last = (date.fromisoformat(parts[0]), date.fromisoformat(parts[-1]))
    except ValueError:
        first = last = date.min
    require(len(parts) <= 2 and first != date.min and first <= last, name, entry, f"bad date {value!r}")
    return first, last


def _lunar() -> dict[str, Holiday]:
    """Holidays of lunar calendars (Ramadan, Eid, Passover...): a table of their dates by year."""
    name = LUNAR
    data = _doc(name)
    holidays = {}
    for key, entry in _section(name, data, "holidays").items():
        require(
            isinstance(entry, dict), name, key, "must be {names: [...], granularity: day|month, dates: [...]}"
        )
        require(entry.get("granularity") in ("day", "month"), name, key, "granularity must be day or month")
        dates = entry.get("dates")
        require(isinstance(dates, list) and bool(dates), name, key, "needs a list of dates")
        occurrences = tuple(sorted(_occurrence(name, key, d) for d in dates))
        holiday = Holiday(dates=occurrences, granularity=entry["granularity"])
        for word in _words(name, key, entry.get("names")):
            holidays[word] = holiday
    return holidays


def _numbers(lex: dict[str, Any]) -> None:
    name = NUMBERS
    data = _doc(name)
    for key in ("cardinals", "ordinals", "counts"):
        section = _section(name, data, key)
        for word, value in section.items():
            require(isinstance(value, int), name, word, "value must be an integer")
        lex[key] = section
    lex["vague"] = frozenset(_words(name, "vague", data.get("vague")))
    decades = _section(name, data, "decades")
    for word, digit in decades.items():
        require(isinstance(digit, int) and 0 <= digit <= 9, name, word, "must be a digit 0..9")
    lex["decades"] = decades
    fractions = _section(name, data, "fractions")
    for word, value in fractions.items():
        require(isinstance(value, float) and 0 < value < 1, name, word, "must be a fraction between 0 and 1")
    lex["fractions"] = {str(k): v for k, v in fractions.items()}


def _units(lex: dict[str, Any]) -> None:
    name = UNITS
    data = _doc(name)
    forms: dict[str, Unit] = {}
    for unit_name, entry in _section(name, data, "units").items():
        require(isinstance(entry, dict), name, unit_name, "must be a mapping")
        require(entry.get("code") in UNIT_CODES, name, unit_name, f"code must be one of {sorted(UNIT_CODES)}")
        require(
            isinstance(entry.get("factor"), int) and entry["factor"] > 0,
            name,
            unit_name,
            "factor must be a positive integer",
        )
        require(isinstance(entry.get("vague"), str), name, unit_name, "vague must be a unit letter")
        unit = Unit(unit_name, entry["code"], bool(entry.get("time")), entry["factor"], entry["vague"])
        for form in _words(name, unit_name, entry.get("forms")):
            require(form not in forms, name, form, "spelling listed for two units")
            forms[form] = unit
    lex["units"] = forms
    frequency = _section(name, data, "frequency")
    for word, period in frequency.items():
        require(isinstance(period, str) and period.startswith("P"), name, word, "period must be like P1D")
    lex["frequency"] = frequency
    lex["needs_count"] = frozenset(_words(name, "needs_count", data.get("needs_count", [])))
    lex["rate_after"] = frozenset(_words(name, "rate_after", data.get("rate_after", [])))
    for word in lex["needs_count"]:
        require(word in forms, name, word, "needs_count lists a word that is not a unit form")


def _expressions(lex: dict[str, Any]) -> None:
    name = EXPRESSIONS
    data = _doc(name)
    deictic = {}
    for word, entry in _section(name, data, "deictic").items():
        require(
            isinstance(entry, dict) and isinstance(entry.get("offset"), int),
            name,
            word,
            "needs an integer offset",
        )
        require(entry.get("part") in (None, *PART_CODES), name, word, "unknown part of day")
        deictic[word] = Deictic(entry["offset"], entry.get("part"))
    lex["deictic"] = deictic
    references = {}
    for ref, phrases in _section(name, data, "references").items():
        require(ref in REF_VALUES, name, ref, f"must be one of {sorted(REF_VALUES)}")
        for phrase in _words(name, ref, phrases):
            references[phrase] = ref
    lex["references"] = references
    direction = _section(name, data, "direction")
    for word, step in direction.items():
        require(step in (-1, 0, 1), name, word, "direction must be -1, 0 or 1")
    lex["direction"] = direction
    position = _section(name, data, "position")
    for phrase, mod in position.items():
        require(mod in POSITION_MODS, name, phrase, f"must be one of {sorted(POSITION_MODS)}")
    lex["position"] = position
    lex["approximators"] = _section(name, data, "approximators")
    anaphora = {}
    for phrase, entry in _section(name, data, "anaphora").items():
        require(
            isinstance(entry, dict) and entry.get("unit") in STEP_UNITS,
            name,
            phrase,
            f"unit must be one of {sorted(STEP_UNITS)}",
        )
        require(isinstance(entry.get("offset"), int), name, phrase, "offset must be an integer")
        anaphora[phrase] = Anaphor(entry["unit"], entry["offset"], entry.get("part"))
    lex["anaphora"] = anaphora
    lex["offsets"] = _offsets(name, _section(name, data, "offsets"), {u.name for u in lex["units"].values()})
    for key in ("temporal_context", "season_context", "ref_not_before", "ref_not_after", "not_triggers",
                "span_directions"):  # fmt: skip
        lex[key] = frozenset(_words(name, key, data.get(key)))
    qualifiers = _section(name, data, "period_qualifiers")
    for word, role in qualifiers.items():
        require(role in QUALIFIER_ROLES, name, word, f"role must be one of {sorted(QUALIFIER_ROLES)}")
    lex["period_qualifiers"] = qualifiers
    lex["not_year_before"] = frozenset(_words(name, "not_year_before", data.get("not_year_before")))


def _offsets(name: str, section: dict[str, Any], units: set[str]) -> dict[str, Offset]:
    offsets = {}
    for phrase, entry in section.items():
        require(isinstance(entry, dict), name, phrase, "must be {sign: -1|1, base: anchor|focus}")
        require(entry.get("sign") in (-1, 1), name, phrase, "sign must be -1 or 1")
        require(entry.get("base") in ("anchor", "focus"), name, phrase, "base must be anchor or focus")
        signal = entry.get("signal", [])
        if signal == "all":
            signal = sorted(units)
        for unit in _words(name, phrase, signal):
            require(unit in units, name, phrase, f"signal lists {unit!r}, which is not a unit name")
        offsets[phrase] = Offset(entry["sign"], entry["base"] == "focus", frozenset(signal))
    return offsets


def _tense(lex: dict[str, Any]) -> None:
    name = TENSE
    data = _doc(name)
    lex["future_cues"] = frozenset(_words(name, "future", data.get("future")))
    lex["past_cues"] = frozenset(_words(name, "past", data.get("past")))
    suffix = data.get("past_suffix", "")
    require(isinstance(suffix, str), name, "past_suffix", "must be a string")
    lex["past_suffix"] = suffix
    lex["past_suffix_exceptions"] = frozenset(
        _words(name, "past_suffix_exceptions", data.get("past_suffix_exceptions", []))
    )
    lex["passive_auxiliaries"] = frozenset(
        _words(name, "passive_auxiliaries", data.get("passive_auxiliaries", []))
    )
    lex["deadlines"] = frozenset(_words(name, "deadlines", data.get("deadlines", [])))
    lex["origins"] = frozenset(_words(name, "origins", data.get("origins", [])))
    lex["future_in_past"] = frozenset(_words(name, "future_in_past", data.get("future_in_past", [])))


@cache
def lexicon() -> Lexicon:
    """The validated temporal lexicon (parsed on first call, then shared)."""
    lex: dict[str, Any] = {}
    _calendar(lex)
    _numbers(lex)
    _units(lex)
    _expressions(lex)
    _tense(lex)
    frozen: dict[str, Any] = {k: MappingProxyType(v) if isinstance(v, dict) else v for k, v in lex.items()}
    return Lexicon(**frozen)
