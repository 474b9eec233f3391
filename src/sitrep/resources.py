"""Package data files: located with importlib.resources, parsed and validated on first use.

Lexicons, patterns, actor dictionaries and gazetteer extras live in ``sitrep/data`` as versioned
YAML/JSON/TSV files. Nothing is read at import time: stages call :func:`load_yaml` /
:func:`load_tsv` (cached per process, so each file is parsed once) and validate what they get
with :func:`require`, which raises :class:`DataFileError` naming the file and the bad entry.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from importlib import resources
from typing import Any

import yaml

from .errors import DataFileError


def data_text(name: str) -> str:
    """The text of a packaged data file, e.g. ``data_text("events/triggers.yaml")``."""
    try:
        return resources.files("sitrep").joinpath("data", *name.split("/")).read_text("utf-8")
    except FileNotFoundError as exc:
        raise DataFileError("packaged data file is missing; reinstall sitrep", where=name) from exc


@cache
def load_yaml(name: str) -> Any:
    """Parse a packaged YAML file once per process."""
    try:
        # The C loader (libyaml) is ~10x faster when PyYAML was built with it.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(data_text(name), Loader=loader)  # a safe loader either way
    except yaml.YAMLError as exc:
        raise DataFileError(f"invalid YAML: {exc}", where=name) from exc


@cache
def load_json(name: str) -> Any:
    try:
        return json.loads(data_text(name))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"invalid JSON: {exc}", where=name) from exc


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged TSV file with a header line; lines starting with '#' are comments."""
    lines = [ln for ln in data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise DataFileError(f"row {lineno} has the wrong number of columns: {row}", where=name)
        rows.append(row)
    return tuple(rows)


def require(condition: bool, file: str, entry: object, message: str) -> None:
    """Validate one entry of a data file; the error names the file and the entry."""
    if not condition:
        raise DataFileError(f"entry {entry!r}: {message}", where=file)
