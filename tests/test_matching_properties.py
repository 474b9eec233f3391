"""Properties of the fast paths of the actor and event matchers: they read text exactly as the plain
formulations they replace (ordering of phrase matches, regexes rewritten for speed)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep import resolve
from sitrep.actors import phrases
from sitrep.actors.phrases import PhraseMatcher, fold, plain_text
from sitrep.events import arguments, lexicon, numbers
from sitrep.events.decide import Facts
from sitrep.events.mentions import Mention

# Words that share prefixes, hyphens and punctuation: where the matcher has to choose.
WORDS = [
    "air", "strike", "air strike", "strikes", "shell", "shelling", "seashell", "al", "shabaab",
    "al-shabaab", "clash", "clashes", "clashed", "a", "an", "was", "while", "whereas", "but", "but.",
    "butter", "awhile", "rebut", "somewhereas", "bw", ";", ".", ",", "-", "'", "(", ")", " ", "\n",
    "whilst", "so-called", "killing", "a k", "a.k", "a k.",
]  # fmt: skip
KEYS = [
    ("air strike", 1), ("strike", 2), ("shell*", 3), ("al shabaab", 4), ("clash*", 5), ("clashes", 6),
    ("a", 7), ("so called", 8), ("kill*", 9), ("killing", 10), ("but", 11), ("shell", 12), ("al", 13),
    ("al", 14), ("a.k", 15), ("a k", 16),
]  # fmt: skip
texts = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join) | st.text(
    alphabet="abcehilnrstuw ;.,-'\n", max_size=80
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_phrase_matches_come_sorted_and_find_keeps_leftmost_longest(text: str) -> None:
    matcher = PhraseMatcher(KEYS)
    folded = fold(text)
    hits = matcher.all_hits(folded)
    assert hits == sorted(hits, key=lambda h: (h.start, -h.end))
    expected: list[tuple[int, int, tuple[int, ...]]] = []
    last_end = -1
    for h in hits:  # the reference reading: leftmost-longest, same spans pooled
        if h.start >= last_end:
            expected.append((h.start, h.end, h.values))
            last_end = h.end
        elif expected and (h.start, h.end) == expected[-1][:2]:
            expected[-1] = (h.start, h.end, expected[-1][2] + h.values)
    assert [(h.start, h.end, h.values) for h in matcher.find(folded, plain_text(folded))] == expected
    # searched in two ranges, the matches still come sorted
    third = len(folded) // 3
    split = matcher.all_hits(folded, ranges=[(2 * third, len(folded)), (0, third)])
    assert split == sorted(split, key=lambda h: (h.start, -h.end))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_clause_breaks_read_as_the_plain_alternation(text: str) -> None:
    folded = fold(text)
    reference = re.compile(r"[;]|\.\s|\bwhile\b|\bwhereas\b|\bbut\b")
    for start in (0, len(folded) // 3):
        expected = [m.start() for m in reference.finditer(folded, start, len(folded))]
        assert arguments.clause_breaks(folded, (start, len(folded))) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 ,.:/-ax\n", max_size=60))
def test_figures_in_digits_read_as_the_plain_pattern(text: str) -> None:
    reference = re.compile(r"(?<![\w.,:/])(\d{1,3}(?:,\d{3})+|\d+)(?![\w:/]|[.,]\d)")
    for start in (0, len(text) // 2):
        expected = [(m.span(), m.group(1)) for m in reference.finditer(text, start)]
        assert [(m.span(), m.group(1)) for m in numbers._DIGITS.finditer(text, start)] == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "an", "single", "so far", "a.k", "an'", "'n", "sing"]), min_size=1),
    st.sampled_from([r"\w", r"\w'"]),
    st.lists(st.sampled_from(["a", "an", "single", "so far", "b", "'", " ", ".", "k", "\n"])).map("".join),
)
def test_word_alternations_read_as_the_plain_pattern(words: list[str], edge: str, text: str) -> None:
    plain = "|".join(re.escape(w) for w in words)
    reference = re.compile(f"(?<![{edge}])(?:{plain})(?![{edge}])")
    fast = lexicon.words_regex(words, edge)
    for start in (0, len(text) // 2):
        assert [m.span() for m in fast.finditer(text, start)] == [
            m.span() for m in reference.finditer(text, start)
        ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["was", "were", "shot", "and", " ", "\n", "x", "'", ",", "andy"])).map(" ".join)
)
def test_coordinated_passive_needs_a_closing_and(text: str) -> None:
    # attach() reads the pattern only where the text before the trigger ends with "and"
    if arguments._BE_AND_BEFORE.search(text) is not None:
        assert text.rstrip().endswith("and")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.text(alphabet="aZ -_'`\n\t\r.,;()[]\"/", max_size=80))
def test_folding_reads_as_the_translation_tables(text: str) -> None:
    # the bytes path for ASCII text gives what str.translate gives
    folded = fold(text)
    assert len(folded) == len(text)
    if text.isascii():
        assert folded == text.lower().translate(phrases._FOLD)
        expected = " " + folded.translate(phrases._TO_SPACE).replace(" '", "  ")
        assert plain_text(folded) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["said", "Said", "says", "told", "according to", "reports", "Army", "the", "resaid", ","]
        )
    ).map(" ".join)
)
def test_sources_read_as_the_plain_pattern(text: str) -> None:
    reference = re.compile(
        r"\b(?:according to|said|says|claimed|claims|reported|reports|told)\b\s*(?:the\s+)?"
        r"(?P<src>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,4})?"
    )
    found, expected = resolve._SOURCE.search(text), reference.search(text)
    assert (found and (found.span(), found.group("src"))) == (
        expected and (expected.span(), expected.group("src"))
    )


def test_values_built_positionally_keep_their_field_order() -> None:
    # mentions.py and assembly.py build these by position (cheaper than a dozen keywords)
    assert list(Mention._fields) == [
        "sentence", "zone", "frames", "context", "triggers", "dropped", "main", "roles", "trigger_roles",
        "numbers", "actors", "reported",
    ]  # fmt: skip
    assert list(Facts._fields) == [
        "agent_kind", "agent_state", "patient_kind", "force_armed", "agents", "patients", "objects",
        "first_doer", "first_victim", "tags", "attacked_forces",
    ]  # fmt: skip
