"""Pieces shared by the CLI commands: option types, reading options, reporting to stderr."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import InputError
from ..models import Article, Event, Rejection
from ..pipeline import PipelineOptions, Result

F = TypeVar("F", bound=Callable[..., Any])


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


@dataclass(slots=True)
class Tally:
    """What a run read and found; printed as a summary at the end."""

    articles: int = 0
    failed: int = 0
    events: int = 0
    rejected: Counter[str] = field(default_factory=Counter)

    def events_of(self, items: Iterable[Result | Rejection]) -> Iterator[Event]:
        """Events of a pipeline run; rejections and failures are reported on stderr as they come."""
        for item in items:
            if isinstance(item, Rejection):
                self.rejected[item.reason] += 1
                echo_rejection(item)
                continue
            self.articles += 1
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
