"""Summary tables kept up to date at ingest, so that statistics over millions of events stay fast.

    event_rollup   events and fatalities per period and (iso3, country, event_type, sub_event_type),
                   in three facets:
                   - facet ''       grains 'D' (day), 'M' (month), 'Y' (year)
                   - facet 'admin1' grains 'M' and 'Y', value = admin1
                   - facet 'actor'  grains 'M' and 'Y', value = actor1 or actor2 (an event counts
                     once per actor)
                   ``period`` is the first day of the day, month or year.
    facet_values   every distinct country (value, parent = iso3), event_type, sub_event_type
                   (parent = event_type), admin1 (parent = iso3) and actor, with its events and
                   fatalities: the spellings filters are resolved against, the lists the dashboard
                   offers, and the all-time breakdowns of an unfiltered store.

Both are written in the transaction that inserts the events (``ON CONFLICT ... DO UPDATE``, on
SQLite and PostgreSQL alike), so they always agree with the events table. ``backfill`` rebuilds
them from the events of a store that predates them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import islice
from typing import Any

from sqlalchemy import Column, Connection, Date, Index, Integer, String, Table, Text, select
from sqlalchemy.dialects import postgresql

from ..errors import StoreError
from . import schema

GRAIN_DAY = "D"
GRAIN_MONTH = "M"
GRAIN_YEAR = "Y"
FACET_NONE = ""
FACET_ADMIN1 = "admin1"
FACET_ACTOR = "actor"
FACET_KINDS = ("country", "event_type", "sub_event_type", "admin1", "actor")
BACKFILL_BATCH = 20_000

ROLLUP_KEY = ("facet", "grain", "period", "iso3", "country", "event_type", "sub_event_type", "value")
event_rollup = Table(
    "event_rollup",
    schema.METADATA,
    Column("facet", String(10), primary_key=True),
    Column("grain", String(1), primary_key=True),
    Column("period", Date, primary_key=True),
    Column("iso3", String(3), primary_key=True),
    Column("country", Text, primary_key=True),
    Column("event_type", String(100), primary_key=True),
    Column("sub_event_type", String(100), primary_key=True),
    Column("value", Text, primary_key=True),
    Column("events", Integer, nullable=False),
    Column("fatalities", Integer, nullable=False),
    Index("ix_event_rollup_iso3", "facet", "grain", "iso3", "period"),
    Index("ix_event_rollup_type", "facet", "grain", "event_type", "period"),
    sqlite_with_rowid=False,
)

FACET_KEY = ("kind", "parent", "value")
facet_values = Table(
    "facet_values",
    schema.METADATA,
    Column("kind", String(20), primary_key=True),
    Column("parent", Text, primary_key=True),
    Column("value", Text, primary_key=True),
    Column("events", Integer, nullable=False),
    Column("fatalities", Integer, nullable=False),
    sqlite_with_rowid=False,
)

Key = tuple[Any, ...]


def create(conn: Connection) -> None:
    event_rollup.create(conn, checkfirst=True)
    facet_values.create(conn, checkfirst=True)


def rollup_counts(rows: Iterable[Mapping[str, Any]]) -> tuple[dict[Key, list[int]], dict[Key, list[int]]]:
    """The increments a batch of event rows makes to ``event_rollup`` and ``facet_values``:
    key -> [events, fatalities]."""
    rollup: dict[Key, list[int]] = {}
    facets: dict[Key, list[int]] = {}

    def bump(into: dict[Key, list[int]], key: Key, fatalities: int) -> None:
        cell = into.get(key)
        if cell is None:
            into[key] = [1, fatalities]
        else:
            cell[0] += 1
            cell[1] += fatalities

    for row in rows:
        day: date = row["event_date"]
        month, year = day.replace(day=1), day.replace(month=1, day=1)
        dims = (row["iso3"], row["country"], row["event_type"], row["sub_event_type"])
        fatalities = int(row["fatalities"])
        admin1 = row["admin1"]
        actors = {row["actor1"], row["actor2"]} - {""}
        bump(rollup, (FACET_NONE, GRAIN_DAY, day, *dims, ""), fatalities)
        for grain, period in ((GRAIN_MONTH, month), (GRAIN_YEAR, year)):
            bump(rollup, (FACET_NONE, grain, period, *dims, ""), fatalities)
            bump(rollup, (FACET_ADMIN1, grain, period, *dims, admin1), fatalities)
            for actor in actors:
                bump(rollup, (FACET_ACTOR, grain, period, *dims, actor), fatalities)
        bump(facets, ("country", row["iso3"], row["country"]), fatalities)
        bump(facets, ("event_type", "", row["event_type"]), fatalities)
        bump(facets, ("sub_event_type", row["event_type"], row["sub_event_type"]), fatalities)
        if admin1:
            bump(facets, ("admin1", row["iso3"], admin1), fatalities)
        for actor in actors:
            bump(facets, ("actor", "", actor), fatalities)
    return rollup, facets


def _upsert_sum(conn: Connection, table: Table, key: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert rows (key values, then counters, in column order), or add their counters to the
    counters of the row already there with the same key."""
    if not rows:
        return
    names = [c.name for c in table.columns]
    counters = names[len(key) :]
    dialect = conn.dialect.name
    if dialect == "sqlite":  # straight to the driver: several times faster for many small rows
        sql = (
            f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
            f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET "
            + ", ".join(f"{c} = {c} + excluded.{c}" for c in counters)
        )  # identifiers from the table definition; every value is a bound parameter
        dates = [i for i, column in enumerate(table.columns) if isinstance(column.type, Date)]
        conn.exec_driver_sql(sql, [_sqlite_row(row, dates) for row in rows] if dates else rows)
        return
    if dialect != "postgresql":
        raise StoreError(f"sitrep stores run on SQLite or PostgreSQL, not {dialect}")
    insert = postgresql.insert(table)
    stmt = insert.on_conflict_do_update(
        index_elements=list(key), set_={c: table.c[c] + insert.excluded[c] for c in counters}
    )
    conn.execute(stmt, [dict(zip(names, row, strict=True)) for row in rows])


def _sqlite_row(row: tuple[Any, ...], dates: list[int]) -> tuple[Any, ...]:
    """A row with its date columns (at ``dates``) as ISO text, as SQLite stores dates."""
    values = list(row)
    for i in dates:
        value = values[i]
        if isinstance(value, date):
            values[i] = value.isoformat()
    return tuple(values)


def add(conn: Connection, event_rows: Sequence[Mapping[str, Any]]) -> None:
    """Count new events into the summary tables (inside the transaction that inserts them)."""
    if not event_rows:
        return
    rollup, facets = rollup_counts(event_rows)
    # Sorted keys: concurrent writers on PostgreSQL lock rows in the same order (no deadlocks).
    _upsert_sum(conn, event_rollup, ROLLUP_KEY, [(*k, *v) for k, v in sorted(rollup.items())])
    _upsert_sum(conn, facet_values, FACET_KEY, [(*k, *v) for k, v in sorted(facets.items())])


ROLLUP_SOURCE = ("event_date", "iso3", "country", "admin1", "event_type", "sub_event_type", "actor1",
                 "actor2", "fatalities")  # fmt: skip


def _event_batches(conn: Connection) -> Iterator[list[dict[str, Any]]]:
    e = schema.events.c
    query = select(*(e[name] for name in ROLLUP_SOURCE)).execution_options(yield_per=BACKFILL_BATCH)
    rows = conn.execute(query)
    iterator = iter(rows.mappings())
    while batch := [dict(r) for r in islice(iterator, BACKFILL_BATCH)]:
        yield batch


def backfill(conn: Connection) -> None:
    """Rebuild the summary tables from the events table, a batch of events at a time."""
    conn.execute(event_rollup.delete())
    conn.execute(facet_values.delete())
    for batch in _event_batches(conn):
        add(conn, batch)
