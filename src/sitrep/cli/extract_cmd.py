"""``sitrep extract`` (events, stateless) and ``sitrep articles`` (how input was split into articles)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

import click

from ..errors import InputError
from ..export import FORMATS, export_events
from ..ingest import ReadOptions, read_paths
from ..models import Article
from ..pipeline import Pipeline
from ._common import (
    SlowStart,
    Tally,
    echo_err,
    make_pipeline_options,
    pipeline_options,
    reading_options,
    say,
)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
    help="Output format (parquet needs --out).",
)  # fmt: skip
@reading_options
@pipeline_options
@click.option("--out", "-o", metavar="FILE", help="Write to FILE instead of standard output.")
def extract(
    *,
    paths: tuple[str, ...],
    fmt: str,
    published: date | None,
    reader: str | None,
    min_confidence: float | None,
    jobs: int,
    out: str | None,
) -> None:
    """Extract events from news files and print them; nothing is stored.

    PATH is a file, a directory (read recursively), a glob, or - for standard input, in any
    supported format (plain text, HTML, RSS/Atom, WARC, JSON Lines, JSON, CSV). Inputs that cannot
    be read are reported on stderr and the batch goes on. A summary ends on stderr: articles,
    events, failures, rejections, articles without a publication date, events dated by the read day.

    Example: sitrep extract examples/ --format table
    """
    if fmt == "parquet" and out is None:
        raise click.UsageError("--format parquet needs --out FILE")
    options = make_pipeline_options(min_confidence, jobs)
    items = read_paths(paths, ReadOptions(published=published, reader=reader))
    with SlowStart(echo_err) as slow_start:
        tally = Tally(slow_start=slow_start)
        export_events(tally.events_of(Pipeline(options).run(items)), fmt, out)
    if tally.nothing_read:
        raise InputError("no article could be read from the input")
    for line in tally.summary_lines():
        say(line)


def article_summary(article: Article) -> dict[str, Any]:
    """How an input was read: metadata, provenance and zones (with their text)."""
    origin = article.origin
    return {
        "id": article.id,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_from": article.published_from,
        "source": article.source,
        "url": article.url,
        "language": article.language,
        "origin": None if origin is None else {
            "path": origin.path, "reader": origin.reader, "record": origin.record, "offset": origin.offset,
        },
        "content_hash": article.content_hash,
        "length": len(article.text),
        "zones": [
            {"kind": z.kind, "start": z.start, "end": z.end, "text": article.text[z.start : z.end]}
            for z in article.zones
        ],
    }  # fmt: skip


def _print_table(articles: Iterable[Article], out: TextIO) -> None:
    from rich.console import Console  # noqa: PLC0415 - slow import, tables only
    from rich.table import Table  # noqa: PLC0415

    console = Console(file=out, width=None if out.isatty() else 160)
    for article in articles:
        info = article_summary(article)
        origin = info["origin"] or {}
        published = f"{info['published']} ({info['published_from']})" if info["published"] else "unknown"
        console.print(f"[bold]{info['title'] or '(no title)'}[/bold]")
        console.print(
            f"id {info['id']} | published {published} | source {info['source'] or '-'} | "
            f"url {info['url'] or '-'} | from {origin.get('path', '-')} [{origin.get('reader', '-')}"
            f"{' ' + str(origin['record']) if origin.get('record') else ''}]",
            highlight=False,
        )
        table = Table(show_edge=False, pad_edge=False)
        for name in ("zone", "start", "end", "text"):
            table.add_column(name, justify="right" if name in ("start", "end") else "left")
        for zone in info["zones"]:
            text = " ".join(zone["text"].split())
            table.add_row(zone["kind"], str(zone["start"]), str(zone["end"]),
                          text if len(text) <= 90 else text[:87] + "...")  # fmt: skip
        console.print(table)
        console.print()


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True,
              help="Output format.")  # fmt: skip
@reading_options
def articles(*, paths: tuple[str, ...], fmt: str, published: date | None, reader: str | None) -> None:
    """Show how input files were split into articles: id, title, published date and where it was
    found, source, url, and zones (headline, dateline, highlights, caption, body, credit) with offsets.

    Example: sitrep articles examples/glued_page.txt --format jsonl
    """
    tally = Tally()
    found = tally.articles_of(read_paths(paths, ReadOptions(published=published, reader=reader)))
    if fmt == "table":
        _print_table(found, sys.stdout)
    else:
        for article in found:
            sys.stdout.write(json.dumps(article_summary(article), ensure_ascii=False) + "\n")
    if tally.nothing_read:
        raise InputError("no article could be read from the input")
