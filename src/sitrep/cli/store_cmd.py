"""``sitrep ingest`` (files → store), ``sitrep events`` (query) and ``sitrep export`` (dump)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar

import click

from ..export import FORMATS, export_events
from ..ingest import ReadOptions, read_paths
from ..models import Article, Rejection
from ..pipeline import Pipeline, Result
from ..store import DEFAULT_DB, EventFilter, IngestSummary, Store, open_store
from ..store import ingest as run_ingest
from ..store.ingest import DEFAULT_BATCH
from ._common import (
    SlowStart,
    date_option,
    failure_message,
    log_notes,
    make_pipeline_options,
    note_lines,
    pipeline_options,
    reading_options,
    rejection_message,
)

F = TypeVar("F", bound=Callable[..., Any])


def db_option(command: F) -> F:
    return click.option(
        "--db",
        metavar="FILE|URL",
        envvar="SITREP_DB",
        default=DEFAULT_DB,
        show_default=True,
        help="SQLite file, or a database URL such as postgresql://user@host/sitrep (env SITREP_DB).",
    )(command)


def filter_options(command: F) -> F:
    """The event filters shared by ``events`` and ``export``."""
    options = [
        date_option("--since", help="Events on or after this date."),
        date_option("--until", help="Events on or before this date."),
        click.option("--country", metavar="NAME|ISO3", help="Country name or ISO 3166 alpha-3 code."),
        click.option("--type", "event_type", metavar="TYPE", help='ACLED event type, e.g. "Battles".'),
        click.option("--sub-type", "sub_event_type", metavar="SUBTYPE", help='e.g. "Air/drone strike".'),
        click.option("--actor", metavar="TEXT", help="Substring of an actor's name (case-insensitive)."),
        click.option("--min-fatalities", type=click.IntRange(0), help="At least this many fatalities."),
        click.option("--limit", type=click.IntRange(1), help="At most this many events."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filters(params: dict[str, Any]) -> EventFilter:
    names = ("since", "until", "country", "event_type", "sub_event_type", "actor", "min_fatalities", "limit")
    return EventFilter(**{name: params[name] for name in names})


class _Reporter:
    """Messages and a progress bar on stderr while an ingest runs."""

    def __init__(self, show_progress: bool) -> None:
        self.show_progress = show_progress
        self.done = 0
        self.events = 0
        self._progress: Any = None
        self._task: Any = None
        self._slow_start: SlowStart | None = None

    @contextmanager
    def running(self) -> Iterator[_Reporter]:
        with self._bar(), SlowStart(self._say) as self._slow_start:
            yield self

    @contextmanager
    def _bar(self) -> Iterator[None]:
        if not self.show_progress:
            yield
            return
        from rich.console import Console  # noqa: PLC0415 - only for interactive runs
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn  # noqa: PLC0415

        text = "ingesting: {task.completed} articles, {task.fields[events]} events"
        columns = (SpinnerColumn(), TextColumn(text), TimeElapsedColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
            self._progress = progress
            self._task = progress.add_task("ingest", total=None, events=0)
            yield
        self._progress = None

    def __call__(self, item: Article | Rejection | Result) -> None:
        if self._slow_start is not None:
            self._slow_start.seen()
        if isinstance(item, Rejection):
            self._say(rejection_message(item))
            return
        if isinstance(item, Result):
            self.events += len(item.events)
            log_notes(item)
            if item.error is not None:
                self._say(failure_message(item))
        self.done += 1
        if self._progress is not None:
            self._progress.update(self._task, completed=self.done, events=self.events)

    def _say(self, message: str) -> None:
        if self._progress is not None:
            self._progress.console.print(message, markup=False, highlight=False)
        else:
            click.echo(message, err=True)


def summary_lines(summary: IngestSummary, where: str) -> list[str]:
    lines = [
        f"ingest run {summary.run_id} {summary.status} in {summary.seconds:.1f} s -> {where}",
        f"  articles read   {summary.articles_read:>9}",
        f"  new             {summary.articles_new:>9}",
        f"  already known   {summary.articles_known:>9}",
        f"  failed          {summary.articles_failed:>9}",
        f"  rejected        {sum(summary.rejected.values()):>9}",
    ]
    lines += [f"    {count:>5}  {reason}" for reason, count in summary.rejected.most_common(10)]
    if len(summary.rejected) > 10:
        lines.append(f"    ...and {len(summary.rejected) - 10} other reasons")
    lines.append(f"  events found    {summary.events_found:>9}")
    notes = note_lines(summary.notes)
    if notes:
        lines += ["  notes", *(f"    {line}" for line in notes)]
    return lines


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@reading_options
@pipeline_options
@click.option("--batch-size", type=click.IntRange(1), default=DEFAULT_BATCH, show_default=True,
              help="Articles committed per transaction.")  # fmt: skip
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
def ingest_command(
    *,
    paths: tuple[str, ...],
    db: str,
    published: date | None,
    reader: str | None,
    min_confidence: float | None,
    jobs: int,
    batch_size: int,
    progress: bool | None,
    as_json: bool,
) -> None:
    """Read news files, extract events and store both in the database (default ./sitrep.db).

    Re-ingesting the same input adds nothing (articles are keyed by a hash of their text), and an
    interrupted ingest can simply be run again: committed batches are kept and skipped. Prints a
    summary: articles read, new, already known, failed, rejected (with reasons), events found, and
    articles without a publication date and events dated by the read day, when there are any.

    Example: sitrep ingest examples/ --db sitrep.db
    """
    options = make_pipeline_options(min_confidence, jobs)
    items = read_paths(paths, ReadOptions(published=published, reader=reader))
    reporter = _Reporter(sys.stderr.isatty() if progress is None else progress)
    with open_store(db, mmap_bytes=0) as store, reporter.running():  # a writer: flat memory
        pipeline = Pipeline(options)
        summary = run_ingest(
            store, items, pipeline=pipeline, inputs=paths, batch_size=batch_size, notify=reporter
        )
        where = store.where
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    else:
        click.echo("\n".join(summary_lines(summary, where)))


def _open_existing(db: str) -> Store:
    return open_store(db, create=False)


@click.command("events")
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice([f for f in FORMATS if f != "parquet"]), default="table",
              show_default=True, help="Output format.")  # fmt: skip
def events_command(*, db: str, fmt: str, **params: Any) -> None:
    """Show stored events, filtered, by date.

    Example: sitrep events --country Sudan --since 2024-01-01 --type Battles --min-fatalities 5
    """
    with _open_existing(db) as store:
        export_events(store.query(_filters(params)), fmt)


@click.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="acled-csv (ACLED's columns, in order), geojson, jsonl, parquet, csv or table.",
)
@click.option(
    "--out", "-o", metavar="FILE", help="Write to FILE instead of standard output (needed for parquet)."
)
@filter_options
def export_command(*, db: str, fmt: str, out: str | None, **params: Any) -> None:
    """Export stored events as a file, streamed (flat memory for any number of events).

    Example: sitrep export --format acled-csv --out events.csv
    """
    if fmt == "parquet" and out is None:
        raise click.UsageError("--format parquet needs --out FILE")
    with _open_existing(db) as store:
        count = export_events(store.query(_filters(params)), fmt, out)
    if out is not None:
        click.echo(f"wrote {count} events to {out}", err=True)
