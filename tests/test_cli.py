"""The CLI adapter: extract, articles, ingest, events, export (exit codes, streams, help texts)."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from sitrep.cli import COMMANDS, cli, main
from sitrep.cli._common import SlowStart

FIXTURES = Path(__file__).parent / "fixtures" / "core"
ARTICLES = str(FIXTURES / "articles.jsonl")


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["-q", *args], input=input, catch_exceptions=False)


def jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_extract_prints_jsonl_events() -> None:
    result = run("extract", ARTICLES, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    for event in jsonl(result.stdout):
        assert list(event)[:3] == ["event_id", "event_date", "time_precision"]
        assert event["article_id"] in {"core-1", "core-2", "core-3"}


def test_extract_reads_stdin_and_reports_rejections_but_goes_on() -> None:
    data = (FIXTURES / "articles.jsonl").read_text(encoding="utf-8")
    result = run("extract", "-", str(FIXTURES / "junk.bin"), str(FIXTURES / "nothing-here"), input=data)
    assert result.exit_code == 0
    assert "junk.bin" in result.stderr and "nothing-here" in result.stderr
    assert "rejected" in result.stderr
    jsonl(result.stdout)  # still valid output


def test_extract_fails_when_nothing_can_be_read() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["-q", "extract", str(FIXTURES / "nothing-here")])
    assert exc.value.code == 2


@pytest.mark.parametrize("fmt", ["csv", "geojson", "table", "acled-csv"])
def test_extract_formats(fmt: str) -> None:
    result = run("extract", ARTICLES, "--format", fmt, "--min-confidence", "0", "--published", "2024-01-02")
    assert result.exit_code == 0, result.stderr
    if fmt == "geojson":
        assert json.loads(result.stdout)["type"] == "FeatureCollection"


def test_bad_options_are_usage_errors() -> None:
    assert run("extract", ARTICLES, "--published", "12/03/2024").exit_code == 2
    assert run("extract", ARTICLES, "--min-confidence", "2").exit_code == 2
    assert run("extract", ARTICLES, "--format", "parquet").exit_code == 2


def test_articles_shows_zones_and_provenance() -> None:
    result = run("articles", ARTICLES, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = jsonl(result.stdout)
    assert [r["id"] for r in rows] == ["core-1", "core-2", "core-3"]
    first = rows[0]
    assert first["published"] == "2024-03-12" and first["source"] == "Test Wire"
    assert first["origin"]["path"].endswith("articles.jsonl")  # type: ignore[index]
    for zone in first["zones"]:  # type: ignore[attr-defined]
        assert set(zone) == {"kind", "start", "end", "text"}
    table = run("articles", ARTICLES)
    assert table.exit_code == 0 and "core-1" in table.stdout


def test_ingest_events_export_round(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    first = run("ingest", ARTICLES, str(FIXTURES / "empty.txt"), "--db", db, "--json")
    assert first.exit_code == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["articles_read"] == 3 and summary["articles_new"] == 3 and summary["rejected"] == 1
    assert "empty.txt" in first.stderr
    again = json.loads(run("ingest", ARTICLES, "--db", db, "--json").stdout)
    assert again["articles_new"] == 0 and again["articles_known"] == 3 and again["events_found"] == 0
    text = run("ingest", ARTICLES, "--db", db)
    assert "already known" in text.stdout and "events found" in text.stdout

    events = run("events", "--db", db, "--format", "jsonl")
    assert events.exit_code == 0
    assert len(jsonl(events.stdout)) == summary["events_found"]
    filtered = run("events", "--db", db, "--country", "NGA", "--since", "2024-01-01", "--until", "2024-12-31",
                   "--type", "Battles", "--sub-type", "Armed clash", "--actor", "x", "--min-fatalities", "1",
                   "--limit", "5")  # fmt: skip
    assert filtered.exit_code == 0

    out = tmp_path / "events.parquet"
    exported = run("export", "--db", db, "--format", "parquet", "--out", str(out))
    assert exported.exit_code == 0 and pq.read_table(out).num_rows == summary["events_found"]
    acled = run("export", "--db", db, "--format", "acled-csv")
    assert acled.stdout.startswith("event_id_cnty,event_date,year,")
    assert run("export", "--db", db, "--format", "parquet").exit_code == 2


def test_events_on_a_missing_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["-q", "events", "--db", str(tmp_path / "absent.db")])
    assert exc.value.code == 5


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_help_text_ends_with_an_example(name: str) -> None:
    command = cli.get_command(None, name)  # type: ignore[arg-type]
    if command is None:
        pytest.skip(f"command {name} is not built in this checkout")
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    paragraphs = [p.strip() for p in result.stdout.split("\n\n") if p.strip()]
    description = [p for p in paragraphs if not p.startswith(("Options:", "Usage:", "Commands:"))]
    assert description and description[-1].startswith("Example"), result.stdout


UNDATED = "Gunmen killed five villagers in Zamfara state on Monday, residents said.\n"


def test_extract_summary_counts_undated_articles_and_read_day_events(
    caplog: pytest.LogCaptureFixture,
) -> None:
    result = CliRunner().invoke(cli, ["extract", "-"], input=UNDATED, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "sitrep: 1 article, 1 event"
    assert "1 article had no publication date" in lines[1] and "--published" in lines[1]
    assert "1 event dated by the read day (time_precision 3)" in lines[2]
    assert "with notes" in lines[3]
    (event,) = jsonl(result.stdout)
    assert event["time_precision"] == 3

    dated = CliRunner().invoke(cli, ["extract", "-", "--published", "2024-03-13"], input=UNDATED)
    assert dated.stderr.splitlines() == ["sitrep: 1 article, 1 event"]
    with caplog.at_level(logging.INFO, logger="sitrep.cli"):  # what -v shows
        CliRunner().invoke(cli, ["-v", "extract", "-"], input=UNDATED)
    assert "note on article" in caplog.text
    assert run("extract", "-", input=UNDATED).stderr == ""  # -q: errors only


def test_ingest_summary_counts_undated_articles_and_read_day_events(tmp_path: Path) -> None:
    db = str(tmp_path / "notes.db")
    text = CliRunner().invoke(cli, ["ingest", "-", "--db", db], input=UNDATED, catch_exceptions=False)
    assert text.exit_code == 0, text.stderr
    notes = text.stdout[text.stdout.index("  notes") :]
    assert "1 article had no publication date" in notes and "1 event dated by the read day" in notes
    summary = json.loads(run("ingest", "-", "--db", db, "--json", input=UNDATED.upper()).stdout)
    assert summary["articles_undated"] == 1 and summary["articles_new"] == 1


def test_slow_start_speaks_only_when_nothing_came_out_in_time() -> None:
    said: list[str] = []
    spoke = threading.Event()

    def say(message: str) -> None:
        said.append(message)
        spoke.set()

    with SlowStart(say, after=30.0) as slow_start:
        slow_start.seen()  # the first result came in time
    with SlowStart(say, after=0.01):
        assert spoke.wait(5)
    assert len(said) == 1 and "gazetteer index" in said[0]
