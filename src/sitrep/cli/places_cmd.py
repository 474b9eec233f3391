"""``sitrep places FILE``: the place mentions of a text, resolved against the offline gazetteer."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..models import Place, Span
from ._common import SlowStart, echo_err, read_text


def span_record(span: Span, text: str) -> dict[str, Any]:
    """The JSON object printed for one place mention."""
    place: Place = span.value
    row: dict[str, Any] = {
        "start": span.start,
        "end": span.end,
        "text": text[span.start : span.end],
        "name": place.name,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "iso3": place.iso3,
        "country": place.country,
        "feature": place.feature,
        "label": span.label,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "precision": place.precision,
        "rule": span.rule,
        "score": span.score,
    }
    if place.geonameid:
        row["geonameid"] = place.geonameid
    return row


@click.command("places")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--gazetteer",
    "gazetteer_path",
    type=click.Path(exists=True, dir_okay=False),
    help="A GeoNames dump (allCountries.zip, SY.zip or .txt) or a compiled .idx to use instead "
    "of the packaged gazetteer.",
)
@click.option(
    "--country", "country_hint", metavar="ISO", help="Country the text is about (ISO code), if known."
)
def places(file: str, fmt: str, gazetteer_path: str | None, country_hint: str | None) -> None:
    """Print the place mentions of a plain-text FILE (or - for stdin), resolved to coordinates.

    Offsets are character offsets into the file's UTF-8 text. Labels: place, demonym ("Sudanese"),
    embedded (a place inside an organisation's name).

    Example: sitrep places report.txt --format jsonl
    """
    from ..places import Gazetteer, Geoparser  # noqa: PLC0415 - keep `sitrep --help` fast

    text = read_text(file)
    with SlowStart(echo_err):
        if gazetteer_path is None:
            gazetteer = Gazetteer.default()
        elif gazetteer_path.endswith(".idx"):
            gazetteer = Gazetteer.load(gazetteer_path)
        else:
            gazetteer = Gazetteer.from_geonames_dump(gazetteer_path)
        spans = Geoparser(gazetteer).find(text, country_hint=country_hint)
    rows = [span_record(s, text) for s in spans]
    if fmt == "jsonl":
        out = sys.stdout
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    for row in rows:
        click.echo(
            f"{row['start']:>6} {row['end']:>6}  {row['text'][:28]:<28} {row['label']:<9} "
            f"{row['name'][:28]:<28} {row['iso3']:<3} {row['feature']:<13} "
            f"{row['latitude']:>9.4f} {row['longitude']:>10.4f}"
        )
