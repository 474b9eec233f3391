"""Normalisation: a recognised expression (an :class:`Atom`) becomes a TimeML :class:`Timex`.

Relative expressions are anchored on the article's date (``dct``) or, for anaphora ("the next
day", "a year earlier", "the quarter"), on the *focus*: the last date the text mentioned, as in
TimeML annotation practice. Underspecified ones take the tense of their clause into account
(:mod:`.anchor`). Without a ``dct`` relative expressions keep X placeholders and
``anchored=False``. The rules live in three mixins: :mod:`.dates`, :mod:`.relative`,
:mod:`.amounts`; one handler per pattern family, named ``_<family>``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from ..models import Timex
from . import calendar as cal
from .amounts import AmountRules
from .base import Atom, NoAnchor
from .dates import DateRules
from .patterns import STARTS
from .relative import RelativeRules

# Families whose value becomes the focus for later anaphora. Comparisons ("a year earlier",
# "year-ago", "the year-earlier quarter") point back from the focus and do not move it.
_FOCUS_SETTERS = frozenset(
    {
        "iso",
        "numeric",
        "mdy",
        "dmy",
        "my",
        "holiday",
        "quarter",
        "year",
        "weekday",
        "deictic",
        "relunit",
        "monthrel",
        "month",
        "season",
        "anaphor",
        "qref",
        "theunit",
    }
)


def _unanchored(atom: Atom) -> Timex:
    fam = atom.family
    if fam in ("clock", "podrel"):
        return Timex("TIME", "XXXX-XX-XX", anchored=False)
    if fam in ("span", "recent"):
        return Timex("DURATION", "PXX", anchored=False)
    return Timex("DATE", "XXXX-XX-XX", anchored=False)


def _week_within(timex: Timex, mod: str) -> Timex:
    """ "the first week of March" (W1..W4, WL: last) or "the week of March 6" (WK) as a week."""
    assert timex.first is not None and timex.last is not None
    if mod == "WK":
        return cal.period("week", timex.first) if timex.granularity == "day" else timex
    if timex.granularity != "month":
        return timex
    day = timex.last if mod == "WL" else timex.first + timedelta(weeks=int(mod[1:]) - 1)
    return cal.period("week", day)


class Resolver(DateRules, RelativeRules, AmountRules):
    """Turns atoms into Timex values, in document order (the focus moves along the text)."""

    def resolve(self, atom: Atom) -> Timex | None:
        try:
            timex: Timex | None = _HANDLERS[atom.family](self, atom)
            if timex is None:
                return None
            if atom.pos or atom.approx or atom.clock is not None or atom.pod:
                timex = self._attach(atom, timex)
        except NoAnchor:
            return _unanchored(atom)
        except (ValueError, OverflowError):
            return None  # an impossible date: "February 30", a day past year 9999
        if (
            atom.family in _FOCUS_SETTERS
            and timex.type in ("DATE", "TIME")
            and timex.first is not None
            and not atom.nofocus
        ):
            self.focus = timex
            if timex.granularity == "quarter":
                self._new_quarter(timex, atom.end)
        return timex

    def _attach(self, atom: Atom, timex: Timex) -> Timex:
        if atom.pos and timex.type == "DATE" and timex.first is not None:
            words = atom.pos.split()
            if words[0] == "the" and " ".join(words) not in self.lex.position:
                words = words[1:]
            mod = self.lex.position.get(" ".join(words).rstrip("-").strip())
            if mod in ("H1", "H2") and timex.granularity == "year":
                half = cal.period("half", date(timex.first.year, 1 if mod == "H1" else 7, 1))
                timex = half
            elif mod and mod.startswith("W"):
                timex = _week_within(timex, mod)
            elif mod:
                timex = cal.replace(timex, mod=mod)
        if atom.approx:
            timex = cal.replace(timex, mod=self.lex.approximators.get(" ".join(atom.approx.split())))
        day = timex.first if timex.granularity == "day" else None
        if atom.clock is not None and day is not None:
            hour, minute = self._clock_parts(atom.clock)
            timex = cal.replace(timex, type="TIME", value=f"{day.isoformat()}T{hour:02d}:{minute:02d}")
        elif atom.pod and day is not None:
            code = self.lex.parts_of_day[atom.pod].code
            timex = cal.replace(timex, type="TIME", value=f"{day.isoformat()}T{code}")
        return timex


# family -> its handler, ``Resolver._<family>``
_HANDLERS: dict[str, Callable[[Resolver, Atom], Timex | None]] = {
    name[1:]: getattr(Resolver, name) for name in dir(Resolver) if name[1:] in STARTS and name[0] == "_"
}

__all__ = ["Atom", "NoAnchor", "Resolver"]
