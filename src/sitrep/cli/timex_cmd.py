"""``sitrep timex FILE --dct YYYY-MM-DD``: the temporal expressions of a text, TimeML-normalised."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import Any

import click

from ..models import Span, Timex
from ._common import read_text


def _dct(ctx: click.Context, param: click.Parameter, value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def timex_record(span: Span, text: str) -> dict[str, Any]:
    """The JSON object printed for one temporal expression."""
    timex: Timex = span.value
    row: dict[str, Any] = {
        "start": span.start,
        "end": span.end,
        "text": text[span.start : span.end],
        "type": timex.type,
        "value": timex.value,
        "first": timex.first.isoformat() if timex.first else None,
        "last": timex.last.isoformat() if timex.last else None,
        "granularity": timex.granularity,
        "rule": span.rule,
    }
    for name in ("mod", "quant", "freq"):
        if getattr(timex, name):
            row[name] = getattr(timex, name)
    if not timex.anchored:
        row["anchored"] = False
    return row


@click.command("timex")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--dct",
    type=click.DateTime(["%Y-%m-%d"]),
    callback=_dct,
    help="Document creation time (the article's date) anchoring 'yesterday', 'on Friday', 'last year'.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def timex(file: str, dct: date | None, fmt: str) -> None:
    """Print the dates, times, durations and sets of a plain-text FILE (or - for stdin).

    Values follow TimeML (TIMEX3): 2022-03-14, 2022-W11, 2022-Q1, P2W, PRESENT_REF, ...
    Offsets are character offsets into the file's UTF-8 text. Without --dct, relative
    expressions are printed with X placeholders and "anchored": false.

    Example: sitrep timex report.txt --dct 2022-03-14 --format jsonl
    """
    from ..temporal import tag  # noqa: PLC0415 - keep `sitrep --help` fast

    text = read_text(file)
    rows = [timex_record(span, text) for span in tag(text, dct)]
    if fmt == "jsonl":
        out = sys.stdout
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    for row in rows:
        click.echo(
            f"{row['start']:>6} {row['end']:>6}  {row['text'][:32]:<32} {row['type']:<8} "
            f"{row['value']:<22} {row['first'] or '':<10} {row['last'] or '':<10}"
        )
