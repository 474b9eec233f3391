"""Records (JSON objects, CSV rows) to article fields, through the aliases in ``fields.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from ..models import Article, Origin, Rejection
from ..resources import load_yaml, require
from .build import Found, clean, make_article
from .dates import make_date, parse_date
from .options import ReadOptions

FIELDS_FILE = "ingest/fields.yaml"
ATTRIBUTES = ("id", "text", "title", "published", "url", "source", "language")
_NESTED_KEYS = ("name", "title", "url", "value", "text", "href")


@dataclass(frozen=True, slots=True)
class FieldNames:
    """For each article attribute, the record keys (normalised) that may hold it, in order."""

    names: Mapping[str, tuple[str, ...]]

    def lookup(self, record: Mapping[str, Any], attribute: str) -> Any:
        for key in self.names[attribute]:
            if key in record:
                value = record[key]
                if isinstance(value, Mapping):
                    value = next((value[k] for k in _NESTED_KEYS if value.get(k)), None)
                if value not in (None, "", [], {}):
                    return value
        return None


def normalise_key(key: object) -> str:
    return str(key).strip().lower().replace("-", "_").replace(" ", "_")


@cache
def field_names() -> FieldNames:
    data = load_yaml(FIELDS_FILE)
    require(isinstance(data, dict), FIELDS_FILE, "top level", "must be a mapping")
    require(data.get("version") == 1, FIELDS_FILE, "version", "unsupported version (expected 1)")
    fields = data.get("fields")
    require(isinstance(fields, dict), FIELDS_FILE, "fields", "must map attributes to name lists")
    names: dict[str, tuple[str, ...]] = {}
    for attribute in ATTRIBUTES:
        entry = fields.get(attribute)
        require(isinstance(entry, list) and bool(entry), FIELDS_FILE, attribute, "needs a list of names")
        for name in entry:
            require(isinstance(name, str) and bool(name), FIELDS_FILE, attribute, f"bad name {name!r}")
        names[attribute] = tuple(normalise_key(n) for n in entry)
    unknown = set(fields) - set(ATTRIBUTES)
    require(not unknown, FIELDS_FILE, sorted(unknown), f"unknown attributes; known: {ATTRIBUTES}")
    return FieldNames(names)


def date_value(value: Any) -> date | None:
    """A publication date from a record value: text, or a Unix timestamp (seconds or ms)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if abs(value) > 10**11 else value
        try:
            stamp = datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return make_date(stamp.year, stamp.month, stamp.day)
    if isinstance(value, str):
        return parse_date(value)
    return None


def record_article(
    record: Mapping[str, Any], origin: Origin, options: ReadOptions, text_key: str | None = None
) -> Article | Rejection:
    """An :class:`Article` (or :class:`Rejection`) from one record with normalised keys."""
    names = field_names()
    raw_text = record.get(text_key) if text_key else names.lookup(record, "text")
    if not isinstance(raw_text, str) or not raw_text.strip():
        tried = text_key or ", ".join(names.names["text"][:6]) + ", ..."
        return Rejection(origin.path, f"record has no text (looked for: {tried})", origin.record)
    raw_date = names.lookup(record, "published")
    published = date_value(raw_date) if raw_date is not None else None
    found = Found(
        id=clean(names.lookup(record, "id")),
        title=clean(names.lookup(record, "title")),
        published=published,
        published_from="field" if published else None,
        source=clean(names.lookup(record, "source")),
        url=clean(names.lookup(record, "url")),
        language=clean(names.lookup(record, "language")),
    )
    return make_article(raw_text, found, origin, options)
