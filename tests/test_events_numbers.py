"""Casualty figures read with ACLED's conventions (documented in data/events/casualties.yaml)."""

from __future__ import annotations

import pytest

from sitrep.actors import fold
from sitrep.events.lexicon import EventLexicon
from sitrep.events.numbers import find_numbers


def figures(text: str) -> list[tuple[str, str, int]]:
    spans = find_numbers(text, fold(text), [(0, len(text))], EventLexicon.default())
    return [(text[s.start : s.end], s.label, s.value.value) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 12 people were killed.", [("At least 12", "killed", 12)]),
        ("Dozens of villagers were killed.", [("Dozens of", "killed", 12)]),
        ("Hundreds of people died.", [("Hundreds of", "killed", 100)]),
        ("Several soldiers were killed.", [("Several", "killed", 10)]),
        ("A few civilians were wounded.", [("A few", "injured", 3)]),
        ("Between 35 and 45 militants were killed.", [("Between 35 and 45", "killed", 35)]),
        ("The attack killed 3-4 guards.", [("3-4", "killed", 3)]),
        ("the death toll rose to twenty-five", [("twenty-five", "killed", 25)]),
        ("gunmen shot dead a farmer", [("a", "killed", 1)]),
        ("killing him instantly", [("him", "killed", 1)]),
        ("Police arrested 198 migrants.", [("198", "arrested", 198)]),
        ("There were no casualties.", [("no casualties", "killed", 0)]),
    ],
)
def test_counts_and_vague_quantities(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert figures(text) == expected


def test_dates_ages_and_times_are_not_counts() -> None:
    assert figures("On 5 May 2022 a 35-year-old man was shot dead at 5:30 pm.") == [("a", "killed", 1)]


def test_kind_word_after_the_count_wins_when_nearer() -> None:
    assert figures("Two people were killed and 3 wounded.") == [("Two", "killed", 2), ("3", "injured", 3)]


def test_listed_groups_share_the_verb() -> None:
    found = figures("5 soldiers, 20 militants and 3 civilians were killed.")
    assert [v for _, kind, v in found if kind == "killed"] == [5, 20, 3]


def test_cumulative_tolls_are_marked() -> None:
    assert figures("Militants have killed 300 people since March.") == [("300", "cumulative", 300)]


def test_stated_totals_are_marked_as_totals() -> None:
    text = "Two men were killed. 2 fatalities."
    spans = find_numbers(text, fold(text), [(0, 20), (21, len(text))], EventLexicon.default())
    assert [s.rule for s in spans] == ["number.number", "number.total"]
