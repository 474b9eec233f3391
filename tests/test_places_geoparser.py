"""Recognition and resolution with the packaged gazetteer (built once into the user cache)."""

from __future__ import annotations

import pytest

from sitrep.models import Place, Span
from sitrep.places import Gazetteer, Geoparser


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser(Gazetteer.default())


def found(parser: Geoparser, text: str, **kw: object) -> dict[str, Span]:
    return {text[s.start : s.end]: s for s in parser.find(text, **kw)}  # type: ignore[arg-type]


def place(span: Span) -> Place:
    assert isinstance(span.value, Place)
    return span.value


def test_dateline_and_country(parser: Geoparser) -> None:
    text = "KHARTOUM, Sudan (Wire) - Fighting spread to Omdurman on Saturday, residents said."
    spans = found(parser, text)
    assert place(spans["KHARTOUM"]).iso3 == "SDN" and "dateline" in spans["KHARTOUM"].rule
    assert place(spans["Sudan"]).feature == "country"
    assert place(spans["Omdurman"]).iso3 == "SDN"


@pytest.mark.parametrize("spelling", ["Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr"])
def test_transliterations_resolve_to_one_city(parser: Geoparser, spelling: str) -> None:
    text = f"Shells struck a market in {spelling} on Monday."
    value = place(found(parser, text)[spelling])
    assert value.iso3 == "SYR" and abs(value.latitude - 35.34) < 0.2


@pytest.mark.parametrize("spelling", ["Erbil", "Arbil", "Irbil"])
def test_erbil(parser: Geoparser, spelling: str) -> None:
    assert place(found(parser, f"A drone hit a convoy near {spelling}.")[spelling]).iso3 == "IRQ"


def test_classic_failures(parser: Geoparser) -> None:
    text = "Storms crossed Oklahoma while aid agencies in Africa warned of drought."
    spans = found(parser, text)
    assert place(spans["Oklahoma"]).feature == "admin1" and place(spans["Oklahoma"]).iso3 == "USA"
    assert place(spans["Africa"]).feature == "continent"


def test_demonyms_organisations_and_people_are_not_locations(parser: Geoparser) -> None:
    text = (
        "Sudanese militia fighters attacked El Fasher, the Syrian Observatory for Human Rights said. "
        "President Joe Biden spoke later. Paris Hilton was not there."
    )
    spans = found(parser, text)
    assert spans["Sudanese"].label == "demonym" and place(spans["Sudanese"]).iso3 == "SDN"
    assert "Syrian" not in spans  # part of an organisation's name
    assert place(spans["El Fasher"]).iso3 == "SDN"
    assert "Biden" not in spans and "Paris" not in spans


def test_containment_picks_the_right_namesake(parser: Geoparser) -> None:
    text = "Clashes were reported in Gainesville, Va. and in Jabalia, Gaza."
    spans = found(parser, text)
    assert place(spans["Gainesville"]).admin1 == "Virginia"
    assert place(spans["Jabalia"]).iso3 == "PSE"


def test_acled_style_brackets(parser: Geoparser) -> None:
    text = "On 3 May 2022, regime forces shelled Kafr Nabl (Maarrat an Nu'man, Idleb)."
    spans = found(parser, text)
    assert place(spans["Kafr Nabl"]).admin1 == "Idleb"  # ACLED (OCHA) spelling
    assert "contained" in spans["Kafr Nabl"].rule


def test_admin_word_prefers_the_province(parser: Geoparser) -> None:
    spans = parser.find("Airstrikes hit villages in Idlib province and in Idlib city.")
    assert [place(s).feature for s in spans] == ["admin1", "city"]


def test_country_hint_decides_between_namesakes(parser: Geoparser) -> None:
    text = "Protesters gathered in Tripoli on Friday."
    assert place(found(parser, text, country_hint="LB")["Tripoli"]).iso3 == "LBN"
    assert place(found(parser, text, country_hint="LBY")["Tripoli"]).iso3 == "LBY"


def test_curated_districts_and_regions(parser: Geoparser) -> None:
    text = "Israeli strikes hit Shejaiya in Gaza City, and shelling was reported in southern Lebanon."
    spans = found(parser, text)
    assert place(spans["Shejaiya"]).feature == "neighbourhood"
    assert place(spans["Shejaiya"]).name == "Gaza City - Shujaiya"


def test_offsets_point_at_the_text(parser: Geoparser) -> None:
    text = "Fighters entered al-Bab and Manbij. Kyiv’s mayor said Kharkiv was shelled."
    for span in parser.find(text):
        assert text[span.start : span.end].strip() == text[span.start : span.end]
        assert span.layer == "place" and span.rule.startswith("places.")


def test_big_place_inside_an_organisation_name(parser: Geoparser) -> None:
    # "New York" names the state, whose main town it stands for; "Ely" names no big place.
    spans = found(parser, "The New York Times and the Ely Standard both ran the story.")
    assert spans["New York"].label == "embedded" and place(spans["New York"]).feature == "city"
    assert "Ely" not in spans


def test_demonym_before_a_title_of_two_words(parser: Geoparser) -> None:
    spans = found(parser, "The British Prime Minister met the French Quarter's traders.")
    assert spans["British"].label == "demonym" and place(spans["British"]).iso3 == "GBR"
    assert "French" not in spans  # a name of its own


def test_loose_tail_of_a_longer_name_is_no_place(parser: Geoparser) -> None:
    # "Ma Kan" only loosely matches a town (Makan) and is the tail of the village name "Thit Ma Kan".
    assert not parser.find("Soldiers entered Thit Ma Kan village on Monday.")
