"""``sitrep explain``: show which rules fired on which spans for each event of an article."""

from __future__ import annotations

from datetime import date

import click

from ..errors import InputError
from ..events import DEFAULT_MIN_CONFIDENCE, EventOptions, code_events
from ..events.explain import explain as explain_doc
from ..ingest import ReadOptions, read_paths
from ..models import Article, Rejection, content_hash
from ..pipeline import Pipeline, PipelineOptions
from ._common import SlowStart, echo_err, echo_failure, echo_rejection, reading_options


@click.command()
@click.argument("paths", nargs=-1, metavar="ARTICLE...")
@click.option("--text", "literal", metavar="TEXT", help="Explain this text instead of reading files.")
@reading_options
@click.option(
    "--min-confidence", type=click.FloatRange(0.0, 1.0), default=DEFAULT_MIN_CONFIDENCE, show_default=True,
    help="Events below this confidence are shown but marked as dropped.",
)  # fmt: skip
def explain(
    *,
    paths: tuple[str, ...],
    literal: str | None,
    published: date | None,
    reader: str | None,
    min_confidence: float,
) -> None:
    """Explain how each event of ARTICLE was coded: every field with the rule and the text span
    behind it, the triggers ignored as negated/future/background, the roles and figures.

    Example: sitrep explain report.txt   or   sitrep explain --text "Gunmen killed two farmers."
    """
    if literal is None and not paths:
        raise click.UsageError("give an ARTICLE file or --text TEXT")
    items: list[Article | Rejection]
    if literal is not None:
        items = [Article(id=content_hash(literal), text=literal, published=published)]
    else:
        items = list(read_paths(paths, ReadOptions(published=published, reader=reader)))
    pipeline = Pipeline(PipelineOptions(keep_docs=True, code=False))
    shown = 0
    with SlowStart(echo_err) as slow_start:
        for result in pipeline.run(items):
            slow_start.seen()
            if isinstance(result, Rejection):
                echo_rejection(result)
                continue
            if not result.ok or result.doc is None:
                echo_failure(result)
                continue
            events = code_events(result.doc, EventOptions(min_confidence=0.0))
            click.echo(explain_doc(result.doc, events, min_confidence))
            click.echo()
            shown += 1
    if not shown:
        raise InputError("no article could be read from the input")
