"""sitrep's own place data: country aliases and centres, curated extra places (validated on load).

``data/places/countries.yaml``: per ISO alpha-2 code, a display name, aliases ("U.S.", "Britain")
and the country's centre (the point used when a country itself is the place mentioned).

``data/places/places.yaml``: places GeoNames cities500 lacks or names differently: city districts,
crossings, bases, airports and regions ("northern Gaza") with coordinates, the ISO country, the admin1
name, the parent town and an honest ACLED precision.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..resources import load_yaml, require
from .fold import fold
from .records import DEFAULT_PRECISION, FEATURES, Record

COUNTRIES_FILE = "places/countries.yaml"
ADMIN_ALIASES_FILE = "places/admin_aliases.yaml"
PLACES_FILE = "places/places.yaml"


@dataclass(frozen=True, slots=True)
class CountryInfo:
    name: str | None = None
    aliases: tuple[str, ...] = ()
    centre: tuple[float, float] | None = None


def _header(data: Any, file: str, section: str) -> Any:
    require(isinstance(data, dict), file, "top level", "must be a mapping")
    require(data.get("version") == 1, file, "version", "unsupported version (expected 1)")
    require(section in data, file, section, "section is missing")
    return data[section]


def _point(value: Any, file: str, entry: str) -> tuple[float, float]:
    require(
        isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value),
        file,
        entry,
        "a point is [latitude, longitude]",
    )
    lat, lon = float(value[0]), float(value[1])
    require(-90 <= lat <= 90 and -180 <= lon <= 180, file, entry, "latitude/longitude out of range")
    return lat, lon


def _names(value: Any, file: str, entry: str) -> tuple[str, ...]:
    require(
        isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value),
        file,
        entry,
        "aliases must be a list of names",
    )
    return tuple(value)


def _iso_key(cc: object, file: str) -> None:
    require(
        isinstance(cc, str) and len(cc) == 2 and cc.isupper(), file, cc, "keys are ISO 3166-1 alpha-2 codes"
    )


@cache
def curated_countries() -> dict[str, CountryInfo]:
    section = _header(load_yaml(COUNTRIES_FILE), COUNTRIES_FILE, "countries")
    require(isinstance(section, dict), COUNTRIES_FILE, "countries", "must map ISO codes to entries")
    out = {}
    for cc, entry in section.items():
        _iso_key(cc, COUNTRIES_FILE)
        require(isinstance(entry, dict), COUNTRIES_FILE, cc, "must be a mapping")
        unknown = set(entry) - {"name", "aliases", "centre"}
        require(not unknown, COUNTRIES_FILE, cc, f"unknown fields {sorted(unknown)}")
        centre = _point(entry["centre"], COUNTRIES_FILE, cc) if "centre" in entry else None
        out[cc] = CountryInfo(
            name=entry.get("name"),
            aliases=_names(entry.get("aliases", []), COUNTRIES_FILE, cc),
            centre=centre,
        )
    return out


@cache
def iso_admin_countries() -> frozenset[str]:
    """Countries whose admin1 units are displayed with their ISO 3166-2 names."""
    data = load_yaml(COUNTRIES_FILE)
    codes = data.get("iso_admin_names", []) if isinstance(data, dict) else []
    require(isinstance(codes, list), COUNTRIES_FILE, "iso_admin_names", "must be a list of ISO codes")
    for cc in codes:
        _iso_key(cc, COUNTRIES_FILE)
    return frozenset(codes)


def _admin1_entries(section: Any, key: str) -> Iterator[tuple[str, str, Any]]:
    """(ISO alpha-2, admin1 name, value) of a section of the admin1 file, validated."""
    require(isinstance(section, dict), ADMIN_ALIASES_FILE, key, "must map ISO codes to admin1 names")
    for cc, entries in section.items():
        _iso_key(cc, ADMIN_ALIASES_FILE)
        require(isinstance(entries, dict), ADMIN_ALIASES_FILE, cc, f"{key}: must map admin1 names to values")
        for name, value in entries.items():
            yield cc, str(name), value


@cache
def curated_admin1_aliases() -> dict[tuple[str, str], tuple[str, ...]]:
    """(ISO alpha-2, folded admin1 name) -> other names of that admin1."""
    section = _header(load_yaml(ADMIN_ALIASES_FILE), ADMIN_ALIASES_FILE, "admin1")
    return {
        (cc, fold(name)): _names(aliases, ADMIN_ALIASES_FILE, f"{cc}/{name}")
        for cc, name, aliases in _admin1_entries(section, "admin1")
    }


@cache
def curated_admin1_display() -> dict[tuple[str, str], str]:
    """(ISO alpha-2, folded GeoNames admin1 name) -> the name to display."""
    data = load_yaml(ADMIN_ALIASES_FILE)
    out = {}
    for cc, name, shown in _admin1_entries(data.get("display", {}), "display"):
        require(isinstance(shown, str) and bool(shown.strip()), ADMIN_ALIASES_FILE, name, "needs a name")
        out[(cc, fold(name))] = shown
    return out


_PLACE_FIELDS = {
    "name",
    "aliases",
    "point",
    "country",
    "feature",
    "admin1",
    "parent",
    "precision",
    "geonameid",
}


@cache
def _place_entries() -> tuple[dict[str, Any], ...]:
    section = _header(load_yaml(PLACES_FILE), PLACES_FILE, "places")
    require(isinstance(section, list), PLACES_FILE, "places", "must be a list")
    for entry in section:
        require(
            isinstance(entry, dict) and isinstance(entry.get("name"), str),
            PLACES_FILE,
            entry,
            "each place is a mapping with a name",
        )
        name = entry["name"]
        unknown = set(entry) - _PLACE_FIELDS
        require(not unknown, PLACES_FILE, name, f"unknown fields {sorted(unknown)}")
        _point(entry.get("point"), PLACES_FILE, name)
        _names(entry.get("aliases", []), PLACES_FILE, name)
        require(entry.get("feature") in FEATURES, PLACES_FILE, name, f"feature must be one of {FEATURES}")
        cc = entry.get("country", "")
        require(
            (isinstance(cc, str) and len(cc) == 2 and cc.isupper())
            or (cc == "" and entry["feature"] in ("region", "water", "natural")),
            PLACES_FILE,
            name,
            "country must be an ISO 3166-1 alpha-2 code (only seas and regions across borders have none)",
        )
        require(entry.get("precision", 1) in (1, 2, 3), PLACES_FILE, name, "precision must be 1, 2 or 3")
    return tuple(section)


def _nearest_admin1(towns: list[Record], lat: float, lon: float) -> str:
    best, code = float("inf"), ""
    scale = math.cos(math.radians(lat))
    for town in towns:
        d = (town.latitude - lat) ** 2 + ((town.longitude - lon) * scale) ** 2
        if d < best and town.admin1_code:
            best, code = d, town.admin1_code
    return code


def curated_places(codes: dict[tuple[str, str], str], towns: list[Record]) -> list[Record]:
    """Curated places as records; ``admin1`` names are resolved to GeoNames admin1 codes (``codes``:
    (country, folded admin1 name) -> code), and a place without one takes the admin1 of the nearest
    town of its country."""
    by_country: dict[str, list[Record]] = {}
    for town in towns:
        by_country.setdefault(town.cc, []).append(town)
    known = {cc for cc, _ in codes}
    records = []
    for entry in _place_entries():
        lat, lon = _point(entry["point"], PLACES_FILE, entry["name"])
        cc = entry.get("country", "")
        code = ""
        if entry.get("admin1") and cc in known:
            code = codes.get((cc, fold(entry["admin1"])), "")
            require(
                bool(code), PLACES_FILE, entry["name"], f"admin1 {entry['admin1']!r} is not an admin1 of {cc}"
            )
        if not code and cc:
            code = _nearest_admin1(by_country.get(cc, []), lat, lon)
        feature = entry["feature"]
        records.append(
            Record(
                name=entry["name"],
                latitude=lat,
                longitude=lon,
                cc=cc,
                feature=feature,
                alternates=list(entry.get("aliases", [])),
                admin1_code=code,
                geonameid=int(entry.get("geonameid", 0)),
                parent=entry.get("parent", ""),
                precision=int(entry.get("precision", DEFAULT_PRECISION[feature])),
            )
        )
    return records
