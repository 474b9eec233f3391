"""How news phrasing is read: roles in common constructions and the reach of modality cues.

The sentences are written for these tests in the style of wire reports (fragments without a date or
a place included); dates and places come from the stub resolvers of ``test_events_coding``.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors import ActorStage
from sitrep.events import DEFAULT_MIN_CONFIDENCE, EventOptions, EventStage, code_events
from sitrep.models import Article, Doc, Event
from sitrep.temporal import TimeStage
from sitrep.text import TextStage
from test_events_coding import code, main, stub_date, stub_place


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        pytest.param(
            (
                "A day after police detained dozens of students in Nairobi, the union said gunmen had "
                "abducted three of its members."
            ),
            "Abduction/forced disappearance",
            id="a_fronted_clause_ends_at_its_comma",
        ),
        pytest.param(
            "In a series of raids, government forces recaptured three villages near Beni.",
            "Government regains territory",
            id="next_word_cues_stop_at_a_comma",
        ),
        pytest.param(
            "The army deployed reinforcements to its observation points near Gao.",
            "Change to group/activity",
            id="reinforcements_to_observation_points_are_a_move",
        ),
        pytest.param(
            "Rebels pulled back from the town of Gao without a fight.",
            "Non-violent transfer of territory",
            id="pulling_back_is_a_withdrawal",
        ),
        pytest.param(
            "Police shot two demonstrators in Nairobi as aggressive protesters pelted officers with stones.",
            "Violent demonstration",
            id="an_adjective_names_its_doers",
        ),
        pytest.param(
            "Protesters used live ammunition while marching through Nairobi.",
            "Violent demonstration",
            id="protesters_firing_live_ammunition_make_a_violent_demonstration",
        ),
        pytest.param(
            "Hundreds of students marched in Nairobi and later clashed with riot police near parliament.",
            "Violent demonstration",
            id="protesters_clashing_with_police_make_a_violent_demonstration",
        ),
        pytest.param(
            (
                "Hundreds of people marched against President Mugabe in Nairobi, and the march descended "
                "into one of the worst outbreaks of violence in two decades."
            ),
            "Violent demonstration",
            id="a_long_topic_phrase_ends",
        ),
        pytest.param(
            (
                "The district was handed over by rebels to government control as part of a peace deal "
                "ending months of fighting near Gao."
            ),
            "Non-violent transfer of territory",
            id="territory_handed_over_under_a_deal_is_a_peaceful_transfer",
        ),
        pytest.param(
            (
                "Twelve people were killed in an attack near Gao. Rebel fighters attacked a police post "
                "on Wednesday, the governor said."
            ),
            "Armed clash",
            id="armed_men_attacking_a_police_post_is_a_battle_even_when_people_died",
        ),
        pytest.param(
            (
                "Police arrested a student leader in Nairobi. He is the most prominent activist arrested "
                "since protests began in June."
            ),
            "Arrests",
            id="since_makes_history_of_what_follows_it_too",
        ),
        pytest.param(
            "Heavy weapons, mortars and car bombs were found and cleared near Gao.",
            "Disrupted weapons use",
            id="weapons_named_and_found_were_not_used",
        ),
        pytest.param(
            "The army established a new military post near Gao, where heavy weapons were deployed.",
            "Headquarters or base established",
            id="heavy_weapons_deployed_at_a_new_post",
        ),
    ],
)
def test_phrasing_decides_the_type(text: str, sub: str) -> None:
    assert main(text).sub_event_type == sub


def test_clashes_between_two_sides_name_both_sides() -> None:
    event = main("Clashes broke out between soldiers and rebels near Gao on 3 May 2022.")
    assert event.sub_event_type == "Armed clash"
    assert event.actor1.startswith("Military Forces of Mali")
    assert event.actor2 == "Unidentified Armed Group (Mali)"
    assert event.assoc_actor_1 == ""


def test_a_cue_governs_the_trigger_it_contains() -> None:
    events = code("Militants are mobilizing fighters for attacking the town of Gao.", 0.0)
    assert [e.sub_event_type for e in events] == ["Change to group/activity"]


def test_a_development_with_nobody_named_is_still_coded() -> None:
    event = main("A new observation point was established near Gao on 3 May 2022.")
    assert event.sub_event_type == "Headquarters or base established"
    assert (event.actor1, event.inter1) == ("Unidentified Armed Group (Mali)", 3)


def test_aircraft_named_without_a_strike_are_not_an_air_strike() -> None:
    event = main("The army formed a new drone unit in Gao on 3 May 2022.")
    assert event.sub_event_type == "Change to group/activity"
    assert main("Warplanes dropped barrel bombs on a village near Gao.").sub_event_type == "Air/drone strike"


def test_the_object_of_a_preposition_is_not_the_next_verbs_subject() -> None:
    event = main("Soldiers fought with rebels for hours and recaptured two villages near Gao.")
    assert event.sub_event_type == "Government regains territory"
    assert event.actor1.startswith("Military Forces of Mali")


def test_die_ins_are_protests() -> None:
    assert (
        main("Activists staged a die-in outside the parliament in Nairobi.").sub_event_type
        == "Peaceful protest"
    )


def test_events_without_any_date_are_dated_by_the_read_day_and_say_so() -> None:
    doc = Doc(Article(id="u", text="Gunmen killed three farmers in their fields."))
    for stage in (TextStage(), ActorStage(), EventStage()):
        stage(doc)
    read = date(2024, 3, 9)
    options = EventOptions(date_resolver=lambda d, s, e: None, place_locator=None, read_date=read)
    (event,) = code_events(doc, options)
    assert (event.event_date, event.time_precision) == (read, 3)
    assert [e.rule for e in event.evidence if e.field == "event_date"] == ["date.read_date"]
    assert "Date not reported" in event.notes
    assert any("read" in note for note in doc.notes)


def test_planted_bombs_that_were_defused_were_not_used() -> None:
    event = main("Police defused two bombs planted by militants near the market in Kano.")
    assert event.sub_event_type == "Disrupted weapons use"
    event = main("A farmer stepped on a landmine planted by rebels near Beni and lost a leg.")
    assert event.sub_event_type == "Remote explosive/landmine/IED"


def test_government_security_forces_are_forces_and_battle_sides_come_from_the_attack() -> None:
    event = main(
        "Al Shabaab militants carried out an attack against government security forces near Gao. "
        "An exchange of fire followed."
    )
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1, event.inter1, event.inter2) == ("Al Shabaab", 2, 1)


def test_coordinated_passives_take_their_far_by_phrase() -> None:
    event = main("A trader was shot twice and killed in the market of Kano by unidentified gunmen.")
    assert event.sub_event_type == "Attack"
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")


def test_members_of_a_group_are_the_group() -> None:
    event = main("Members of Al Shabaab attacked soldiers near Gao.")
    assert (event.actor1, event.sub_event_type) == ("Al Shabaab", "Armed clash")


def test_a_trigger_with_a_date_of_its_own_is_history() -> None:
    text = (
        "On 3 May 2022, families held a vigil in Nairobi for a student who was shot dead by "
        "police on 2 June 2020."
    )
    event = main_with_time(text)
    assert (event.sub_event_type, event.fatalities) == ("Peaceful protest", 0)


def main_with_time(text: str) -> Event:
    doc = Doc(Article(id="t", text=text))
    for stage in (TextStage(), TimeStage(), ActorStage(), EventStage()):
        stage(doc)
    events = code_events(doc, EventOptions(date_resolver=stub_date, place_locator=stub_place))
    assert events
    return max(events, key=lambda e: e.confidence)


def test_an_event_only_condemned_is_reported_below_the_default_threshold() -> None:
    text = "Rights groups condemned the house arrest of an opposition leader in Nairobi."
    assert code(text) == []
    (event,) = code(text, 0.3)
    assert event.sub_event_type == "Arrests"
    assert "modality.reported" in {e.rule for e in event.evidence}
    assert event.confidence < DEFAULT_MIN_CONFIDENCE
