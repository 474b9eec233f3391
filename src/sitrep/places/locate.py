"""Event location: the place governing an event clause, with ACLED's geo_precision.

``locate_event(doc, start, end)`` looks at the ``place`` layer (labels ``place`` only: demonyms and
names inside organisations never locate an event) and picks, in order of preference:

1. the most specific place inside the clause [start, end) ("in TOWN (ADMIN2, ADMIN1)" -> TOWN);
2. else the most specific place of the sentence holding the clause;
3. else the article's dateline place, else its first place in the headline or body.

geo_precision (ACLED): 1 a named town or city district; 2 "near"/"outside"/"north of" a town, a
direction inside a town ("northern Aleppo"), a district, or part of a region; 3 a province, a
larger region or a country (ACLED codes no country-level events: the point is then the province's
or country's capital, and the reason says so).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..models import LAYER_PLACE, LAYER_SENTENCE, Doc, Place, Span
from .gazetteer import Gazetteer

# Places that never locate an event while a more specific one is known in the article.
VAGUE = frozenset({"country", "continent", "water"})

# Lower is more specific.
SPECIFICITY = {
    "neighbourhood": 0,
    "airport": 0,
    "crossing": 0,
    "base": 0,
    "landmark": 0,
    "city": 1,
    "admin3": 2,
    "natural": 3,
    "water": 3,
    "admin2": 3,
    "region": 4,
    "admin1": 5,
    "country": 6,
    "continent": 7,
}


@dataclass(frozen=True, slots=True)
class EventLocation:
    place: Place
    geo_precision: int
    evidence: Span
    reason: str


# Rule tags that show a name standing as a location: a location word, a container, brackets...
LOCATIVE = frozenset({"cue", "near", "contained", "paren", "admin", "dateline", "inner", "direction"})


def _rank(span: Span) -> tuple[bool, int, int, int]:
    """A name read as a location first ("in X", "X (Y)", "X province"; not "Fano militias"), then
    the most specific; among equals one in a container, then one after a location word, not one an
    actor came "from", and the earlier one."""
    tags = span.rule.split("+")
    support = 0 if "contained" in tags else 1 if ("cue" in tags or "near" in tags) else 2
    bare = LOCATIVE.isdisjoint(tags)
    return (bare, SPECIFICITY.get(span.value.feature, 5) + (2 if "from" in tags else 0), support, span.start)


def _pick(spans: list[Span]) -> Span | None:
    places = [s for s in spans if s.label == "place" and isinstance(s.value, Place)]
    if not places:
        return None
    return min(places, key=_rank)


def _vague(span: Span) -> bool:
    """A country, a continent or a region across borders, or a place an actor came from."""
    place: Place = span.value
    return place.feature in VAGUE or not place.iso3 or "from" in span.rule.split("+")


def _lede(doc: Doc, spans: list[Span]) -> Span | None:
    """The most specific place of the dateline, else of the article's first sentence naming one."""
    places = [s for s in spans if s.label == "place" and isinstance(s.value, Place) and not _vague(s)]
    if not places:
        return None
    dateline = [s for s in places if "dateline" in s.rule]
    if dateline:
        return _pick(dateline)
    s0, s1 = _sentence(doc, places[0].start, places[0].end)
    return _pick([s for s in places if s0 <= s.start and s.end <= s1])


def _sentence(doc: Doc, start: int, end: int) -> tuple[int, int]:
    for s in doc.layer(LAYER_SENTENCE):
        if s.start <= start < s.end:
            return s.start, max(s.end, end)
    return start, end


def locate_event(doc: Doc, start: int, end: int, gazetteer: Gazetteer | None = None) -> EventLocation | None:
    """Where the event described by ``doc.text[start:end]`` happened, or None if no place is known."""
    spans = doc.layer(LAYER_PLACE)
    chosen = _pick([s for s in spans if s.start >= start and s.end <= end])
    where = "clause"
    if chosen is None or _vague(chosen):
        s0, s1 = _sentence(doc, start, end)
        chosen = _pick([s for s in spans if s.start >= s0 and s.end <= s1]) or chosen
        where = "sentence"
    if chosen is None or _vague(chosen):
        # Only a country (or an origin, "from X") near the clause: the story's own place, named in
        # its dateline or lede, locates it better; ACLED codes no country-level events.
        lede = _lede(doc, spans)
        if lede is not None:
            chosen, where = lede, "dateline" if "dateline" in lede.rule else "lede"
    if chosen is None:
        places = [s for s in spans if s.label == "place"]
        chosen = places[0] if places else None
        where = "article"
    if chosen is None:
        return None
    place: Place = chosen.value
    precision = place.precision
    reason = f"{place.feature} named in the {where}"
    if place.feature in ("admin1", "region", "country") or (place.feature == "admin2" and precision == 3):
        capital = (gazetteer or Gazetteer.default()).capital(place)
        if capital is not None:
            place = replace(capital, name=capital.name, feature=capital.feature)
            reason += f"; located at its capital {capital.name}"
        precision = 3
        if chosen.value.feature == "country":
            reason += "; only the country is known"
    elif "near" in chosen.rule or "direction" in chosen.rule:
        precision = max(precision, 2)
        reason += "; near or part of the place"
    elif "inner" in chosen.rule or "compound" in chosen.rule:
        precision = max(precision, 2)
        reason += "; a place inside or named after it"
    if where != "clause":
        precision = max(precision, 1)
    return EventLocation(place=place, geo_precision=precision, evidence=chosen, reason=reason)
