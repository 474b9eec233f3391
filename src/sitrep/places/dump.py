"""Read a GeoNames dump a user downloaded (allCountries.zip, a country file like SY.zip, or a .txt).

The dump's tab-separated columns: geonameid, name, asciiname, alternatenames, latitude, longitude,
feature class, feature code, country code, cc2, admin1, admin2, admin3, admin4, population,
elevation, dem, timezone, modification date. Populated places, admin divisions and a few kinds of
spots and areas become records; admin1/admin2 rows also name their codes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import DataFileError
from .admin import display_name
from .records import Record
from .sources import good_alternate

# (feature class, feature code prefix) -> feature kind; first match wins.
_KINDS: tuple[tuple[str, str, str], ...] = (
    ("P", "PPLX", "neighbourhood"),
    ("P", "", "city"),
    ("A", "ADM1", "admin1"),
    ("A", "ADM2", "admin2"),
    ("A", "ADM3", "admin3"),
    ("S", "AIRP", "airport"),
    ("S", "AIRB", "base"),
    ("S", "MILB", "base"),
    ("S", "INSM", "base"),
    ("S", "BDG", "crossing"),
    ("S", "PSTB", "crossing"),
    ("L", "RGN", "region"),
    ("L", "AREA", "region"),
    ("T", "", "natural"),
    ("H", "", "water"),
)


def dump_fingerprint(path: Path) -> str:
    try:
        st = path.stat()
    except OSError as exc:
        raise DataFileError(f"cannot read the GeoNames dump: {exc}", where=str(path)) from exc
    return f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}"


def _lines(path: Path) -> Iterator[str]:
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                members = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
                if not members:
                    raise DataFileError("the zip holds no GeoNames .txt file", where=str(path))
                with archive.open(members[0]) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8")
        else:
            with path.open(encoding="utf-8") as handle:
                yield from handle
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read the GeoNames dump: {exc}", where=str(path)) from exc


def _kind(fclass: str, fcode: str) -> str | None:
    for cls, prefix, kind in _KINDS:
        if fclass == cls and fcode.startswith(prefix):
            return kind
    return None


def dump_records(path: Path) -> tuple[list[Record], dict[tuple[str, str], str]]:
    """Records of a GeoNames dump and the admin1 names it defines."""
    records: list[Record] = []
    admin1: dict[tuple[str, str], str] = {}
    admin2: dict[tuple[str, str, str], str] = {}
    rows = []
    for lineno, line in enumerate(_lines(path), start=1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15:
            raise DataFileError(
                f"line {lineno} has {len(cols)} columns, expected 19 (is this a GeoNames dump?)",
                where=str(path),
            )
        kind = _kind(cols[6], cols[7])
        if kind is None:
            continue
        if kind == "admin1":
            admin1[(cols[8], cols[10])] = cols[1]
        elif kind == "admin2":
            admin2[(cols[8], cols[10], cols[11])] = cols[1]
        rows.append((cols, kind, lineno))
    for cols, kind, lineno in rows:
        try:
            lat, lon, population = float(cols[4]), float(cols[5]), int(cols[14] or 0)
            gid = int(cols[0])
        except ValueError as exc:
            raise DataFileError(f"line {lineno}: {exc}", where=str(path)) from exc
        # An admin1 is shown as ACLED writes it ("Sagaing"); a district keeps its type word as its
        # main name ("Gulu District") and is also known without it.
        name = display_name(cols[1]) if kind == "admin1" else cols[1]
        names = [cols[1], cols[2], *cols[3].split(","), display_name(cols[1])]
        alternates = [a for a in dict.fromkeys(names) if a != name and good_alternate(a)]
        a2 = admin2.get((cols[8], cols[10], cols[11]), "")
        records.append(
            Record(
                name=name,
                latitude=lat,
                longitude=lon,
                cc=cols[8],
                feature=kind,
                alternates=alternates,
                admin1_code=cols[10],
                admin2=display_name(a2) if a2 else "",
                population=population,
                geonameid=gid,
                alt_count=len(cols[3].split(",")) if cols[3] else 0,
            )
        )
    return records, admin1
