"""Build-time rows of the gazetteer, before they are compiled into the compact index."""

from __future__ import annotations

from dataclasses import dataclass, field

# Feature kinds, in the order stored in the index (the index stores the position).
FEATURES: tuple[str, ...] = (
    "city",
    "neighbourhood",
    "admin1",
    "admin2",
    "admin3",
    "country",
    "continent",
    "region",
    "airport",
    "crossing",
    "base",
    "landmark",
    "natural",
    "water",
)
FEATURE_CODE = {name: code for code, name in enumerate(FEATURES)}

# ACLED geo_precision a place gives on its own when it is an event's location.
DEFAULT_PRECISION = {
    "city": 1,
    "neighbourhood": 1,
    "airport": 1,
    "crossing": 1,
    "base": 1,
    "landmark": 1,
    "admin3": 2,
    "admin2": 2,
    "natural": 2,
    "water": 2,
    "region": 3,
    "admin1": 3,
    "country": 3,
    "continent": 3,
}


@dataclass(slots=True)
class Record:
    """One place with its names, before compilation. ``key`` identifies admin units while building."""

    name: str
    latitude: float
    longitude: float
    cc: str  # ISO 3166-1 alpha-2, "" for continents and seas
    feature: str
    alternates: list[str] = field(default_factory=list)
    admin1_code: str = ""  # GeoNames admin1 code inside the country ("01", "CA", ...)
    admin2: str = ""  # admin2 name, when the data has it
    population: int = 0
    geonameid: int = 0
    precision: int = 0  # 0: the feature's default
    # For neighbourhoods and curated places: "City - District" style location names are built from it.
    parent: str = ""
    capital: bool = False  # a national capital ("Washington" in news is the capital first)
    # Population that stands for the place's prominence: an admin unit's largest town (0: population).
    weight_population: int = 0
    # How many names GeoNames knows the place by, in every language: well-known places have many.
    alt_count: int = 0
    admin2_raw: str = ""  # the admin2 name as the source writes it ("Gulu District")
