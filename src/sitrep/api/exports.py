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
from ..store import EventFilter, Store
from ..store.query import Sort, iter_events

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


def stream(store: Store, filters: EventFilter, sort: Sort, fmt: str) -> Iterator[bytes]:
    """The body of an export, in chunks of encoded text."""
    csv_out = fmt in ("csv", "acled-csv")
    events = iter_events(store, filters, sort=sort, claims=not csv_out)
    buffer = io.StringIO()
    writer = None
    if csv_out:
        writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS + ACLED_EXTRA_COLUMNS, lineterminator="\n")
        writer.writeheader()
    elif fmt == "geojson":
        buffer.write('{"type":"FeatureCollection","features":[\n')
    stamp = int(time.time())
    for count, event in enumerate(events, start=1):
        if writer is not None:
            writer.writerow(acled_row(event, stamp))
        elif fmt == "geojson":
            buffer.write(",\n" if count > 1 else "")
            buffer.write(_json(geojson_feature(event)))
        else:
            buffer.write(_json(event.to_dict()))
            buffer.write("\n")
        if count % CHUNK_ROWS == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    if fmt == "geojson":
        buffer.write("\n]}\n")
    yield buffer.getvalue().encode()
