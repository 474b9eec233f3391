"""The recogniser's text helpers: the fast run finder finds exactly the runs of the plain pattern."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.places.words import RUN, capitalised_runs, clause_tail

# Pieces that make runs interesting: capitals, lower-case prefixes, glue, abbreviations, connectors.
_PIECES = ["al-", "d'", "x", "abcde-", "U.", "S.", "St.", "Ste.", "Mt", "Foo", "É", "é", " ", "\t", "-",
           "’", ".", ",", "de ", "of ", "_", "1", "("]  # fmt: skip


def _plain(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in RUN.finditer(text)]


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_fast_runs_equal_the_plain_pattern(text: str) -> None:
    assert list(capitalised_runs(text)) == _plain(text)


@given(st.text(max_size=60))
def test_fast_runs_equal_the_plain_pattern_on_any_text(text: str) -> None:
    assert list(capitalised_runs(text)) == _plain(text)


def test_runs_of_a_sentence() -> None:
    text = "Fighters of al-Shabaab entered Dayr az Zawr, St. Louis, the U.S. Embassy; iPhone-Ready."
    runs = list(capitalised_runs(text))
    names = ["Fighters of al-Shabaab", "Dayr az Zawr", "St. Louis", "U.S. Embassy", "Ready"]
    assert [r for _, r in runs] == names
    assert runs == _plain(text)
    assert all(text[s : s + len(r)] == r for s, r in runs)


def test_a_glued_prefix_before_an_abbreviation_is_read_from_the_prefix() -> None:
    text = "x al-U.S. Z"
    assert list(capitalised_runs(text)) == _plain(text) == [(2, "al-U"), (7, "S"), (10, "Z")]


def test_clause_tail_stops_at_the_clause() -> None:
    assert clause_tail(("said", "in")) == ("said", "in")
    assert clause_tail(("said.", "In")) == ("in",)
    assert clause_tail(("said:", "Al-Qaim’s")) == ("al qaims",)
    assert clause_tail(("town,", "near")) == ("town", "near")
    assert clause_tail(("(near",)) == ("near",)
    assert clause_tail(("outskirts", "of")) == ("outskirts", "of")
    assert clause_tail(()) == ()
