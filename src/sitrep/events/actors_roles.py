"""ACLED actor1/actor2 for a decided event, from the attached roles and ACLED's conventions.

- Protests: actor1 is always "Protesters (<country>)" (organisations leading them become associated
  actors); actor2 is the force that intervened, if any.
- Riots: actor1 is "Rioters (<country>)"; actor2 the police/forces they fought, or the civilians
  they attacked (mob violence).
- Violence against civilians: the civilians are actor2; an unknown perpetrator is "Unidentified
  Armed Group (<country>)".
- Battles need two armed sides; an unknown side is an Unidentified Armed Group.
- Explosions/Remote violence: actor2 is the armed target, or the civilians hit, or nobody.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ..actors import ActorLexicon, ActorMention
from ..models import Actor, Evidence, Span
from .arguments import Roles
from .decide import ARMED, CROWD, EVENT_TYPE


class Side(NamedTuple):
    actor: Actor | None
    assoc: tuple[Actor, ...] = ()
    spans: tuple[Span, ...] = ()


class Coded(NamedTuple):
    actor1: Side
    actor2: Side


def _mention(span: Span | None) -> ActorMention | None:
    if span is None or not isinstance(span.value, ActorMention):
        return None
    return span.value


def kind_of(span: Span | None) -> str | None:
    if span is None:
        return None
    value = span.value
    return value.kind if isinstance(value, ActorMention) else None


def name(lexicon: ActorLexicon, span: Span, iso3: str | None, day: date | None) -> Actor:
    m = _mention(span)
    assert m is not None and m.entry is not None
    return lexicon.actor(m.entry, m.modifier, iso3, day)


class Namer:
    """Names actors for one event (its country and date)."""

    def __init__(self, lexicon: ActorLexicon, iso3: str | None, day: date | None) -> None:
        self.lexicon, self.iso3, self.day = lexicon, iso3, day

    def of(self, span: Span) -> Actor:
        return name(self.lexicon, span, self.iso3, self.day)

    def generic(self, kind: str, span: Span | None = None) -> Actor:
        m = _mention(span)
        return self.lexicon.generic(kind, self.iso3, self.day, m.modifier if m else None)

    def side(self, span: Span | None, assoc: tuple[Span, ...] = (), *, armed_only: bool = False) -> Side:
        if span is None or (armed_only and kind_of(span) not in ARMED):
            return Side(None)
        extra = tuple(self.of(s) for s in assoc if kind_of(s) in ARMED or not armed_only)
        return Side(self.of(span), extra, (span, *assoc))


def _armed(span: Span | None) -> bool:
    return kind_of(span) in ARMED


def _people(span: Span | None) -> bool:
    return kind_of(span) in CROWD


def code_actors(
    sub: str,
    roles: Roles,
    all_roles: list[Roles],
    namer: Namer,
    *,
    civilian_victims: bool,
    any_actor: Span | None = None,
) -> Coded:
    """actor1/actor2 for a sub-event type, given the main roles and the roles of other triggers."""
    event_type = EVENT_TYPE[sub]
    agent, patient = roles.agent, roles.patient
    if event_type == "Protests":
        org = tuple(s for r in all_roles for s in (r.agent,) if s is not None and kind_of(s) == "named")
        a1 = Side(
            namer.generic("protesters", agent if _people(agent) else None),
            tuple(namer.of(s) for s in org[:1]),
        )
        force = _first_armed_agent(all_roles) if sub != "Peaceful protest" else None
        return Coded(a1, namer.side(force) if force else Side(None))
    if event_type == "Riots":
        a1 = Side(namer.generic("rioters", agent if _people(agent) else None))
        target = patient if patient is not None and patient is not agent else None
        if target is None:
            force = _first_armed_agent(all_roles)
            return Coded(a1, namer.side(force) if force else Side(None))
        if _armed(target):
            return Coded(a1, namer.side(target))
        if kind_of(target) in ("rioters", "protesters"):
            return Coded(a1, Side(namer.generic("rioters", target)))
        return Coded(a1, Side(namer.generic("civilians", target), (), (target,)))
    if event_type == "Violence against civilians":
        perp = agent if _armed(agent) else _first_armed_agent(all_roles)
        a1 = (
            namer.side(perp, roles.agent_assoc if perp is agent else ())
            if perp
            else Side(namer.generic("unidentified"))
        )
        victim = patient if patient is not None and not _armed(patient) else None
        return Coded(a1, Side(namer.generic("civilians", victim), (), (victim,) if victim else ()))
    if event_type == "Battles":
        if not _armed(agent):
            # the deciding trigger names no attacker ("an exchange of fire followed"): the sides of
            # the first trigger that does ("militants attacked forces at a checkpoint")
            first = next((r for r in all_roles if _armed(r.agent)), None)
            if first is not None:
                roles, agent, patient = first, first.agent, first.patient
        a1 = namer.side(agent, roles.agent_assoc, armed_only=True) if _armed(agent) else Side(None)
        a2 = namer.side(patient, roles.patient_assoc, armed_only=True) if _armed(patient) else Side(None)
        if a1.actor is None and a2.actor is not None:
            a1, a2 = a2, a1
        if a1.actor is None:
            a1 = Side(namer.generic("unidentified"))
        if a2.actor is None:
            other = _first_armed_other(all_roles, a1)
            a2 = namer.side(other) if other else Side(namer.generic("unidentified"))
        if (
            sub == "Government regains territory"
            and a2.actor is not None
            and a2.actor.inter == 1
            and (a1.actor is None or a1.actor.inter != 1)
        ):
            a1, a2 = a2, a1
        return Coded(a1, a2)
    if event_type == "Explosions/Remote violence":
        a1 = namer.side(agent, roles.agent_assoc) if _armed(agent) else Side(None)
        if a1.actor is None:
            perp = _first_armed_agent(all_roles)
            a1 = namer.side(perp) if perp else Side(namer.generic("unidentified"))
        if _armed(patient) and patient is not agent:
            return Coded(a1, namer.side(patient, roles.patient_assoc))
        if civilian_victims:
            return Coded(a1, Side(namer.generic("civilians", patient if _people(patient) else None)))
        return Coded(a1, Side(None))
    # Strategic developments
    a1 = namer.side(agent, roles.agent_assoc) if _armed(agent) else Side(None)
    if a1.actor is None:
        perp = _first_armed_agent(all_roles)
        if perp is not None:
            a1 = namer.side(perp)
        elif sub in ("Arrests", "Disrupted weapons use"):
            a1 = Side(namer.generic("police"))
        elif sub == "Looting/property destruction":
            a1 = Side(namer.generic("unidentified"))
        elif any_actor is not None:
            a1 = namer.side(any_actor)
        elif sub == "Other":
            a1 = Side(namer.generic("government"))
        else:  # an agreement, a move or a base with nobody named: an unknown armed group
            a1 = Side(namer.generic("unidentified"))
    if sub in ("Arrests", "Looting/property destruction"):
        if _armed(patient) and patient is not agent:
            return Coded(a1, namer.side(patient))
        return Coded(a1, Side(namer.generic("civilians", patient if _people(patient) else None)))
    if sub in ("Agreement", "Non-violent transfer of territory", "Disrupted weapons use") and _armed(patient):
        return Coded(a1, namer.side(patient))
    return Coded(a1, Side(None))


def _first_armed_agent(all_roles: list[Roles]) -> Span | None:
    for r in all_roles:
        if _armed(r.agent):
            return r.agent
    return None


def _first_armed_other(all_roles: list[Roles], side: Side) -> Span | None:
    taken = set(side.spans)
    for r in all_roles:
        for s in (r.patient, r.agent):
            if (
                _armed(s)
                and s not in taken
                and (
                    side.actor is None
                    or _mention(s) is None
                    or kind_of(s) != kind_of(side.spans[0] if side.spans else None)
                )
            ):
                return s
    return None


def actor_evidence(coded: Coded, text: str) -> tuple[Evidence, ...]:
    out = []
    for field, side in (("actor1", coded.actor1), ("actor2", coded.actor2)):
        for span in side.spans[:1]:
            out.append(Evidence(field, span.start, span.end, text[span.start : span.end], span.rule))
        for span in side.spans[1:]:
            out.append(
                Evidence(f"assoc_{field}", span.start, span.end, text[span.start : span.end], span.rule)
            )
    return tuple(out)
