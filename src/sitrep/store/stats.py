"""Statistics over the events matching a filter: totals, a timeline, and counts by type, country,
admin1 and actor, each with events and fatalities.

When a filter uses only dates, country, event type and sub-event type (the dashboard's usual
case), the answer comes from the summary tables (``rollup.py``): whole months from the monthly
rows, the days at either end of the range from the daily rows (or, for admin1 and actors, from the
events table). Any other filter (actor, admin1, fatalities, box, text, article) is answered from the
events table through its indexes. Both paths give the same numbers (tested).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Connection, Select, func, or_, select, union_all

from ..errors import InputError
from . import schema
from .base import EventFilter, Store
from .query import Resolved, _reading, resolve
from .rollup import FACET_ACTOR, FACET_ADMIN1, FACET_NONE, GRAIN_DAY, GRAIN_MONTH, event_rollup

Interval = Literal["auto", "day", "week", "month"]
INTERVALS: tuple[str, ...] = ("auto", "day", "week", "month")
ROLLUP_FIELDS = frozenset({"since", "until", "country", "event_type", "sub_event_type", "limit"})
AUTO_DAYS = 180  # auto interval: days up to this span, weeks up to AUTO_WEEKS, months beyond
AUTO_WEEKS = 5 * 53
MAX_TOP = 500

e = schema.events.c
r = event_rollup.c


def uses_rollup(filters: EventFilter) -> bool:
    """Whether the summary tables can answer ``filters``."""
    return all(
        getattr(filters, name) in (None, "") for name in filters.__slots__ if name not in ROLLUP_FIELDS
    )


# -- date ranges -----------------------------------------------------------------------------------


def _month_end(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Split:
    """A date range as whole months (``first_month``..``last_month``) plus edge day ranges."""

    first_month: date | None  # None with last_month None: no bound (all months)
    last_month: date | None
    whole_months: bool  # False: no whole month inside the range
    edges: tuple[tuple[date, date], ...]


def split(since: date | None, until: date | None) -> Split:
    first = None  # the first month starting on or after `since`
    if since is not None:
        first = since if since.day == 1 else _month_end(since) + timedelta(days=1)
    last = None  # the last month ending on or before `until`
    if until is not None:
        last = until.replace(day=1)
        if until != _month_end(until):
            last = (last - timedelta(days=1)).replace(day=1)
    if first is not None and last is not None and first > last:  # no whole month inside
        assert since is not None and until is not None
        return Split(None, None, False, ((since, until),) if since <= until else ())
    edges = []
    if since is not None and first is not None and since < first:
        edges.append((since, first - timedelta(days=1)))
    if until is not None and last is not None and until > _month_end(last):
        edges.append((_month_end(last) + timedelta(days=1), until))
    return Split(first, last, True, tuple(edges))


def _between(col: Any, low: date | None, high: date | None) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if low is not None:
        out.append(col >= low)
    if high is not None:
        out.append(col <= high)
    return out


def _edge_clause(col: Any, edges: tuple[tuple[date, date], ...]) -> ColumnElement[bool]:
    return or_(*(col.between(low, high) for low, high in edges))


# -- queries ---------------------------------------------------------------------------------------


def _rollup(facet: str, grain: str, resolved: Resolved, *cols: Any) -> Select[Any]:
    return select(*cols, r.events, r.fatalities).where(
        r.facet == facet, r.grain == grain, *resolved.name_clauses(event_rollup)
    )


def _months(facet: str, resolved: Resolved, parts: Split, *cols: Any) -> Select[Any] | None:
    if not parts.whole_months:
        return None
    query = _rollup(facet, GRAIN_MONTH, resolved, *cols)
    return query.where(*_between(r.period, parts.first_month, parts.last_month))


def _base(where: list[ColumnElement[bool]], *cols: Any) -> Select[Any]:
    """Events grouped by ``cols`` (labelled as the rollup's columns)."""
    query = select(*cols, func.count().label("events"), func.sum(e.fatalities).label("fatalities"))
    return query.where(*where).group_by(*cols)


def _base_actors(where: list[ColumnElement[bool]]) -> Select[Any]:
    """(value, events, fatalities) per actor: actor1, and actor2 when it is another actor."""
    first = _base([*where, e.actor1 != ""], e.actor1.label("value"))
    second = _base([*where, e.actor2 != "", e.actor2 != e.actor1], e.actor2.label("value"))
    both = union_all(first, second).subquery()
    return select(both.c.value, both.c.events, both.c.fatalities)


def _total(
    conn: Connection, parts: list[Select[Any]], keys: list[str], order: bool, top: int | None
) -> list[dict[str, Any]]:
    union = union_all(*parts).subquery()
    group = [union.c[k] for k in keys]
    events = func.sum(union.c.events)
    query = select(*group, events.label("events"), func.sum(union.c.fatalities).label("fatalities"))
    query = query.group_by(*group)
    query = query.order_by(events.desc(), *group) if order else query.order_by(*group)
    if top is not None:
        query = query.limit(top)
    return [dict(row._mapping) for row in conn.execute(query)]


def _grouped(
    conn: Connection, resolved: Resolved, parts: Split | None, keys: list[str], top: int | None = None
) -> list[dict[str, Any]]:
    """Events and fatalities grouped by event columns ``keys`` (no facet), biggest first."""
    if parts is None:
        return _total(conn, [_base(resolved.clauses(), *(e[k] for k in keys))], keys, True, top)
    queries: list[Select[Any]] = []
    months = _months(FACET_NONE, resolved, parts, *(r[k] for k in keys))
    if months is not None:
        queries.append(months)
    if parts.edges:
        days = _rollup(FACET_NONE, GRAIN_DAY, resolved, *(r[k] for k in keys))
        queries.append(days.where(_edge_clause(r.period, parts.edges)))
    return _total(conn, queries, keys, True, top) if queries else []


def _faceted(
    conn: Connection, resolved: Resolved, parts: Split | None, facet: str, top: int
) -> list[dict[str, Any]]:
    """Top admin1 regions (keys iso3, value) or actors (value) by events."""
    admin1 = facet == FACET_ADMIN1
    keys = ["iso3", "value"] if admin1 else ["value"]

    def from_events(where: list[ColumnElement[bool]]) -> Select[Any]:
        if admin1:
            return _base([*where, e.admin1 != ""], e.iso3, e.admin1.label("value"))
        return _base_actors(where)

    if parts is None:
        return _total(conn, [from_events(resolved.clauses())], keys, True, top)
    queries: list[Select[Any]] = []
    months = _months(facet, resolved, parts, *(r[k] for k in keys))
    if months is not None:
        queries.append(months.where(r.value != ""))
    if parts.edges:
        queries.append(from_events([*resolved.clauses(), _edge_clause(e.event_date, parts.edges)]))
    return _total(conn, queries, keys, True, top) if queries else []


def _timeline_days(conn: Connection, resolved: Resolved, rollup: bool) -> list[tuple[date, int, int]]:
    if rollup:
        f = resolved.rest
        query = _rollup(FACET_NONE, GRAIN_DAY, resolved, r.period)
        query = query.where(*_between(r.period, f.since, f.until))
        rows = _total(conn, [query], ["period"], False, None)
        return [(row["period"], int(row["events"]), int(row["fatalities"])) for row in rows]
    query = _base(resolved.clauses(), e.event_date).order_by(e.event_date)
    return [(row[0], int(row[1]), int(row[2] or 0)) for row in conn.execute(query)]


def _bucket(day: date, interval: str) -> date:
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def timeline(days: list[tuple[date, int, int]], interval: str) -> list[dict[str, Any]]:
    buckets: dict[date, list[int]] = {}
    for day, events, fatalities in days:
        cell = buckets.setdefault(_bucket(day, interval), [0, 0])
        cell[0] += events
        cell[1] += fatalities
    return [{"period": k.isoformat(), "events": v[0], "fatalities": v[1]} for k, v in buckets.items()]


def choose_interval(interval: str, first: date | None, last: date | None) -> str:
    if interval not in INTERVALS:
        raise InputError(f"interval must be one of {', '.join(INTERVALS)}", where="interval")
    if interval != "auto":
        return interval
    span = (last - first).days if first and last else 0
    return "day" if span <= AUTO_DAYS else "week" if span <= AUTO_WEEKS * 7 else "month"


def _numbers(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        row["events"] = int(row["events"])
        row["fatalities"] = int(row["fatalities"] or 0)
    return rows


def stats(
    store: Store, filters: EventFilter | None = None, *, interval: str = "auto", top: int = 20
) -> dict[str, Any]:
    """Totals, a timeline and breakdowns of the events matching ``filters`` (see module doc)."""
    filters = filters or EventFilter()
    if not 1 <= top <= MAX_TOP:
        raise InputError(f"top must be between 1 and {MAX_TOP}", where="top")
    rollup = uses_rollup(filters)
    with _reading(store) as conn:
        resolved = resolve(conn, filters)
        parts = split(filters.since, filters.until) if rollup else None
        days = _timeline_days(conn, resolved, rollup)
        first, last = (days[0][0], days[-1][0]) if days else (None, None)
        step = choose_interval(interval, filters.since or first, filters.until or last)
        articles = conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()
        by_country = _numbers(_grouped(conn, resolved, parts, ["iso3", "country"]))
        names = {row["iso3"]: row["country"] for row in by_country}
        admin1 = _numbers(_faceted(conn, resolved, parts, FACET_ADMIN1, top))
        for row in admin1:
            row["admin1"] = row.pop("value")
            row["country"] = names.get(row["iso3"], "")
        return {
            "articles": int(articles),
            "events": sum(d[1] for d in days),
            "fatalities": sum(d[2] for d in days),
            "first_date": first,
            "last_date": last,
            "source": "summary" if rollup else "events",
            "timeline": {"interval": step, "buckets": timeline(days, step)},
            "by_type": _numbers(_grouped(conn, resolved, parts, ["event_type", "sub_event_type"])),
            "by_country": by_country,
            "by_admin1": admin1,
            "top_actors": [
                {"actor": row["value"], "events": row["events"], "fatalities": row["fatalities"]}
                for row in _numbers(_faceted(conn, resolved, parts, FACET_ACTOR, top))
            ],
        }


__all__ = ["INTERVALS", "stats", "uses_rollup"]
