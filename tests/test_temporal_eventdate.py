"""resolve_event_date and TimeStage: dating events with ACLED's time_precision."""

from __future__ import annotations

import re
from datetime import date

from sitrep.models import LAYER_SENTENCE, LAYER_TIME, Article, Doc, Span
from sitrep.temporal import EventDate, TimeStage, resolve_event_date
from sitrep.temporal.stage import UNANCHORED_NOTE

_SENTENCE = re.compile(r"[^.]+\.?")


def _doc(text: str, published: date | None = date(2024, 5, 14)) -> Doc:
    doc = Doc(Article(id="a", text=text, published=published))
    doc.add(
        LAYER_SENTENCE, [Span(m.start(), m.end(), LAYER_SENTENCE, "body") for m in _SENTENCE.finditer(text)]
    )
    TimeStage()(doc)
    return doc


def _date_of(doc: Doc, trigger: str, **kw: bool) -> EventDate:
    start = doc.text.index(trigger)
    return resolve_event_date(doc, start, start + len(trigger), **kw)


def test_stage_contract() -> None:
    stage = TimeStage()
    assert (stage.name, stage.requires, stage.assigns) == ("temporal", ("sentence",), ("time",))
    doc = _doc("Rebels shelled the town on Sunday.")
    assert [s.value.value for s in doc.layer(LAYER_TIME)] == ["2024-05-12"]


def test_stage_notes_missing_anchor() -> None:
    doc = _doc("Rebels shelled the town on Sunday.", published=None)
    assert UNANCHORED_NOTE in doc.notes


def test_day_in_the_sentence_gives_precision_1() -> None:
    doc = _doc("Militants attacked a checkpoint near Gao on Sunday, killing four soldiers.")
    result = _date_of(doc, "attacked")
    assert (result.event_date, result.time_precision) == (date(2024, 5, 12), 1)
    assert result.evidence is not None and doc.text[result.evidence.start : result.evidence.end] == "Sunday"


def test_nearest_expression_in_the_clause_wins() -> None:
    doc = _doc("After talks failed on Friday, gunmen raided the village on Sunday; the army arrived Monday.")
    assert _date_of(doc, "raided").event_date == date(2024, 5, 12)
    assert _date_of(doc, "arrived").event_date == date(2024, 5, 13)


def test_week_gives_precision_2_and_the_middle_of_the_week() -> None:
    doc = _doc("Security forces arrested dozens of protesters last week.")
    result = _date_of(doc, "arrested")
    assert (result.event_date, result.time_precision) == (date(2024, 5, 9), 2)


def test_month_gives_precision_3() -> None:
    doc = _doc("Clashes erupted in April between the two militias.")
    result = _date_of(doc, "Clashes")
    assert (result.event_date, result.time_precision) == (date(2024, 4, 15), 3)


def test_no_date_falls_back_to_the_article_date() -> None:
    doc = _doc("Gunmen abducted a local official. Police said an investigation was under way.")
    result = _date_of(doc, "abducted")
    assert (result.event_date, result.time_precision, result.evidence) == (date(2024, 5, 14), 2, None)


def test_background_event_never_takes_the_article_date() -> None:
    doc = _doc("The group first seized the town. It has held it ever since.")
    result = _date_of(doc, "seized", background=True)
    assert result.event_date is None


def test_background_event_keeps_its_own_date() -> None:
    doc = _doc("The town was last attacked in 2019, when militants burned the market.")
    result = _date_of(doc, "burned", background=True)
    assert (result.event_date, result.time_precision) == (date(2019, 7, 2), 3)


def test_durations_and_references_are_not_evidence() -> None:
    doc = _doc("Fighting has lasted three weeks and continues now.")
    assert _date_of(doc, "Fighting").evidence is None


def test_date_carries_over_from_an_earlier_sentence_of_the_paragraph() -> None:
    doc = _doc("On 3 May 2024, gunmen raided a village near Gao. They killed four herders.", published=None)
    result = _date_of(doc, "killed")
    assert (result.event_date, result.time_precision) == (date(2024, 5, 3), 1)


def test_date_does_not_cross_paragraphs() -> None:
    doc = _doc("On 3 May 2024, gunmen raided a village.\n\nSoldiers killed four militants.")
    assert _date_of(doc, "killed").event_date == date(2024, 5, 14)


def test_approximate_day_gives_precision_2() -> None:
    doc = _doc("Around 18 April 2024, rioters attacked a police post.")
    result = _date_of(doc, "attacked")
    assert (result.event_date, result.time_precision) == (date(2024, 4, 18), 2)


def test_days_later_is_a_duration_placed_on_the_calendar() -> None:
    doc = _doc("Militants seized the town on 3 May. Three days later, troops retook it.")
    later = [s for s in doc.layer(LAYER_TIME) if s.value.type == "DURATION"]
    assert [(doc.text[s.start : s.end], s.value.value) for s in later] == [("Three days", "P3D")]
    result = _date_of(doc, "retook")
    assert (result.event_date, result.time_precision) == (date(2024, 5, 6), 1)
