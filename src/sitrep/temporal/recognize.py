"""Recognition: find temporal expressions (atoms), then grow and glue them.

1. Trigger words (months, units, "yesterday"...) and date-like numbers are found in one pass
   (:func:`_trigger_spans`); for each, the few words before it that can belong to an expression
   are tried as starts, farthest first, with only the families that can begin with that word.
2. Each match is checked against the original text where case matters ("May" the month, not the
   modal) and against a few blockers ("1990 people" is a count, "a second attack" no duration).
3. Position words and approximators before it join its extent ("the end of 1990", "about two
   years"); a part of the day after a day joins it ("Friday night").
4. A clock time or a bare part of the day next to a day is glued onto the day ("9 a.m.
   Tuesday", "Monday at noon", "dawn on Tuesday").
"""

from __future__ import annotations

import re
from functools import cache
from itertools import compress, repeat
from operator import is_not
from string import ascii_lowercase

from .lexicon import Lexicon, lexicon
from .patterns import KEEP_WORDS, Grammar, grammar, masked
from .resolve import Atom

# Families a position word ("early", "the end of") may precede.
_POSITIONABLE = frozenset(
    {
        "year",
        "month",
        "my",
        "season",
        "decade",
        "century",
        "relunit",
        "monthrel",
        "weekday",
        "deictic",
        "quarter",
        "theunit",
        "mdy",
        "dmy",
        "holiday",
        "anaphor",
        "podrel",
        "yearadj",
    }
)
# Families an approximator ("about", "at least") may precede.
_APPROXIMABLE = frozenset(
    {
        "duration",
        "ago",
        "clock",
        "mdy",
        "dmy",
        "iso",
        "numeric",
        "year",
        "my",
        "month",
        "holiday",
        "decade",
        "span",
    }
)
_PREFIXABLE = _POSITIONABLE | _APPROXIMABLE
# Families that are amounts of time: any approximator ("over two years", "at least a week").
_AMOUNTS = frozenset({"duration", "ago", "span"})
# Families that denote one day, so a part of the day or a clock time can attach to them.
_DAYISH = frozenset({"weekday", "deictic", "mdy", "dmy", "iso", "numeric", "holiday", "anaphor"})
# Position words of a part of the day that does not say which day ("late afternoon")
_DAY_POSITIONS = frozenset({"early", "late", "mid"})
# Families _glue_clocks attaches to a day (no day is glued to anything when none was found).
_GLUED = frozenset({"clock", "podrel"})
_NONES = repeat(None)
_WORD_AFTER = re.compile(r"\s*([a-z]+)")


@cache
def _context() -> tuple[Lexicon, Grammar]:
    return lexicon(), grammar()


Plan = tuple[tuple[str, re.Pattern[str]], ...]


@cache
def _plans() -> dict[str, dict[str, Plan]]:
    """For each trigger (a word, or a kind of number) and each word an expression may start with,
    the families to try there, in priority order: those that can begin with the word and hold the
    trigger (``Grammar.dispatch`` filtered by ``Grammar.compatible``, once per process)."""
    gm = grammar()
    shared: dict[Plan, Plan] = {}
    plans: dict[str, dict[str, Plan]] = {}
    for tword, able in (*gm.compatible.items(), *_NUMBER_FAMILIES.items()):
        plan = {}
        for word, families in gm.dispatch.items():
            kept = tuple(entry for entry in families if entry[0] in able)
            if kept:
                plan[word] = shared.setdefault(kept, kept)
        plans[tword] = plan
    return plans


def _capitalised(text: str, start: int) -> bool:
    return text[start : start + 1].isupper()


def _letters_end(text: str) -> int:
    """Where the run of letters (a-z) ending ``text`` begins (``len(text)`` when there is none)."""
    return len(text.rstrip(ascii_lowercase))


def _word_before(folded: str, start: int) -> str:
    """The word before ``start`` (letters within 20 characters, spaces after it skipped), with the
    "the" after it ("in the"); "-" for a dash there; else ""."""
    seg = folded[max(0, start - 20) : start].rstrip()
    if seg[-1:] == "-":
        return "-"
    i = _letters_end(seg)
    word = seg[i:]
    if word == "the":
        rest = seg[:i].rstrip()
        if len(rest) < i and rest:
            j = _letters_end(rest)
            if j < len(rest):
                return rest[j:] + " the"
    return word


def _word_after(folded: str, end: int) -> str:
    m = _WORD_AFTER.match(folded, end)
    return m.group(1) if m else ""


def _month_ok(lex: Lexicon, folded: str, text: str, atom: Atom, word_span: tuple[int, int]) -> bool:
    """An ambiguous month word ("May", "March") counts only capitalised and in a temporal context."""
    if folded[word_span[0] : word_span[1]].rstrip(".") not in lex.ambiguous:
        return True
    if not _capitalised(text, word_span[0]):
        return False
    if atom.family != "month":
        return True
    before = _word_before(folded, atom.start)
    return before in lex.temporal_context or before.split(" ")[0] in lex.temporal_context or bool(atom.pos)


def _is_rate(lex: Lexicon, folded: str, start: int) -> bool:
    before = folded[max(0, start - 24) : start].rstrip()
    last = before.rsplit(None, 1)[-1] if before else ""
    return last.rstrip(",") in lex.rate_after or last[-1:].isdigit() or last.endswith("%")


def _keep_relunit(lex: Lexicon, folded: str, text: str, atom: Atom, m: re.Match[str]) -> bool:
    unit = atom.g["unit"]
    return not (unit in lex.ambiguous and not _capitalised(text, m.start("unit")) and unit not in lex.seasons)


def _keep_season(lex: Lexicon, folded: str, text: str, atom: Atom, m: re.Match[str]) -> bool:
    if atom.g["s"] in lex.ambiguous and "y" not in atom.g:
        with_article = folded.startswith("the", atom.start)
        if not (atom.pos or (with_article and _word_before(folded, atom.start) in lex.season_context)):
            return False
        if _word_after(folded, atom.end) == "of":
            return False
    return True


def _keep_anaphor(lex: Lexicon, folded: str, text: str, atom: Atom, m: re.Match[str]) -> bool:
    # "the day before authorities issued a warrant": a preposition, not "the day before"
    return not (atom.g["w"].endswith(("before", "after")) and _word_after(folded, atom.end))


def _keep_ref(lex: Lexicon, folded: str, text: str, atom: Atom, m: re.Match[str]) -> bool:
    if _word_after(folded, atom.end) in lex.ref_not_before:
        return False
    return _word_before(folded, atom.start).split(" ")[-1] not in lex.ref_not_after


def _keep_year(lex: Lexicon, folded: str, text: str, atom: Atom, m: re.Match[str]) -> bool:
    if "y" in atom.g and "pre" not in atom.g:
        if _word_after(folded, atom.end) in lex.not_year_before:
            return False
        if folded[max(0, atom.start - 4) : atom.start].rstrip().endswith(("no.", "#", "no", "$")):
            return False
    return True


def _keep_duration(lex: Lexicon, folded: str, text: str, atom: Atom, m: re.Match[str]) -> bool:
    g = atom.g
    if "old" in g:
        return False  # ages ("a 6-year-old boy") are not temporal expressions in TimeML corpora
    if g["unit"] in lex.needs_count and g["n"] in lex.counts:
        return False
    # "$5 a year", "24 hours a day": a rate, not a duration
    return not (g["n"] in ("a", "an") and _is_rate(lex, folded, atom.start))


def _keep_theunit(lex: Lexicon, folded: str, text: str, atom: Atom, m: re.Match[str]) -> bool:
    unit = atom.g["unit"]
    if unit in ("year", "month", "week", "day") and not atom.pos and "ended" not in atom.g:
        # "the year" alone is too vague, except "for the year", "of the week", "the month's"
        framed = _word_before(folded, atom.start) in ("for", "of") or folded.startswith("'s", atom.end)
        if unit == "day" or not framed:
            return False
    return True


# Checks a match of a family must pass to be kept (families not listed have none).
_CHECKS = {
    "relunit": _keep_relunit,
    "season": _keep_season,
    "anaphor": _keep_anaphor,
    "ref": _keep_ref,
    "year": _keep_year,
    "duration": _keep_duration,
    "theunit": _keep_theunit,
}


def _keep(lex: Lexicon, folded: str, text: str, atom: Atom, m: re.Match[str]) -> bool:
    if "mon" in atom.g and not _month_ok(lex, folded, text, atom, m.span("mon")):
        return False
    check = _CHECKS.get(atom.family)
    return check is None or check(lex, folded, text, atom, m)


def _extend(lex: Lexicon, gm: Grammar, folded: str, atom: Atom, floor: int) -> None:
    """Grow the atom over position words / approximators before it and a part of day after it."""
    fam = atom.family
    before = (
        folded[max(floor, atom.start - 24) : atom.start].rsplit(None, 2)[-2:] if fam in _PREFIXABLE else None
    )
    if before and (
        before[-1].rstrip("-") in gm.prefix_ends or (len(before) == 2 and tuple(before) in gm.prefix_ends)
    ):
        m = gm.prefix.search(folded, max(floor, atom.start - 40), atom.start)
        if m and m.start() < atom.start:
            approx, pos = m.group("approx"), m.group("pos")
            if pos and fam not in _POSITIONABLE:
                pos = None
            if approx and (
                fam not in _APPROXIMABLE
                or folded.startswith("the ", atom.start)
                or (fam not in _AMOUNTS and lex.approximators.get(" ".join(approx.split())) != "APPROX")
            ):
                approx = None  # "over Easter", "within 2022": only "about", "around"... approximate a point
            if pos:
                atom.pos = pos
                atom.start = m.start("pos")
            if approx:
                atom.approx = approx
                atom.start = m.start("approx")
    if fam in _DAYISH and not atom.pod and "hh" not in atom.g and not atom.g.get("wd", "").endswith("days"):
        m = gm.pod_suffix.match(folded, atom.end)
        if m:
            atom.pod = m.group("pod")
            atom.end = m.end()


def _range_partner(gm: Grammar, folded: str, atom: Atom, floor: int) -> Atom | None:
    """The other day of a range of days in one month: "2" in "from 2 to 5 May", "3" in "May 2-3,
    2013" (TimeML tags each day; the month and year are shared)."""
    g = atom.g
    if "wd" in g:
        return None
    if atom.family == "dmy":
        m = gm.day_before.search(folded, max(floor, atom.start - 24), atom.start)
        if m is None:
            return None
        return Atom(m.start("d"), m.end("d"), "dmy", {**g, "day": m.group("d")})
    m = gm.day_after.match(folded, atom.end)
    if m is None:
        return None
    if m.group("y") and "y" not in g:  # "May 2-3, 2013": the year belongs to both days
        g["y"] = m.group("y")
    partner = Atom(
        m.start("d"), m.end("y") if m.group("y") else m.end("d"), "mdy", {**g, "day": m.group("d")}
    )
    return partner


def _glue_clocks(gm: Grammar, folded: str, atoms: list[Atom]) -> list[Atom]:
    """Attach a clock time or a part of the day to an adjacent day: "10 p.m. Wednesday", "Monday
    at noon", "dawn on Tuesday"."""
    out: list[Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if (
            prev is not None
            and (prev.family == "clock" or atom.family == "clock" or prev.family == "podrel")
            and gm.glue.fullmatch(folded, prev.end, atom.start)
        ):
            if prev.family == "clock" and atom.family in _DAYISH and atom.clock is None and not atom.pod:
                atom.clock, atom.start = prev, prev.start
                out[-1] = atom
                continue
            if atom.family == "clock" and prev.family in _DAYISH and prev.clock is None and not prev.pod:
                prev.clock, prev.end = atom, atom.end
                continue
            # "dawn on Tuesday", "late afternoon yesterday": the part of the day of that day
            pod = prev.g.get("bare") or (prev.g["pod"] if prev.g.get("dir") in _DAY_POSITIONS else None)
            if prev.family == "podrel" and pod and atom.family in _DAYISH and not atom.pod:
                atom.pod, atom.start = pod, prev.start
                out[-1] = atom
                continue
        out.append(atom)
    return out


_WORD_START = re.compile(r"(?<![a-z0-9'])[a-z0-9']")
_FIRST_WORD = re.compile(r"[a-z]+|[0-9]|'")
# A number is a trigger itself when it looks like a year, a clock time or a numeric date; other
# numbers ("two weeks", "14 March") are reached from the unit or month word after them.
_NUMBER_TRIGGER = re.compile(  # starts with a bare digit class so the scan skips to digits fast
    r"[0-9](?<![0-9][0-9])(?:(?P<yearend>[0-9]{3}(?=[.,;:!?)\]\"]|$))|(?P<year>[0-9]{3}(?![0-9]))|(?P<sep>[0-9]{0,3}[:/][0-9])|(?P<dots>[0-9]?\.[0-9]{1,2}\.[0-9]{2})"
    r"|(?P<decade>0'?s(?![a-z]))|(?P<clock>[0-9]?\s*(?:[ap]\.?\s?m(?![a-z])|o'clock)))"
)
# The families that can hold each kind of number trigger (a year-like number, one right before
# punctuation, a number with ":" or "/", a dotted date, a decade, a clock time): only they are
# tried around it.
_NUMBER_FAMILIES = {
    "#yearend": frozenset({"year"}),  # a four-digit number before punctuation: "in 1998."
    "#year": frozenset(
        {"iso", "numeric", "quarter", "qref", "ago", "clock", "decade", "year", "set", "duration"}
    ),
    "#sep": frozenset({"numeric", "clock"}),
    "#dots": frozenset({"numeric"}),
    "#decade": frozenset({"decade"}),
    "#clock": frozenset({"clock"}),
}
_DIGITS_AS_ZERO = bytes(48 if 48 <= c <= 57 else 32 for c in range(256))
REACH = 48  # characters before a trigger word where its expression may begin
MAX_STARTS = 7  # word starts tried before a trigger word (the trigger's own included)


def _number_triggers(folded: str) -> list[tuple[int, str]]:
    """Starts of the numbers that look temporal, with their kind (``_NUMBER_TRIGGER.finditer``,
    tried only where a run of digits begins: found by ``str.find`` in a copy with digits as "0")."""
    found: list[tuple[int, str]] = []
    digits = masked(folded, _DIGITS_AS_ZERO)
    pos = digits.find("0")
    end = 0
    while pos >= 0:
        if pos >= end:
            m = _NUMBER_TRIGGER.match(folded, pos)
            if m is not None:
                found.append((pos, "#" + (m.lastgroup or "")))
                end = m.end()
        pos = digits.find(" ", pos)
        if pos < 0:
            break
        pos = digits.find("0", pos)
    return found


def _trigger_spans(gm: Grammar, folded: str, letters: str) -> list[tuple[int, str]]:
    """Starts of trigger words (whole words) and of numbers that look temporal, in text order,
    with the word (for a number: the kind of number, a key of :data:`_NUMBER_FAMILIES`).

    The automaton's keys are the trigger words between spaces, run over ``letters`` (the text where
    every character but a letter is a space): every hit is a whole word (a digit may touch it:
    "q3", "fy90"), so nothing has to be checked in Python.
    """
    found = _number_triggers(folded)
    letters = " " + letters + " "
    # a key " word " ending at index i of the padded copy starts at i - len(key) + 2 there, one
    # more than in the text
    found += [(last - length + 1, word) for last, (length, word) in gm.automaton.iter(letters)]
    found.sort()
    return found


def _first_word(token: str) -> str:
    """The word of a token that decides which families may start there: for a number "#4" (four
    digits: a year) or "#n"."""
    if token.isalpha():
        return token
    if token[0].isdigit():
        return "#4" if len(token) >= 4 and token[:4].isdigit() and not token[4:5].isdigit() else "#n"
    first = _FIRST_WORD.match(token)
    return first.group() if first is not None else ""


def _candidate_starts(
    vocabulary: frozenset[str], words: str, low: int, trigger: int, tword: str
) -> list[tuple[int, str]]:
    """Word starts an expression holding the trigger may begin at: the trigger's word and the
    words before it that can be part of an expression ("the past two" in "the past two weeks"),
    farthest first.

    ``words`` is the text with every character but a letter, a digit or an apostrophe masked;
    ``tword`` is the trigger word (a whole run of letters, so the first word of its token) or,
    for a number, the kind of number.
    """
    if tword[0] == "#":
        end = words.find(" ", trigger)
        tword = _first_word(words[trigger:end] if end >= 0 else words[trigger:])
    end = trigger  # the common case first: the word right before the trigger is no expression word
    while end > low and words[end - 1] == " ":
        end -= 1
    token = words[max(words.rfind(" ", low, end) + 1, low) : end]
    if not token or (token if token.isalpha() else _first_word(token)) not in vocabulary:
        return [(trigger, tword)]
    before = words[low:trigger].split()
    out = [(trigger, tword)]
    pos = trigger
    for token in reversed(before[1 - MAX_STARTS :]):
        word = token if token.isalpha() else _first_word(token)
        if word not in vocabulary:
            break
        pos = words.rfind(token, low, pos)
        out.append((pos, word))
    out.reverse()
    return out


def recognise(text: str, folded: str, letters: str) -> list[Atom]:
    """Every temporal expression in ``text`` (``folded`` is its ASCII-folded copy, ``letters`` that
    copy with every character but a letter masked), in order.

    Only the few words before each trigger word (a month, a unit, "yesterday", a number...) are
    tried as starts, and at each start only the families that can begin with its word.
    """
    lex, gm = _context()
    atoms: list[Atom] = []
    floor = 0
    words = masked(folded, KEEP_WORDS)
    plans = _plans()
    vocabulary = gm.vocabulary
    glue = False  # whether a clock time or a part of the day was found (see _glue_clocks)
    for trigger, tword in _trigger_spans(gm, folded, letters):
        if trigger < floor:
            continue
        plan = plans[tword]
        low = trigger - REACH if trigger - REACH > floor else floor
        for start, word in _candidate_starts(vocabulary, words, low, trigger, tword):
            families = plan.get(word)
            if families is None:
                continue
            # the first family (in priority order) matching here and covering the trigger
            for family, pattern in families:  # noqa: B007 - the family that matched is kept
                m = pattern.match(folded, start)
                if m is not None and m.end() > trigger:
                    break
            else:
                continue
            found = m.groupdict()
            g = dict(compress(found.items(), map(is_not, found.values(), _NONES)))  # the groups matched
            begin, finish = m.span("extent") if "extent" in g else m.span()
            atom = Atom(begin, finish, family, g)
            _extend(lex, gm, folded, atom, floor)
            if _keep(lex, folded, text, atom, m):
                partner = _range_partner(gm, folded, atom, floor) if family in ("dmy", "mdy") else None
                if partner is None:
                    atoms.append(atom)
                elif partner.start < atom.start:
                    atoms += (partner, atom)
                else:
                    atoms += (atom, partner)
                floor = atoms[-1].end
                glue = glue or family in _GLUED
                break
    return _glue_clocks(gm, folded, atoms) if glue else atoms
