"""Argument attachment: who did it (actor1) and to whom (actor2), from the clause around a trigger.

Rules, in order:
- passive clauses: "X was attacked by Y", "X were killed by Y" -> Y acts, X undergoes;
- "X came under attack/fire (from Y)" -> Y acts, X undergoes;
- "clashes between X and Y" -> X and Y;
- active clauses: the nearest actor before the trigger in its clause acts (with the actors listed
  together with it: "troops and militiamen attacked"), the first actor after it undergoes
  ("attacked X", "clashed with X").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from ..models import Span

_BY = re.compile(r"\s*(?:[\w',]+\s+){0,4}?(?:by|from)\s+(?:[\w'.,]+\s+){0,4}")
_BE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|got|get)\s+(?:[\w']+\s+){0,3}$")
# a passive verb coordinated with the first: "was shot five times and killed"
_BE_AND_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:[\w']+\s+){1,6}?and\s+$")
_BY_FAR = re.compile(r"\s*(?:[\w',]+\s+){0,7}?(?:by|from)\s+(?:[\w'.,]+\s+){0,4}")
_UNDER = re.compile(r"\bcame under\b|\bunder (?:attack|fire)\b|\bcoming under\b")
_BETWEEN = re.compile(r"\s*(?:[\w']+\s+){0,2}?between\s+$")
# The words between two actors of one list: joiners, articles, and after "and" up to three
# adjectives ("the army and pro-government Shiite militias").
_LIST_GAP = re.compile(
    r"\s*(?:(?:and|&)(?:\s+[a-z][a-z'.]*){0,3}?|,|as well as|along with|alongside|together with|"
    r"with the help of|backed by|supported by|the|of|\s)*\s*"
)
# A trigger used as a noun or adjective ("the killing of", "of killed demonstrators", "a shooting")
# has no subject before it: only a "by" phrase can name who did it.
_NOMINAL = re.compile(
    r"\b(?:of|the|a|an|his|her|their|its|this|that|these|those|for|after|following|over|"
    r"against|recent|deadly|fatal)\s+$"
)
# ... unless a light verb carries it: "militants carried out an attack", "launched a hit and run attack"
_LIGHT_VERB = re.compile(
    r"\b(?:carried out|carry out|carries out|carrying out|launched|launch|launches|launching|staged|"
    r"mounted|conducted|waged|unleashed)\s+(?:(?:a|an|the|their|its|his|her|another)\s+)?"
    r"(?:[\w']+\s+){0,3}$"
)
_PARTICIPLE = re.compile(r"(?:,|\band)\s*$")
# An actor right after one of these is a prepositional object, not the subject of a later verb.
_PREP_OBJECT = re.compile(r"\b(?:with|against|on|at|to|toward|towards|into|upon)\s+(?:the\s+)?$")
_MAX_AGENT_GAP = 14  # words between an active agent and its trigger
_WORDS = re.compile(r"[\w']+")
# ";", ". ", "while", "whereas", "but": written to start with a character class, which the regex
# engine scans for quickly (the plain alternation is tried at every position)
_CLAUSE = re.compile(r"[;.wb](?:(?<=;)|(?<=\.)\s|(?<=\bw)(?:hile|hereas)\b|(?<=\bb)ut\b)")


class Roles(NamedTuple):
    """The actors attached to one trigger, with the rule that attached them."""

    agent: Span | None = None
    patient: Span | None = None
    agent_assoc: tuple[Span, ...] = ()
    patient_assoc: tuple[Span, ...] = ()
    rule: str = "args.none"


# The roles of a trigger with no actor around it: one value, shared (it names nobody).
NO_ROLES = Roles()
_NOBODY_ACTIVE = Roles(None, None, (), (), "args.active")  # actors in the sentence, none in the clause


def _nominal(folded: str, s_start: int, t_start: int) -> bool:
    """A trigger used as a noun ("the killing of") with no light verb carrying it ("carried out an
    attack"): it has no subject before it."""
    return (
        _NOMINAL.search(folded, max(s_start, t_start - 12), t_start) is not None
        and _LIGHT_VERB.search(folded, max(s_start, t_start - 50), t_start) is None
    )


def _group_back(actors: list[Span], i: int, text: str) -> tuple[Span, tuple[Span, ...]]:
    """The coordinated group ending at actors[i]; returns (first actor, the others)."""
    j = i
    while j > 0 and _LIST_GAP.fullmatch(text, actors[j - 1].end, actors[j].start):
        # a list ends with "and ..."; a bare comma before the last actor ends a phrase instead:
        # "following clashes with X, Y regained the town"
        if j == i and text[actors[j - 1].end : actors[j].start].strip() == ",":
            break
        j -= 1
    group = actors[j : i + 1]
    return group[0], tuple(group[1:])


def _group_forward(actors: list[Span], i: int, text: str) -> tuple[Span, tuple[Span, ...]]:
    j = i
    while j + 1 < len(actors) and _LIST_GAP.fullmatch(text, actors[j].end, actors[j + 1].start):
        j += 1
    group = actors[i : j + 1]
    return group[0], tuple(group[1:])


def _subject_before(actors: list[Span], before: list[int], folded: str) -> int | None:
    """The nearest actor before a verb that can be its subject: not the object of a preposition
    ("clashed with ISIL and liberated ...": ISIL did not liberate anything)."""
    for i in reversed(before):
        first, _ = _group_back(actors, i, folded)
        if _PREP_OBJECT.search(folded, max(0, first.start - 12), first.start) is None:
            return i
    return None


def clause_breaks(folded: str, sentence: tuple[int, int]) -> list[int]:
    """Offsets of the clause breaks of a sentence (";", ". ", "while", "but", ...)."""
    return [m.start() for m in _CLAUSE.finditer(folded, *sentence)]


def attach(
    text: str,
    folded: str,
    sentence: tuple[int, int],
    trigger: Span,
    actors: list[Span],
    *,
    breaks: list[int] | None = None,
    subject_before: int | None = None,
) -> Roles:
    """Roles for ``trigger`` from the actor spans of its sentence (sorted by start)."""
    s_start, s_end = sentence
    t_start, t_end = trigger.start, trigger.end
    adjective = getattr(trigger.value, "adjective", False)
    for a in actors:
        if a.start <= t_start and t_end == a.end:  # the head noun names its doers: "rioters"
            return Roles(a, None, (), (), "args.self")
        if adjective and 0 < a.start - t_end <= 2:
            return Roles(a, None, (), (), "args.adjective")  # "aggressive protesters"
    # the actors of the sentence that are not the trigger itself
    actors = [
        a for a in actors if s_start <= a.start and a.end <= s_end and (a.end <= t_start or t_end <= a.start)
    ]
    if not actors:
        return NO_ROLES
    if breaks is None:
        breaks = clause_breaks(folded, sentence)
    if subject_before is None:
        subject_before = t_start
    # actors in the trigger's clause: no break between the actor and the trigger (breaks are sorted)
    k = bisect_left(breaks, t_start)
    lo = breaks[k - 1] if k else -1
    k = bisect_left(breaks, t_end, k)
    hi = breaks[k] if k < len(breaks) else s_end + 1
    before = [j for j, a in enumerate(actors) if lo < a.end <= t_start]
    after = [j for j, a in enumerate(actors) if t_end <= a.start < hi]
    if not before and not after:
        return _NOBODY_ACTIVE  # no actor in the trigger's clause (every rule below needs one)
    be = _BE_BEFORE.search(folded, max(s_start, t_start - 40), t_start)
    if be is None:
        # "was shot five times and killed": only after an "and" (the pattern ends with "and\s+")
        lo_and = max(s_start, t_start - 70)
        if folded[lo_and:t_start].rstrip().endswith("and"):
            be = _BE_AND_BEFORE.search(folded, lo_and, t_start)
    passive = be is not None and not any(be.start() < a.start < t_start for a in actors)
    by_agent = None
    # a passive verb takes its "by" phrase further away: "was killed in the X neighborhood by gunmen"
    if after and (_BY_FAR if passive else _BY).fullmatch(folded, t_end, actors[after[0]].start):
        by_agent = after[0]
    # "came under attack": read only where it decides (an actor before, no passive verb)
    under = (
        bool(before) and not passive and _UNDER.search(folded, max(s_start, t_start - 14), t_end) is not None
    )
    agent: Span | None = None
    patient: Span | None = None
    agent_assoc: tuple[Span, ...] = ()
    patient_assoc: tuple[Span, ...] = ()
    if by_agent is not None and (passive or under or not before):
        agent, agent_assoc = _group_forward(actors, by_agent, folded)
        if before:
            patient, patient_assoc = _group_back(actors, before[-1], folded)
        return Roles(agent, patient, agent_assoc, patient_assoc, "args.passive_by")
    if (passive or under) and before:
        patient, patient_assoc = _group_back(actors, before[-1], folded)
        return Roles(None, patient, (), patient_assoc, "args.passive")
    if after and _BETWEEN.fullmatch(folded, t_end, actors[after[0]].start):
        first, rest = _group_forward(actors, after[0], folded)
        return Roles(first, rest[0] if rest else None, (), rest[1:], "args.between")
    if (
        before
        and _PARTICIPLE.search(folded, max(s_start, t_start - 5), t_start)
        and folded[t_start:t_end].endswith("ing")
    ):
        # ", killing two": the participle's subject is the clause's subject, not the nearest noun;
        # when the sentence opens with the event itself ("A bomb struck a convoy, killing ..."),
        # there is no subject actor.
        if actors[before[0]].start < subject_before:
            agent, agent_assoc = _group_forward(actors, before[0], folded)
        if after:
            patient, patient_assoc = _group_forward(actors, after[0], folded)
        return Roles(agent, patient, agent_assoc, patient_assoc, "args.participle")
    subject = _subject_before(actors, before, folded)
    if (
        subject is not None
        and not _nominal(folded, s_start, t_start)
        and len(_WORDS.findall(folded, actors[subject].end, t_start)) <= _MAX_AGENT_GAP
    ):
        agent, agent_assoc = _group_back(actors, subject, folded)
    if after:
        patient, patient_assoc = _group_forward(actors, after[0], folded)
    return Roles(agent, patient, agent_assoc, patient_assoc, "args.active")
