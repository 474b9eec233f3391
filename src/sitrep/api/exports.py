"""Streamed exports of ``GET /api/events``: ACLED CSV, GeoJSON, JSON Lines.

The store is read page by page (keyset, short transactions) and the body is sent in chunks of
:data:`CHUNK_ROWS` events, so a million rows never sit in memory. Rows come from the export
module's own row builders, so a file from the API equals one from ``sitrep export``.
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterator

from ..export import ACLED_COLUMNS, ACLED_EXTRA_COLUMNS, acled_row, geojson_feature
from ..models import EVENT_FIELDS, Event
from ..store import EventFilter, Store
from ..store.query import Sort, iter_events, iter_rows

CHUNK_ROWS = 1000
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "acled-csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
}
EXTENSIONS = {"csv": "csv", "acled-csv": "csv", "geojson": "geojson", "jsonl": "jsonl"}


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _csv_rows(store: Store, filters: EventFilter, sort: Sort) -> Iterator[list[object]]:
    """ACLED rows straight from the store's rows (no evidence or claims needed)."""
    stamp = int(time.time())
    columns = ACLED_COLUMNS + ACLED_EXTRA_COLUMNS
    for rows in iter_rows(store, filters, sort=sort, evidence=False):
        for row in rows:
            out = acled_row(Event(**{name: row[name] for name in EVENT_FIELDS}), stamp)
            yield [out[c] for c in columns]


def _text_rows(store: Store, filters: EventFilter, sort: Sort, fmt: str) -> Iterator[str]:
    for count, event in enumerate(iter_events(store, filters, sort=sort), start=1):
        if fmt == "geojson":
            yield (",\n" if count > 1 else "") + _json(geojson_feature(event))
        else:
            yield _json(event.to_dict()) + "\n"


def stream(store: Store, filters: EventFilter, sort: Sort, fmt: str) -> Iterator[bytes]:
    """The body of an export, in chunks of encoded text."""
    buffer = io.StringIO()
    if fmt in ("csv", "acled-csv"):
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(ACLED_COLUMNS + ACLED_EXTRA_COLUMNS)
        for count, row in enumerate(_csv_rows(store, filters, sort), start=1):
            writer.writerow(row)
            if count % CHUNK_ROWS == 0:
                yield _drain(buffer)
    else:
        if fmt == "geojson":
            buffer.write('{"type":"FeatureCollection","features":[\n')
        for count, text in enumerate(_text_rows(store, filters, sort, fmt), start=1):
            buffer.write(text)
            if count % CHUNK_ROWS == 0:
                yield _drain(buffer)
        if fmt == "geojson":
            buffer.write("\n]}\n")
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode()
    buffer.seek(0)
    buffer.truncate()
    return data
