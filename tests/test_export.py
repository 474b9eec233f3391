"""Event writers (sitrep.export)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import make_event
from sitrep.errors import ConfigError
from sitrep.export import (
    ACLED_COLUMNS,
    ACLED_EXTRA_COLUMNS,
    FORMATS,
    acled_regions,
    export_events,
    write_acled_csv,
    write_csv,
    write_geojson,
    write_jsonl,
    write_table,
)
from sitrep.models import EVENT_FIELDS

EVENTS = [make_event(), make_event(event_id="sitrep-0002", latitude=None, longitude=None, fatalities=0)]


def test_jsonl_is_exactly_to_dict() -> None:
    out = io.StringIO()
    assert write_jsonl(EVENTS, out) == 2
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows == [json.loads(json.dumps(e.to_dict())) for e in EVENTS]
    assert list(rows[0]) == [*EVENT_FIELDS, "evidence", "claims"]
    assert (
        rows[0]["evidence"][0]
        == {
            "field": "sub_event_type",
            "start": 112,
            "end": 119,
            "text": "shelled",
            "rule": "events.trigger.shell",
        }
        or rows[0]["evidence"][0]["text"] == "shelled"
    )


def test_csv_has_contract_columns_and_json_lists() -> None:
    out = io.StringIO()
    write_csv(EVENTS, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == [*EVENT_FIELDS, "evidence", "claims"]
    assert rows[1]["latitude"] == ""
    assert json.loads(rows[0]["claims"])[1]["value"] == 5


def test_acled_csv_columns_order_and_values() -> None:
    out = io.StringIO()
    write_acled_csv(EVENTS, out, timestamp=1700000000)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS + ACLED_EXTRA_COLUMNS
    assert ACLED_COLUMNS[:3] == ("event_id_cnty", "event_date", "year") and ACLED_COLUMNS[-1] == "timestamp"
    row = next(reader)
    assert row["event_id_cnty"] == "sitrep-0001"
    assert row["year"] == "2024" and row["iso"] == "804" and row["region"] == "Europe"
    assert row["inter1"] == "8" and row["interaction"] == "78" and row["timestamp"] == "1700000000"
    assert row["fatalities"] == "4" and row["fatalities_low"] == "4" and row["fatalities_high"] == "5"


def test_regions_data_is_valid() -> None:
    regions = acled_regions()
    assert regions["SDN"] == "Northern Africa" and regions["SYR"] == "Middle East"
    assert len(regions) > 240


def test_geojson_is_a_valid_feature_collection() -> None:
    out = io.StringIO()
    write_geojson(EVENTS, out)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    first, second = data["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [36.2304, 49.9935]}
    assert second["geometry"] is None
    assert first["properties"]["sub_event_type"] == "Shelling/artillery/missile attack"
    empty = io.StringIO()
    write_geojson([], empty)
    assert json.loads(empty.getvalue())["features"] == []


def test_table_shows_rows() -> None:
    out = io.StringIO()
    assert write_table(EVENTS, out) == 2
    text = out.getvalue()
    assert "Shelling/artillery/missile attack" in text and "Kharkiv" in text
    empty = io.StringIO()
    write_table([], empty)
    assert "no events" in empty.getvalue()


def test_parquet_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert export_events(iter(EVENTS * 3), "parquet", path) == 6
    table = pq.read_table(path)
    assert table.num_rows == 6
    rows = table.to_pylist()
    assert rows[0]["event_date"] == EVENTS[0].event_date
    assert rows[0]["claims"][1]["source"] == "Local officials"
    assert rows[1]["latitude"] is None


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "parquet"])
def test_export_to_file(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    assert export_events(EVENTS, fmt, path) == 2
    assert path.read_text(encoding="utf-8")


def test_unknown_format() -> None:
    with pytest.raises(ConfigError, match="unknown export format"):
        export_events(EVENTS, "xlsx")
