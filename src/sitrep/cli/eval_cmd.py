"""``sitrep eval``: measure the event coder on your own gold data."""

from __future__ import annotations

import json

import click

from ..evaluate import evaluate_export
from ._common import make_pipeline_options


@click.group("eval")
def eval_group() -> None:
    """Measure sitrep against gold-standard event data.

    Example: sitrep eval acled my_acled_export.csv
    """


@eval_group.command("acled")
@click.argument("export", metavar="EXPORT.csv", type=click.Path(dir_okay=False))
@click.option("--limit", type=click.IntRange(1), help="Use only the first N rows with notes.")
@click.option("--jobs", "-j", type=click.IntRange(1), default=1, show_default=True, help="Worker processes.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def acled(export: str, limit: int | None, jobs: int, as_json: bool) -> None:
    """Code the notes of an ACLED export and compare each coded event with its row.

    Prints per-field accuracy (event and sub-event type, macro-F1, inter codes, fatalities, country,
    location within 25 km, date, admin1, precisions), per-class figures and the top confusions; the
    last line is a one-line summary. The export needs the columns event_id_cnty, notes, event_type
    and sub_event_type (plus the other ACLED columns for their figures).

    Example: sitrep eval acled acled_2024_sudan.csv --limit 2000
    """
    report = evaluate_export(export, limit, make_pipeline_options(None, jobs))
    if as_json:
        figures = {name: report.score(name) for name in report.right} | {
            "n": report.n,
            "articles_with_event": report.with_event,
            "sub_event_type_macro_f1": report.macro_f1,
        }
        click.echo(json.dumps(figures, sort_keys=True))
        return
    click.echo(
        f"acled: {report.n} rows from {export}; articles with >=1 event {report.with_event}/{report.n}\n"
    )
    click.echo(report.table())
    click.echo()
    click.echo(report.summary())
