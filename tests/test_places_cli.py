"""`sitrep places FILE`: the JSON lines the geo scorer reads."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import cli

TEXT = "GOMA, Congo (Wire) - M23 rebels advanced towards Goma as shelling hit Sake, North Kivu.\n"


def test_places_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["places", str(path), "--format", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(TEXT[r["start"] : r["end"]] == r["text"] for r in rows)
    for key in ("start", "end", "text", "name", "latitude", "longitude", "iso3", "feature"):
        assert all(key in r for r in rows)
    assert {r["iso3"] for r in rows} == {"COD"}


def test_places_stdin_and_table() -> None:
    result = CliRunner().invoke(cli, ["places", "-"], input=TEXT, catch_exceptions=False)
    assert result.exit_code == 0 and "Goma" in result.output


def test_places_missing_file() -> None:
    result = CliRunner().invoke(cli, ["places", "/nonexistent/file.txt", "--format", "jsonl"])
    assert result.exit_code != 0
