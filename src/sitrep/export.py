"""Event writers: jsonl, csv, acled-csv, geojson, table, parquet. All stream; none holds all events.

- ``jsonl``: one :meth:`Event.to_dict` object per line (the JSON contract, see README).
- ``csv``: the contract's fields as columns; ``evidence`` and ``claims`` as JSON text.
- ``acled-csv``: ACLED's 2023 export columns in ACLED's order (so ACLED tooling reads the file),
  then sitrep's extra columns after them.
- ``geojson``: a FeatureCollection written feature by feature; events without coordinates get a
  ``null`` geometry, as RFC 7946 allows.
- ``table``: a rich table for people (rows are printed in pages of :data:`TABLE_PAGE`).
- ``parquet``: pyarrow, written in row groups of ``batch_size`` events.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from itertools import islice
from pathlib import Path
from typing import IO, Any, TextIO

from .errors import ConfigError
from .models import EVENT_FIELDS, Event
from .resources import load_yaml, require

FORMATS: tuple[str, ...] = ("jsonl", "csv", "acled-csv", "geojson", "table", "parquet")
BINARY_FORMATS = frozenset({"parquet"})
TABLE_PAGE = 500
TABLE_WIDTH = 200  # when not printing to a terminal

# ACLED's standard export columns (2023+), in ACLED's order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
# sitrep's columns that ACLED does not have; always after ACLED's.
ACLED_EXTRA_COLUMNS: tuple[str, ...] = (
    "iso3", "fatalities_low", "fatalities_high", "source_url", "article_id", "confidence",
)  # fmt: skip
CSV_COLUMNS: tuple[str, ...] = (*EVENT_FIELDS, "evidence", "claims")
REGIONS_FILE = "export/acled_regions.yaml"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@cache
def acled_regions() -> dict[str, str]:
    """iso3 -> ACLED region name, from ``data/export/acled_regions.yaml``."""
    data = load_yaml(REGIONS_FILE)
    require(isinstance(data, dict) and data.get("version") == 1, REGIONS_FILE, "version", "expected 1")
    regions = data.get("regions")
    require(isinstance(regions, dict), REGIONS_FILE, "regions", "must map region names to lists")
    out: dict[str, str] = {}
    for region, codes in regions.items():
        require(isinstance(codes, list), REGIONS_FILE, region, "must be a list of iso3 codes")
        for code in codes:
            require(isinstance(code, str) and len(code) == 3 and code.isupper(), REGIONS_FILE, code,
                    f"{region}: not an ISO 3166-1 alpha-3 code")  # fmt: skip
            require(code not in out, REGIONS_FILE, code, f"listed under {out.get(code)} and {region}")
            out[code] = region
    return out


@cache
def iso_numeric(iso3: str) -> int | None:
    """ISO 3166-1 numeric code of an alpha-3 code (ACLED's ``iso`` column); None when unknown."""
    import pycountry  # noqa: PLC0415 - loads its database; only needed for ACLED exports

    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return int(country.numeric) if country is not None else None


def acled_row(event: Event, timestamp: int) -> dict[str, Any]:
    """One event as an ACLED export row (ACLED's columns, then sitrep's extras)."""
    iso = iso_numeric(event.iso3)
    row = {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat(),
        "year": event.event_date.year,
        "iso": "" if iso is None else iso,
        "region": acled_regions().get(event.iso3, ""),
        "source_scale": "",
        "timestamp": timestamp,
    }
    for name in ACLED_COLUMNS + ACLED_EXTRA_COLUMNS:
        if name not in row:
            value = getattr(event, name)
            row[name] = "" if value is None else value
    return row


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for count, event in enumerate(events, start=1):  # noqa: B007 - count is the result
        out.write(_json(event.to_dict()))
        out.write("\n")
    return count


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for count, event in enumerate(events, start=1):  # noqa: B007
        row = event.to_dict()
        row["evidence"] = _json(row["evidence"])
        row["claims"] = _json(row["claims"])
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return count


def write_acled_csv(events: Iterable[Event], out: TextIO, *, timestamp: int | None = None) -> int:
    """ACLED CSV; ``timestamp`` (ACLED's upload time column) defaults to now."""
    stamp = int(time.time()) if timestamp is None else timestamp
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + ACLED_EXTRA_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for count, event in enumerate(events, start=1):  # noqa: B007
        writer.writerow(acled_row(event, stamp))
    return count


def geojson_feature(event: Event) -> dict[str, Any]:
    properties = event.to_dict()
    lat, lon = properties.pop("latitude"), properties.pop("longitude")
    geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": properties}


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    out.write('{"type":"FeatureCollection","features":[\n')
    count = 0
    for count, event in enumerate(events, start=1):
        if count > 1:
            out.write(",\n")
        out.write(_json(geojson_feature(event)))
    out.write("\n]}\n")
    return count


TABLE_COLUMNS: tuple[tuple[str, Callable[[Event], str]], ...] = (
    ("date", lambda e: e.event_date.isoformat()),
    ("type", lambda e: e.sub_event_type or e.event_type),
    ("actor1", lambda e: e.actor1),
    ("actor2", lambda e: e.actor2),
    ("location", lambda e: ", ".join(p for p in (e.location, e.admin1, e.country) if p)),
    ("fatal.", lambda e: str(e.fatalities)),
    ("conf.", lambda e: f"{e.confidence:.2f}"),
    ("article", lambda e: e.article_id),
)


def write_table(events: Iterable[Event], out: TextIO) -> int:
    """A rich table, printed in pages so that a long result never sits in memory."""
    from rich.console import Console  # noqa: PLC0415 - rich is slow to import; tables only
    from rich.table import Table  # noqa: PLC0415

    console = Console(file=out, soft_wrap=False, width=None if out.isatty() else TABLE_WIDTH)
    iterator = iter(events)
    count = 0
    while page := list(islice(iterator, TABLE_PAGE)):
        table = Table(show_header=count == 0, show_edge=False, pad_edge=False)
        for name, _ in TABLE_COLUMNS:
            table.add_column(name, justify="right" if name in ("fatal.", "conf.") else "left")
        for event in page:
            table.add_row(*(get(event) for _, get in TABLE_COLUMNS))
        console.print(table)
        count += len(page)
    if count == 0:
        console.print("no events")
    return count


def _parquet_schema() -> Any:
    import pyarrow as pa  # noqa: PLC0415 - heavy; parquet exports only

    ints = {"time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities",
            "fatalities_low", "fatalities_high"}  # fmt: skip
    floats = {"latitude", "longitude", "confidence"}
    fields = []
    for name in EVENT_FIELDS:
        if name == "event_date":
            kind = pa.date32()
        elif name in ints:
            kind = pa.int32()
        elif name in floats:
            kind = pa.float64()
        else:
            kind = pa.string()
        fields.append(pa.field(name, kind))
    evidence = pa.struct([("field", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
                          ("text", pa.string()), ("rule", pa.string())])  # fmt: skip
    claims = pa.struct([("field", pa.string()), ("value", pa.int64()), ("source", pa.string()),
                        ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])  # fmt: skip
    fields += [pa.field("evidence", pa.list_(evidence)), pa.field("claims", pa.list_(claims))]
    return pa.schema(fields)


def write_parquet(events: Iterable[Event], out: IO[bytes] | str | Path, *, batch_size: int = 10_000) -> int:
    """Parquet, one row group per ``batch_size`` events."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    schema = _parquet_schema()
    iterator = iter(events)
    count = 0
    sink = str(out) if isinstance(out, Path) else out
    with pq.ParquetWriter(sink, schema, compression="zstd") as writer:
        while batch := list(islice(iterator, batch_size)):
            rows = []
            for event in batch:
                row = event.to_dict()
                row["event_date"] = event.event_date
                rows.append(row)
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(batch)
    return count


TEXT_WRITERS: dict[str, Callable[[Iterable[Event], TextIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
    "table": write_table,
}


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return fmt


@contextmanager
def _open_text(path: str | Path | None) -> Iterator[TextIO]:
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        yield handle


def export_events(events: Iterable[Event], fmt: str, path: str | Path | None = None) -> int:
    """Write events in ``fmt`` to ``path`` (``None`` or ``"-"``: standard output); returns the count."""
    check_format(fmt)
    try:
        if fmt in BINARY_FORMATS:
            if path is None or str(path) == "-":
                return write_parquet(events, sys.stdout.buffer)
            return write_parquet(events, path)
        with _open_text(path) as out:
            return TEXT_WRITERS[fmt](events, out)
    except OSError as exc:
        raise ConfigError(f"cannot write {fmt} output: {exc}", where=str(path or "-")) from exc


__all__ = [
    "ACLED_COLUMNS",
    "ACLED_EXTRA_COLUMNS",
    "FORMATS",
    "acled_row",
    "export_events",
    "geojson_feature",
    "write_acled_csv",
    "write_csv",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
    "write_table",
]
