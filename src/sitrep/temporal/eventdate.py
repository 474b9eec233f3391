"""Dating an event from the time expressions around it, with ACLED's ``time_precision``.

ACLED codes 1 when the day is known, 2 when only the week (or weekend, or a span of a few days)
is, and 3 when only the month or a longer period is; for 2 and 3 the coded date is the middle of
that period. :func:`resolve_event_date` picks the evidence in this order:

1. a day-or-coarser DATE/TIME inside the event's own extent (its clause);
2. the nearest such expression in the event's sentence, preferring one in the same clause (no
   comma between), then one across a comma, then one across ";" or a dash;
3. the last date (a day, week or month) of an earlier sentence in the same paragraph: the
   story's reference time carries over ("On 3 May, gunmen raided X. They killed four.");
4. the article's publication date, with precision 2 (the event happened in the days before).

An approximate day ("around 18 April") has precision 2. Any expression placed on the calendar
counts, including a duration that TimeML tags without its signal word ("three days later").

A *background* event ("in 2015 militants seized the town") keeps its own date and never takes the
article's: with no date of its own it is left undated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..models import LAYER_SENTENCE, LAYER_TIME, Doc, Span, Timex

_PRECISION = {
    "day": 1,
    "week": 2,
    "month": 3,
    "season": 3,
    "quarter": 3,
    "year": 3,
    "decade": 3,
    "century": 3,
}
_CLAUSE_BREAKS = (";", " - ", " -- ", "\u2014", "\n")
_CARRIED = frozenset({"day", "week", "month"})
_NEAR = 400  # characters around the event searched when there are no sentences


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, how precisely, and the text it was read from."""

    event_date: date | None
    time_precision: int  # 1 day, 2 week, 3 month or coarser (ACLED)
    evidence: Span | None
    reason: str


def _usable(span: Span) -> bool:
    value = span.value
    return (
        isinstance(value, Timex)
        and value.anchored
        and value.first is not None
        and value.last is not None
        and value.granularity is not None
    )


def _sentence(doc: Doc, start: int, end: int) -> tuple[int, int]:
    for span in doc.layer(LAYER_SENTENCE):
        if span.start <= start < span.end or (span.start < end <= span.end):
            return span.start, max(span.end, end)
    return max(0, start - _NEAR), min(len(doc.text), end + _NEAR)


def _from_span(span: Span, reason: str) -> EventDate:
    value = span.value
    assert isinstance(value, Timex) and value.first is not None and value.last is not None
    precision = _PRECISION.get(value.granularity or "year", 3)
    if value.first == value.last:
        # "around 18 April", "about May 3": a day known to within a few days
        return EventDate(value.first, 2 if value.mod == "APPROX" else 1, span, reason)
    middle = value.first + timedelta(days=(value.last - value.first).days // 2)
    return EventDate(middle, max(precision, 2), span, reason)


def _carried_over(doc: Doc, before: int, event: int) -> Span | None:
    """The last day-to-month date before ``before`` in the event's paragraph: the story's time."""
    paragraph = doc.text.rfind("\n\n", 0, event)
    for span in reversed(doc.layer(LAYER_TIME)):
        if span.end > before or not _usable(span):
            continue
        if span.start < paragraph or span.value.granularity not in _CARRIED:
            return None
        return span
    return None


def resolve_event_date(doc: Doc, start: int, end: int, *, background: bool = False) -> EventDate:
    """The date of the event whose text is ``doc.text[start:end]``.

    ``background`` marks a past event the article only recalls; it never takes the article's date.
    """
    lo, hi = _sentence(doc, start, end)
    candidates = [s for s in doc.layer(LAYER_TIME) if lo <= s.start and s.end <= hi and _usable(s)]
    inside = [s for s in candidates if start <= s.start and s.end <= end]
    if inside:
        return _from_span(inside[0], "time expression in the event's clause")
    if candidates:
        text = doc.text

        def cost(span: Span) -> tuple[int, int]:
            left, right = (span.end, start) if span.end <= start else (end, span.start)
            gap = text[left:right]
            separation = 2 if any(b in gap for b in _CLAUSE_BREAKS) else (1 if "," in gap else 0)
            return separation, max(0, right - left)

        best = min(candidates, key=cost)
        return _from_span(best, "nearest time expression in the sentence")
    earlier = _carried_over(doc, lo, start)
    if earlier is not None:
        return _from_span(earlier, "time expression of an earlier sentence in the paragraph")
    if background:
        return EventDate(None, 3, None, "background event without a date of its own")
    published = doc.article.published
    if published is None:
        return EventDate(None, 3, None, "no date in the text and no publication date")
    return EventDate(published, 2, None, "article publication date")
