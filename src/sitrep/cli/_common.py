"""Pieces shared by the CLI commands: option types, reading options, reporting to stderr."""

from __future__ import annotations

import logging
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import click

from ..errors import InputError
from ..models import Article, Event, Rejection
from ..pipeline import NoteCounts, PipelineOptions, Result

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger(__name__)

# Said when a run has produced nothing after SLOW_START_SECONDS: its stages are loading their data.
SLOW_START_SECONDS = 2.0
SLOW_START_MESSAGE = (
    "sitrep: loading data files; the first run on this machine also builds the gazetteer index "
    "(about 30 s, once; kept in $SITREP_CACHE_DIR, by default ~/.cache/sitrep)"
)


@dataclass(frozen=True, slots=True)
class Verbosity:
    """The global -v/-q options, kept in the click context of the ``sitrep`` group."""

    verbose: int = 0
    quiet: bool = False


def quiet() -> bool:
    """Whether -q was given: print errors only (no summaries, no notices)."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    return isinstance(obj, Verbosity) and obj.quiet


def say(message: str) -> None:
    """A message for the user on stderr, unless -q was given."""
    if not quiet():
        echo_err(message)


def echo_err(message: str) -> None:
    click.echo(message, err=True)


class SlowStart:
    """Says why a run is silent when nothing has come out of it ``after`` seconds after it started
    (the stages load their data on the first article; the first run builds the gazetteer index).

    Use as a context manager around the run and call :meth:`seen` when its first item arrives.
    ``say`` runs on a timer thread; with -q (see :func:`quiet`) nothing is said.
    """

    def __init__(self, say: Callable[[str], None], after: float = SLOW_START_SECONDS) -> None:
        self._timer: threading.Timer | None = None
        if not quiet():
            self._timer = threading.Timer(after, say, args=(SLOW_START_MESSAGE,))
            self._timer.daemon = True

    def __enter__(self) -> SlowStart:
        if self._timer is not None:
            self._timer.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.seen()

    def seen(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


def read_text(file: str) -> str:
    """The UTF-8 text of a file, or of standard input for "-" (undecodable bytes replaced)."""
    if file == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(file).read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", where=file) from exc
    return data.decode("utf-8", errors="replace")


def _to_date(ctx: click.Context, param: click.Parameter, value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def date_option(*names: str, help: str) -> Callable[[F], F]:
    """An option taking a YYYY-MM-DD date, passed to the command as a :class:`datetime.date`."""
    return click.option(
        *names, type=click.DateTime(["%Y-%m-%d"]), callback=_to_date, metavar="YYYY-MM-DD", help=help
    )


def reading_options(command: F) -> F:
    """``--published`` and ``--reader``, shared by every command that reads input files."""
    command = click.option(
        "--reader",
        metavar="NAME",
        help="Force an input format (text, html, feed, warc, jsonl, csv) instead of detecting it.",
    )(command)
    command = date_option(
        "--published",
        help="Publication date for articles that carry none (anchors 'on Friday', 'last week').",
    )(command)
    return command


def pipeline_options(command: F) -> F:
    """``--min-confidence`` and ``--jobs``, shared by every command that runs the pipeline."""
    command = click.option(
        "--jobs", "-j", type=click.IntRange(1), default=1, show_default=True, help="Worker processes."
    )(command)
    command = click.option(
        "--min-confidence",
        type=click.FloatRange(0.0, 1.0),
        default=None,
        help="Drop events below this confidence (default: the coder's documented threshold).",
    )(command)
    return command


def make_pipeline_options(min_confidence: float | None, jobs: int) -> PipelineOptions:
    return PipelineOptions(
        min_confidence=min_confidence, backend="process" if jobs > 1 else "inline", workers=jobs
    )


def rejection_message(item: Rejection) -> str:
    record = f" [record {item.record}]" if item.record else ""
    return f"sitrep: rejected {item.path}{record}: {item.reason}"


def failure_message(result: Result) -> str:
    origin = result.article.origin
    where = f" ({origin.path}{f' [record {origin.record}]' if origin.record else ''})" if origin else ""
    return f"sitrep: skipped article{where}: {result.error}"


def echo_rejection(item: Rejection) -> None:
    click.echo(rejection_message(item), err=True)


def echo_failure(result: Result) -> None:
    click.echo(failure_message(result), err=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def note_lines(notes: NoteCounts) -> list[str]:
    """What the notes of a run's articles add up to, for its end-of-run summary (nothing if none)."""
    lines = []
    if notes.undated_articles:
        lines.append(
            f"{_count(notes.undated_articles, 'article')} had no publication date: relative dates "
            '("yesterday", "on Friday") could not be anchored; give one with --published'
        )
    if notes.read_date_events:
        lines.append(
            f"{_count(notes.read_date_events, 'event')} dated by the read day (time_precision 3): "
            "no date in the text or the article"
        )
    if notes.noted_articles:
        lines.append(
            f"{_count(notes.noted_articles, 'article')} with notes: -v prints them, "
            "sitrep explain ARTICLE shows them with the events"
        )
    return lines


def log_notes(result: Result) -> None:
    """Each note of an article, at -v."""
    for note in result.notes:
        log.info("note on article %s: %s", result.article.id, note)


@dataclass(slots=True)
class Tally:
    """What a run read and found; printed as a summary at the end."""

    articles: int = 0
    failed: int = 0
    events: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    notes: NoteCounts = field(default_factory=NoteCounts)
    slow_start: SlowStart | None = None

    def events_of(self, items: Iterable[Result | Rejection]) -> Iterator[Event]:
        """Events of a pipeline run; rejections and failures are reported on stderr as they come."""
        for item in items:
            if self.slow_start is not None:
                self.slow_start.seen()
            if isinstance(item, Rejection):
                self.rejected[item.reason] += 1
                echo_rejection(item)
                continue
            self.articles += 1
            self.notes.add(item)
            log_notes(item)
            if item.error is not None:
                self.failed += 1
                echo_failure(item)
                continue
            self.events += len(item.events)
            yield from item.events

    def articles_of(self, items: Iterable[Article | Rejection]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, Rejection):
                self.rejected[item.reason] += 1
                echo_rejection(item)
            else:
                self.articles += 1
                yield item

    @property
    def nothing_read(self) -> bool:
        return self.articles == 0 and sum(self.rejected.values()) > 0

    def summary_lines(self) -> list[str]:
        """The end-of-run summary of ``sitrep extract``: counts, then what the notes add up to."""
        counts = [_count(self.articles, "article"), _count(self.events, "event")]
        if self.failed:
            counts.append(f"{self.failed} failed")
        rejected = sum(self.rejected.values())
        if rejected:
            counts.append(f"{rejected} rejected")
        return [f"sitrep: {', '.join(counts)}", *(f"sitrep: {line}" for line in note_lines(self.notes))]
