"""A small versioned migration table: each migration runs once, in order, in its own transaction.

To change the schema, append a :class:`Migration` with the next version number whose ``apply``
issues dialect-neutral DDL (SQLAlchemy constructs, or ``ALTER TABLE ... ADD COLUMN``), and update
``schema.py`` to match. Never edit or reorder a released migration: stores in the wild have run it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select

from ..errors import StoreError
from . import schema
from .derived import migrate_v2

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _v1_create(conn: Connection) -> None:
    for table in schema.V1_TABLES:
        if table is not schema.schema_migrations:
            table.create(conn, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, events, claims, ingest runs, rejections", _v1_create),
    Migration(2, "full-text search, summary tables, query indexes", migrate_v2),
)


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table(schema.schema_migrations.name):
        return 0
    versions = conn.execute(select(schema.schema_migrations.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(engine: Engine, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    """Bring the store's schema up to date; returns the schema version now in place."""
    latest = migrations[-1].version if migrations else 0
    with engine.begin() as conn:
        schema.schema_migrations.create(conn, checkfirst=True)
        version = current_version(conn)
    if version > latest:
        raise StoreError(
            f"the store has schema version {version}, newer than this sitrep knows ({latest}); upgrade sitrep"
        )
    for migration in migrations:
        if migration.version <= version:
            continue
        log.info("migrating store to schema version %d: %s", migration.version, migration.name)
        with engine.begin() as conn:
            migration.apply(conn)
            conn.execute(
                schema.schema_migrations.insert().values(
                    version=migration.version,
                    name=migration.name,
                    applied_at=datetime.now(UTC).isoformat(timespec="seconds"),
                )
            )
        version = migration.version
    return version
