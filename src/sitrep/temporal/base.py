"""Shared state of the normaliser: the anchor, the focus, tense, and small parsers.

An :class:`Atom` is one recognised expression before normalisation. :class:`ResolverBase` holds
what every rule needs: the lexicon, the folded text (for tense cues), the anchor date (``dct``),
and the *focus*, the last date the text mentioned, which anaphora ("the next day", "that year")
and comparisons ("a year earlier") count from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from ..models import Timex
from . import calendar as cal
from .lexicon import Lexicon
from .numbers import spelled_year
from .patterns import KEEP_LETTERS, masked
from .tense import FUTURE, NONE, PAST, clause_tense

T = TypeVar("T")
TOPIC_REACH = 600  # characters after a quarter's mention within which it stays the report's topic


class NoAnchor(Exception):
    """A relative expression met a text without an anchor date."""


@dataclass(slots=True)
class Atom:
    """One recognised expression before normalisation."""

    start: int
    end: int
    family: str
    g: dict[str, str]
    approx: str | None = None
    pos: str | None = None
    pod: str | None = None
    clock: Atom | None = None
    nofocus: bool = False  # a comparison ("the year-ago quarter"): its value does not become the focus


class ResolverBase:
    """State shared by the rule mixins; see :class:`sitrep.temporal.resolve.Resolver`."""

    def __init__(self, lex: Lexicon, folded: str, dct: date | None, letters: str | None = None) -> None:
        self.lex = lex
        self.folded = folded
        self.letters = letters if letters is not None else masked(folded, KEEP_LETTERS)
        self.dct = dct
        self.focus: Timex | None = None
        self.last_quarter: tuple[Timex, int] | None = None  # the last quarter mentioned, and where

    @property
    def anchor(self) -> date:
        if self.dct is None:
            raise NoAnchor
        return self.dct

    def tense(self, atom: Atom) -> int:
        return clause_tense(self.folded, atom.start, atom.end, self.letters)

    def after_origin(self, atom: Atom) -> bool:
        """Whether the word right before the expression is an origin ("since March"): the date is
        then on or before the anchor."""
        seg = self.letters[max(0, atom.start - 24) : atom.start]
        words = seg.split()
        return bool(words) and words[-1] in self.lex.origins and (len(words) > 1 or seg[:1] in ("", " "))

    def by_tense(self, atom: Atom, choose: Callable[[int], T]) -> T:
        """``choose(tense)`` for the tense of the atom's clause; the clause is only read when the
        tenses disagree (a month one month away is the same in a past or a future clause)."""
        past, future = choose(PAST), choose(FUTURE)
        if past != future:
            tense = self.tense(atom)
            return past if tense == PAST else future if tense == FUTURE else choose(NONE)
        none = choose(NONE)
        if none == past:
            return past
        return past if self.tense(atom) != NONE else none

    def focus_day(self, gran: str | None = None) -> date:
        """A day inside the focus (of granularity ``gran`` or finer), else the anchor."""
        f = self.focus
        if f is not None and f.first is not None and (gran is None or f.granularity == gran):
            return f.first
        return self.anchor

    def month(self, word: str) -> int | None:
        word = word.rstrip(".")
        return self.lex.months.get(word) or self.lex.month_abbrevs.get(word)

    def year(self, text: str | None) -> int | None:
        if not text:
            return None
        text = text.strip()
        if text.startswith("'"):
            yy = int(text[1:])
            century = (self.dct.year // 100) * 100 if self.dct else 1900
            year = century + yy
            return year - 100 if self.dct and year > self.dct.year + 10 else year
        if text.isdigit():
            return int(text)
        return spelled_year(text, self.lex)

    def _new_quarter(self, timex: Timex, end: int) -> None:
        """A quarter was mentioned: it becomes the report's topic unless it is older than the
        topic still in reach ("the third quarter ... the 1988 quarter": the topic stays), or has
        not ended yet (an outlook: "expects a loss in the fourth quarter"; reports are about
        quarters that are over)."""
        if self.dct is not None and timex.last is not None and timex.last >= self.dct:
            return
        topic = self._topic_quarter(end)
        if topic is None or (
            timex.first is not None and topic.first is not None and timex.first >= topic.first
        ):
            self.last_quarter = (timex, end)
        else:
            self.last_quarter = (topic, end)

    def _topic_quarter(self, at: int) -> Timex | None:
        """The quarter a financial report is about: one mentioned in the last few sentences."""
        if self.last_quarter is None:
            return None
        timex, end = self.last_quarter
        return timex if at - end <= TOPIC_REACH else None

    def _latest_quarter(self, at: int | None = None) -> date:
        """The quarter under discussion, else the last completed one."""
        topic = self._topic_quarter(at) if at is not None else None
        if topic is not None and topic.first is not None:
            return topic.first
        return cal.shift(self.anchor, -1, "quarter")
