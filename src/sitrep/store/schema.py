"""The store's tables (SQLAlchemy Core), dialect-neutral: SQLite and PostgreSQL.

    ingest_runs ─< articles ─< events ─< claims
    ingest_runs ─< rejections
    schema_migrations (version, name, applied_at)

- ``articles.content_hash`` is the key: re-ingesting the same text adds nothing. ``articles.id`` is
  the caller's id (or the hash) and need not be unique across inputs.
- ``events.id`` is ``"<content_hash>:<n>"`` (the n-th event coded from that article), so an event
  has the same id in every store the article goes into; ``events.event_id`` is the coder's id.
- Dates are SQL DATEs (ISO text on SQLite); zones are JSON text ``[[kind, start, end], ...]``.
- ``events.evidence`` is JSON text, the ``evidence`` list of the event JSON contract: an event has a
  dozen evidence spans, always read together, so one column beats a dozen rows (ingest speed).
  Claims (one per source figure, queried by source) are rows of ``claims``.

Only migrations (``migrations.py``) create or change tables; never edit a released migration.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

METADATA = MetaData()

schema_migrations = Table(
    "schema_migrations",
    METADATA,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

ingest_runs = Table(
    "ingest_runs",
    METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(40), nullable=False),
    Column("finished_at", String(40)),
    Column("status", String(20), nullable=False),  # running, done, interrupted, failed
    Column("inputs", Text, nullable=False),  # JSON list of the paths given
    Column("articles_read", Integer, nullable=False, default=0),
    Column("articles_new", Integer, nullable=False, default=0),
    Column("articles_known", Integer, nullable=False, default=0),
    Column("articles_failed", Integer, nullable=False, default=0),
    Column("rejected", Integer, nullable=False, default=0),
    Column("events_found", Integer, nullable=False, default=0),
)

rejections = Table(
    "rejections",
    METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("ingest_runs.id", ondelete="CASCADE"), nullable=False),
    Column("path", Text, nullable=False),
    Column("record", Text),
    Column("reason", Text, nullable=False),
    Index("ix_rejections_run", "run_id"),
)

articles = Table(
    "articles",
    METADATA,
    Column("content_hash", String(16), primary_key=True),
    Column("id", Text, nullable=False),
    Column("title", Text),
    Column("published", Date),
    Column("published_from", String(40)),
    Column("source", Text),
    Column("url", Text),
    Column("language", String(20)),
    Column("origin_path", Text),
    Column("origin_reader", String(40)),
    Column("origin_record", Text),
    Column("text", Text, nullable=False),
    Column("zones", Text, nullable=False),
    Column("error", Text),  # why the pipeline failed on it, if it did
    Column("run_id", Integer, ForeignKey("ingest_runs.id", ondelete="SET NULL")),
    Index("ix_articles_id", "id"),
    Index("ix_articles_published", "published"),
)

events = Table(
    "events",
    METADATA,
    Column("id", String(40), primary_key=True),
    Column(
        "content_hash", String(16), ForeignKey("articles.content_hash", ondelete="CASCADE"), nullable=False
    ),
    Column("seq", Integer, nullable=False),
    Column("event_id", Text, nullable=False),
    Column("event_date", Date, nullable=False),
    Column("time_precision", Integer, nullable=False),
    Column("disorder_type", String(100), nullable=False),
    Column("event_type", String(100), nullable=False),
    Column("sub_event_type", String(100), nullable=False),
    Column("actor1", Text, nullable=False),
    Column("assoc_actor_1", Text, nullable=False),
    Column("inter1", Integer, nullable=False),
    Column("actor2", Text, nullable=False),
    Column("assoc_actor_2", Text, nullable=False),
    Column("inter2", Integer, nullable=False),
    Column("interaction", Integer, nullable=False),
    Column("civilian_targeting", String(100), nullable=False),
    Column("iso3", String(3), nullable=False),
    Column("country", String(100), nullable=False),
    Column("admin1", Text, nullable=False),
    Column("admin2", Text, nullable=False),
    Column("admin3", Text, nullable=False),
    Column("location", Text, nullable=False),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer, nullable=False),
    Column("fatalities", Integer, nullable=False),
    Column("fatalities_low", Integer, nullable=False),
    Column("fatalities_high", Integer, nullable=False),
    Column("source", Text, nullable=False),
    Column("source_url", Text, nullable=False),
    Column("notes", Text, nullable=False),
    Column("article_id", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("tags", Text, nullable=False),
    Column("evidence", Text, nullable=False),  # JSON list of {field, start, end, text, rule}
    UniqueConstraint("content_hash", "seq", name="uq_events_article_seq"),
    Index("ix_events_date", "event_date"),
    Index("ix_events_country", "iso3", "event_date"),
    Index("ix_events_type", "event_type", "sub_event_type"),
    Index("ix_events_fatalities", "fatalities"),
    Index("ix_events_article", "article_id"),
)

claims = Table(
    "claims",
    METADATA,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("field", String(60), nullable=False),
    Column("value", Integer, nullable=False),
    Column("source", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

# The tables of schema version 1, in creation order.
V1_TABLES = (schema_migrations, ingest_runs, rejections, articles, events, claims)
