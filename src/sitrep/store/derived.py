"""What the store derives from the events it holds: search index, summary tables, query indexes.

:func:`maintain` runs inside the transaction that inserts new events (see ``Store._add``), so the
derived tables never disagree with the events table. :func:`migrate_v2` adds them to a store made by
an earlier sitrep and fills them from the events already there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Index
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from . import rollup, schema, search
from .postgres import analyze

if TYPE_CHECKING:
    from .base import Store

_e = schema.events.c
DATE_INDEX_COLUMNS = (
    "event_date", "id", "fatalities", "event_type", "sub_event_type", "iso3", "country", "admin1", "actor1",
    "actor2", "assoc_actor_1", "assoc_actor_2", "latitude", "longitude",
)  # fmt: skip

# Indexes that serve the API's filters and sort orders (leading filter column, then the sort key).
QUERY_INDEXES: tuple[Index, ...] = (
    # Newest first, and covering what the map's points, the filters of date-ordered pages and the
    # statistics read from the events table need: a narrow copy of the events in date order.
    Index("ix_events_date_id", *(_e[name] for name in DATE_INDEX_COLUMNS)),
    Index("ix_events_type_date", _e.event_type, _e.event_date),
    Index("ix_events_subtype_date", _e.sub_event_type, _e.event_date),
    Index("ix_events_admin1_date", _e.admin1, _e.event_date),
    Index("ix_events_fatalities_id", _e.fatalities, _e.id),
    Index("ix_events_country_fatalities", _e.iso3, _e.fatalities, _e.id),
    Index("ix_events_confidence_id", _e.confidence, _e.id),
)


def maintain(conn: Connection, event_rows: Sequence[Mapping[str, Any]]) -> None:
    """Index and count events just inserted into ``events``, in the same transaction."""
    if not event_rows:
        return
    rollup.add(conn, event_rows)
    search.index(conn, search.docs_of(event_rows))


def migrate_v2(conn: Connection) -> None:
    """Full-text search, summary tables and query indexes; filled from the events already stored."""
    search.create(conn)
    rollup.create(conn)
    for index in QUERY_INDEXES:
        index.create(conn, checkfirst=True)
    search.backfill(conn)
    rollup.backfill(conn)


def refresh_statistics(store: Store) -> None:
    """Let the database re-learn its tables' shapes (after an ingest; cheap)."""
    try:
        with store.engine.begin() as conn:
            analyze(conn)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot analyze the store: {exc}", where=store.where) from exc
