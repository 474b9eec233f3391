"""Statistics over the events matching a filter: totals, a timeline, and counts by type, country,
admin1 and actor, each with events and fatalities.

Three ways to the same numbers (tested equal), fastest first:

- no filter at all: the all-time counts of ``facet_values``;
- filters on dates, country, event type and sub-event type only (the dashboard's usual case): the
  summary tables (``rollup.py``), a date range cut into whole years, whole months and the days at
  either end (daily rows, or for admin1 and actors the events table);
- any other filter (actor, admin1, fatalities, box, text, article): the events table, read once
  into a materialised common table expression that every breakdown then groups.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import (
    CTE,
    ColumnElement,
    Connection,
    Select,
    String,
    cast,
    func,
    literal_column,
    null,
    or_,
    select,
    union_all,
)

from ..errors import InputError
from . import schema
from .base import EventFilter, Store
from .query import Resolved, _reading, resolve
from .rollup import (
    FACET_ACTOR,
    FACET_ADMIN1,
    FACET_NONE,
    GRAIN_DAY,
    GRAIN_MONTH,
    GRAIN_YEAR,
    event_rollup,
    facet_values,
)

Interval = Literal["auto", "day", "week", "month"]
INTERVALS: tuple[str, ...] = ("auto", "day", "week", "month")
ROLLUP_FIELDS = frozenset({"since", "until", "country", "event_type", "sub_event_type", "limit"})
AUTO_DAYS = 180  # auto interval: days up to this span, weeks up to AUTO_WEEKS, months beyond
AUTO_WEEKS = 2 * 53
MAX_TOP = 500
PARALLEL = 3  # queries of one statistics request that run at once (each on its own connection)
DAY = timedelta(days=1)

e = schema.events.c
r = event_rollup.c
Rows = list[dict[str, Any]]


def uses_rollup(filters: EventFilter) -> bool:
    """Whether the summary tables can answer ``filters``."""
    return all(
        getattr(filters, name) in (None, "") for name in filters.__slots__ if name not in ROLLUP_FIELDS
    )


# -- date ranges -----------------------------------------------------------------------------------


def _month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _previous_month(month: date) -> date:
    return (month.replace(day=1) - DAY).replace(day=1)


Range = tuple[date | None, date | None]  # inclusive; None: unbounded


@dataclass(frozen=True, slots=True)
class Split:
    """A date range as whole years, whole months and days (periods are first days)."""

    years: Range | None  # None: no whole year inside
    months: tuple[tuple[date, date], ...]
    edges: tuple[tuple[date, date], ...]
    whole_months: Range | None = None  # every whole month inside, years included; None: none


def split(since: date | None, until: date | None) -> Split:
    if since is not None and until is not None and since > until:
        return Split(None, (), ())
    m_lo = None if since is None else since if since.day == 1 else _next_month(since)
    m_hi = None
    if until is not None:
        m_hi = until.replace(day=1) if until == _month_end(until) else _previous_month(until)
    if m_lo is not None and m_hi is not None and m_lo > m_hi:  # no whole month inside
        assert since is not None and until is not None
        return Split(None, (), ((since, until),), None)
    edges = []
    if since is not None and m_lo is not None and since < m_lo:
        edges.append((since, m_lo - DAY))
    if until is not None and m_hi is not None and until > _month_end(m_hi):
        edges.append((_month_end(m_hi) + DAY, until))
    y_lo = None if m_lo is None else m_lo if m_lo.month == 1 else date(m_lo.year + 1, 1, 1)
    y_hi = None if m_hi is None else date(m_hi.year if m_hi.month == 12 else m_hi.year - 1, 1, 1)
    if y_lo is not None and y_hi is not None and y_lo > y_hi:  # no whole year inside
        assert m_lo is not None and m_hi is not None
        return Split(None, ((m_lo, m_hi),), tuple(edges), (m_lo, m_hi))
    months = []
    if m_lo is not None and y_lo is not None and m_lo < y_lo:
        months.append((m_lo, _previous_month(y_lo)))
    if m_hi is not None and y_hi is not None and m_hi > y_hi.replace(month=12):
        months.append((y_hi.replace(year=y_hi.year + 1), m_hi))
    return Split((y_lo, y_hi), tuple(months), tuple(edges), (m_lo, m_hi))


def _between(col: Any, low: date | None, high: date | None) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if low is not None:
        out.append(col >= low)
    if high is not None:
        out.append(col <= high)
    return out


def _within(col: Any, ranges: tuple[tuple[date, date], ...]) -> ColumnElement[bool]:
    return or_(*(col.between(low, high) for low, high in ranges))


def _on_days(conn: Connection, low: date, high: date) -> ColumnElement[bool]:
    """Events from ``low`` to ``high``. On SQLite the clause tells the planner it is selective
    (``likelihood``); else it may skip-scan the country index and read rows instead of the covering
    date index."""
    clause = e.event_date.between(low, high)
    if conn.dialect.name == "sqlite":
        hinted: ColumnElement[bool] = func.likelihood(clause, literal_column("0.01"))
        return hinted
    return clause


# -- summary tables --------------------------------------------------------------------------------


def _rollup(facet: str, grain: str, resolved: Resolved, *cols: Any) -> Select[Any]:
    return select(*cols, r.events, r.fatalities).where(
        r.facet == facet, r.grain == grain, *resolved.name_clauses(event_rollup)
    )


def _base(where: list[ColumnElement[bool]], *cols: Any) -> Select[Any]:
    """Events grouped by ``cols`` (labelled as the summary table's columns)."""
    query = select(*cols, func.count().label("events"), func.sum(e.fatalities).label("fatalities"))
    return query.where(*where).group_by(*cols)


def _base_actors(where: list[ColumnElement[bool]]) -> Select[Any]:
    """(value, events, fatalities) per actor: actor1, and actor2 when it is another actor."""
    first = _base([*where, e.actor1 != ""], e.actor1.label("value"))
    second = _base([*where, e.actor2 != "", e.actor2 != e.actor1], e.actor2.label("value"))
    both = union_all(first, second).subquery()
    return select(both.c.value, both.c.events, both.c.fatalities)


def _total(conn: Connection, parts: list[Select[Any]], keys: list[str], top: int | None = None) -> Rows:
    """Sum the (keys..., events, fatalities) rows of ``parts``; biggest first (or by key)."""
    if not parts:
        return []
    union = union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
    group = [union.c[k] for k in keys]
    events = func.sum(union.c.events)
    query = select(*group, events.label("events"), func.sum(union.c.fatalities).label("fatalities"))
    query = query.group_by(*group).order_by(*group) if top is None else query.group_by(*group)
    if top is not None:
        query = query.order_by(events.desc(), *group).limit(top)
    return [dict(row._mapping) for row in conn.execute(query)]


def _from_rollup(  # noqa: PLR0917
    conn: Connection, resolved: Resolved, parts: Split, facet: str, keys: list[str], top: int | None
) -> Rows:
    """A breakdown by ``keys`` from the summary rows of ``facet``: years, months, then edge days."""
    cols = [r[k] for k in keys]
    queries: list[Select[Any]] = []
    if parts.years is not None:
        queries.append(_rollup(facet, GRAIN_YEAR, resolved, *cols).where(*_between(r.period, *parts.years)))
    if parts.months:
        queries.append(_rollup(facet, GRAIN_MONTH, resolved, *cols).where(_within(r.period, parts.months)))
    if facet != FACET_NONE:
        queries = [q.where(r.value != "") for q in queries]
    if parts.edges:
        if facet == FACET_NONE:
            queries.append(_rollup(facet, GRAIN_DAY, resolved, *cols).where(_within(r.period, parts.edges)))
        else:  # the events of the edge days, one range at a time (each an index range)
            undated = replace(resolved, rest=replace(resolved.rest, since=None, until=None)).clauses()
            for low, high in parts.edges:
                where = [*undated, _on_days(conn, low, high)]
                if facet == FACET_ADMIN1:
                    queries.append(_base([*where, e.admin1 != ""], e.iso3, e.admin1.label("value")))
                else:
                    queries.append(_base_actors(where))
    return _total(conn, queries, keys, top)


Job = Callable[[Connection], Rows]


def _timeline_job(resolved: Resolved, step: str) -> Job:
    """Events per day of the range (daily rows), or per month (monthly rows + edge days)."""
    f = resolved.rest

    def run(conn: Connection) -> Rows:
        if step != "month":
            day = _rollup(FACET_NONE, GRAIN_DAY, resolved, r.period)
            return _total(conn, [day.where(*_between(r.period, f.since, f.until))], ["period"])
        parts = split(f.since, f.until)
        queries = []
        if parts.whole_months is not None:
            months = _rollup(FACET_NONE, GRAIN_MONTH, resolved, r.period)
            queries.append(months.where(*_between(r.period, *parts.whole_months)))
        if parts.edges:
            days = _rollup(FACET_NONE, GRAIN_DAY, resolved, r.period)
            queries.append(days.where(_within(r.period, parts.edges)))
        return _total(conn, queries, ["period"])

    return run


def _rollup_jobs(resolved: Resolved, top: int, step: str) -> dict[str, Job]:
    parts = split(resolved.rest.since, resolved.rest.until)

    def breakdown(facet: str, keys: list[str], limit: int | None) -> Job:
        return lambda conn: _from_rollup(conn, resolved, parts, facet, keys, limit)

    return {
        "timeline": _timeline_job(resolved, step),
        "by_type": breakdown(FACET_NONE, ["event_type", "sub_event_type"], MAX_TOP),
        "by_country": breakdown(FACET_NONE, ["iso3", "country"], MAX_TOP),
        "by_admin1": breakdown(FACET_ADMIN1, ["iso3", "value"], top),
        "top_actors": breakdown(FACET_ACTOR, ["value"], top),
    }


def _facet_jobs(top: int, step: str) -> dict[str, Job]:
    """The breakdowns of the whole store, from ``facet_values``."""
    fv = facet_values.c

    def kind(name: str, limit: int, *cols: Any) -> Job:
        query = select(*cols, fv.events, fv.fatalities).where(fv.kind == name)
        query = query.order_by(fv.events.desc(), fv.parent, fv.value).limit(limit)
        return lambda conn: [dict(row._mapping) for row in conn.execute(query)]

    return {
        "timeline": _timeline_job(Resolved(EventFilter()), step),
        "by_type": kind(
            "sub_event_type", MAX_TOP, fv.parent.label("event_type"), fv.value.label("sub_event_type")
        ),
        "by_country": kind("country", MAX_TOP, fv.parent.label("iso3"), fv.value.label("country")),
        "by_admin1": kind("admin1", top, fv.parent.label("iso3"), fv.value),
        "top_actors": kind("actor", top, fv.value),
    }


def _bounds(conn: Connection, resolved: Resolved) -> tuple[date | None, date | None]:
    """The first and last day with a matching event (daily summary rows)."""
    f = resolved.rest
    query = select(func.min(r.period), func.max(r.period)).where(
        r.facet == FACET_NONE, r.grain == GRAIN_DAY, *resolved.name_clauses(event_rollup),
        *_between(r.period, f.since, f.until),
    )  # fmt: skip
    first, last = conn.execute(query).one()
    return (_as_date(first) if first else None, _as_date(last) if last else None)


def _in_parallel(store: Store, jobs: dict[str, Job]) -> dict[str, Rows]:
    """Run independent queries at once, each on a connection of its own (they are read-only)."""

    def run(job: Job) -> Rows:
        with _reading(store) as conn:
            return job(conn)

    with ThreadPoolExecutor(max_workers=PARALLEL, thread_name_prefix="sitrep-stats") as pool:
        futures = {name: pool.submit(run, job) for name, job in jobs.items()}
        return {name: future.result() for name, future in futures.items()}


# -- the events table ------------------------------------------------------------------------------

# Part of the single statement -> the names of its key columns k1, k2.
_NAMES: dict[str, tuple[str, str | None]] = {
    "timeline": ("period", None),
    "by_type": ("event_type", "sub_event_type"),
    "by_country": ("iso3", "country"),
    "by_admin1": ("iso3", "value"),
    "top_actors": ("value", None),
}
_NARROW = ("event_date", "iso3", "country", "admin1", "event_type", "sub_event_type", "actor1", "actor2",
           "fatalities")  # fmt: skip


def _constant(name: str) -> ColumnElement[str]:
    """A constant string column (``name`` is one of this module's part names, never user input)."""
    assert name.replace("_", "").isalnum()
    return literal_column(f"'{name}'", String)


def _event_stats(conn: Connection, resolved: Resolved, top: int) -> dict[str, Rows]:
    """Every breakdown in one statement over the matching events, read once (materialised CTE)."""
    m: CTE = select(*(e[c] for c in _NARROW)).where(*resolved.clauses()).cte("matching")
    m = m.prefix_with("MATERIALIZED")
    keys = ("k1", "k2")

    def grouped(name: str, cols: list[Any], where: list[Any], limit: int | None) -> Select[Any]:
        labelled: list[Any] = [cast(c, String).label(k) for c, k in zip(cols, keys, strict=False)]
        labelled += [null().label(k) for k in keys[len(cols) :]]
        counts = [func.count().label("events"), func.sum(m.c.fatalities).label("fatalities")]
        query = select(_constant(name).label("part"), *labelled, *counts).where(*where).group_by(*cols)
        if limit is not None:
            query = query.order_by(func.count().desc(), *cols).limit(limit)
        return select(query.subquery())  # a subquery keeps each part's ORDER BY / LIMIT

    actors = union_all(
        select(m.c.actor1.label("actor"), m.c.fatalities).where(m.c.actor1 != ""),
        select(m.c.actor2.label("actor"), m.c.fatalities).where(m.c.actor2 != "", m.c.actor2 != m.c.actor1),
    ).subquery()
    top_actors = (
        select(_constant("top_actors").label("part"), actors.c.actor.label("k1"), null().label("k2"),
               func.count().label("events"), func.sum(actors.c.fatalities).label("fatalities"))
        .group_by(actors.c.actor).order_by(func.count().desc(), actors.c.actor).limit(top)
    )  # fmt: skip
    parts = [
        grouped("timeline", [m.c.event_date], [], None),
        grouped("by_type", [m.c.event_type, m.c.sub_event_type], [], MAX_TOP),
        grouped("by_country", [m.c.iso3, m.c.country], [], MAX_TOP),
        grouped("by_admin1", [m.c.iso3, m.c.admin1], [m.c.admin1 != ""], top),
        select(top_actors.subquery()),
    ]
    result: dict[str, Rows] = {name: [] for name in _NAMES}
    for row in conn.execute(union_all(*parts)):
        first, second = _NAMES[row.part]
        out = {first: row.k1, "events": row.events, "fatalities": row.fatalities}
        if second:
            out[second] = row.k2
        result[row.part].append(out)
    result["timeline"].sort(key=lambda row: str(row["period"]))
    for part in ("by_type", "by_country", "by_admin1", "top_actors"):
        result[part].sort(key=lambda row: -int(row["events"]))
    return result


# -- assembling ------------------------------------------------------------------------------------


def _bucket(day: date, interval: str) -> date:
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def timeline(days: list[tuple[date, int, int]], interval: str) -> Rows:
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


def _numbers(rows: Rows) -> Rows:
    for row in rows:
        row["events"] = int(row["events"])
        row["fatalities"] = int(row["fatalities"] or 0)
    return rows


def _articles(conn: Connection) -> Rows:
    return [{"n": conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()}]


def _days_bounds(rows: Rows) -> tuple[date | None, date | None]:
    days = [_as_date(row["period"]) for row in rows]
    return (min(days), max(days)) if days else (None, None)


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def stats(
    store: Store, filters: EventFilter | None = None, *, interval: str = "auto", top: int = 20
) -> dict[str, Any]:
    """Totals, a timeline and breakdowns of the events matching ``filters`` (see module doc)."""
    filters = filters or EventFilter()
    if not 1 <= top <= MAX_TOP:
        raise InputError(f"top must be between 1 and {MAX_TOP}", where="top")
    choose_interval(interval, None, None)  # validate before any query
    rollup = uses_rollup(filters)
    with _reading(store) as conn:
        resolved = resolve(conn, filters)
        if rollup:
            first, last = _bounds(conn, resolved)
        else:
            parts, source = _event_stats(conn, resolved, top), "events"
            first, last = _days_bounds(parts["timeline"])
    step = choose_interval(interval, filters.since or first, filters.until or last)
    if rollup:
        unfiltered = resolved == Resolved(EventFilter(limit=filters.limit))
        jobs = _facet_jobs(top, step) if unfiltered else _rollup_jobs(resolved, top, step)
        jobs["articles"] = _articles
        parts, source = _in_parallel(store, jobs), "summary"
    else:
        with _reading(store) as conn:
            parts["articles"] = _articles(conn)
    articles = parts["articles"][0]["n"]
    days = [
        (_as_date(row["period"]), int(row["events"]), int(row["fatalities"] or 0))
        for row in parts["timeline"]
    ]
    by_country = _numbers(parts["by_country"])
    names = {row["iso3"]: row["country"] for row in by_country}
    admin1 = [
        {"iso3": row["iso3"], "country": names.get(row["iso3"], ""), "admin1": row["value"],
         "events": row["events"], "fatalities": row["fatalities"]}
        for row in _numbers(parts["by_admin1"])
    ]  # fmt: skip
    actors = [
        {"actor": row["value"], "events": row["events"], "fatalities": row["fatalities"]}
        for row in _numbers(parts["top_actors"])
    ]
    return {
        "articles": int(articles),
        "events": sum(d[1] for d in days),
        "fatalities": sum(d[2] for d in days),
        "first_date": first,
        "last_date": last,
        "source": source,
        "timeline": {"interval": step, "buckets": timeline(days, step)},
        "by_type": _numbers(parts["by_type"]),
        "by_country": by_country,
        "by_admin1": admin1,
        "top_actors": actors,
    }


__all__ = ["INTERVALS", "choose_interval", "split", "stats", "uses_rollup"]
