"""The compiled index: building from a GeoNames dump, caching, loading, errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.errors import DataFileError
from sitrep.models import Place
from sitrep.places import Gazetteer, Geoparser
from sitrep.places.dump import dump_records
from sitrep.places.index import name_keys, write_atomic

DUMP = Path(__file__).parent / "fixtures" / "places" / "mini_dump.txt"


@pytest.fixture(scope="module")
def dump_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    cache = tmp_path_factory.mktemp("cache")
    old = os.environ.get("SITREP_CACHE_DIR")
    os.environ["SITREP_CACHE_DIR"] = str(cache)
    try:
        return Gazetteer.from_geonames_dump(DUMP, with_default=False)
    finally:
        if old is None:
            del os.environ["SITREP_CACHE_DIR"]
        else:
            os.environ["SITREP_CACHE_DIR"] = old


def names(g: Gazetteer, name: str) -> list[tuple[str, str]]:
    return [(g.place(e).name, g.place(e).feature) for e, _, _ in g.lookup(*name_keys(name))]


def test_dump_places_and_their_alternate_names(dump_gazetteer: Gazetteer) -> None:
    assert ("Tall Hamra", "city") in names(dump_gazetteer, "Tell al-Hamra")
    assert ("Qaryat Abu Sakhr", "city") in names(dump_gazetteer, "Abou Sakhr")
    assert ("Matar Tall Hamra", "base") in names(dump_gazetteer, "Tall Hamra Airfield")
    village = dump_gazetteer.place(dump_gazetteer.lookup(*name_keys("Tall Hamra"))[0][0])
    assert village.admin1 == "Wadi Rimal"  # ACLED-style: no type word
    assert village.admin2 == "Mintaqat Tall Hamra"
    assert village.iso3 == "SYR" and village.geonameid == 9100003


def test_dump_gazetteer_keeps_countries_and_curated_places(dump_gazetteer: Gazetteer) -> None:
    assert ("Syria", "country") in names(dump_gazetteer, "Syria")
    assert ("Indian Ocean", "water") in names(dump_gazetteer, "Indian Ocean")


def test_geoparser_on_a_dump_gazetteer(dump_gazetteer: Gazetteer) -> None:
    text = "Shelling hit Tell Hamra and the village of Abu Sakhr in Wadi Rimal Governorate, Syria."
    found = {text[s.start : s.end]: s.value.name for s in Geoparser(dump_gazetteer).find(text)}
    assert found["Tell Hamra"] == "Tall Hamra"
    assert found["Abu Sakhr"] == "Qaryat Abu Sakhr"
    assert found["Syria"] == "Syria"


def test_index_is_reused_from_the_cache(dump_gazetteer: Gazetteer) -> None:
    path = dump_gazetteer.index.path
    assert path.exists() and path.suffix == ".idx"
    again = Gazetteer.load(path)
    assert len(again) == len(dump_gazetteer)


def test_not_an_index(tmp_path: Path) -> None:
    bad = tmp_path / "bad.idx"
    write_atomic(bad, b"not an index at all")
    with pytest.raises(DataFileError, match="not a sitrep gazetteer index"):
        Gazetteer.load(bad)


def test_bad_dump_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "XX.txt"
    bad.write_text("1\tonly\tthree columns\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 1"):
        dump_records(bad)


def test_write_atomic_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "x.idx"
    write_atomic(target, b"abc")
    write_atomic(target, b"def")
    assert target.read_bytes() == b"def"
    assert [p.name for p in target.parent.iterdir()] == ["x.idx"]


def test_capital_of_every_admin1_is_its_main_town() -> None:
    """``capital`` finds an admin1's row by name and country (an index built once) for every unit."""
    g = Gazetteer.default()
    ix = g.index
    for row in ix.admin1[:400]:
        unit = ix.countries[row[0]]
        place = Place(name=row[2], latitude=0.0, longitude=0.0, iso3=unit[1], country=unit[2],
                      feature="admin1", admin1=row[2])  # fmt: skip
        first = next(j for j, r in enumerate(ix.admin1) if r[2] == row[2] and r[0] == row[0])
        cap = g.admin1_capital(first)
        assert g.capital(place) == (g.place(cap) if cap >= 0 else None), row
    stray = Place(name="Nowhere", latitude=0.0, longitude=0.0, iso3="SYR", country="Syria",
                  feature="admin1", admin1="No Such Province")  # fmt: skip
    assert g.capital(stray) is None
