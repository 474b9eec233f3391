"""Tense of the clause around a temporal expression, from cue words in ``tense.yaml``.

Underspecified dates ("Friday", "in March", "the fourth quarter") resolve backwards in a past
clause and forwards in a future one. :func:`clause_tense` looks for the nearest cue inside the
clause holding the expression and returns -1 (past), +1 (future) or 0 (no cue).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import lexicon

PAST, NONE, FUTURE = -1, 0, 1
_REACH_BEFORE = 160  # characters looked at before the expression
_REACH_AFTER = 100
_BOUNDARY = re.compile(r"[.;!?\n]\s|[\n\"]")


_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|'[a-z]+")
_MAX_PHRASE = 3


@dataclass(frozen=True, slots=True)
class _Cues:
    phrases: dict[str, int]  # cue phrase -> PAST or FUTURE
    suffix: str
    exceptions: frozenset[str]
    auxiliaries: frozenset[str]


@cache
def _cues() -> _Cues:
    lex = lexicon()
    phrases = {p: PAST for p in lex.past_cues}
    phrases.update({p: FUTURE for p in lex.future_cues})
    return _Cues(phrases, lex.past_suffix, lex.past_suffix_exceptions, lex.passive_auxiliaries)


def _cue(cues: _Cues, words: list[str], i: int) -> int:
    """The tense a cue starting at ``words[i]`` signals, or NONE."""
    for size in range(min(_MAX_PHRASE, len(words) - i), 0, -1):
        kind = cues.phrases.get(" ".join(words[i : i + size]))
        if kind is not None:
            break
    else:
        word = words[i]
        if not (cues.suffix and word.endswith(cues.suffix) and len(word) > len(cues.suffix) + 1):
            return NONE
        if word in cues.exceptions:
            return NONE
        kind = PAST
    if kind == PAST and i and words[i - 1] in cues.auxiliaries:
        return NONE  # a participle: "will be paid", "to be completed"
    return kind


def _clause(folded: str, start: int, end: int) -> tuple[int, int]:
    left = max(0, start - _REACH_BEFORE)
    for m in _BOUNDARY.finditer(folded, left, start):
        left = m.end()
    right = min(len(folded), end + _REACH_AFTER)
    stop = _BOUNDARY.search(folded, end, right)
    return left, (stop.start() if stop else right)


def clause_tense(folded: str, start: int, end: int) -> int:
    """-1, 0 or +1 for the clause around ``folded[start:end]`` (an ASCII-folded text).

    The nearest cue word wins, counted in words; on a tie the one before the expression.
    """
    cues = _cues()
    left, right = _clause(folded, start, end)
    before = _TOKEN.findall(folded, left, start)
    after = _TOKEN.findall(folded, end, right)
    best, distance = NONE, len(before) + len(after) + 1
    for i in range(len(before) - 1, -1, -1):
        kind = _cue(cues, before, i)
        if kind != NONE:
            best, distance = kind, len(before) - 1 - i
            break
    for i in range(min(len(after), distance)):
        kind = _cue(cues, after, i)
        if kind != NONE:
            return kind
    return best
