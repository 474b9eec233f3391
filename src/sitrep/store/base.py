"""The event store: one :class:`Store` over SQLAlchemy 2 Core, on SQLite (default) or PostgreSQL.

Every query is built from SQLAlchemy constructs with bound parameters; nothing is formatted into
SQL text. Dialect differences (SQLite pragmas, the insert-or-ignore spelling) live here only.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    and_,
    create_engine,
    event,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import StoreError
from ..models import Article, Event, Rejection
from . import postgres, schema
from .derived import maintain
from .migrations import migrate
from .rows import article_from_row, article_row, event_from_row, event_rows
from .search import text_match

log = logging.getLogger(__name__)

DEFAULT_DB = "sitrep.db"
DB_ENV = "SITREP_DB"  # default store path or URL when none is given
FETCH_BATCH = 1000
# SQLite settings for a fast, safe single-writer store.
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA cache_size=-65536",
    "PRAGMA busy_timeout=10000",
    # Checkpoint the WAL every 32 MB instead of 4 MB: an ingest batch writes megabytes, and each
    # checkpoint syncs the file; the WAL is truncated back to 64 MB after a checkpoint.
    "PRAGMA wal_autocheckpoint=8192",
    "PRAGMA journal_size_limit=67108864",
)
# Read through a memory map: pages come from the OS cache that every connection shares, instead of
# each pooled connection warming its own page cache (reads 30-40% faster on a large store). The
# mapped pages count in the process's RSS, so a long write-only job (``sitrep ingest``) opens the
# store with ``mmap_bytes=0`` and its memory stays flat however large the file grows.
READ_MMAP_BYTES = 4 * 1024**3


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return. Strings match exactly (case-insensitive), ``actor`` as a substring."""

    since: date | None = None
    until: date | None = None
    country: str | None = None  # iso3 code or country name
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # substring of actor1, actor2 or an associated actor
    min_fatalities: int | None = None
    article_id: str | None = None
    limit: int | None = None
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (degrees)
    text: str | None = None  # words in the notes or evidence (full-text, see store/search.py)

    def clauses(self) -> list[ColumnElement[bool]]:
        e = schema.events.c
        out: list[ColumnElement[bool]] = []
        if self.since is not None:
            out.append(e.event_date >= self.since)
        if self.until is not None:
            out.append(e.event_date <= self.until)
        if self.country:
            value = self.country.strip()
            if len(value) == 3 and value.isalpha():
                out.append(or_(e.iso3 == value.upper(), func.lower(e.country) == value.lower()))
            else:
                out.append(func.lower(e.country) == value.lower())
        if self.event_type:
            out.append(func.lower(e.event_type) == self.event_type.lower())
        if self.sub_event_type:
            out.append(func.lower(e.sub_event_type) == self.sub_event_type.lower())
        if self.actor:
            needle = self.actor.lower()
            out.append(
                or_(*(func.lower(col).contains(needle, autoescape=True)
                      for col in (e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2)))
            )  # fmt: skip
        if self.min_fatalities is not None:
            out.append(e.fatalities >= self.min_fatalities)
        if self.article_id:
            out.append(e.article_id == self.article_id)
        if self.admin1:
            out.append(func.lower(e.admin1) == self.admin1.strip().lower())
        if self.bbox is not None:
            west, south, east, north = self.bbox
            lon: ColumnElement[bool] = e.longitude.between(west, east)
            if west > east:  # the box crosses the antimeridian
                lon = or_(e.longitude >= west, e.longitude <= east)
            out.append(and_(e.latitude.between(south, north), lon))
        if self.text is not None:
            out.append(text_match(self.text))
        return out


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one :meth:`Store.add_batch` call stored."""

    new: int = 0
    known: int = 0
    events: int = 0


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _url(target: str | Path | None) -> str:
    text = str(target) if target is not None else os.environ.get(DB_ENV, DEFAULT_DB)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


def _sqlite_pragmas(mmap_bytes: int) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.execute(f"PRAGMA mmap_size={int(mmap_bytes)}")  # an int, never user text
        cursor.close()

    return on_connect


class Store:
    """Articles, events (with evidence and claims) and ingest runs in one SQL database."""

    def __init__(self, engine: Engine, *, where: str | None = None) -> None:
        self.engine = engine
        self.where = where or engine.url.render_as_string(hide_password=True)
        self.dialect = engine.dialect.name

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The content hashes among ``hashes`` that are already stored."""
        wanted = list(dict.fromkeys(hashes))
        found: set[str] = set()
        col = schema.articles.c.content_hash
        with self._connect() as conn:
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                found.update(conn.execute(select(col).where(col.in_(part))).scalars())
        return found

    def add(self, article: Article, events: Sequence[Event] = ()) -> AddResult:
        """Store one article and its events; nothing is added if its text is already stored."""
        return self.add_batch([(article, events, None)])

    def add_batch(
        self,
        items: Sequence[tuple[Article, Sequence[Event], str | None]],
        *,
        run_id: int | None = None,
        rejections: Sequence[Rejection] = (),
    ) -> AddResult:
        """Store (article, events, error) triples in one transaction, skipping known texts.

        The rejections met while reading them are written in the same transaction, so an
        interrupted ingest leaves the store consistent at a batch boundary.
        """
        try:
            with self.engine.begin() as conn:
                result = self._add(conn, items, run_id)
                if run_id is not None and rejections:
                    conn.execute(
                        schema.rejections.insert(),
                        [{"run_id": run_id, "path": r.path, "record": r.record, "reason": r.reason}
                         for r in rejections],
                    )  # fmt: skip
                return result
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to the store: {exc}", where=self.where) from exc

    def _add(
        self,
        conn: Connection,
        items: Sequence[tuple[Article, Sequence[Event], str | None]],
        run_id: int | None,
    ) -> AddResult:
        fresh: dict[str, tuple[Article, Sequence[Event], str | None]] = {}
        for item in items:
            fresh.setdefault(item[0].content_hash, item)
        col = schema.articles.c.content_hash
        known = set(conn.execute(select(col).where(col.in_(list(fresh)))).scalars()) if fresh else set()
        article_rows: list[dict[str, Any]] = []
        event_rows_: list[dict[str, Any]] = []
        claim_rows: list[dict[str, Any]] = []
        for content_hash, (article, events, error) in fresh.items():
            if content_hash in known:
                continue
            article_rows.append(article_row(article, run_id, error, content_hash=content_hash))
            for seq, ev in enumerate(events):
                row, claims = event_rows(content_hash, seq, ev)
                event_rows_.append(row)
                claim_rows.extend(claims)
        for table, rows in (
            (schema.articles, article_rows),
            (schema.events, event_rows_),
            (schema.claims, claim_rows),
        ):
            if rows:
                conn.execute(table.insert(), rows)
        maintain(conn, event_rows_)  # search index and summary tables, same transaction
        return AddResult(new=len(article_rows), known=len(items) - len(article_rows), events=len(event_rows_))

    # -- ingest runs -----------------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str]) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(
                schema.ingest_runs.insert().values(
                    started_at=_now(), status="running", inputs=json.dumps(list(inputs), ensure_ascii=False),
                    articles_read=0, articles_new=0, articles_known=0, articles_failed=0, rejected=0,
                    events_found=0,
                )
            )  # fmt: skip
            key = result.inserted_primary_key
            if key is None:
                raise StoreError("the database did not return the new ingest run's id", where=self.where)
            return int(key[0])

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(schema.ingest_runs)
                .where(schema.ingest_runs.c.id == run_id)
                .values(status=status, finished_at=_now(), **counts)
            )

    def runs(self) -> list[dict[str, Any]]:
        with self._connect() as conn:
            rows = conn.execute(select(schema.ingest_runs).order_by(schema.ingest_runs.c.id))
            return [dict(r._mapping) for r in rows]

    # -- reading ---------------------------------------------------------------------------------

    def _select(self, filters: EventFilter) -> Select[Any]:
        e = schema.events
        query = select(e).where(*filters.clauses()).order_by(e.c.event_date, e.c.id)
        if filters.limit is not None:
            query = query.limit(filters.limit)
        return query

    def query(self, filters: EventFilter | None = None) -> Iterator[Event]:
        """Events matching ``filters``, by date, streamed in batches (flat memory)."""
        query = self._select(filters or EventFilter())
        try:
            with self._connect() as conn:
                rows = conn.execution_options(yield_per=FETCH_BATCH).execute(query).mappings()
                while batch := list(islice(rows, FETCH_BATCH)):
                    yield from self._events(conn, batch)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read events: {exc}", where=self.where) from exc

    def _events(self, conn: Connection, rows: list[Any]) -> Iterator[Event]:
        keys = [r["id"] for r in rows]
        claims: dict[str, list[Any]] = {k: [] for k in keys}
        c = schema.claims.c
        for row in conn.execute(
            select(schema.claims).where(c.event_id.in_(keys)).order_by(c.event_id, c.seq)
        ):
            claims[row.event_id].append(row._mapping)
        for row in rows:
            yield event_from_row(row, claims[row["id"]])

    def get_event(self, key: str) -> Event | None:
        """One event by its store id (``"<content_hash>:<n>"``)."""
        with self._connect() as conn:
            row = conn.execute(select(schema.events).where(schema.events.c.id == key)).mappings().first()
            return next(self._events(conn, [row])) if row is not None else None

    def get_article(self, key: str) -> Article | None:
        """One article by content hash, else by its id (the first stored with that id)."""
        a = schema.articles
        with self._connect() as conn:
            row = conn.execute(select(a).where(a.c.content_hash == key)).mappings().first()
            if row is None:
                query = select(a).where(a.c.id == key).order_by(a.c.run_id, a.c.content_hash).limit(1)
                row = conn.execute(query).mappings().first()
            return article_from_row(row) if row is not None else None

    def count(self, filters: EventFilter | None = None) -> int:
        query = select(func.count()).select_from(schema.events).where(*(filters or EventFilter()).clauses())
        with self._connect() as conn:
            return int(conn.execute(query).scalar_one())

    def stats(self, filters: EventFilter | None = None) -> dict[str, Any]:
        """Counts of articles and events, and events/fatalities by event type and by country."""
        e = schema.events
        where = (filters or EventFilter()).clauses()
        with self._connect() as conn:
            articles = conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()
            total, fatalities, first, last = conn.execute(
                select(func.count(), func.coalesce(func.sum(e.c.fatalities), 0),
                       func.min(e.c.event_date), func.max(e.c.event_date)).where(*where)
            ).one()  # fmt: skip

            def grouped(*cols: Any) -> list[dict[str, Any]]:
                query = (
                    select(*cols, func.count().label("events"), func.sum(e.c.fatalities).label("fatalities"))
                    .where(*where)
                    .group_by(*cols)
                    .order_by(func.count().desc())
                )
                return [dict(r._mapping) for r in conn.execute(query)]

            return {
                "articles": int(articles),
                "events": int(total),
                "fatalities": int(fatalities),
                "first_date": first,
                "last_date": last,
                "by_type": grouped(e.c.event_type, e.c.sub_event_type),
                "by_country": grouped(e.c.iso3, e.c.country),
            }

    def _connect(self) -> Connection:
        try:
            return self.engine.connect()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open the store: {exc}", where=self.where) from exc


def open_store(
    target: str | Path | None = None,
    *,
    create: bool = True,
    echo: bool = False,
    mmap_bytes: int = READ_MMAP_BYTES,
) -> Store:
    """Open (and migrate) the store at a file path or database URL.

    ``None`` means ``$SITREP_DB`` or ``./sitrep.db``. A path opens SQLite in WAL mode; a URL such
    as ``postgresql+psycopg://user@host/db`` opens that database. With ``create=False`` a missing
    SQLite file is an error instead of a new, empty store. ``mmap_bytes`` is how much of an SQLite
    file is read through a memory map (0 for none: what a long ingest wants, see ``READ_MMAP_BYTES``).
    """
    url_text = _url(target)
    try:
        url = make_url(url_text)
    except ArgumentError as exc:
        raise StoreError(f"not a database path or URL: {exc}", where=str(target)) from exc
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+psycopg")  # psycopg 3, from the serve extra
    where = url.render_as_string(hide_password=True)
    if url.drivername.startswith("sqlite") and url.database and url.database != ":memory:":
        path = Path(url.database)
        if not create and not path.exists():
            raise StoreError("no such store; run `sitrep ingest` first or pass --db", where=str(path))
        if not path.parent.exists():
            raise StoreError(f"directory {path.parent} does not exist", where=str(path))
        where = str(path)
    try:
        # LIFO: a request reuses the connection used last, whose caches are warm.
        engine = create_engine(url, echo=echo, pool_use_lifo=True)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot open the store: {exc}", where=where) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas(mmap_bytes))
    elif engine.dialect.name == "postgresql":
        postgres.install(engine)
    store = Store(engine, where=where)
    try:
        migrate(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open or migrate the store: {exc}", where=where) from exc
    return store
