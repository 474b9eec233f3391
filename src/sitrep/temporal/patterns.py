"""Recognition patterns, compiled from the lexicon's words once per process.

The grammar is a list of *families* (explicit dates, clock times, weekdays, relative units,
durations, sets, ...). Each family is a regex template whose ``<<MACRO>>`` placeholders expand
to alternations of lexicon words, compiled on its own. :data:`STARTS` says which words a
family's matches can begin with; :class:`Grammar` maps each such word to the families to try, in
priority order (longer, more specific families first). Patterns run over an ASCII-lower-cased
copy of the text (:func:`fold`: same length, same offsets), so no case-insensitive matching is
needed at run time.

:class:`Grammar` also holds the trigger words (one Aho-Corasick automaton: every expression
contains a trigger or a date-like number), the vocabulary of words that can occur inside an
expression, and small patterns used around a match: what may precede it (position words,
approximators) and follow it (a part of the day).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import ahocorasick

from .lexicon import Lexicon, lexicon


def fold(text: str) -> str:
    """``text`` lower-cased with typographic quotes, dashes and spaces made ASCII, same length."""
    folded = text.lower()
    if len(folded) != len(text):  # a few non-ASCII letters lower-case to two characters
        return text.translate(FOLD)
    for char in _FOLD_CHARS:
        if char in folded:
            folded = folded.replace(char, str(FOLD[ord(char)]))
    return folded


# ASCII lower-casing plus typographic quotes, dashes and spaces folded; every character maps to
# exactly one character, so offsets into the folded text are offsets into the original.
FOLD = str.maketrans(
    {
        **{chr(c): chr(c + 32) for c in range(65, 91)},
        "\u2019": "'",
        "\u2018": "'",
        "\u2032": "'",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
    }
)
_FOLD_CHARS = tuple(chr(c) for c in FOLD if c > 127)

# Byte tables for :func:`masked`: keep a-z (letters), or a-z, 0-9 and the apostrophe (words).
KEEP_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
KEEP_WORDS = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 or c == 39 else 32 for c in range(256))


def masked(folded: str, table: bytes) -> str:
    """``folded`` with every character outside ``table``'s kept set turned into a space (same
    length: a non-ASCII character becomes one byte before it is masked)."""
    return folded.encode("ascii", "replace").translate(table).decode("ascii")


def alt(words: Iterable[str], *, abbrev: bool = False) -> str:
    """A non-capturing alternation of phrases, longest first; spaces match any whitespace."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        pattern = r"\s+".join(re.escape(piece) for piece in word.split())
        pattern = pattern.replace("'", "'?") if word.endswith("'s") or "'s " in word else pattern
        parts.append(pattern + (r"\.?" if abbrev else ""))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


END = r"(?![a-z0-9])"  # right word boundary for words (the folded text is lower case)


def _number_macros(lex: Lexicon) -> dict[str, str]:
    units = [w for w, v in lex.cardinals.items() if 0 < v < 10]
    teens = [w for w, v in lex.cardinals.items() if 10 <= v < 20]
    tens = [w for w, v in lex.cardinals.items() if 20 <= v < 100 and v % 10 == 0]
    u, t, n = alt(units), alt(teens), alt(tens)
    card = rf"(?:{n}(?:[-\s]{u})?|{t}|{u}|zero)"
    hundreds = rf"(?:(?:a|{u})\s+)?hundred(?:\s+(?:and\s+)?{card})?"
    thousands = rf"(?:(?:a|{u}|{t})\s+)?thousand(?:\s+(?:and\s+)?{card})?"
    digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    ords = {w: v for w, v in lex.ordinals.items() if v > 0}
    ord_units = alt(w for w, v in ords.items() if v < 10)
    ord_words = alt(ords)
    day_ord = rf"(?:(?:twenty|thirty)[-\s]?{ord_units}|{ord_words})"
    spelled_year = (
        rf"(?:{t}\s+(?:hundred(?:\s+and)?\s+)?(?:{n}(?:[-\s]{u})?|{t}|o(?:h)?\s+{u})"
        rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{n}(?:[-\s]{u})?|{t}|{u}))?|twenty\s+(?:{t}|{n}(?:[-\s]{u})?))"
    )
    return {
        "CARD": rf"(?:{hundreds}|{thousands}|{card})",
        "DIGITS": rf"(?:{digits})",
        "DAYORD": day_ord,
        "SPELLEDYEAR": spelled_year,
        "COUNT": alt(lex.counts),
        "VAGUE": alt(lex.vague),
        "FRACTION": r"(?:\s*(?:1/2|1/4|3/4|½|¼|¾)|\s+"
        + alt(k for k in lex.fractions if k[0].isalpha())
        + ")",
    }


def _macros(lex: Lexicon) -> dict[str, str]:
    m = _number_macros(lex)
    m["NUM"] = rf"(?:{m['DIGITS']}|{m['CARD']})"
    m["AMOUNT"] = rf"(?:{m['VAGUE']}|{m['COUNT']}|{m['NUM']}(?:{m['FRACTION']})?)"
    m["MONTH"] = "(?:" + alt(lex.months) + "|" + alt(lex.month_abbrevs, abbrev=True) + ")" + END
    m["MONTHFULL"] = alt(lex.months) + END
    m["WEEKDAY"] = alt(lex.weekdays) + END
    m["WEEKDAYANY"] = "(?:" + alt(lex.weekdays) + "|" + alt(lex.weekday_abbrevs, abbrev=True) + ")" + END
    m["SEASON"] = alt(lex.seasons) + END
    m["POD"] = alt(w for w, p in lex.parts_of_day.items() if p.code) + END
    m["CLOCKWORD"] = alt(w for w, p in lex.parts_of_day.items() if p.hour is not None) + END
    m["UNIT"] = alt(lex.units) + END
    m["UNITPL"] = alt(w for w, u in lex.units.items() if w != u.name and w.endswith(("s", "ia"))) + END
    m["DIR"] = alt(lex.direction) + END
    m["DEICTIC"] = alt(lex.deictic) + END
    m["REF"] = alt(lex.references) + END
    m["ANAPHOR"] = alt(lex.anaphora) + END
    m["OFFSET"] = alt(lex.offsets) + END
    m["HOLIDAY"] = alt(lex.holidays) + END
    m["FREQ"] = alt(lex.frequency) + END
    m["DAYNUM"] = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
    m["YEAR"] = r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9]|'?s\b)"
    # a year, not a part of a number or code; "2012-13" and "2001-2002" (ranges) keep their first year
    m["BAREYEAR"] = (
        r"(?:1[5-9][0-9]{2}|20[0-9]{2})(?![0-9]|'?s\b|-(?![0-9]{2}(?![0-9])|(?:1[5-9]|20)[0-9]{2}(?![0-9]))[0-9]"
        r"|\.[0-9]|,[0-9]|\s*(?:%|percent))"
    )
    m["AMPM"] = r"(?:[ap]\.?\s?m\.?(?![a-z])|[ap]m(?![a-z]))"
    m["TZ"] = r"(?:\s*\(?(?:[a-z]{1,3}[sd]t|gmt|utc|z|local(?:\s+time)?|[a-z]{2,10}\s+time)\)?(?![a-z]))"
    m["ORDQ"] = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
    m["QUAL"] = alt(lex.period_qualifiers)
    m["DECADEWORD"] = alt(lex.decades) + END
    m["SPANDIR"] = alt(lex.span_directions) + END
    return m


# Family name -> template. Order matters: at one position the first family that matches wins.
FAMILIES: tuple[tuple[str, str], ...] = (
    (
        "iso",
        r"(?P<y>[12][0-9]{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])"
        r"(?:[t ](?P<hh>[01][0-9]|2[0-3]):(?P<mm>[0-5][0-9])"
        r"(?::[0-5][0-9](?:\.[0-9]+)?)?(?:z|[+-][0-9:]{2,5})?)?"
        r"(?![0-9])",
    ),
    (
        "numeric",
        r"(?P<a>[0-9]{1,2})(?P<sep>[/.])(?P<b>[0-9]{1,2})(?P=sep)(?P<y>[12][0-9]{3}|[0-9]{2})(?![0-9]|\.[0-9])"
        r"|(?P<y2>[12][0-9]{3})/(?P<m2>[0-9]{1,2})/(?P<d2>[0-9]{1,2})(?![0-9])",
    ),
    (
        "mdy",
        r"(?:(?P<wd>(?:<<WEEKDAYANY>>))\s*,?\s+(?:the\s+)?)?(?P<mon><<MONTH>>)\s*(?:the\s+)?"
        r"(?P<day><<DAYNUM>>|<<DAYORD>>)(?:\s*,?\s*(?P<y><<YEAR>>|'[0-9]{2}(?![0-9])))?(?![0-9])",
    ),
    (
        "dmy",
        r"(?:(?P<wd>(?:<<WEEKDAYANY>>))\s*,?\s+)?(?:the\s+)?(?P<day><<DAYNUM>>|<<DAYORD>>)(?:\s+of)?\s+"
        r"(?P<mon><<MONTH>>)(?:\s*,?\s*(?P<y><<YEAR>>))?",
    ),
    (
        "my",
        r"(?P<mon><<MONTH>>)\s*,?\s*(?:of\s+)?(?:(?P<y><<YEAR>>)|(?P<sy><<SPELLEDYEAR>>)"
        r"(?![a-z])|'(?P<yy>[0-9]{2})(?![0-9]))",
    ),
    (
        "holiday",
        r"(?:(?P<dir>last|next|this)\s+)?(?P<h><<HOLIDAY>>)(?:\s*,?\s*(?P<y><<YEAR>>))?"
        r"(?:\s+(?P<hw>week(?:-?end)?)(?![a-z]))?",
    ),
    (
        "quarter",
        r"(?:(?:the|its|a|an)\s+)?(?:(?P<y1><<YEAR>>)(?:'s)?\s+|(?P<rel>last|next|this)\s+year'?s\s+)?"
        r"(?:(?P<q1><<QUAL>>)[\s-]+)*(?P<ord><<ORDQ>>)[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)"
        r"(?![a-z])(?:\s+(?:of|in)\s+(?:(?:fiscal\s+|the\s+year\s+)?(?P<y2><<YEAR>>)"
        r"|(?P<rel2>the|this|next|last|the\s+current)\s+(?:fiscal\s+)?year(?![a-z'])))?"
        r"|q(?P<qn>[1-4])(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y3><<YEAR>>))?(?![a-z0-9])",
    ),
    (
        "qref",
        r"(?:the\s+|its\s+)?(?:(?P<y><<YEAR>>)\s+(?P<q>(?:<<QUAL>>[\s-]+)*)|(?P<q2>(?:<<QUAL>>[\s-]+)+))"
        r"(?P<unit>quarter|period|fiscal\s+year|year|nine\s+months|six\s+months|three\s+months|month|week)"
        r"(?![a-z])",
    ),
    (
        "ago",
        r"(?P<n><<AMOUNT>>)[\s-]+(?:(?:more|additional)\s+)?(?P<unit><<UNIT>>)(?P<frac><<FRACTION>>)?"
        r"(?:\s+or\s+so)?\s+(?P<dir><<OFFSET>>)",
    ),
    (
        "span",
        r"(?:(?:the|these|those)\s+)?(?P<dir><<SPANDIR>>)\s+(?:(?P<n><<AMOUNT>>)(?:\s+(?:to|or)\s+<<NUM>>)?[\s-]+)?"
        r"(?:(?:calendar|business|working|trading|full)\s+)?(?P<unit><<UNITPL>>)"
        r"(?:\s+or\s+so)?"
        r"|the\s+(?P<n2><<NUM>>|few|several)\s+(?:(?:calendar|business|working|trading|full)\s+)?"
        r"(?P<unit2><<UNITPL>>)"
        r"|(?:the\s+)?(?P<unit3><<UNITPL>>)\s+(?P<ahead>ahead|to\s+come)(?![a-z])",
    ),
    (
        "relunit",
        r"(?:the\s+)?(?P<dir><<DIR>>)\s+(?:(?P<fiscal>fiscal|calendar)\s+)?"
        r"(?P<unit>week(?:-?end)?|month|year|quarter|decade|century|<<SEASON>>|<<MONTHFULL>>|"
        r"<<WEEKDAY>>)(?![a-z])",
    ),
    ("monthrel", r"(?P<mon><<MONTHFULL>>|<<SEASON>>)\s+(?:of\s+)?(?P<dir>last|next|this)\s+year(?![a-z'])"),
    (
        "clock",
        r"(?P<h>[01]?[0-9]|2[0-3])(?::(?P<m>[0-5][0-9])(?::(?P<s>[0-5][0-9]))?)?\s*(?P<ap><<AMPM>>)(?P<tz><<TZ>>)?"
        r"|(?P<h2>[01]?[0-9]|2[0-3]):(?P<m2>[0-5][0-9])(?![0-9.,])(?P<tz2><<TZ>>)?"
        r"|(?P<h3>[01][0-9]|2[0-3])(?P<m3>[0-5][0-9])\s*(?:hrs|hours|h|gmt|utc|z)(?![a-z])(?P<tz3><<TZ>>)?"
        r"|(?P<h4>[01]?[0-9]|2[0-3])(?::(?P<m4>[0-5][0-9]))?\s+(?:o'clock\s+)?(?:in\s+the\s+(?P<pod4><<POD>>)"
        r"|at\s+night(?![a-z]))"
        r"|(?P<w><<CLOCKWORD>>)(?P<tz5><<TZ>>)?",
    ),
    (
        "weekday",
        r"(?:(?:the\s+)?(?P<dir><<DIR>>)\s+)?(?P<wd><<WEEKDAY>>|(?:mon|tues|wednes|thurs|fri|satur|sun)days)"
        r"(?![a-z])",
    ),
    ("deictic", r"(?P<w><<DEICTIC>>)"),
    ("anaphor", r"(?P<w><<ANAPHOR>>)"),
    (
        "podrel",
        r"(?P<dir>this|last|the|tomorrow|yesterday|early|late|mid)\s*-?\s*(?P<pod><<POD>>)(?!\s+of\s)"
        r"|(?P<over>overnight)(?![a-z])|(?P<bare>dawn|daybreak|dusk|nightfall)(?![a-z])",
    ),
    (
        "decade",
        r"(?:the\s+)?(?:(?P<c>1[0-9]|20)(?P<d>[0-9])0'?s|'(?P<d2>[0-9])0'?s)(?![a-z0-9])"
        r"|(?P<dw>(?:the\s+)?<<DECADEWORD>>)"
        r"(?![a-z])",
    ),
    (
        "century",
        r"(?:the\s+)?(?P<n>[1-9]|1[0-9]|2[0-1])(?:st|nd|rd|th)\s+century"
        r"|(?:the\s+)?(?P<w><<DAYORD>>)\s+century",
    ),
    (
        "year",
        r"(?:(?P<pre>fiscal|fy|calendar|the\s+year|year|the\s+fiscal\s+year|the\s+calendar\s+year)"
        r"[\s-]*)?(?P<y><<BAREYEAR>>)"
        r"|(?:the\s+year\s+)(?P<sy><<SPELLEDYEAR>>)(?![a-z])"
        r"|(?P<sy2>(?:nineteen|eighteen)\s+(?:<<CARD>>))(?![a-z])"
        r"|(?P<pre2>fy|fiscal\s+)'?(?P<yy>[0-9]{2})(?![0-9])",
    ),
    (
        "set",
        r"(?P<q>every|each|per)\s+(?:(?P<n>other|<<NUM>>)\s+)?(?P<x><<UNIT>>|<<WEEKDAY>>|<<MONTHFULL>>|"
        r"<<POD>>|week-?end|<<SEASON>>)(?![a-z])"
        r"|(?P<times>once|twice|thrice|<<NUM>>\s+times)\s+(?:a|an|per|each|every)\s+(?P<x2><<UNIT>>)",
    ),
    (
        "duration",
        r"(?P<n><<AMOUNT>>)(?:\s+or\s+(?P<n2><<NUM>>))?"
        r"(?:(?:\s+to\s+|-)(?P<n3><<NUM>>))?[\s-]+(?:(?:more|additional|extra|further|straight|"
        r"consecutive|long|full|calendar|business|working|trading)\s+)?"
        r"(?P<unit><<UNIT>>)(?P<frac>\s+and\s+a\s+half)?(?:(?P<old>[\s-]+old)|[\s-]+long)?(?![a-z]|-[a-z])",
    ),
    ("recent", r"(?P<r>recent)\s+(?P<unit><<UNITPL>>)"),
    (
        "bare",
        r"(?:for|within|over|after|in|lasting|spanning)\s+(?P<extent>(?:the\s+)?(?P<unit><<UNITPL>>)"
        r"(?:\s+or\s+(?P<unit2><<UNITPL>>))?)(?!\s+(?:of|ago|later|earlier|before|after|to\s+come|ahead))",
    ),
    ("ref", r"(?P<w><<REF>>)(?!-)"),
    (
        "theunit",
        r"the\s+(?P<unit>year|quarter|month|week(?:-?end)?|day)(?![a-z-])"
        r"(?:(?=\s+(?P<ended>ended|ending)(?![a-z])))?",
    ),
    ("season", r"(?:the\s+)?(?P<s><<SEASON>>)(?:\s*(?:of\s+)?(?P<y><<YEAR>>|<<SPELLEDYEAR>>(?![a-z])))?"),
    ("month", r"(?P<mon><<MONTHFULL>>|sept\.)"),
    ("freq", r"(?P<w><<FREQ>>)"),
    ("yearadj", r"(?P<w>year-earlier|year-ago|year-end|year\s+end|year's\s+end|year-before)(?![a-z])"),
)

PREFIX = (
    r"(?:(?P<approx><<APPROX>>)\s+)?(?:(?P<pos>(?:the\s+)?<<POSITION>>)\s*-?\s*)?"
    r"\Z"
)


# Family -> the words its matches can begin with: ``<<MACRO>>`` names expand to that macro's words,
# "#" is any number, "#4" a four-digit one (a year), "#n" any other; other entries are literal
# words. Only those families are tried at a word.
STARTS: dict[str, tuple[str, ...]] = {
    "iso": ("#4",),
    "numeric": ("#",),
    "mdy": ("<<WEEKDAYANY>>", "<<MONTH>>"),
    "dmy": ("<<WEEKDAYANY>>", "#n", "<<DAYORD>>", "the"),
    "my": ("<<MONTH>>",),
    "holiday": ("<<HOLIDAY>>", "last", "next", "this"),
    "quarter": ("the", "its", "a", "an", "#", "last", "next", "this", "<<QUAL>>", "<<ORDQ>>", "q"),
    "qref": ("the", "its", "#4", "<<QUAL>>"),
    "ago": ("<<AMOUNT>>",),
    "span": ("the", "these", "those", "<<SPANDIR>>", "<<UNITPL>>"),
    "relunit": ("the", "<<DIR>>"),
    "monthrel": ("<<MONTHFULL>>", "<<SEASON>>"),
    "clock": ("#", "<<CLOCKWORD>>"),
    "weekday": ("the", "<<DIR>>", "<<WEEKDAY>>", "<<WEEKDAYS>>"),
    "deictic": ("<<DEICTIC>>",),
    "anaphor": ("<<ANAPHOR>>",),
    "podrel": (
        "this",
        "last",
        "the",
        "tomorrow",
        "yesterday",
        "early",
        "late",
        "mid",
        "overnight",
        "dawn",
        "daybreak",
        "dusk",
        "nightfall",
    ),
    "decade": ("the", "#4", "'", "<<DECADEWORD>>"),
    "century": ("the", "#n", "<<DAYORD>>"),
    "year": ("fiscal", "fy", "calendar", "the", "year", "#4", "<<SPELLEDYEAR>>"),
    "set": ("every", "each", "per", "once", "twice", "thrice", "<<AMOUNT>>"),
    "duration": ("<<AMOUNT>>",),
    "recent": ("recent",),
    "bare": ("for", "within", "over", "after", "in", "lasting", "spanning"),
    "ref": ("<<REF>>",),
    "theunit": ("the",),
    "season": ("the", "<<SEASON>>"),
    "month": ("<<MONTHFULL>>",),
    "freq": ("<<FREQ>>",),
    "yearadj": ("year",),
}


@dataclass(frozen=True)
class Grammar:
    families: dict[str, re.Pattern[str]]
    dispatch: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]  # first word -> families to try
    triggers: frozenset[str]  # words every expression contains at least one of (besides numbers)
    automaton: Any  # ahocorasick.Automaton over the trigger words between spaces: (key length, word)
    # trigger word -> the families whose matches can contain it (a cheap filter before matching)
    compatible: dict[str, frozenset[str]]
    vocabulary: frozenset[str]  # every word that can occur inside an expression ("#4", "#n": numbers)
    prefix: re.Pattern[str]
    # the last word of a one-word position or approximator ("early", "about") and the last two words
    # of the longer ones ("end of", "least" after "at"): a cheap test before `prefix`
    prefix_ends: frozenset[str | tuple[str, str]]
    pod_suffix: re.Pattern[str]
    glue: re.Pattern[str]
    day_before: re.Pattern[str]  # "2 to" before "5 May": the first day of a range
    day_after: re.Pattern[str]  # "-3, 2013" after "May 2": the last day of a range


def _prefix_ends(lex: Lexicon) -> frozenset[str | tuple[str, str]]:
    """The last word of each one-word position or approximator, the last two of the others."""
    ends: set[str | tuple[str, str]] = set()
    for phrase in (*lex.approximators, *lex.position):
        words = phrase.split()
        ends.add(words[-1] if len(words) == 1 else (words[-2], words[-1]))
    return frozenset(ends)


_NUMBERS = {"#": {"#4", "#n"}}  # a start spec for any number


def expand(template: str, macros: dict[str, str]) -> str:
    return re.sub(r"<<(\w+)>>", lambda m: macros[m.group(1)], template)


def _first_words(phrases: Iterable[str]) -> set[str]:
    return {re.split(r"[\s'-]", p, maxsplit=1)[0] or p[:1] for p in phrases}


def _start_words(lex: Lexicon) -> dict[str, set[str]]:
    """The words each ``<<MACRO>>`` of :data:`STARTS` can begin with."""
    cardinals = set(lex.cardinals)
    amount = _first_words(lex.vague) | _first_words(lex.counts) | cardinals | {"#4", "#n", "a", "an"}
    return {
        "MONTH": set(lex.months) | set(lex.month_abbrevs),
        "MONTHFULL": set(lex.months) | {"sept"},
        "WEEKDAY": set(lex.weekdays),
        "WEEKDAYS": {w + "s" for w in lex.weekdays},
        "WEEKDAYANY": set(lex.weekdays) | set(lex.weekday_abbrevs),
        "SEASON": set(lex.seasons),
        "CLOCKWORD": {w for w, p in lex.parts_of_day.items() if p.hour is not None},
        "UNITPL": set(lex.units),
        "DIR": _first_words(lex.direction),
        "SPANDIR": set(lex.span_directions),
        "DEICTIC": _first_words(lex.deictic),
        "REF": _first_words(lex.references),
        "ANAPHOR": _first_words(lex.anaphora),
        "HOLIDAY": _first_words(lex.holidays),
        "FREQ": set(lex.frequency),
        "AMOUNT": amount,
        "DAYORD": set(lex.ordinals) | {"twenty", "thirty"},
        "QUAL": _first_words(lex.period_qualifiers),
        "ORDQ": {"first", "second", "third", "fourth", "final", "#n"},
        "DECADEWORD": set(lex.decades),
        "SPELLEDYEAR": {w for w, v in lex.cardinals.items() if 10 <= v < 100} | {"two"},
    }


def _triggers(lex: Lexicon, words: dict[str, set[str]]) -> frozenset[str]:
    """Words at least one of which every temporal expression contains (numbers aside)."""
    found: set[str] = set()
    for phrase in (*lex.references, *lex.deictic, *lex.anaphora, *lex.holidays):
        found.update(w for w in re.split(r"[\s-]+", phrase.replace("'s", "")) if w)
    found -= lex.not_triggers
    found |= set(lex.months) | set(lex.month_abbrevs) | set(lex.weekdays) | words["WEEKDAYS"]
    found |= set(lex.seasons) | set(lex.parts_of_day) | set(lex.frequency)
    found |= {form for form, unit in lex.units.items() if form.startswith(unit.name[:3]) and len(form) > 3}
    found |= {w for w, v in lex.cardinals.items() if 10 < v < 21}  # spelled years: "nineteen ninety"
    found |= words["DECADEWORD"] | {"overnight", "weekend", "weekends", "fiscal", "fy"}
    found |= {"period", "sept", "q"}
    return frozenset(found)


_REGEX_SYNTAX = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)|\\[a-zA-Z]")


def _compatible(triggers: Iterable[str], families: dict[str, re.Pattern[str]]) -> dict[str, frozenset[str]]:
    """For each trigger word, the families that can match text holding it: those with a literal
    word (from the lexicon or the template) that begins the trigger word ("week" in
    "week(?:-?end)?" for "weekend", "mon" in "(?:mon|tues)days" for "mondays")."""
    literals = {
        name: set(re.findall(r"[a-z]+", _REGEX_SYNTAX.sub(" ", pattern.pattern)))
        for name, pattern in families.items()
    }
    out = {}
    for word in triggers:
        # one-letter literals ("a", "q") only stand for one-letter words
        prefixes = {word[:k] for k in range(2, len(word) + 1)} | {word}
        out[word] = frozenset(name for name, found in literals.items() if prefixes & found)
    return out


def _vocabulary(lex: Lexicon, patterns: Iterable[re.Pattern[str]]) -> frozenset[str]:
    """Words of the lexicon and of the patterns' literals, single letters, and "#4"/"#n" for numbers."""
    words: set[str] = {"#4", "#n", "'", *"abcdefghijklmnopqrstuvwxyz"}
    for pattern in patterns:
        words.update(re.findall(r"[a-z]{2,}", re.sub(r"\(\?P<\w+>|\\[a-z]", " ", pattern.pattern)))
    for table in (lex.references, lex.deictic, lex.anaphora, lex.holidays, lex.counts, lex.approximators,
                  lex.position, lex.direction, lex.cardinals, lex.ordinals):  # fmt: skip
        for phrase in table:
            words.update(re.findall(r"[a-z]+", phrase))
    return frozenset(words)


@cache
def grammar() -> Grammar:
    """Compile the grammar from the lexicon (once per process)."""
    lex = lexicon()
    macros = _macros(lex)
    families = {
        name: re.compile(r"(?<![a-z0-9$£€])(?:" + expand(template, macros) + r")(?![a-z0-9])")
        for name, template in FAMILIES
    }
    words = _start_words(lex)
    dispatch: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for name, _ in FAMILIES:  # in priority order
        starts: set[str] = set()
        for spec in STARTS[name]:
            starts |= words[spec[2:-2]] if spec.startswith("<<") else _NUMBERS.get(spec, {spec})
        for word in starts:
            dispatch.setdefault(word, []).append((name, families[name]))
    macros["APPROX"] = alt(lex.approximators)
    macros["POSITION"] = alt(lex.position)
    prefix = re.compile(r"(?<![a-z])" + expand(PREFIX, macros))
    pod_suffix = re.compile(r"[\s,]+(?:(?:in|during)\s+the\s+)?(?P<pod>" + macros["POD"] + ")")
    glue = re.compile(r"\s*(?:,\s*)?(?:(?:on|at|of)\s+(?:the\s+)?)?")
    joint = r"\s*(?:-|to|and|or|until|till|through)\s*"
    day = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
    day_before = re.compile(rf"(?<![0-9a-z,.:/$\u00a3\u20ac])(?P<d>{day}){joint}(?:the\s+)?\Z")
    # the last day must end the phrase ("May 3 and 4 people" is a count)
    day_after = re.compile(
        rf"{joint}(?:the\s+)?(?P<d>{day})(?:\s*,\s*(?P<y>{macros['YEAR']}))?(?=\s*(?:[,;:)]|\.(?![0-9])|$))"
    )
    triggers = _triggers(lex, words)
    automaton = ahocorasick.Automaton()
    for key in triggers:  # whole words: the automaton runs over a copy with non-letters as spaces
        automaton.add_word(f" {key} ", (len(key) + 2, key))
    automaton.make_automaton()
    return Grammar(
        families,
        {w: tuple(f) for w, f in dispatch.items()},
        triggers,
        automaton,
        _compatible(triggers, families),
        _vocabulary(lex, families.values()),
        prefix,
        _prefix_ends(lex),
        pod_suffix,
        glue,
        day_before,
        day_after,
    )
