"""Event assembly: from the layers of a document to complete ACLED-style :class:`Event` rows."""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple

from .. import resolve
from ..actors import ActorLexicon, ActorStage
from ..models import LAYER_PLACE, LAYER_TIME, Doc, Event, Evidence, Span
from .actors_roles import Coded, Namer, actor_evidence, code_actors, kind_of
from .decide import ARMED, EVENT_TYPE, PEOPLE, Facts, decide, disorder_type
from .mentions import FRAME_RANK, Mention
from .stage import LAYER_EVENT, EventStage
from .where_when import DateResolver, PlaceLocator, When, Where, default_resolver, when, where

# Events whose confidence is below this are dropped by default (``--min-confidence``). A weak cue
# without actors, date or place ("troops patrol", told only in a photo caption) scores below it;
# an asserted violent, protest or strategic trigger with its actors scores above it.
DEFAULT_MIN_CONFIDENCE = 0.4
# Decisions reached without a proper trigger for the type (a crowd-size tag, tear gas with no
# demonstration named) count as less sure.
WEAK_RULES = frozenset({"decide.protest_weak", "decide.intervention_on_crowd"})
_DEFAULT = object()
# Events known only from a statement about them ("the minister condemned the attack on ...") are
# not this report's news: they stay below the default threshold (kept with --min-confidence 0.3).
REPORTED_CONFIDENCE = 0.35
# Rule of the event_date evidence of an event dated by the day its article was read.
READ_DATE_RULE = "date.read_date"


@dataclass(frozen=True, slots=True)
class EventOptions:
    """Options of the event coder. ``date_resolver``/``place_locator`` default to the temporal and
    places stages' ``resolve_event_date`` and ``locate_event``.

    ``read_date`` dates the events for which neither the text nor the article gives a date (no
    publication date, no date in the text): they are coded with the day the article was read (by
    default today) at ``time_precision`` 3, an ``event_date`` evidence with rule ``date.read_date``,
    a note saying so, and a note on the document. Pass the publication date (``--published``) to
    date them properly.
    """

    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    date_resolver: DateResolver | object | None = _DEFAULT
    place_locator: PlaceLocator | object | None = _DEFAULT
    read_date: date | None = None


class _Run(NamedTuple):
    min_confidence: float
    date_resolver: DateResolver | None
    place_locator: PlaceLocator | None
    read_date: date


def _options(options: Any) -> _Run:
    min_conf = getattr(options, "min_confidence", None)
    dr = getattr(options, "date_resolver", _DEFAULT)
    pl = getattr(options, "place_locator", _DEFAULT)
    return _Run(
        DEFAULT_MIN_CONFIDENCE if min_conf is None else float(min_conf),
        default_resolver("temporal", "resolve_event_date") if dr is _DEFAULT else dr,  # type: ignore[arg-type]
        default_resolver("places", "locate_event") if pl is _DEFAULT else pl,  # type: ignore[arg-type]
        getattr(options, "read_date", None) or date.today(),
    )


def code_events(doc: Doc, options: Any = None) -> list[Event]:
    """Complete events for ``doc``; runs the actor and event stages first if they have not run."""
    if "actor" not in doc.layers:
        ActorStage()(doc)
    if LAYER_EVENT not in doc.layers:
        EventStage()(doc)
    run = _options(options)
    date_resolver, place_locator = run.date_resolver, run.place_locator
    mentions: list[Mention] = [s.value for s in doc.layer(LAYER_EVENT)]
    if not mentions:
        return []
    # Ask the temporal and places stages only about sentences that name a time or a place (or about
    # every sentence when their layers are absent); the others elaborate the event before them.
    timed = _named(doc, LAYER_TIME, mentions)
    placed = _named(doc, LAYER_PLACE, mentions)
    whens = [
        when(doc, *m.sentence, date_resolver, background=bool(m.reported)) if t else _NO_WHEN
        for m, t in zip(mentions, timed, strict=True)
    ]
    # places are located lazily: only where grouping or the event's location needs them
    wheres: list[Where | None] = [None if p else _NO_WHERE for p in placed]

    def where_of(i: int) -> Where:
        found = wheres[i]
        if found is None:
            found = wheres[i] = where(doc, *mentions[i].sentence, place_locator)
        return found

    def place_of(i: int) -> tuple[str | None, bool]:
        w = where_of(i)
        return resolve.place_key(w.place), bool(w.evidence)

    lexicon = ActorLexicon.default()
    events: list[Event] = []
    summaries = [m.zone in _SUMMARY_ZONES for m in mentions]
    days = [(w.day, bool(w.evidence)) for w in whens]
    for n, members in enumerate(resolve.group_by(days, place_of, summaries)):
        head = mentions[members[0]]
        if not any(whens[i].day for i in members):
            whens[members[0]] = when(doc, *head.sentence, date_resolver, background=bool(head.reported))
        # the event's place: its first mention naming one (else what the head's sentence gives)
        located = next((w for w in map(where_of, members) if w.place), None)
        if located is None:
            located = wheres[members[0]] = where(doc, *head.sentence, place_locator)
        event = _build(
            doc,
            [mentions[i] for i in members],
            whens=[whens[i] for i in members],
            wheres=[located],
            lexicon=lexicon,
            index=n,
            read_date=run.read_date,
        )
        if event is not None and event.confidence >= run.min_confidence:
            events.append(event)
    undated = sum(1 for e in events if _undated(e))
    if undated:
        doc.notes.append(
            f"{undated} event(s) without a reported date (no date in the text, no publication date) "
            f"were dated {run.read_date.isoformat()}, the day the article was read, at time precision 3; "
            "give the publication date (--published) to date them"
        )
    return events


def _undated(event: Event) -> bool:
    return any(e.rule == READ_DATE_RULE for e in event.evidence if e.field == "event_date")


_SUMMARY_ZONES = frozenset({"headline", "highlights"})
_START = attrgetter("start")
_NO_WHEN = When(None, 3, ())
_NO_WHERE = Where(None, 3, ())


def _named(doc: Doc, layer: str, mentions: list[Mention]) -> list[bool]:
    """Per mention: does its sentence hold a span of ``layer`` (all True when the layer is absent)?"""
    if layer not in doc.layers:
        return [True] * len(mentions)
    starts = list(map(_START, doc.layers[layer]))
    out = []
    for m in mentions:
        i = bisect_left(starts, m.sentence[0])
        out.append(i < len(starts) and starts[i] < m.sentence[1])
    return out


def _first_with(items: Sequence[Any], attr: str) -> Any:
    for item in items:
        if getattr(item, attr):
            return item
    return items[0]


def _build(
    doc: Doc,
    mentions: list[Mention],
    *,
    whens: list[When],
    wheres: list[Where],
    lexicon: ActorLexicon,
    index: int,
    read_date: date,
) -> Event | None:
    text = doc.text
    frames: dict[str, float] = {}
    context: set[str] = set()
    # a headline retells the body in fewer words ("strikes hit ..."): the body decides the type
    body = [m for m in mentions if m.zone not in _SUMMARY_ZONES] or mentions
    for m in body:
        for frame, weight in m.frames:
            frames[frame] = max(frames.get(frame, 0.0), weight)
        context |= m.context
    main = min(body, key=lambda m: (_rank(m), m.sentence[0]))
    w_when: When = _first_with([w for w in whens if w.day] or whens, "evidence")
    w_where: Where = _first_with([p for p in wheres if p.place] or wheres, "evidence")
    place = w_where.place
    iso3 = place.iso3 if place else _country_from_actors(mentions, lexicon)
    day = w_when.day
    namer = Namer(lexicon, iso3, day)
    roles = main.roles
    facts, civilian_victims = _facts(mentions, roles, namer, iso3)
    decision = decide(frames, context, facts)
    if decision is None:
        return None
    sub, rule = decision
    all_roles = [main.roles] + [r for m in mentions for r in m.trigger_roles if r is not main.roles]
    figures = resolve.fatalities(
        text,
        [  # the sentences with figures (the others add nothing)
            (m.sentence, [(n.start, n.end, n.value.value, n.rule) for n in m.numbers if n.label == "killed"])
            for m in mentions
            if m.numbers
        ],
    )
    any_actor = next((a for m in mentions for a in m.actors), None)
    coded = code_actors(sub, roles, all_roles, namer, civilian_victims=civilian_victims, any_actor=any_actor)
    if coded.actor1.actor is None:
        return None
    a1, a2 = coded.actor1.actor, coded.actor2.actor
    inter1, inter2 = a1.inter, a2.inter if a2 else 0
    evidence = [
        Evidence("sub_event_type", t.start, t.end, text[t.start : t.end], t.rule)
        for m in mentions
        for t in m.triggers
    ]
    evidence.append(
        Evidence(
            "sub_event_type", main.main.start, main.main.end, text[main.main.start : main.main.end], rule
        )
    )
    evidence.extend(
        Evidence("sub_event_type", cue.start, cue.end, text[cue.start : cue.end], "modality.reported")
        for m in mentions
        for cue in m.reported
    )
    evidence.extend(actor_evidence(coded, text))
    evidence.extend(figures.evidence)
    evidence.extend(w_when.evidence)
    if day is None:
        # no date in the text and none for the article: the day it was read, said as such
        evidence.append(Evidence("event_date", 0, 0, "", READ_DATE_RULE))
    evidence.extend(w_where.evidence)
    confidence = _confidence(frames, main, coded, rule=rule, evidence=evidence, index=index)
    article = doc.article
    return Event(
        event_id=_event_id(article.id, main.main),
        event_date=day or read_date,
        time_precision=w_when.precision if day else 3,
        disorder_type=disorder_type(sub),
        event_type=EVENT_TYPE[sub],
        sub_event_type=sub,
        actor1=a1.name,
        assoc_actor_1="; ".join(a.name for a in coded.actor1.assoc),
        inter1=inter1,
        actor2=a2.name if a2 else "",
        assoc_actor_2="; ".join(a.name for a in coded.actor2.assoc),
        inter2=inter2,
        interaction=_interaction(inter1, inter2),
        civilian_targeting="Civilian targeting" if inter2 == 7 or (inter1 == 7 and inter2 == 0) else "",
        iso3=place.iso3 if place else (iso3 or ""),
        country=place.country if place else (lexicon.countries.get(iso3 or "", "")),
        admin1=(place.admin1 or "") if place else "",
        admin2=(place.admin2 or "") if place else "",
        admin3=(place.admin3 or "") if place else "",
        location=place.name if place else "",
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=w_where.precision,
        fatalities=figures.fatalities,
        fatalities_low=figures.low,
        fatalities_high=figures.high,
        source=article.source or "",
        source_url=article.url or "",
        notes=_notes(
            sub,
            a1.name,
            a2.name if a2 else "",
            location=place.name if place else "",
            day=day,
            fatalities=figures.fatalities,
            read_date=read_date,
        ),
        article_id=article.id,
        confidence=round(confidence, 3),
        evidence=tuple(evidence),
        claims=figures.claims,
    )


def _rank(m: Mention) -> int:
    return FRAME_RANK.get(m.main.label, 99)


_FORCE = ("intervene", "arrest", "injure", "kill")
_VIOLENT = frozenset({"attack", "kill", "injure", "abduct", "sexual", "riot", "loot"})


def _is_state(actor: Any, iso3: str | None) -> bool:
    """State forces of the event's own country (a foreign army is inter 8, not 1)."""
    return bool(actor.inter == 1 and (iso3 is None or actor.iso3 in (None, iso3)))


def _facts(mentions: list[Mention], roles: Any, namer: Namer, iso3: str | None) -> tuple[Facts, bool]:
    """The facts of an event for :func:`decide`, and whether civilians are among its victims (a
    killed or injured person, or civilians named)."""
    agent, patient = roles.agent, roles.patient
    agent_kind = kind_of(agent)
    agent_state = False
    if agent is not None and agent_kind in ARMED:
        agent_state = _is_state(namer.of(agent), iso3)
    force = taker_state = False
    taker_seen = False
    agents: dict[str, str] = {}
    patients: dict[str, str] = {}
    attacked_forces = False
    first_doer: str | None = None
    labels: set[str] = set()
    used: set[str] = set()  # frames named by a use, not only by a weapon noun ("rockets")
    tags: set[str] = set()
    civilians = False
    for m in mentions:
        for trig, r in zip(m.triggers, m.trigger_roles, strict=True):
            label, value = trig.label, trig.value
            labels.add(label)
            if not value.object:
                used.add(label)
            if value.tag:
                tags.add(label)
            r_agent, r_patient = r.agent, r.patient
            a_kind = None if r_agent is None else kind_of(r_agent)
            p_kind = None if r_patient is None else kind_of(r_patient)
            if label in _FORCE and a_kind in ARMED:
                force = True
            if label in ("regain", "capture") and r_agent is not None and not taker_seen:
                taker_seen = True
                taker_state = a_kind in ARMED and _is_state(namer.of(r_agent), iso3)
            if a_kind is not None:
                agents.setdefault(label, a_kind)
                if first_doer is None and label in _VIOLENT:
                    first_doer = a_kind
            if p_kind is not None:
                patients.setdefault(label, p_kind)
                if label == "attack" and p_kind in ARMED and a_kind in ARMED:
                    attacked_forces = True
                if label in ("kill", "injure") and p_kind in PEOPLE:
                    civilians = True
        if not civilians and any(kind_of(a) == "civilians" for a in m.actors):
            civilians = True
    facts = Facts(  # the fields in order (positional: cheaper than a dozen keywords)
        agent_kind,  # agent_kind
        taker_state if taker_seen else agent_state,  # agent_state
        kind_of(patient),  # patient_kind
        force,  # force_armed
        tuple(agents.items()),  # agents
        tuple(patients.items()),  # patients
        frozenset(labels - used),  # objects
        first_doer,  # first_doer
        None,  # first_victim
        frozenset(tags),  # tags
        attacked_forces,  # attacked_forces
    )
    return facts, civilians


def _country_from_actors(mentions: list[Mention], lexicon: ActorLexicon) -> str | None:
    """Without a place, the country of the state forces or people named with a country modifier."""
    for m in mentions:
        for span in m.actors:
            value = span.value
            iso3 = getattr(value, "modifier", None)
            if iso3:
                return str(iso3)
    for m in mentions:
        for span in m.actors:
            iso3 = getattr(span.value, "iso3", None)
            if iso3 and getattr(span.value, "inter", 0) in (1, 2, 3, 4):
                return str(iso3)
    return None


def _interaction(inter1: int, inter2: int) -> int:
    if inter2 == 0:
        return inter1 * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def _confidence(
    frames: dict[str, float], main: Mention, coded: Coded, *, rule: str, evidence: list[Evidence], index: int
) -> float:
    """How sure the rule path is, 0..1: the strength of the deciding trigger, the arguments found in
    the text, corroborating mentions and where in the article the event is told."""
    conf = 0.2 + 0.5 * frames.get(main.main.label, main.main.score)
    if coded.actor1.spans:
        conf += 0.1
    if coded.actor2.actor is not None:
        conf += 0.05
    dated = located = False
    typed = 0  # evidence of the type: triggers, the deciding one, statements
    for e in evidence:
        if e.field == "sub_event_type":
            typed += 1
        elif e.field == "event_date":
            dated = True
        elif e.field == "location":
            located = True
    conf += 0.05 * dated + 0.05 * located
    conf += min(0.1, 0.03 * (typed - 2))
    if index == 0:
        conf += 0.12  # news tells the lead event first
    if rule in WEAK_RULES:
        conf -= 0.15
    if main.zone in ("caption", "highlights", "credit", "furniture"):
        conf -= 0.3  # a photo caption or page furniture is not the report itself
    if main.reported:
        conf = min(conf, REPORTED_CONFIDENCE)
    return max(0.0, min(1.0, conf))


def _event_id(article_id: str, main: Span) -> str:
    digest = hashlib.sha256(f"{article_id}:{main.start}:{main.end}".encode()).hexdigest()[:12]
    return f"{article_id}-{digest}"


def _notes(
    sub: str, actor1: str, actor2: str, *, location: str, day: date | None, fatalities: int, read_date: date
) -> str:
    parts = [f"On {day.isoformat()}," if day else "On an unreported date,", actor1]
    parts.append(f"- {sub.lower()}")
    if actor2:
        parts.append(f"against {actor2}")
    if location:
        parts.append(f"in {location}")
    tail = f"; {fatalities} reported fatalities." if fatalities else "."
    if day is None:
        tail += f" Date not reported: coded with the day the article was read ({read_date.isoformat()})."
    return " ".join(parts) + tail
