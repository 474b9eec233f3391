"""The compiled gazetteer: one file, memory-mapped, shared by every process that opens it.

Layout: an 8-byte magic, a 4-byte little-endian header length, a JSON header (tables and the byte
ranges of the sections), then 8-byte-aligned sections: two marisa tries (name keys -> key ids,
display names <-> name ids) and flat little-endian arrays, one per entry field, plus the postings
(for each key id, the entries carrying that name, best first; the top bit marks an alternate name).

Keys live in three namespaces of one trie: ``=`` + :func:`fold`, ``~`` + :func:`loose`,
``#`` + :func:`skeleton` (see :mod:`sitrep.places.fold`).

The file is written to a temporary name in the cache directory and moved into place with
``os.replace``: readers see the old file or the new one, never half of one, and two processes that
build at the same time just both write the same bytes.
"""

from __future__ import annotations

import json
import math
import mmap
import os
import struct
import tempfile
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import marisa_trie

from ..errors import DataFileError
from .fold import fold, loose, skeleton
from .records import DEFAULT_PRECISION, FEATURE_CODE, FEATURES, Record

MAGIC = b"SITREPGZ"
FORMAT = 5
ALT = 1 << 31
# Entries whose skeleton key is indexed: larger towns and every non-town feature.
SKELETON_MIN_POPULATION = 1000
SKELETON_MIN_LENGTH = 3

# name: (array typecode, per-entry field)
ARRAYS: dict[str, str] = {
    "lat": "f",
    "lon": "f",
    "pop": "I",
    "gid": "i",
    "cc": "H",
    "a1": "I",
    "a2": "I",
    "feat": "B",
    "prec": "B",
    "name": "I",
    "parent": "I",
    "prior": "f",
    "fame": "B",
}


FEATURE_BOOST = {"country": 3.0, "continent": 3.5, "admin1": 0.3, "region": 1.0, "admin2": 0.0}
CAPITAL_BOOST = 2.5


def prior(record: Record) -> float:
    """Static importance of a place: log population (an admin unit's largest town), boosted for
    countries, continents, admin units and national capitals."""
    population = record.weight_population or record.population
    return (
        FEATURE_BOOST.get(record.feature, 0.0)
        + math.log10(population + 1)
        + (CAPITAL_BOOST if record.capital else 0.0)
    )


def name_keys(name: str) -> tuple[str, str, str]:
    """The three keys of a name: folded, loose and skeleton."""
    f = fold(name)
    lk = loose(f)
    return f, lk, skeleton(lk)


@dataclass(frozen=True, slots=True)
class Tables:
    """The small tables of the header."""

    countries: list[list[Any]]  # [iso2, iso3, name, capital entry id or -1]
    admin1: list[list[Any]]  # [country index, code, name, entry id or -1, capital entry id or -1]
    source: str


def compile_index(
    records: list[Record],
    admin1_names: dict[tuple[str, str], str],
    source: str,
    countries: Iterable[tuple[str, str, str]],
) -> bytes:
    """Compile records into the bytes of an index file."""
    country_rows = [[*c, -1] for c in countries]  # [iso2, iso3, name, capital entry id or -1]
    cc_index = {row[0]: i for i, row in enumerate(country_rows)}
    cc_index.setdefault("", len(country_rows))
    if len(country_rows) < len(cc_index):
        country_rows.append(["", "", "", -1])
    admin1_rows: list[list[Any]] = []
    a1_index: dict[tuple[str, str], int] = {}
    for (cc, code), name in sorted(admin1_names.items()):
        if cc in cc_index:
            a1_index[(cc, code)] = len(admin1_rows)
            admin1_rows.append([cc_index[cc], code, name, -1, -1])

    display: set[str] = set()
    for r in records:
        display.add(r.name)
        if r.admin2:
            display.add(r.admin2)
        if r.parent:
            display.add(r.parent)
    names = marisa_trie.Trie(display)

    cols: dict[str, array[Any]] = {k: array(t) for k, t in ARRAYS.items()}
    cap_named = [False] * len(admin1_rows)
    postings: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for i, r in enumerate(records):
        a1 = a1_index.get((r.cc, r.admin1_code), -1) if r.admin1_code else -1
        if a1 >= 0 and r.feature == "admin1" and admin1_rows[a1][3] < 0:
            admin1_rows[a1][3] = i
        if a1 >= 0 and r.feature == "city":
            # The admin1's main town: the town named like the admin1 ("Colima, Colima"), else the largest.
            cap = admin1_rows[a1][4]
            named = fold(r.name) == fold(admin1_rows[a1][2])
            if (
                cap < 0
                or (named and not cap_named[a1])
                or (named == cap_named[a1] and r.population > cols["pop"][cap])
            ):
                admin1_rows[a1][4] = i
                cap_named[a1] = named
        if r.capital and r.cc in cc_index:
            country_rows[cc_index[r.cc]][3] = i
        values = {
            "lat": r.latitude,
            "lon": r.longitude,
            "pop": min(r.population, 2**32 - 1),
            "gid": r.geonameid,
            "cc": cc_index.get(r.cc, cc_index[""]),
            "a1": a1 + 1,
            "a2": names[r.admin2] + 1 if r.admin2 else 0,
            "feat": FEATURE_CODE[r.feature],
            "prec": r.precision or DEFAULT_PRECISION[r.feature],
            "name": names[r.name],
            "parent": names[r.parent] + 1 if r.parent else 0,
            "prior": prior(r),
            "fame": min(255, r.alt_count),
        }
        for key, value in values.items():
            cols[key].append(value)
        weight = values["prior"]
        with_skeleton = r.feature != "city" or r.population >= SKELETON_MIN_POPULATION
        seen: set[str] = set()
        for n, alt in ((r.name, 0), *((a, ALT) for a in r.alternates)):
            f, lk, sk = name_keys(n)
            if not f:
                continue
            keys = ["=" + f, "~" + lk]
            if with_skeleton and len(sk) >= SKELETON_MIN_LENGTH:
                keys.append("#" + sk)
            for key in keys:
                if key not in seen:
                    seen.add(key)
                    postings[key].append((weight - (0.5 if alt else 0.0), i | alt))
    trie = marisa_trie.Trie(postings)
    offsets = array("I", [0] * (len(trie) + 1))
    flat = array("I")
    ordered = sorted((trie[k], k) for k in postings)
    for kid, key in ordered:
        entries = sorted(postings[key], key=lambda p: -p[0])
        flat.extend(e for _, e in entries)
        offsets[kid + 1] = len(flat)
    cols["post_off"] = offsets
    cols["post"] = flat

    sections: list[tuple[str, bytes]] = [("keys", trie.tobytes()), ("names", names.tobytes())]
    sections += [(k, v.tobytes()) for k, v in cols.items()]
    header: dict[str, Any] = {
        "format": FORMAT,
        "features": list(FEATURES),
        "countries": country_rows,
        "admin1": admin1_rows,
        "source": source,
        "entries": len(records),
        "sections": {},
    }
    pos = 0
    for key, blob in sections:
        header["sections"][key] = [pos, len(blob), ARRAYS.get(key, "I" if key.startswith("post") else "")]
        pos += len(blob) + (-len(blob) % 8)
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * (-(len(head) + 12) % 8)
    out = bytearray(MAGIC + struct.pack("<I", len(head)) + head)
    for _, blob in sections:
        out += blob + b"\0" * (-len(blob) % 8)
    return bytes(out)


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that readers never see a partial one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # a shared cache: readable by the user's other processes and tools
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Index:
    """A loaded index file: tries, per-entry arrays and tables (read-only, memory-mapped)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with path.open("rb") as handle:
                self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError) as exc:
            raise DataFileError(f"cannot open gazetteer index: {exc}", where=str(path)) from exc
        buf = memoryview(self._map)
        if bytes(buf[:8]) != MAGIC:
            raise DataFileError("not a sitrep gazetteer index", where=str(path))
        (hlen,) = struct.unpack("<I", buf[8:12])
        header = json.loads(bytes(buf[12 : 12 + hlen]))
        if header.get("format") != FORMAT:
            raise DataFileError(
                f"gazetteer index format {header.get('format')} is not {FORMAT}; rebuild it", where=str(path)
            )
        base = 12 + hlen
        self.header = header
        self.countries: list[list[Any]] = header["countries"]
        self.admin1: list[list[Any]] = header["admin1"]
        self.features: list[str] = header["features"]
        self.source: str = header["source"]
        sec = header["sections"]

        def part(key: str) -> memoryview:
            start, length, _ = sec[key]
            return buf[base + start : base + start + length]

        self.keys = marisa_trie.Trie().frombytes(bytes(part("keys")))
        self.names = marisa_trie.Trie().frombytes(bytes(part("names")))
        self.lat = part("lat").cast("f")
        self.lon = part("lon").cast("f")
        self.pop = part("pop").cast("I")
        self.gid = part("gid").cast("i")
        self.cc = part("cc").cast("H")
        self.a1 = part("a1").cast("I")
        self.a2 = part("a2").cast("I")
        self.feat = part("feat").cast("B")
        self.prec = part("prec").cast("B")
        self.name = part("name").cast("I")
        self.parent = part("parent").cast("I")
        self.prior = part("prior").cast("f")
        self.fame = part("fame").cast("B")
        self.post_off = part("post_off").cast("I")
        self.post = part("post").cast("I")
        self.size = len(self.lat)

    def postings(self, key: str) -> memoryview | None:
        """Entries (with the ALT flag) carrying a namespaced key, best first; None when unknown."""
        kid = self.keys.get(key)
        if kid is None:
            return None
        return self.post[self.post_off[kid] : self.post_off[kid + 1]]

    def has_prefix(self, prefix: str) -> bool:
        """Does any key start with this prefix?"""
        return next(iter(self.keys.iterkeys(prefix)), None) is not None

    def display(self, name_id: int) -> str:
        return str(self.names.restore_key(name_id))
