"""The event store: articles, events (with evidence and claims) and ingest runs in SQL.

open_store(url_or_path) -> Store      SQLite (WAL) by default, PostgreSQL by URL
Store.add(article, events)            idempotent by the article's content hash
Store.query(EventFilter(...))         events, streamed
Store.stats(EventFilter(...))         counts by type and country
ingest(store, items, pipeline=...)    batched, idempotent, resumable; returns an IngestSummary
"""

from __future__ import annotations

from .base import DEFAULT_DB, AddResult, EventFilter, Store, open_store
from .ingest import IngestSummary, ingest
from .migrations import MIGRATIONS, Migration, migrate

__all__ = [
    "DEFAULT_DB",
    "MIGRATIONS",
    "AddResult",
    "EventFilter",
    "IngestSummary",
    "Migration",
    "Store",
    "ingest",
    "migrate",
    "open_store",
]
