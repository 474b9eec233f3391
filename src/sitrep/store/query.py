"""Event queries for the API: exact (index-friendly) filters, sorting, cursor pagination, streaming.

- :func:`resolve` turns the case-insensitive names of an :class:`EventFilter` (country, event type,
  sub-event type, admin1) into the exact spellings stored (from ``facet_values``), so that every
  filter is an equality an index can serve; a name nobody stored matches nothing.
- :func:`page` returns one page of events in a sort order, with an opaque cursor for the next page
  (keyset pagination: ``(sort value, id)`` after the last row, so page N costs what page 1 costs).
- :func:`iter_events` walks all matching events page by page: flat memory, short transactions.
- :func:`points` returns the compact rows the dashboard's map draws.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, false, literal, select, tuple_
from sqlalchemy.exc import SQLAlchemyError

from ..errors import InputError, StoreError
from ..models import EVENT_FIELDS, Event
from . import schema
from .base import EventFilter, Store
from .rollup import facet_values
from .rows import event_from_row

e = schema.events.c

# Sort keys the API accepts (``-key`` for descending); ties are broken by the event's store id.
SORT_COLUMNS: dict[str, ColumnElement[Any]] = {
    name: e[name]
    for name in ("event_date", "fatalities", "confidence", "country", "admin1", "location", "event_type",
                 "sub_event_type", "actor1", "id")
}  # fmt: skip
DEFAULT_SORT = "-event_date"
MAX_PAGE = 1000
EXPORT_PAGE = 2000


# -- filters ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Resolved:
    """An :class:`EventFilter` whose named values are resolved to exact stored spellings.

    ``rest`` holds the filters that are not names (dates, actor, fatalities, box, text, ...).
    ``None`` means "not filtered"; an empty tuple means "nothing matches".
    """

    rest: EventFilter
    iso3: tuple[str, ...] | None = None
    countries: tuple[str, ...] | None = None  # names, when the filter named a country by name
    event_types: tuple[str, ...] | None = None
    sub_event_types: tuple[str, ...] | None = None
    admin1: tuple[str, ...] | None = None
    empty: bool = False

    def name_clauses(self, table: Table) -> list[ColumnElement[bool]]:
        """Equality clauses on ``table``'s iso3/country/event_type/sub_event_type/admin1 columns."""
        if self.empty:
            return [false()]
        c = table.c
        out: list[ColumnElement[bool]] = []
        if self.iso3 is not None:
            out.append(c.iso3.in_(self.iso3))
        if self.countries is not None:
            out.append(c.country.in_(self.countries))
        if self.event_types is not None:
            out.append(c.event_type.in_(self.event_types))
        if self.sub_event_types is not None:
            out.append(c.sub_event_type.in_(self.sub_event_types))
        if self.admin1 is not None:
            out.append(c.admin1.in_(self.admin1))
        return out

    def clauses(self) -> list[ColumnElement[bool]]:
        """Clauses on ``events``."""
        return self.name_clauses(schema.events) + self.rest.clauses()


def _fold(value: str) -> str:
    return value.strip().casefold()


def resolve(conn: Connection, filters: EventFilter) -> Resolved:
    """Resolve the named filters of ``filters`` against the values stored (see module doc)."""
    f = facet_values.c
    rest = replace(filters, country=None, event_type=None, sub_event_type=None, admin1=None)
    changes: dict[str, tuple[str, ...]] = {}

    def stored(kind: str) -> list[tuple[str, str]]:
        rows = conn.execute(select(f.parent, f.value).where(f.kind == kind))
        return [(r.parent, r.value) for r in rows]

    if filters.country:
        wanted = _fold(filters.country)
        pairs = stored("country")
        codes = {iso3 for iso3, _ in pairs if len(wanted) == 3 and iso3.casefold() == wanted}
        named = {(iso3, name) for iso3, name in pairs if name.casefold() == wanted}
        if not named or {iso3 for iso3, _ in named} <= codes:
            changes["iso3"] = tuple(sorted(codes))
        elif not codes:
            changes["iso3"] = tuple(sorted({iso3 for iso3, _ in named}))
            changes["countries"] = tuple(sorted({name for _, name in named}))
        else:  # a code and another country's name both match (no such country): plain clause
            rest = replace(rest, country=filters.country)
    for attr, key in (
        ("event_type", "event_types"),
        ("sub_event_type", "sub_event_types"),
        ("admin1", "admin1"),
    ):
        value = getattr(filters, attr)
        if value:
            wanted = _fold(value)
            changes[key] = tuple(sorted({v for _, v in stored(attr) if v.casefold() == wanted}))
    return Resolved(rest, empty=any(v == () for v in changes.values()), **changes)


# -- sorting and cursors ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sort:
    key: str = "event_date"
    descending: bool = True

    @classmethod
    def parse(cls, text: str | None) -> Sort:
        """``"-fatalities"`` → by fatalities, descending; ``"event_date"`` → by date, ascending."""
        text = (text or DEFAULT_SORT).strip()
        key = text.removeprefix("-").removeprefix("+")
        if key not in SORT_COLUMNS:
            raise InputError(
                f"cannot sort by {key!r}; use one of {', '.join(SORT_COLUMNS)} (prefix - for descending)"
            )
        return cls(key, text.startswith("-"))

    def __str__(self) -> str:
        return f"-{self.key}" if self.descending else self.key

    def order_by(self) -> list[Any]:
        cols = [SORT_COLUMNS[self.key]] + ([] if self.key == "id" else [e.id])
        return [c.desc() if self.descending else c.asc() for c in cols]

    def after(self, value: Any, key: str) -> ColumnElement[bool]:
        """Rows that come after the row with sort value ``value`` and id ``key``: a row-value
        comparison, which both databases turn into one index range."""
        col = SORT_COLUMNS[self.key]
        if self.key == "id":
            by_id: ColumnElement[bool] = col < key if self.descending else col > key
            return by_id
        pair, bound = tuple_(col, e.id), tuple_(literal(value, col.type), literal(key, e.id.type))
        clause: ColumnElement[bool] = pair < bound if self.descending else pair > bound
        return clause


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def encode_cursor(sort: Sort, row: Mapping[str, Any]) -> str:
    payload = [str(sort), _json_value(row[sort.key]), row["id"]]
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(sort: Sort, cursor: str) -> tuple[Any, str]:
    """The (sort value, id) a cursor points after; InputError if it is malformed or for another sort."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        sort_text, value, key = json.loads(raw)
    except (ValueError, TypeError, binascii.Error) as exc:
        raise InputError("malformed cursor; use the next_cursor of a previous page", where="cursor") from exc
    if sort_text != str(sort) or not isinstance(key, str):
        raise InputError(f"the cursor belongs to another sort order ({sort_text})", where="cursor")
    if sort.key == "event_date":
        try:
            value = date.fromisoformat(value)
        except (TypeError, ValueError) as exc:
            raise InputError("malformed cursor date", where="cursor") from exc
    elif sort.key in ("fatalities", "confidence"):
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise InputError("malformed cursor value", where="cursor")
    elif not isinstance(value, str):
        raise InputError("malformed cursor value", where="cursor")
    return value, key


# -- pages -----------------------------------------------------------------------------------------

ROW_COLUMNS = [schema.events.c.id, *(e[name] for name in EVENT_FIELDS), e.evidence]


def event_dict(row: Mapping[str, Any], *, evidence: bool = True) -> dict[str, Any]:
    """An event row as the JSON contract (plus ``id``, the store's key for ``/api/events/{id}``)."""
    out: dict[str, Any] = {"id": row["id"]}
    for name in EVENT_FIELDS:
        out[name] = _json_value(row[name])
    if evidence:
        out["evidence"] = json.loads(row["evidence"] or "[]")
    return out


@dataclass(slots=True)
class Page:
    rows: list[dict[str, Any]] = field(default_factory=list)  # event rows (see ROW_COLUMNS)
    next_cursor: str | None = None
    sort: str = DEFAULT_SORT


def _page_rows(  # noqa: PLR0917
    conn: Connection,
    resolved: Resolved,
    sort: Sort,
    limit: int,
    after: tuple[Any, str] | None,
    columns: Sequence[Any] = ROW_COLUMNS,
) -> list[dict[str, Any]]:
    query = select(*columns).where(*resolved.clauses())
    if after is not None:
        query = query.where(sort.after(*after))
    result = conn.execute(query.order_by(*sort.order_by()).limit(limit))
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result.fetchall()]


def page(
    store: Store,
    filters: EventFilter,
    *,
    sort: Sort | str | None = None,
    limit: int = 100,
    cursor: str | None = None,
) -> Page:
    """One page of events matching ``filters`` in ``sort`` order, and the cursor of the next."""
    order = sort if isinstance(sort, Sort) else Sort.parse(sort)
    if not 1 <= limit <= MAX_PAGE:
        raise InputError(f"limit must be between 1 and {MAX_PAGE}", where="limit")
    after = decode_cursor(order, cursor) if cursor else None
    with _reading(store) as conn:
        rows = _page_rows(conn, resolve(conn, filters), order, limit + 1, after)
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor(order, rows[-1]) if more else None, str(order))


def iter_rows(
    store: Store,
    filters: EventFilter,
    *,
    sort: Sort | str | None = None,
    batch: int = EXPORT_PAGE,
    evidence: bool = True,
) -> Iterator[list[dict[str, Any]]]:
    """All rows matching ``filters`` (up to ``filters.limit``), in batches, one short query each;
    without the evidence column when told (it is most of a row)."""
    columns = ROW_COLUMNS if evidence else ROW_COLUMNS[:-1]
    order = sort if isinstance(sort, Sort) else Sort.parse(sort)
    remaining = filters.limit
    after: tuple[Any, str] | None = None
    resolved: Resolved | None = None
    while remaining is None or remaining > 0:
        size = batch if remaining is None else min(batch, remaining)
        with _reading(store) as conn:
            resolved = resolved or resolve(conn, filters)
            rows = _page_rows(conn, resolved, order, size, after, columns)
        if not rows:
            return
        yield rows
        if len(rows) < size:
            return
        if remaining is not None:
            remaining -= len(rows)
        after = (rows[-1][order.key], rows[-1]["id"])


def iter_events(
    store: Store, filters: EventFilter, *, sort: Sort | str | None = None, claims: bool = True
) -> Iterator[Event]:
    """All events matching ``filters`` as :class:`Event` objects (with claims unless told not to)."""
    for rows in iter_rows(store, filters, sort=sort):
        found = _claims(store, [r["id"] for r in rows]) if claims else {}
        for row in rows:
            yield event_from_row(row, found.get(row["id"], []))


def _claims(store: Store, keys: Sequence[str]) -> dict[str, list[Mapping[Any, Any]]]:
    c = schema.claims.c
    out: dict[str, list[Mapping[Any, Any]]] = {}
    with _reading(store) as conn:
        query = select(schema.claims).where(c.event_id.in_(keys)).order_by(c.event_id, c.seq)
        for row in conn.execute(query).mappings():
            out.setdefault(row["event_id"], []).append(row)
    return out


def points(store: Store, filters: EventFilter, *, limit: int | None = None) -> Iterator[tuple[Any, ...]]:
    """``(id, longitude, latitude, event_type, fatalities)`` of every located event matching
    ``filters`` (newest first), for maps."""
    cols = (e.id, e.longitude, e.latitude, e.event_type, e.fatalities)
    with _reading(store) as conn:
        resolved = resolve(conn, filters)
        query = (
            select(*cols)
            .where(*resolved.clauses(), e.latitude.is_not(None), e.longitude.is_not(None))
            .order_by(e.event_date.desc(), e.id.desc())
        )
        if limit is not None:
            query = query.limit(limit)
        rows = conn.execute(query.execution_options(yield_per=EXPORT_PAGE))
        yield from (tuple(r) for r in rows)


@contextmanager
def _reading(store: Store) -> Iterator[Connection]:
    """A connection for reading; database errors become :class:`StoreError`."""
    try:
        with store.engine.connect() as conn:
            yield conn
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the store: {exc}", where=store.where) from exc


def article_extras(store: Store, content_hash: str) -> tuple[str | None, list[str]]:
    """An article's pipeline error (if it failed) and the store ids of its events, in order."""
    a = schema.articles.c
    with _reading(store) as conn:
        error = conn.execute(select(a.error).where(a.content_hash == content_hash)).scalar()
        query = select(e.id).where(e.content_hash == content_hash).order_by(e.seq)
        return error, list(conn.execute(query).scalars())
