"""The typed objects the pipeline stages pass along.

Every extraction is a :class:`Span` into :attr:`Article.text` (character offsets, end exclusive),
kept in a named layer of a :class:`Doc`. Stages add layers and never overwrite another stage's
layer, so every field of an :class:`Event` can point back at the text it came from.

Values are frozen dataclasses; :class:`Doc` is the one mutable container, owned by one pipeline run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from operator import attrgetter
from typing import Any, Literal, TypeVar

ZoneKind = Literal["headline", "dateline", "highlights", "caption", "body", "credit", "furniture"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal["day", "week", "month", "season", "quarter", "year", "decade", "century"]

# Layers the stages write; a stage may add more, namespaced by its own name.
LAYER_SENTENCE = "sentence"
LAYER_TIME = "time"
LAYER_PLACE = "place"
LAYER_ACTOR = "actor"
LAYER_NUMBER = "number"
LAYER_TRIGGER = "trigger"
LAYER_MODALITY = "modality"

# Rule of the ``event_date`` evidence of an event that neither its text nor its article dates: it is
# dated by the day the article was read, at time_precision 3 (README, "No fake dates").
READ_DATE_RULE = "date.read_date"


T = TypeVar("T")


def fast_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass a faster ``__init__``, with the same signature and result.

    The generated ``__init__`` of a frozen dataclass calls ``object.__setattr__`` for every field
    (about 0.5 µs for a :class:`Span`); this one fills the slots through their descriptors (about
    0.3 µs). Worth it for the values built by the hundred per article. Apply it above
    ``@dataclass(frozen=True, slots=True)``; fields with a ``default_factory`` are not supported.
    """
    names, params, env = [], [], {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.default_factory is not MISSING or not f.init:
            raise TypeError(f"fast_init: {cls.__name__}.{f.name} has a default factory or no init")
        names.append(f.name)
        env[f"_set_{f.name}"] = getattr(cls, f.name).__set__  # the slot's member descriptor
        if f.default is MISSING:
            params.append(f.name)
        else:
            env[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"    _set_{name}(self, {name})\n" for name in names)
    exec(f"def __init__(self, {', '.join(params)}):\n{body}", env)  # generated, as dataclasses does
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    setattr(cls, "__init__", init)  # noqa: B010 - mypy keeps the dataclass signature
    return cls


def content_hash(text: str) -> str:
    """Stable id of an article's text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@fast_init
@dataclass(frozen=True, slots=True)
class Zone:
    """A region of an article's text with a role: headline, body, caption, ..."""

    kind: ZoneKind
    start: int
    end: int


@fast_init
@dataclass(frozen=True, slots=True)
class Origin:
    """Where an article came from: the file, the record inside it, and the reader that read it."""

    path: str
    reader: str
    record: str | None = None  # record number / id / WARC record id / feed entry index
    offset: int | None = None  # byte or character offset of the record in the file, when known


@fast_init
@dataclass(frozen=True, slots=True)
class Article:
    """One news article, as read and segmented. ``id`` is the caller's id, else the content hash."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    # How `published` was found: "field", "html-meta", "feed", "warc-header", "updated-line",
    # "published-line", "dateline", "option" (--published), or None when unknown.
    published_from: str | None = None
    source: str | None = None
    url: str | None = None
    zones: tuple[Zone, ...] = ()
    origin: Origin | None = None
    language: str | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def zone_at(self, offset: int) -> ZoneKind:
        """The kind of zone holding a character offset; text outside every zone counts as body."""
        for zone in self.zones:
            if zone.start <= offset < zone.end:
                return zone.kind
        return "body"


@fast_init
@dataclass(frozen=True, slots=True)
class Rejection:
    """An input item a reader could not turn into an article, and why. Batches go on after it."""

    path: str
    reason: str
    record: str | None = None


# ----------------------------------------------------------------------------------------------
# Normalized values carried by spans


@fast_init
@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression's TimeML type and value, plus the calendar range it denotes.

    ``first``/``last`` bound the days the expression covers (both inclusive), when it denotes
    days at all (a DURATION or PRESENT_REF does not); ``granularity`` says how precise it is.
    """

    type: TimexType
    value: str
    first: date | None = None
    last: date | None = None
    granularity: Granularity | None = None
    mod: str | None = None  # TimeML mod: START, MID, END, APPROX, BEFORE, AFTER, ...
    quant: str | None = None  # SET quantifier, e.g. "EVERY"
    freq: str | None = None  # SET frequency, e.g. "1W"
    anchored: bool = True  # False when it was relative but no anchor date was known


@fast_init
@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place with its administrative context."""

    name: str
    latitude: float
    longitude: float
    iso3: str
    country: str
    feature: str  # city, neighbourhood, admin1, admin2, country, region, airport, crossing, ...
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    geonameid: int | None = None
    population: int = 0
    # ACLED geo_precision this place gives when coded as an event location on its own:
    # 1 town / city district, 2 part of a region or near a town, 3 province or larger region.
    precision: int = 1


@fast_init
@dataclass(frozen=True, slots=True)
class Actor:
    """An ACLED-style actor: canonical name, inter code 1-8, and the country it belongs to."""

    name: str
    inter: int
    iso3: str | None = None
    generic: bool = False  # "gunmen", "police": named after the event's country at coding time
    kind: str | None = None  # e.g. "military", "police", "rebel", "militia", "civilians"


@fast_init
@dataclass(frozen=True, slots=True)
class Quantity:
    """A count in the text: killed, injured, arrested, participants, ..."""

    kind: str
    value: int  # the figure ACLED would code (lowest reported, vague plurals by convention)
    low: int | None = None
    high: int | None = None
    approximate: bool = False


@fast_init
@dataclass(frozen=True, slots=True)
class Span:
    """A labelled extraction: ``text[start:end]`` in one layer, with the rule that produced it."""

    start: int
    end: int
    layer: str
    label: str
    rule: str = ""
    value: Any = None  # Timex, Place, Actor, Quantity, or a stage-specific payload
    score: float = 1.0

    def text(self, article_text: str) -> str:
        return article_text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


_START = attrgetter("start")
_END = attrgetter("end")


@dataclass(slots=True)
class Doc:
    """An article being annotated: its text plus layers of spans added by the stages."""

    article: Article
    layers: dict[str, list[Span]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # warnings worth showing the user

    @property
    def text(self) -> str:
        return self.article.text

    def add(self, layer: str, spans: list[Span]) -> None:
        """Write a layer, its spans ordered by start, longest first (stable for equal offsets)."""
        if layer in self.layers:
            raise ValueError(f"layer {layer!r} was already written by another stage")
        # two stable sorts on C-level keys: the order of sorting by (start, -end), faster
        ordered = sorted(spans, key=_END, reverse=True)
        ordered.sort(key=_START)
        self.layers[layer] = ordered

    def layer(self, name: str) -> list[Span]:
        return self.layers.get(name, [])

    def within(self, name: str, start: int, end: int) -> Iterator[Span]:
        """Spans of a layer that lie inside [start, end)."""
        for span in self.layers.get(name, ()):
            if span.start >= start and span.end <= end:
                yield span


# ----------------------------------------------------------------------------------------------
# Events


@fast_init
@dataclass(frozen=True, slots=True)
class Evidence:
    """The text behind one field of an event."""

    field: str
    start: int
    end: int
    text: str
    rule: str = ""


@fast_init
@dataclass(frozen=True, slots=True)
class Claim:
    """One source's claim about a figure (e.g. fatalities) inside an article."""

    field: str
    value: int
    source: str | None
    start: int
    end: int
    text: str


@fast_init
@dataclass(frozen=True, slots=True)
class Event:
    """One ACLED-style event row. Field names and order follow ACLED's export (plus extras)."""

    event_id: str
    event_date: date
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str = ""
    inter1: int = 0
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""
    iso3: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    fatalities: int = 0
    fatalities_low: int = 0
    fatalities_high: int = 0
    source: str = ""
    source_url: str = ""
    notes: str = ""
    article_id: str = ""
    confidence: float = 0.0
    evidence: tuple[Evidence, ...] = ()
    claims: tuple[Claim, ...] = ()
    tags: str = ""

    @property
    def dated_by_read_day(self) -> bool:
        """Whether no date was found (in the text or the article) and the read day stands in."""
        return any(e.rule == READ_DATE_RULE and e.field == "event_date" for e in self.evidence)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (see README): ACLED names, ISO dates, evidence as a list of objects."""
        row: dict[str, Any] = {}
        for name in EVENT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, date):
                value = value.isoformat()
            row[name] = value
        row["evidence"] = [
            {"field": e.field, "start": e.start, "end": e.end, "text": e.text, "rule": e.rule}
            for e in self.evidence
        ]
        row["claims"] = [
            {"field": c.field, "value": c.value, "source": c.source, "start": c.start, "end": c.end,
             "text": c.text}
            for c in self.claims
        ]  # fmt: skip
        return row


# Field order of the JSON contract (evidence and claims follow as lists).
EVENT_FIELDS: tuple[str, ...] = (
    "event_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso3", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "fatalities", "fatalities_low", "fatalities_high",
    "source", "source_url", "notes", "article_id", "confidence", "tags",
)  # fmt: skip
