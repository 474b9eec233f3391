"""Admin units: ACLED-style display names, ISO 3166-2 names, bracket chains of admin units."""

from __future__ import annotations

import pytest

from sitrep.models import Place, Span
from sitrep.places import Gazetteer, Geoparser
from sitrep.places.admin import admin1_names, display_name, iso_forms, without_marks


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sagaing Region", "Sagaing"),
        ("Béja Governorate", "Béja"),
        ("Province du Boulgou", "Boulgou"),
        ("Gyeonggi-do", "Gyeonggi"),
        ("Ma’rib", "Marib"),
        ("Şa‘dah", "Şadah"),
        ("Kyiv City", "Kyiv City"),  # "City" stays: Kyiv City and Kyiv oblast are two units
        ("Region", "Region"),  # nothing but a type word: kept
    ],
)
def test_display_names(name: str, expected: str) -> None:
    assert display_name(name) == expected


def test_elisions_keep_their_apostrophe() -> None:
    assert without_marks("O'Higgins") == "O'Higgins"
    assert without_marks("Provence-Alpes-Côte d’Azur") == "Provence-Alpes-Côte d'Azur"
    assert without_marks("Karbalāʼ") == "Karbalā"


def test_iso_forms() -> None:
    assert iso_forms("Catalunya [Cataluña]") == ["Cataluña", "Catalunya"]
    assert iso_forms("Murcia, Región de") == ["Murcia", "Región de Murcia"]
    assert iso_forms("Stockholms län [SE-01]") == ["Stockholms län"]


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser(Gazetteer.default())


def found(parser: Geoparser, text: str) -> dict[str, Span]:
    return {text[s.start : s.end]: s for s in parser.find(text)}


def place(span: Span) -> Place:
    assert isinstance(span.value, Place)
    return span.value


def test_admin1_names_follow_acled(parser: Geoparser) -> None:
    spans = found(parser, "Artillery hit Saraqib in Idlib governorate and Kyaukse in Mandalay Region.")
    assert place(spans["Saraqib"]).admin1 == "Idleb"  # OCHA/ACLED spelling
    assert place(spans["Kyaukse"]).admin1 == "Mandalay"  # no type word


def test_direction_named_unit_in_brackets(parser: Geoparser) -> None:
    # "Northern" names a region in many countries; the town before it says which one.
    spans = found(parser, "Cattle raiders struck a homestead near Lira (Lira, Northern) on Sunday.")
    assert place(spans["Northern"]).iso3 == "UGA" and place(spans["Northern"]).feature == "admin1"


def test_place_outside_its_container_gives_way(parser: Geoparser) -> None:
    # No "Apam" in Uganda: the Ghanaian town is not taken; the town around it stands, marked "inner".
    text = "Two farmers were beaten in Apam (Gulu, Northern) over a land dispute."
    spans = found(parser, text)
    assert "Apam" not in spans
    assert place(spans["Gulu"]).iso3 == "UGA" and "inner" in spans["Gulu"].rule


def test_unknown_village_inside_a_chain(parser: Geoparser) -> None:
    text = "Soldiers raided Xqzvillage (Djugu, Ituri) at dawn."
    spans = found(parser, text)
    assert place(spans["Ituri"]).iso3 == "COD"
    assert "inner" in spans["Djugu"].rule


def test_coded_to_brackets_do_not_contain(parser: Geoparser) -> None:
    spans = parser.find("Protesters marched in Kassala (coded to Kassala, Kassala).")
    assert {place(s).iso3 for s in spans} == {"SDN"}


def test_town_noun_in_province(parser: Geoparser) -> None:
    spans = found(parser, "Rockets hit Sarmin town in Idleb governorate overnight.")
    assert place(spans["Sarmin"]).iso3 == "SYR" and "contained" in spans["Sarmin"].rule
    assert place(spans["Idleb"]).iso3 == "SYR"


def test_compound_unit_named_after_a_town(parser: Geoparser) -> None:
    spans = found(parser, "Clashes were reported in Bukavu Rural on Monday.")
    assert place(spans["Bukavu Rural"]).iso3 == "COD" and "compound" in spans["Bukavu Rural"].rule


def test_weak_place_abroad_is_dropped(parser: Geoparser) -> None:
    # "Kigoma" of "Kigoma-Lubondja" (a piece of a hyphenated village name) is not Tanzania's Kigoma.
    text = "Militiamen burned Kigoma-Lubondja village (Fizi, Sud-Kivu); the Congolese army responded."
    spans = found(parser, text)
    assert all(place(s).iso3 == "COD" for s in spans.values())


def test_iso_names_through_curated_aliases() -> None:
    """A unit GeoNames names in English ("Thuringia") is matched to its ISO 3166-2 name through a
    curated alias, and shown and found by it."""
    names = admin1_names({("DE", "15"): "Thuringia", ("DE", "02"): "Bavaria", ("AT", "03"): "Lower Austria"})
    assert names.display[("DE", "15")] == "Thüringen"
    assert names.display[("DE", "02")] == "Bayern"
    assert names.display[("AT", "03")] == "Niederösterreich"
    assert "Thuringia" in names.others[("DE", "15")]


def test_local_admin1_name_in_brackets(parser: Geoparser) -> None:
    spans = found(parser, "Hundreds marched through Greiz (Greiz, Thuringen) on Monday.")
    assert place(spans["Thuringen"]).iso3 == "DEU" and place(spans["Thuringen"]).feature == "admin1"


def test_iso_names_matched_without_the_type_word() -> None:
    """ "Cascades Region" is ISO's "Cascades": the unit is linked, and its ISO provinces are admin2 units."""
    names = admin1_names({("BF", "02"): "Cascades Region"})
    assert names.iso[("BF", "02")] == "Cascades"
    assert names.display[("BF", "02")] == "Cascades"


def test_container_keeps_its_likelier_reading(parser: Geoparser) -> None:
    # Busia is a Kenyan county and a Ugandan district, each with a town Busia: the county is the
    # likelier container, so the town is the Kenyan one (not the Ugandan pair, which fits as well).
    spans = found(parser, "Riders blocked the road in Busia (Busia) on Monday.")
    assert {place(s).iso3 for s in parser.find("Riders blocked the road in Busia (Busia) on Monday.")} == {
        "KEN"
    }
    assert place(spans["Busia"]).iso3 == "KEN"


def test_type_word_does_not_vouch_for_a_foreign_namesake(parser: Geoparser) -> None:
    # "the village of X" says X is a place, not which country's: a small namesake abroad goes.
    spans = found(parser, "Shells hit the village of Zarya near Saraqib in Idlib on Monday.")
    assert "Zarya" not in spans and place(spans["Saraqib"]).iso3 == "SYR"
