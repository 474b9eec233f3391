"""The words the geoparser uses around names: cues, titles, organisation words, stop names, demonyms.

Loaded once per process from ``data/places/cues.yaml`` and ``data/places/demonyms.tsv`` and
validated; every word is stored folded (see :func:`sitrep.places.fold.fold`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from ..resources import data_text, load_tsv, load_yaml, require
from .fold import fold
from .records import FEATURES

CUES_FILE = "places/cues.yaml"
DEMONYMS_FILE = "places/demonyms.tsv"
COMMON_WORDS_FILE = "places/common_words.txt"


@dataclass(frozen=True, slots=True)
class Lexicon:
    location_cues: frozenset[str]
    near_cues: frozenset[str]  # folded phrases
    near_last_words: frozenset[str]  # their last words, checked first
    directions: frozenset[str]
    admin_types: dict[str, tuple[str, ...]]
    person_titles: frozenset[str]
    organisation_words: frozenset[str]
    not_places: frozenset[str]
    demonyms: dict[str, str]  # folded form -> ISO alpha-2 code or place name
    demonym_heads: frozenset[str]  # first words of demonyms of several words ("south" of "South Sudanese")
    demonym_prefixes: frozenset[str]  # their leading word sequences
    street_words: frozenset[str]
    common_words: frozenset[str]
    person_verbs: frozenset[str]
    person_particles: frozenset[str]
    trailing_stop: frozenset[str]  # words a place name never ends with ("Al", "The")
    feature_words: frozenset[str]  # "Lake", "Mount": "Lake Vermont" is not Vermont
    compound_words: frozenset[str]  # "North" of "Kano North": a unit named after the place before
    place_nouns: frozenset[str]  # "town", "village", "area": "X town in Y" puts X inside Y

    @property
    def max_near_words(self) -> int:
        return max(len(k.split()) for k in self.near_cues)


def _words(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key)
    require(
        isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value),
        CUES_FILE,
        key,
        "must be a list of words",
    )
    return [fold(v) for v in value or ()]


def _common_words() -> frozenset[str]:
    words = [ln.strip() for ln in data_text(COMMON_WORDS_FILE).splitlines() if ln.strip() and ln[0] != "#"]
    for word in words:
        require(word == fold(word) and " " not in word, COMMON_WORDS_FILE, word, "one folded word per line")
    return frozenset(words)


@cache
def lexicon() -> Lexicon:
    data = load_yaml(CUES_FILE)
    require(isinstance(data, dict), CUES_FILE, "top level", "must be a mapping")
    require(data.get("version") == 1, CUES_FILE, "version", "unsupported version (expected 1)")
    admin = data.get("admin_types")
    require(isinstance(admin, dict), CUES_FILE, "admin_types", "must map words to feature lists")
    admin_types = {}
    for word, features in admin.items():
        require(
            isinstance(features, list) and bool(features) and all(f in FEATURES for f in features),
            CUES_FILE,
            word,
            f"features must be a non-empty list of {FEATURES}",
        )
        admin_types[fold(word)] = tuple(features)
    demonyms: dict[str, str] = {}
    for row in load_tsv(DEMONYMS_FILE):
        form, place = row["form"], row["place"].strip()
        require(bool(place), DEMONYMS_FILE, form, "place must be an ISO alpha-2 code or a place name")
        base, _, plural = form.partition("|")
        require(plural in ("", "s"), DEMONYMS_FILE, form, "only '|s' may follow a form")
        demonyms[fold(base)] = place
        if plural:
            demonyms[fold(base + plural)] = place
    near = frozenset(_words(data, "near_cues"))
    return Lexicon(
        near_last_words=frozenset(p.split()[-1] for p in near),
        location_cues=frozenset(_words(data, "location_cues")),
        near_cues=near,
        directions=frozenset(_words(data, "directions")),
        admin_types=admin_types,
        person_titles=frozenset(_words(data, "person_titles")),
        organisation_words=frozenset(_words(data, "organisation_words")),
        not_places=frozenset(_words(data, "not_places")),
        demonyms=demonyms,
        demonym_heads=frozenset(k.split()[0] for k in demonyms if " " in k),
        demonym_prefixes=frozenset(
            " ".join(k.split()[:n]) for k in demonyms if " " in k for n in range(1, len(k.split()) + 1)
        ),
        street_words=frozenset(_words(data, "street_words")),
        common_words=_common_words(),
        person_verbs=frozenset(_words(data, "person_verbs")),
        person_particles=frozenset(_words(data, "person_particles")),
        trailing_stop=frozenset(_words(data, "trailing_stop")),
        feature_words=frozenset(_words(data, "feature_words")),
        compound_words=frozenset(_words(data, "compound_words")),
        place_nouns=frozenset(_words(data, "place_nouns")) | frozenset(admin_types),
    )
