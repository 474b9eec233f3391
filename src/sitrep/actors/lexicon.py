"""The actor dictionary: named actors, generic actor heads, countries and government periods.

Loaded once per process from ``data/actors/`` (see the comments in each file) and compiled into two
Aho-Corasick automata: one over actor names/aliases/generic heads, one over country names and
demonyms used as modifiers ("Nigerian troops"). Names of generic actors depend on the event's
country and date, so mentions keep their dictionary entry and :meth:`ActorLexicon.actor` names them
at coding time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import pairwise
from typing import Any

from ..models import Actor, fast_init
from ..resources import load_tsv, load_yaml, require
from .phrases import PhraseMatcher, fold, fold_key, plain_text

NAMED_FILE = "actors/named.yaml"
GENERIC_FILE = "actors/generic.yaml"
COUNTRIES_FILE = "actors/countries.tsv"
PERIODS_FILE = "actors/periods.tsv"

INTER_LABELS = {
    0: "",
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
STATE_KINDS = ("military", "police", "government")
# Generic heads that a named actor right before them absorbs ("ISWAP militants", "FARDC soldiers").
_ABSORBED = frozenset({"military", "police", "unidentified", "militia", "gang", "person", "protesters"})

# Lower-case words allowed between a country modifier and a generic head ("Russian military forces",
# "Israeli occupation forces"): at most two of them.
_BETWEEN = re.compile(r"\s+(?:[a-z][a-z.']*\s+){0,2}$")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary entry: a named actor, a state-force alias, or a generic head."""

    name: str  # may hold {country} and {period} placeholders
    inter: int
    kind: str  # "named", or a generic kind: military, police, unidentified, person, ...
    iso3: str | None = None
    generic: bool = False
    state: bool = False
    role: str | None = None  # "person": coded by what they do in the event
    first: date | None = None
    last: date | None = None
    needs_modifier: bool = False
    caps: str | None = None  # the alias as written, when it must appear in capitals

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.last is None
        return (self.first is None or self.first <= day) and (self.last is None or day <= self.last)


@fast_init
@dataclass(frozen=True, slots=True)
class ActorMention(Actor):
    """An :class:`Actor` as read from the text, with the dictionary entry behind it.

    ``name`` is the entry's name template; generic actors ("police", "gunmen") are named after the
    event's country and date at coding time with :meth:`ActorLexicon.actor`.
    """

    entry: ActorEntry | None = None
    modifier: str | None = None  # iso3 of a country modifier ("Nigerian troops")


def _rule(entry: ActorEntry) -> str:
    return "actor.named" if not entry.generic else f"actor.generic.{entry.kind}"


def _mention(entry: ActorEntry, modifier: str | None) -> ActorMention:
    return ActorMention(
        name=entry.name,
        inter=entry.inter,
        iso3=modifier or entry.iso3,
        generic=entry.generic,
        kind=entry.kind,
        entry=entry,
        modifier=modifier,
    )


@dataclass(frozen=True, slots=True)
class Period:
    first: date
    last: date | None
    label: str


def _parse_date(value: Any, file: str, entry: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        require(False, file, entry, f"bad date {value!r} (use YYYY-MM-DD)")
    return None


class ActorLexicon:
    """Actor dictionary with compiled matchers. Build it with :meth:`default` (cached)."""

    def __init__(
        self,
        entries: list[tuple[str, ActorEntry]],
        countries: dict[str, str],
        modifiers: list[tuple[str, str]],
        periods: dict[str, tuple[Period, ...]],
        kinds: dict[str, ActorEntry],
        *,
        modifiable: frozenset[str],
        articles: frozenset[str] = frozenset(),
        civilian_modifiers: frozenset[str] = frozenset(),
        membership: frozenset[str] = frozenset(),
    ) -> None:
        self.countries = countries
        self.articles = articles
        self.modifiable = modifiable
        self.civilian_modifiers = civilian_modifiers
        self.membership = membership
        self.periods = periods
        self.kinds = kinds
        self._matcher: PhraseMatcher[ActorEntry] = PhraseMatcher(entries)
        # the value of a mention without a country modifier, built once per entry
        # per entry (by id): the rule id of a mention's span, and its value without a country modifier
        every = [*(e for _, e in entries), *kinds.values()]
        self.span_table: dict[int, tuple[str, ActorMention]] = {
            id(e): (_rule(e), _mention(e, None)) for e in every
        }
        self._modifiers: PhraseMatcher[str] = PhraseMatcher(modifiers)
        self.country_by_name = {fold_key(name): iso3 for iso3, name in countries.items()}

    @classmethod
    def default(cls) -> ActorLexicon:
        return _default_lexicon()

    # -- matching -------------------------------------------------------------------------------

    def find(
        self,
        text: str,
        folded: str | None = None,
        day: date | None = None,
        *,
        plain: str | None = None,
        ranges: list[tuple[int, int]] | None = None,
    ) -> list[tuple[int, int, ActorEntry, str | None]]:
        """Actor mentions in ``text`` (in ``ranges`` only, when given): (start, end, entry, modifier
        iso3 or None), left to right."""
        folded = fold(text) if folded is None else folded
        plain = plain_text(folded) if plain is None else plain
        mods = [h for h in self._modifiers.find(folded, plain, ranges) if text[h[0]].isupper()]
        mod_by_end = {h[1]: h for h in mods}
        mod_ends = sorted(mod_by_end)
        modifiable = self.modifiable
        out: list[tuple[int, int, ActorEntry, str | None]] = []
        for hit_start, hit_end, _, values in self._matcher.find(folded, plain, ranges):
            entry = values[0]
            if len(values) > 1 or entry.caps is not None:  # else the only entry is the choice
                chosen = self._choose(values, text[hit_start:hit_end], day)
                if chosen is None:
                    continue
                entry = chosen
            generic = entry.generic
            if out:
                prev = out[-1]
                gap = folded[prev[1] : hit_start]
                if gap in (" of ", " of the ") and self._member(folded, prev):
                    out[-1] = (prev[0], hit_end, entry, None)  # "members of the CV": the group
                    continue
                if (
                    generic
                    and prev[2].kind not in ("person", "civilians")
                    and entry.kind in _ABSORBED
                    and gap.isspace()
                ):
                    # "ISWAP militants", "Syrian police members": one mention; "government security
                    # forces", "regime troops": the forces of the government
                    head = (
                        entry if prev[2].kind == "government" and prev[2].generic and entry.state else prev[2]
                    )
                    out[-1] = (prev[0], hit_end, head, prev[3])
                    continue
            start, modifier = hit_start, None
            if generic and mod_ends and entry.kind in modifiable:
                mod = _modifier_before(folded, hit_start, mod_by_end, mod_ends)
                if (
                    mod is not None
                    and (not out or mod.start >= out[-1][1])
                    and not folded[max(0, mod.start - 4) : mod.start].endswith(("pro ", "anti "))
                ):
                    start, modifier = mod.start, mod.values[0]
            if entry.needs_modifier and modifier is None:
                continue
            if generic and (
                folded[max(0, hit_start - 5) : hit_start] in (" pro ", "anti ")
                or (text[hit_end : hit_end + 1] == "-" and text[hit_end + 1 : hit_end + 2].isalpha())
            ):
                continue  # "anti-government protesters": an adjective, not an actor
            if generic and entry.state and self._off_duty(folded, start):
                entry = self.kinds["person"]
            out.append((start, hit_end, entry, modifier))
        return out

    def mention(self, entry: ActorEntry, modifier: str | None = None) -> ActorMention:
        """The value of an actor span: ``entry`` as read, with its country modifier."""
        return self.span_parts(entry, modifier)[1]

    def span_parts(self, entry: ActorEntry, modifier: str | None = None) -> tuple[str, ActorMention]:
        """The rule id and the value of the span of a mention of ``entry`` (with its modifier)."""
        parts = self.span_table.get(id(entry))
        if parts is None:
            return _rule(entry), _mention(entry, modifier)
        if modifier is not None:
            return parts[0], _mention(entry, modifier)
        return parts

    def _member(self, folded: str, mention: tuple[int, int, ActorEntry, str | None]) -> bool:
        """Whether a mention is a membership head ("members", "elements") that its group names."""
        start, end, entry, _ = mention
        return entry.generic and folded[start:end].rsplit(" ", 1)[-1] in self.membership

    def _off_duty(self, folded: str, start: int) -> bool:
        words = folded[max(0, start - 16) : start].split()
        return bool(words) and (
            words[-1] in self.civilian_modifiers or " ".join(words[-2:]) in self.civilian_modifiers
        )

    @staticmethod
    def _choose(values: Iterable[ActorEntry], surface: str, day: date | None) -> ActorEntry | None:
        fallback = None
        for entry in values:
            if entry.caps is not None and surface != surface.upper():
                continue
            if entry.valid_on(day):
                return entry
            fallback = fallback or entry
        return fallback

    def country_of(self, folded_name: str) -> str | None:
        return self.country_by_name.get(folded_name)

    # -- naming ---------------------------------------------------------------------------------

    def period_label(self, iso3: str | None, day: date | None) -> str:
        if not iso3:
            return ""
        periods = self.periods.get(iso3, ())
        if not periods:
            return ""
        if day is None:
            return periods[-1].label
        for period in periods:
            if period.first <= day and (period.last is None or day <= period.last):
                return period.label
        return ""

    def actor(
        self, entry: ActorEntry, modifier: str | None, event_iso3: str | None, day: date | None
    ) -> Actor:
        """The ACLED actor for a mention, named for the event's country and date."""
        iso3 = modifier or entry.iso3 or event_iso3
        name = entry.name
        if "{" in name:
            label = self.period_label(iso3, day)
            country = self.countries.get(iso3 or "", "")
            if not country:
                name = name.replace(" of {country}", "").replace(" ({country})", "")
            if iso3 in self.articles:
                name = name.replace(" of {country}", " of the {country}")
            name = name.replace("{country}", country).replace("{period}", f" ({label})" if label else "")
        inter = entry.inter
        if entry.state and event_iso3 and iso3 and iso3 != event_iso3:
            inter = 8  # a state's forces acting outside their own country
        return Actor(name=name, inter=inter, iso3=iso3, generic=entry.generic, kind=entry.kind)

    def generic(
        self, kind: str, event_iso3: str | None, day: date | None, modifier: str | None = None
    ) -> Actor:
        """A generic actor of ``kind`` (e.g. "civilians", "protesters") for the event's country."""
        return self.actor(self.kinds[kind], modifier, event_iso3, day)


def _modifier_before(folded: str, start: int, mod_by_end: dict[int, Any], mod_ends: list[int]) -> Any:
    """The country modifier ending shortly before ``start`` ("Nigerian [army] soldiers")."""
    i = bisect_right(mod_ends, start) - 1
    if i < 0:
        return None
    end = mod_ends[i]
    if start - end > 30:
        return None
    if end == start or _BETWEEN.fullmatch(folded, end, start):
        return mod_by_end[end]
    return None


@cache
def _default_lexicon() -> ActorLexicon:
    countries, modifiers, articles = _load_countries()
    periods = _load_periods(countries)
    kinds, entries, modifiable = _load_generic()
    generic = load_yaml(GENERIC_FILE)
    civilian = frozenset(fold_key(w) for w in generic.get("civilian_modifiers") or [])
    membership = frozenset(fold_key(w) for w in generic.get("membership_heads") or [])
    entries.extend(_load_named(kinds, countries))
    return ActorLexicon(
        entries,
        countries,
        modifiers,
        periods,
        kinds,
        modifiable=frozenset(modifiable),
        articles=articles,
        civilian_modifiers=civilian,
        membership=membership,
    )


def _load_countries() -> tuple[dict[str, str], list[tuple[str, str]], frozenset[str]]:
    countries: dict[str, str] = {}
    articles: set[str] = set()
    modifiers: list[tuple[str, str]] = []
    for row in load_tsv(COUNTRIES_FILE):
        iso3 = row["iso3"]
        require(len(iso3) == 3 and iso3.isupper(), COUNTRIES_FILE, row, "iso3 must be 3 capitals")
        require(iso3 not in countries, COUNTRIES_FILE, iso3, "duplicate country")
        require(bool(row["name"]), COUNTRIES_FILE, iso3, "name is empty")
        countries[iso3] = row["name"]
        require(row["article"] in ("", "the"), COUNTRIES_FILE, iso3, "article must be empty or 'the'")
        if row["article"]:
            articles.add(iso3)
        modifiers.append((row["name"], iso3))
        for adjective in filter(None, row["adjectives"].split("|")):
            modifiers.append((adjective, iso3))
    return countries, modifiers, frozenset(articles)


def _load_periods(countries: dict[str, str]) -> dict[str, tuple[Period, ...]]:
    periods: dict[str, list[Period]] = {}
    for row in load_tsv(PERIODS_FILE):
        iso3 = row["iso3"]
        require(iso3 in countries, PERIODS_FILE, row, "unknown iso3 (add it to countries.tsv)")
        first = _parse_date(row["from"], PERIODS_FILE, row)
        require(first is not None, PERIODS_FILE, row, "from is required")
        assert first is not None
        last = _parse_date(row["to"], PERIODS_FILE, row)
        require(bool(row["label"]), PERIODS_FILE, row, "label is empty")
        periods.setdefault(iso3, []).append(Period(first, last, row["label"]))
    for iso3, items in periods.items():
        items.sort(key=lambda p: p.first)
        for a, b in pairwise(items):
            require(a.last is not None and a.last <= b.first, PERIODS_FILE, iso3, "periods overlap")
    return {k: tuple(v) for k, v in periods.items()}


def _load_generic() -> tuple[dict[str, ActorEntry], list[tuple[str, ActorEntry]], list[str]]:
    data = load_yaml(GENERIC_FILE)
    require(
        isinstance(data, dict) and data.get("version") == 1, GENERIC_FILE, "version", "expected version 1"
    )
    kinds: dict[str, ActorEntry] = {}
    for kind, spec in (data.get("kinds") or {}).items():
        require(
            isinstance(spec, dict) and isinstance(spec.get("name"), str), GENERIC_FILE, kind, "needs a name"
        )
        require(spec.get("inter") in range(1, 9), GENERIC_FILE, kind, "inter must be 1-8")
        kinds[kind] = ActorEntry(
            name=spec["name"],
            inter=spec["inter"],
            kind=kind,
            generic=True,
            state=bool(spec.get("state")),
            role=spec.get("role"),
        )
    modifiable = list(data.get("modifiable") or [])
    for kind in modifiable:
        require(kind in kinds, GENERIC_FILE, kind, "modifiable kind is not defined under kinds")
    entries: list[tuple[str, ActorEntry]] = []
    for section, needs in (("heads", False), ("heads_need_modifier", True)):
        for kind, heads in (data.get(section) or {}).items():
            require(kind in kinds, GENERIC_FILE, kind, f"{section}: unknown kind")
            require(
                isinstance(heads, list) and bool(heads), GENERIC_FILE, kind, f"{section}: must list heads"
            )
            base = kinds[kind]
            entry = ActorEntry(
                base.name,
                base.inter,
                kind,
                generic=True,
                state=base.state,
                role=base.role,
                needs_modifier=needs,
            )
            for head in heads:
                require(isinstance(head, str) and bool(head.strip()), GENERIC_FILE, head, "head must be text")
                entries.append((head, entry))
    return kinds, entries, modifiable


def _load_named(kinds: dict[str, ActorEntry], countries: dict[str, str]) -> list[tuple[str, ActorEntry]]:
    data = load_yaml(NAMED_FILE)
    require(isinstance(data, dict) and data.get("version") == 1, NAMED_FILE, "version", "expected version 1")
    entries: list[tuple[str, ActorEntry]] = []
    for item in data.get("actors") or []:
        require(isinstance(item, dict), NAMED_FILE, item, "each actor is a mapping")
        iso3 = item.get("iso3")
        require(iso3 is None or iso3 in countries, NAMED_FILE, item, "unknown iso3")
        aliases = item.get("aliases")
        require(isinstance(aliases, list) and bool(aliases), NAMED_FILE, item, "needs a list of aliases")
        first = _parse_date(item.get("from"), NAMED_FILE, item)
        last = _parse_date(item.get("to"), NAMED_FILE, item)
        kind = item.get("kind")
        if kind is not None:
            require(kind in STATE_KINDS, NAMED_FILE, item, f"kind must be one of {STATE_KINDS}")
            require(iso3 is not None, NAMED_FILE, item, "state forces need an iso3")
            base = kinds[kind]
            name, inter, state = base.name, base.inter, True
        else:
            name = item.get("name")
            require(isinstance(name, str) and bool(name), NAMED_FILE, item, "needs a name (or a kind)")
            inter = item.get("inter")
            require(inter in range(1, 9), NAMED_FILE, item, "inter must be 1-8")
            state = inter == 1
            kind = "party" if item.get("party") else "named"
        for raw in aliases:
            alias = str(raw)
            caps = alias if alias.isupper() and len(alias) <= 6 else None
            entries.append(
                (
                    alias,
                    ActorEntry(name, inter, kind, iso3=iso3, state=state, first=first, last=last, caps=caps),
                )
            )
    return entries
