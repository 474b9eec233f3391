"""Full-text search over each event's notes and evidence sentences, on SQLite and PostgreSQL.

    event_search (docid INTEGER PK, event_id → events.id)     one row per indexed event
    SQLite:     event_fts  FTS5, contentless (index only; the text lives in events/evidence),
                rowid = event_search.docid, tokenizer unicode61 (case and accent folding)
    PostgreSQL: event_search.tsv  tsvector ('simple' configuration: no stemming) + GIN index

A query is split into words (``\\w+``); an event matches when every word occurs in its notes or
evidence, case and accents aside ("kharkiv shelling"); ``shell*`` also matches "shelled", "shells".
Words are passed as bound parameters; the FTS5 / tsquery syntax around them is built from the words
only, so user input never reaches SQL or the match grammar as syntax. Other dialects fall back to
``LIKE`` over the notes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    ForeignKey,
    Integer,
    Table,
    Text,
    and_,
    bindparam,
    false,
    func,
    select,
    text,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.types import Boolean

from . import schema

MAX_WORDS = 12  # words of a query that are used; more add nothing but cost
_WORD = re.compile(r"(\w+)(\*?)")

event_search = Table(
    "event_search",
    schema.METADATA,
    Column("docid", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Text, ForeignKey("events.id", ondelete="CASCADE"), nullable=False, unique=True),
)

FTS_TABLE = "event_fts"


Word = tuple[str, bool]  # (lower-cased word, also match longer words)


def words(query: str) -> list[Word]:
    """The words of a search query, lower-cased, in order, without repeats; a word written with a
    trailing ``*`` (``shell*``) also matches the words it starts."""
    found = ((m.group(1).lower(), bool(m.group(2))) for m in _WORD.finditer(query))
    return list(dict.fromkeys(found))[:MAX_WORDS]


def document(notes: str, evidence: Iterable[str]) -> str:
    """The text indexed for one event: its notes and the text of its evidence spans."""
    return "\n".join([notes, *dict.fromkeys(evidence)])


class _TextMatch(ColumnElement[bool]):
    """Events whose notes or evidence contain all ``words`` (compiled per dialect)."""

    inherit_cache = False
    type = Boolean()

    def __init__(self, words: Sequence[Word]) -> None:
        self.words = tuple(words)


@compiles(_TextMatch, "sqlite")
def _match_sqlite(element: _TextMatch, compiler: SQLCompiler, **kw: Any) -> str:
    # FTS5 query: each word quoted (so it is never syntax), * for a prefix; juxtaposition = AND.
    # Driven from the full-text index: its matches, then their event ids.
    query = " ".join(f'"{w}"*' if prefix else f'"{w}"' for w, prefix in element.words)
    param = compiler.process(bindparam("fts_query", query, unique=True), **kw)
    event = compiler.process(schema.events.c.id, **kw)
    return (
        f"{event} IN (SELECT s.event_id FROM {FTS_TABLE} JOIN event_search AS s "
        f"ON s.docid = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH {param})"
    )


@compiles(_TextMatch, "postgresql")
def _match_postgresql(element: _TextMatch, compiler: SQLCompiler, **kw: Any) -> str:
    query = " & ".join(f"{w}:*" if prefix else w for w, prefix in element.words)
    param = compiler.process(bindparam("ts_query", query, unique=True), **kw)
    event = compiler.process(schema.events.c.id, **kw)
    return (
        f"{event} IN (SELECT s.event_id FROM event_search AS s WHERE s.tsv @@ to_tsquery('simple', {param}))"
    )


@compiles(_TextMatch)
def _match_default(element: _TextMatch, compiler: SQLCompiler, **kw: Any) -> str:
    notes = func.lower(schema.events.c.notes)
    return compiler.process(and_(*(notes.contains(w, autoescape=True) for w, _ in element.words)), **kw)


def text_match(query: str) -> ColumnElement[bool]:
    """A clause on ``events``: the event's notes or evidence contain every word of ``query``."""
    found = words(query)
    return _TextMatch(found) if found else false()


# -- maintenance -----------------------------------------------------------------------------------


def create(conn: Connection) -> None:
    """Create the search tables and indexes for the connection's dialect."""
    event_search.create(conn, checkfirst=True)
    dialect = conn.dialect.name
    if dialect == "sqlite":
        conn.execute(
            text(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                "document, content='', tokenize='unicode61 remove_diacritics 2')"
            )
        )
    elif dialect == "postgresql":
        conn.execute(text("ALTER TABLE event_search ADD COLUMN IF NOT EXISTS tsv tsvector"))
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_event_search_tsv ON event_search USING gin (tsv)"))


def index(conn: Connection, docs: Sequence[tuple[str, str]]) -> None:
    """Index ``(event id, document)`` pairs of events just inserted (same transaction)."""
    if not docs:
        return
    dialect = conn.dialect.name
    if dialect == "postgresql":
        conn.execute(
            text("INSERT INTO event_search (event_id, tsv) VALUES (:event_id, to_tsvector('simple', :doc))"),
            [{"event_id": key, "doc": doc} for key, doc in docs],
        )
        return
    if dialect != "sqlite":
        conn.execute(event_search.insert(), [{"event_id": key} for key, _ in docs])
        return
    # This transaction already writes (the events), so no other writer can take these docids.
    last = conn.execute(select(func.max(event_search.c.docid))).scalar_one() or 0
    numbered = [(last + n, key, doc) for n, (key, doc) in enumerate(docs, start=1)]
    conn.exec_driver_sql(
        "INSERT INTO event_search (docid, event_id) VALUES (?, ?)", [(d, k) for d, k, _ in numbered]
    )
    conn.exec_driver_sql(
        f"INSERT INTO {FTS_TABLE} (rowid, document) VALUES (?, ?)", [(d, t) for d, _, t in numbered]
    )


def docs_of(event_rows: Iterable[Mapping[Any, Any]]) -> list[tuple[str, str]]:
    """``(event id, document)`` for event rows (``evidence`` as the store's JSON text)."""
    return [
        (row["id"], document(row["notes"], (e["text"] for e in json.loads(row["evidence"] or "[]"))))
        for row in event_rows
    ]


def backfill(conn: Connection, batch_size: int = 5000) -> None:
    """Index every event of the store that is not indexed yet."""
    e = schema.events.c
    missing = select(e.id, e.notes, e.evidence).where(e.id.not_in(select(event_search.c.event_id)))
    rows = conn.execute(missing.execution_options(yield_per=batch_size)).mappings()
    docs = docs_of(rows)
    for start in range(0, len(docs), batch_size):
        index(conn, docs[start : start + batch_size])


__all__ = ["event_search", "text_match", "words"]
