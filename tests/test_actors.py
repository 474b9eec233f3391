"""The actor dictionary: named and generic actors, country modifiers, periods, inter codes."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors import ActorLexicon, ActorStage, fold
from sitrep.actors.phrases import PhraseMatcher
from sitrep.models import Article, Doc


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.default()


def mentions(
    lexicon: ActorLexicon, text: str, iso3: str | None = None, day: date | None = None
) -> list[tuple[str, str, int]]:
    out = []
    for start, end, entry, modifier in lexicon.find(text, fold(text), day):
        actor = lexicon.actor(entry, modifier, iso3, day)
        out.append((text[start:end], actor.name, actor.inter))
    return out


def test_fold_keeps_length_and_unifies_hyphens() -> None:
    text = "Al-Shabaab’s İstanbul cell"
    assert len(fold(text)) == len(text)
    assert fold(text).startswith("al shabaab's")


def test_phrase_matcher_prefers_longest_and_respects_word_boundaries() -> None:
    matcher = PhraseMatcher([("air strike", "a"), ("strike", "b"), ("shell*", "c")])
    hits = matcher.find(fold("An air strike, then shelling; a seashell and strikers."))
    assert [(h.key, h.values) for h in hits] == [("air strike", ("a",)), ("shell", ("c",))]


def test_generic_actors_take_the_event_country_and_government_period(lexicon: ActorLexicon) -> None:
    found = mentions(
        lexicon, "Police arrested two protesters after gunmen shot a farmer.", "KEN", date(2022, 3, 1)
    )
    assert found == [
        ("Police", "Police Forces of Kenya (2013-2022)", 1),
        ("protesters", "Protesters (Kenya)", 6),
        ("gunmen", "Unidentified Armed Group (Kenya)", 3),
        ("farmer", "Civilians (Kenya)", 7),
    ]
    later = mentions(lexicon, "Police fired tear gas.", "KEN", date(2023, 1, 5))
    assert later[0][1] == "Police Forces of Kenya (2022-)"


def test_country_modifier_names_the_actor_and_foreign_forces_are_external(lexicon: ActorLexicon) -> None:
    found = mentions(
        lexicon, "Nigerian troops and Chadian soldiers repelled the attack.", "NGA", date(2022, 5, 1)
    )
    assert found[0] == ("Nigerian troops", "Military Forces of Nigeria (2015-2023)", 1)
    assert found[1] == ("Chadian soldiers", "Military Forces of Chad (2021-)", 8)
    assert mentions(lexicon, "US forces withdrew.", "SYR")[0][1].startswith(
        "Military Forces of the United States"
    )


def test_pro_and_anti_prefixes_are_not_nationality(lexicon: ActorLexicon) -> None:
    found = mentions(lexicon, "Pro-Russian rioters gathered.", "BGR")
    assert found == [("rioters", "Rioters (Bulgaria)", 5)]


def test_named_actor_absorbs_generic_head_and_capitals_rule(lexicon: ActorLexicon) -> None:
    found = mentions(lexicon, "ISWAP militants ambushed a convoy.", "NGA")
    assert found[0][:2] == ("ISWAP militants", "Islamic State West Africa Province")
    assert found[0][2] == 2
    # "Adf" in lower case is not the acronym of the Allied Democratic Forces
    assert not any(name.startswith("ADF") for _, name, _ in mentions(lexicon, "the adf word", "COD"))


def test_date_ranges_pick_the_right_actor(lexicon: ActorLexicon) -> None:
    before = mentions(lexicon, "Taliban fighters attacked a checkpoint.", "AFG", date(2020, 6, 1))
    after = mentions(lexicon, "Taliban fighters attacked a checkpoint.", "AFG", date(2022, 6, 1))
    assert before[0][1:] == ("Taliban", 2)
    assert after[0][1:] == ("Military Forces of Afghanistan (2021-)", 1)


def test_off_duty_forces_are_civilians(lexicon: ActorLexicon) -> None:
    found = mentions(lexicon, "Gunmen killed an off-duty police officer.", "MEX")
    assert found[1][1:] == ("Civilians (Mexico)", 7)


def test_country_placeholder_actor_is_named_for_the_event(lexicon: ActorLexicon) -> None:
    assert mentions(lexicon, "ISIS cells attacked.", "IRQ")[0][1] == "Islamic State (Iraq)"


def test_stage_writes_actor_layer() -> None:
    doc = Doc(Article(id="a", text="Soldiers clashed with rebels."))
    ActorStage()(doc)
    spans = doc.layer("actor")
    assert [doc.text[s.start : s.end] for s in spans] == ["Soldiers", "rebels"]
    assert spans[0].rule == "actor.generic.military"
