"""Event coding end to end on small articles written for these tests.

Dates and places come from stub resolvers (the temporal and places stages are tested on their
own), so these tests pin the coder: types by ACLED's hierarchy, actors, fatalities, modality.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from sitrep.actors import ActorStage
from sitrep.events import DEFAULT_MIN_CONFIDENCE, EventOptions, EventStage, code_events
from sitrep.models import Article, Doc, Event, Place, Span, Zone
from sitrep.text import TextStage

MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        1,
    )
}
DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})")
PLACES = {
    "Kharkiv": ("UKR", "Ukraine", 49.99, 36.23),
    "Maiduguri": ("NGA", "Nigeria", 11.85, 13.16),
    "Kano": ("NGA", "Nigeria", 12.0, 8.52),
    "Nairobi": ("KEN", "Kenya", -1.29, 36.82),
    "Beni": ("COD", "Democratic Republic of Congo", 0.49, 29.47),
    "Gao": ("MLI", "Mali", 16.27, -0.04),
}
DEFAULT_DAY = date(2022, 5, 10)


def stub_date(doc: Doc, start: int, end: int) -> tuple[date, int, Span | None]:
    m = DATE.search(doc.text, start, end)
    if m is None:
        return DEFAULT_DAY, 2, None
    day = date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
    return day, 1, Span(m.start(), m.end(), "time", "DATE", "test.date")


def stub_place(doc: Doc, start: int, end: int) -> tuple[Place, int, Span] | None:
    for name, (iso3, country, lat, lon) in PLACES.items():
        i = doc.text.find(name, start, end)
        if i >= 0:
            return (
                Place(name, lat, lon, iso3, country, "city"),
                1,
                Span(i, i + len(name), "place", "place", "test"),
            )
    for name, (iso3, country, lat, lon) in PLACES.items():
        i = doc.text.find(name)
        if i >= 0:
            return (
                Place(name, lat, lon, iso3, country, "city"),
                1,
                Span(i, i + len(name), "place", "place", "test"),
            )
    return None


def code(text: str, min_confidence: float | None = None) -> list[Event]:
    doc = Doc(Article(id="t", text=text))
    for stage in (TextStage(), ActorStage(), EventStage()):
        stage(doc)
    options = EventOptions(date_resolver=stub_date, place_locator=stub_place)
    if min_confidence is not None:
        options = EventOptions(
            min_confidence=min_confidence, date_resolver=stub_date, place_locator=stub_place
        )
    return code_events(doc, options)


def main(text: str) -> Event:
    events = code(text)
    assert events, f"no event coded from: {text}"
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Hundreds of teachers marched in Nairobi on 3 May 2022 to demand higher pay.", "Peaceful protest"),
        (
            "Traders protested in Nairobi over new taxes. Police fired tear gas to disperse them.",
            "Protest with intervention",
        ),
        (
            "Police opened fire on demonstrators in Nairobi, killing two of them.",
            "Excessive force against protesters",
        ),
        ("Protesters threw stones at police and set a car on fire in Nairobi.", "Violent demonstration"),
        ("An angry mob lynched a suspected thief in Kano.", "Mob violence"),
        ("Nigerian troops clashed with ISWAP fighters near Maiduguri, killing 12 militants.", "Armed clash"),
        (
            "Government forces recaptured the town of Beni from ADF rebels after heavy fighting.",
            "Government regains territory",
        ),
        (
            "Rebels seized the town of Gao after fierce clashes with the army.",
            "Non-state actor overtakes territory",
        ),
        (
            "Rebels took control of Gao without a fight after the army withdrew.",
            "Non-violent transfer of territory",
        ),
        ("Russian forces shelled Kharkiv, killing four civilians.", "Shelling/artillery/missile attack"),
        ("A drone strike hit a vehicle near Gao, killing three militants.", "Air/drone strike"),
        (
            "A roadside bomb exploded under a police truck in Kano, wounding five officers.",
            "Remote explosive/landmine/IED",
        ),
        ("Unknown assailants threw a grenade into a bar in Beni, injuring eight.", "Grenade"),
        (
            "A suicide bomber blew himself up at a mosque in Maiduguri, killing 15 worshippers.",
            "Suicide bomb",
        ),
        ("Government helicopters dropped chlorine gas on a rebel-held district.", "Chemical weapon"),
        ("Gunmen killed three farmers in their fields near Kano.", "Attack"),
        ("Armed men abducted 20 students from a school in Kano.", "Abduction/forced disappearance"),
        ("Soldiers raped two women at a checkpoint near Beni.", "Sexual violence"),
        ("Police arrested 15 suspected cult members in Kano.", "Arrests"),
        ("Militants looted shops and burned houses in a village near Gao.", "Looting/property destruction"),
        ("Soldiers defused an explosive device found near the market in Maiduguri.", "Disrupted weapons use"),
        ("The two armed groups signed a ceasefire agreement in Gao.", "Agreement"),
        ("The army established a new military base outside Gao.", "Headquarters or base established"),
        ("The army deployed reinforcements to Maiduguri.", "Change to group/activity"),
    ],
)
def test_sub_event_types(text: str, sub: str) -> None:
    assert main(text).sub_event_type == sub


def test_protest_actors_and_interaction() -> None:
    event = main("Traders protested in Nairobi over new taxes. Police fired tear gas to disperse them.")
    assert (event.actor1, event.inter1, event.inter2, event.interaction) == ("Protesters (Kenya)", 6, 1, 16)
    assert event.disorder_type == "Demonstrations"
    assert event.country == "Kenya"


def test_foreign_forces_are_external_and_civilian_victims_are_actor2() -> None:
    event = main("Russian forces shelled Kharkiv, killing four civilians.")
    assert event.actor1 == "Military Forces of Russia (2000-)"
    assert (event.inter1, event.actor2, event.inter2) == (8, "Civilians (Ukraine)", 7)
    assert event.civilian_targeting == "Civilian targeting"
    assert event.fatalities == 4


def test_unidentified_perpetrators_and_passive_clauses() -> None:
    event = main("A journalist was shot dead by unidentified gunmen in Kano.")
    assert (event.actor1, event.inter1) == ("Unidentified Armed Group (Nigeria)", 3)
    assert (event.actor2, event.inter2, event.interaction) == ("Civilians (Nigeria)", 7, 37)
    assert event.fatalities == 1


def test_battle_actors_and_fatalities() -> None:
    event = main("Nigerian troops clashed with ISWAP fighters near Maiduguri, killing 12 militants.")
    assert event.actor1.startswith("Military Forces of Nigeria")
    assert event.actor2 == "Islamic State West Africa Province"
    assert (event.interaction, event.fatalities) == (12, 12)


@pytest.mark.parametrize(
    "text",
    [
        "The minister condemned the attack on the convoy.",
        "The group threatened to attack the town of Gao.",
        "Unions will march in Nairobi next week.",
        "The army denied shelling the village.",
        "If talks fail, fighting could resume near Gao.",
        "Troops held a military exercise with live-fire drills near Kano.",
        "Last year, militants attacked the town of Gao.",
        "Militants have carried out a dozen rocket attacks since March.",
    ],
)
def test_non_events(text: str) -> None:
    assert code(text) == []


def test_topic_of_a_protest_is_not_an_event() -> None:
    event = main("Students protested in Nairobi against the killing of a classmate by police.")
    assert event.sub_event_type == "Peaceful protest"
    assert event.fatalities == 0


def test_two_days_make_two_events() -> None:
    events = code(
        "On 3 May 2022 an air strike hit a market in Maiduguri. "
        "On 4 May 2022 militants attacked a military base in Kano, killing two soldiers."
    )
    assert [(e.sub_event_type, e.event_date) for e in events] == [
        ("Air/drone strike", date(2022, 5, 3)),
        ("Armed clash", date(2022, 5, 4)),
    ]


def test_repeated_mentions_merge_with_all_evidence() -> None:
    text = (
        "Gunmen killed five villagers near Kano on 3 May 2022. The attackers also burned houses. "
        "The victims were farmers, a local official said."
    )
    events = code(text)
    assert len(events) == 1
    event = events[0]
    assert (event.sub_event_type, event.fatalities) == ("Attack", 5)
    triggers = {e.text for e in event.evidence if e.field == "sub_event_type"}
    assert {"killed", "burned"} <= triggers
    for e in event.evidence:
        assert text[e.start : e.end] == e.text


def test_conflicting_sources_keep_claims_and_lowest_figure() -> None:
    event = main(
        "Shelling killed four people in Kharkiv, the regional governor said. "
        "Five people were killed, according to the Red Cross."
    )
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (4, 4, 5)
    assert sorted((c.value, c.source) for c in event.claims) == [(4, "regional governor"), (5, "Red Cross")]


def test_no_casualties_means_zero() -> None:
    assert main("Militants fired mortars at a base near Gao. There were no casualties.").fatalities == 0


def test_weak_cues_fall_below_the_default_threshold() -> None:
    text = "Soldiers patrol a street in Gao."
    doc = Doc(Article(id="c", text=text, zones=(Zone("caption", 0, len(text)),)))
    for stage in (TextStage(), ActorStage(), EventStage()):
        stage(doc)
    kept = code_events(
        doc, EventOptions(min_confidence=0.0, date_resolver=stub_date, place_locator=stub_place)
    )
    assert [e.sub_event_type for e in kept] == ["Change to group/activity"]
    assert kept[0].confidence < DEFAULT_MIN_CONFIDENCE
    assert code_events(doc, EventOptions(date_resolver=stub_date, place_locator=stub_place)) == []


def test_event_rows_are_complete() -> None:
    event = main("Gunmen killed three farmers in their fields near Kano on 3 May 2022.")
    assert event.event_id.startswith("t-")
    assert event.event_date == date(2022, 5, 3)
    assert 0 < event.confidence <= 1
    assert event.notes.startswith("On 2022-05-03, Unidentified Armed Group (Nigeria)")
    fields = {e.field for e in event.evidence}
    assert {"sub_event_type", "actor1", "actor2", "fatalities", "event_date", "location"} <= fields


def test_headline_joins_the_lead_event_and_the_body_decides() -> None:
    headline = "Strikes hit Kharkiv, two dead"
    body = " Russian artillery shelled Kharkiv on 3 May 2022, killing two civilians."
    text = headline + "\n\n" + body.strip()
    doc = Doc(
        Article(
            id="h",
            text=text,
            zones=(Zone("headline", 0, len(headline)), Zone("body", len(headline) + 2, len(text))),
        )
    )
    for stage in (TextStage(), ActorStage(), EventStage()):
        stage(doc)
    events = code_events(doc, EventOptions(date_resolver=stub_date, place_locator=stub_place))
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Shelling/artillery/missile attack", 2)]
    assert any(e.start < len(headline) for e in events[0].evidence)


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Police found rockets and two landmines in a house in Kano.", "Disrupted weapons use"),
        ("Rockets hit a market in Kano, killing three traders.", "Shelling/artillery/missile attack"),
        ("Rioters threw stones at passing cars near Kano.", "Mob violence"),
        ("Protesters rioted in Nairobi against new taxes.", "Violent demonstration"),
        ("Soldiers patrolled the liberated areas near Gao.", "Change to group/activity"),
    ],
)
def test_meaning_not_words(text: str, sub: str) -> None:
    assert main(text).sub_event_type == sub
