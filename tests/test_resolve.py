"""Merging mentions into events and reading conflicting casualty claims."""

from __future__ import annotations

from datetime import date

from sitrep.resolve import fatalities, group, source_of


def test_mentions_without_their_own_date_or_place_join_the_event() -> None:
    d1, d2 = date(2022, 5, 1), date(2022, 5, 2)
    keys = [(d1, True, "UKR:Kharkiv", True), (d1, False, None, False), (d2, True, "UKR:Izium", True)]
    assert group(keys) == [[0, 1], [2]]


def test_same_day_same_place_is_one_event() -> None:
    d1 = date(2022, 5, 1)
    assert group([(d1, True, "A", True), (d1, True, "A", True)]) == [[0, 1]]


def test_sentence_figures_are_summed_and_sentences_are_alternatives() -> None:
    text = "Three soldiers and two civilians were killed. Five people died."
    figs = fatalities(
        text,
        [
            ((0, 45), [(0, 5, 3, "number.number"), (18, 21, 2, "number.number")]),
            ((46, len(text)), [(46, 50, 5, "number.number")]),
        ],
    )
    assert (figs.fatalities, figs.low, figs.high) == (5, 5, 5)


def test_conflicting_sources_give_low_high_and_claims() -> None:
    text = "Four people were killed, the governor said. Five were killed, according to Red Crescent."
    a, b = text.index("Four"), text.index("Five")
    figs = fatalities(
        text,
        [((0, 43), [(a, a + 4, 4, "number.number")]), ((44, len(text)), [(b, b + 4, 5, "number.number")])],
    )
    assert (figs.fatalities, figs.low, figs.high) == (4, 4, 5)
    assert [(c.value, c.source) for c in figs.claims] == [(4, "governor"), (5, "Red Crescent")]


def test_stated_total_overrides_partial_figures() -> None:
    text = "A man was shot. 2 fatalities."
    figs = fatalities(
        text, [((0, 15), [(0, 1, 1, "number.number")]), ((16, 29), [(16, 17, 2, "number.total")])]
    )
    assert figs.fatalities == 2


def test_source_of_sentence() -> None:
    assert source_of("Ten died, according to the Health Ministry.", 0, 43) == "Health Ministry"
    assert source_of("Ten died.", 0, 9) is None
