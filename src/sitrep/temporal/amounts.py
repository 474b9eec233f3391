"""Rules for durations, sets and the TimeML indexicals (PRESENT_REF, PAST_REF, FUTURE_REF)."""

from __future__ import annotations

from functools import lru_cache

from ..models import Timex
from .base import Atom, ResolverBase
from .lexicon import Lexicon
from .numbers import duration_value, parse_number

CACHED_DURATIONS = 1024


@lru_cache(maxsize=CACHED_DURATIONS)
def _duration(lex: Lexicon, count: str, unit_word: str, frac: str | None) -> Timex:
    """ "two weeks", "a year and a half": a DURATION (a pure function of the words, so cached)."""
    unit = lex.units[unit_word]
    amount = parse_number(count + (frac or ""), lex)
    if frac and amount is not None and count in lex.counts:
        amount = lex.counts[count] + 0.5
    return Timex("DURATION", duration_value(amount, unit))


class AmountRules(ResolverBase):
    """Handlers for the duration and set pattern families (see :mod:`.patterns`)."""

    def _duration(self, a: Atom) -> Timex | None:
        return _duration(self.lex, a.g["n"], a.g["unit"], a.g.get("frac"))

    def _span(self, a: Atom) -> Timex:
        unit_word = a.g.get("unit") or a.g.get("unit2") or a.g.get("unit3") or ""
        unit = self.lex.units[unit_word]
        count = a.g.get("n") or a.g.get("n2")
        amount = parse_number(count, self.lex) if count else None
        return Timex("DURATION", duration_value(amount, unit))

    def _bare(self, a: Atom) -> Timex:
        return Timex("DURATION", duration_value(None, self.lex.units[a.g["unit"]]))

    def _recent(self, a: Atom) -> Timex:
        return Timex("DURATION", duration_value(None, self.lex.units[a.g["unit"]]))

    def _set(self, a: Atom) -> Timex | None:
        quant = "EVERY" if a.g.get("q") in (None, "every") else a.g["q"].upper()
        if "times" in a.g:
            times = a.g["times"].split()[0]
            n = {"once": 1, "twice": 2, "thrice": 3}.get(times) or parse_number(times, self.lex) or 1
            unit = self.lex.units[a.g["x2"]]
            return Timex("SET", duration_value(1, unit), quant=quant, freq=f"{int(n)}X")
        word = " ".join(a.g["x"].split())
        step = 2.0 if a.g.get("n") == "other" else (parse_number(a.g["n"], self.lex) if "n" in a.g else 1.0)
        if word in self.lex.units:
            return Timex("SET", duration_value(step, self.lex.units[word]), quant=quant)
        if word in self.lex.weekdays:
            return Timex("SET", f"XXXX-WXX-{self.lex.weekdays[word]}", quant=quant)
        if word in self.lex.months:
            return Timex("SET", f"XXXX-{self.lex.months[word]:02d}", quant=quant)
        if word in self.lex.seasons:
            return Timex("SET", f"XXXX-{self.lex.seasons[word]}", quant=quant)
        if word.replace("-", "") == "weekend":
            return Timex("SET", "XXXX-WXX-WE", quant=quant)
        code = self.lex.parts_of_day[word].code
        return Timex("SET", f"XXXX-XX-XXT{code}", quant=quant)

    def _freq(self, a: Atom) -> Timex:
        return Timex("SET", self.lex.frequency[a.g["w"]], quant="EVERY")

    def _ref(self, a: Atom) -> Timex:
        return Timex("DATE", self.lex.references[" ".join(a.g["w"].split())])
