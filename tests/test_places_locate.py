"""Event location and ACLED geo_precision."""

from __future__ import annotations

import pytest

from sitrep.models import Article, Doc, Span
from sitrep.places import Gazetteer, PlaceStage, locate_event


@pytest.fixture(scope="module")
def stage() -> PlaceStage:
    return PlaceStage(Gazetteer.default())


def doc_of(stage: PlaceStage, text: str) -> Doc:
    doc = Doc(Article(id="t", text=text))
    doc.add("sentence", [Span(0, len(text), "sentence", "body")])
    stage(doc)
    return doc


def test_stage_contract(stage: PlaceStage) -> None:
    assert stage.requires == ("sentence",) and stage.assigns == ("place",)


def test_town_in_brackets_is_precision_one(stage: PlaceStage) -> None:
    text = "On 4 May 2022, gunmen attacked Inkhil (Izra, Daraa), killing two."
    loc = locate_event(doc_of(stage, text), 0, len(text))
    assert loc is not None
    assert loc.place.name == "Inkhil"
    assert loc.geo_precision == 1 and loc.place.iso3 == "SYR"
    assert text[loc.evidence.start : loc.evidence.end] == "Inkhil"


def test_near_is_precision_two(stage: PlaceStage) -> None:
    text = "A roadside bomb exploded near Kirkuk on Sunday."
    loc = locate_event(doc_of(stage, text), 0, len(text))
    assert loc is not None and loc.geo_precision == 2 and loc.place.iso3 == "IRQ"


def test_province_is_precision_three_at_its_capital(stage: PlaceStage) -> None:
    text = "Clashes continued in Idlib province on Tuesday."
    loc = locate_event(doc_of(stage, text), 0, len(text))
    assert loc is not None and loc.geo_precision == 3
    assert loc.place.feature == "city" and "capital" in loc.reason


def test_country_only_says_so(stage: PlaceStage) -> None:
    text = "Fighting was reported in Yemen."
    loc = locate_event(doc_of(stage, text), 0, len(text))
    assert loc is not None and loc.geo_precision == 3 and "only the country" in loc.reason


def test_demonym_and_speech_place_do_not_locate(stage: PlaceStage) -> None:
    text = "Sudanese forces killed three people."
    assert locate_event(doc_of(stage, text), 0, len(text)) is None


def test_clause_before_sentence_before_dateline(stage: PlaceStage) -> None:
    text = (
        "MOSUL, Iraq - Officials said. A mortar hit a house in Tal Afar. Later, a bomb exploded in Baghdad."
    )
    doc = doc_of(stage, text)
    clause = text.index("A mortar")
    loc = locate_event(doc, clause, clause + len("A mortar hit a house in Tal Afar."))
    assert loc is not None and "Tal Afar" in text[loc.evidence.start : loc.evidence.end]
    first = locate_event(doc, text.index("Officials"), text.index("Officials") + 9)
    assert first is not None and first.place.iso3 == "IRQ"


def test_country_only_clause_takes_the_lede_place(stage: PlaceStage) -> None:
    text = "Hundreds of students rallied in Lyon on Saturday. They condemned the war in Ukraine."
    second = text.index("They")
    doc = Doc(Article(id="t", text=text))
    sentences = [Span(0, second - 1, "sentence", "body"), Span(second, len(text), "sentence", "body")]
    doc.add("sentence", sentences)
    stage(doc)
    loc = locate_event(doc, second, len(text))
    assert loc is not None and loc.place.name == "Lyon" and "lede" in loc.reason


def test_unknown_place_inside_a_unit_is_precision_two(stage: PlaceStage) -> None:
    text = "Gunmen killed a trader in Xqzvillage (Djugu, Ituri)."
    loc = locate_event(doc_of(stage, text), 0, len(text))
    assert loc is not None and loc.place.iso3 == "COD" and loc.geo_precision == 2
    assert "inside" in loc.reason


def test_a_name_read_as_a_location_beats_a_bare_one(stage: PlaceStage) -> None:
    text = "Fano fighters clashed with the army in Gondar (Central Gondar, Amhara)."
    loc = locate_event(doc_of(stage, text), 0, len(text))
    assert loc is not None and loc.place.iso3 == "ETH"
