"""Resolve: which mentions are one event, and what its casualty figures are.

- Mentions of one article are merged into one event while nothing says they differ: a later
  mention with its own date (or its own place) that differs from the running event's starts a new
  event; mentions without a date or place of their own elaborate the event before them. ACLED's
  unit is one event per day, location and actor pair.
- Fatalities: the killed figures of one sentence are summed (one list of victims); figures from
  different sentences are alternative reports of the same toll. Every figure attributed to a source
  ("according to the army", "X said") is kept as a :class:`Claim`; fatalities_low/high span the
  claims, and ``fatalities`` is ACLED's conservative figure, the lowest reported. Without named
  sources the largest figure of the article's sentences stands (later sentences usually give the
  final toll) and low = high = fatalities.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple

from .models import Claim, Evidence, Place

# \b(?:according to|said|says|claimed|claims|reported|reports|told)\b\s*(?:the\s+)?(?P<src>...)?,
# each verb written as its first letter, a look-behind for the word boundary, then the rest: the
# pattern opens with the set of first letters, which the regex engine scans for quickly
_SOURCE = re.compile(
    r"(?:a(?<=\ba)ccording to|s(?<=\bs)aid|s(?<=\bs)ays|c(?<=\bc)laimed|c(?<=\bc)laims|"
    r"r(?<=\br)eported|r(?<=\br)eports|t(?<=\bt)old)\b\s*(?:the\s+)?"
    r"(?P<src>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,4})?"
)
# "..., the regional governor said", "Officials said": up to four words before the verb.
_SOURCE_BEFORE = re.compile(
    r"(?:^|[,;]\s*)(?:the\s+|a\s+|an\s+)?(?P<src>[\w'-]+(?:\s+[\w'-]+){0,3}?)\s+"
    r"(?:said|says|claimed|reported|told)\b",
    re.IGNORECASE,
)


class Figures(NamedTuple):
    fatalities: int
    low: int
    high: int
    claims: tuple[Claim, ...]
    evidence: tuple[Evidence, ...]
    explicit: bool  # a figure (or an explicit "no casualties") was found


def group(
    keys: Sequence[tuple[date | None, bool, str | None, bool]], summaries: Sequence[bool] = ()
) -> list[list[int]]:
    """Group mention indices into events.

    ``keys[i]`` = (date, date is explicit in the mention, place key, place is explicit). A mention
    joins the running event unless it states a date or a place that differs from the event's.
    Mentions flagged in ``summaries`` (a headline, highlights) retell the lead event: they join the
    first event of the body instead of starting their own.
    """
    return group_by([(k[0], k[1]) for k in keys], lambda i: (keys[i][2], keys[i][3]), summaries)


def group_by(
    days: Sequence[tuple[date | None, bool]],
    place_of: Callable[[int], tuple[str | None, bool]],
    summaries: Sequence[bool] = (),
) -> list[list[int]]:
    """:func:`group` with the places asked for only when they matter (locating is costly): for the
    mention that opens an event, for one that states its own date, and until the event has a place."""
    groups: list[list[int]] = []
    current_day: date | None = None
    current_place: str | None = None
    held = [i for i in range(len(days)) if i < len(summaries) and summaries[i]]
    for i, (day, day_explicit) in enumerate(days):
        if i in held:
            continue
        new = not groups
        if groups and day_explicit and current_day is not None and day is not None and day != current_day:
            new = True
        if groups and not new and day_explicit and current_place is not None:
            place, place_explicit = place_of(i)
            new = place_explicit and place is not None and place != current_place
        if new:
            groups.append([i])
            current_day = day if day_explicit or current_day is None else current_day
            current_place = place_of(i)[0]
        else:
            groups[-1].append(i)
            if current_day is None and day_explicit:
                current_day = day
            if current_place is None:
                place, place_explicit = place_of(i)
                if place_explicit:
                    current_place = place
    if held:
        if groups:
            groups[0] = sorted(groups[0] + held)
        else:
            groups.append(held)
    return groups


def source_of(text: str, start: int, end: int) -> str | None:
    """The source a sentence attributes its figures to, if it names one."""
    sentence = text[start:end]
    m = _SOURCE.search(sentence)
    if m and m.group("src"):
        return m.group("src").strip()
    m = _SOURCE_BEFORE.search(sentence)
    if m:
        return m.group("src").strip()
    return None


def fatalities(
    text: str, per_sentence: Sequence[tuple[tuple[int, int], Sequence[tuple[int, int, int, str]]]]
) -> Figures:
    """Figures from ``per_sentence`` = [((s_start, s_end), [(start, end, killed, rule), ...]), ...]."""
    totals: list[tuple[int, str | None, tuple[int, int], list[tuple[int, int, int, str]]]] = []
    stated = any(f[3] == "number.total" for _, figures in per_sentence for f in figures)
    for (s_start, s_end), found in per_sentence:
        # an explicit toll ("3 fatalities") stands for the whole event
        figures = [f for f in found if not stated or f[3] in ("number.total", "number.none")]
        if not figures:
            continue
        total = sum(f[2] for f in figures)
        totals.append((total, source_of(text, s_start, s_end), (s_start, s_end), figures))
    if not totals:
        return Figures(0, 0, 0, (), (), False)
    evidence = tuple(
        Evidence("fatalities", s, e, text[s:e], rule) for _, _, _, figs in totals for s, e, _, rule in figs
    )
    sourced = [t for t in totals if t[1]]
    claims = tuple(
        Claim("fatalities", total, src, figs[0][0], figs[-1][1], text[figs[0][0] : figs[-1][1]])
        for total, src, _, figs in totals
    )
    if len({t[1] for t in sourced}) >= 2:
        values = [t[0] for t in sourced]
        low, high = min(values), max(values)
        return Figures(low, low, high, claims, evidence, True)
    best = max(t[0] for t in totals)
    return Figures(best, best, best, claims, evidence, True)


def place_key(place: Place | None) -> str | None:
    if place is None:
        return None
    return f"{place.iso3}:{place.name}"
