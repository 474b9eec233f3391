"""A readable account of how the coder read one document: which rules fired on which spans."""

from __future__ import annotations

from ..actors import fold
from ..models import LAYER_MODALITY, LAYER_SENTENCE, LAYER_TIME, LAYER_TRIGGER, Doc, Event, Span
from .assembly import DEFAULT_MIN_CONFIDENCE
from .mentions import Mention, trigger_modality
from .stage import LAYER_EVENT


def _quote(text: str, start: int, end: int) -> str:
    snippet = " ".join(text[start:end].split())
    return f'"{snippet}" [{start}:{end}]'


def explain(doc: Doc, events: list[Event], min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> str:
    """Events (with the evidence of each field) and, per sentence, the triggers, modality, roles
    and figures the coder saw."""
    text = doc.text
    lines = [f"article {doc.article.id}: {len(events)} event(s)"]
    lines.extend(f"note: {note}" for note in doc.notes)
    for n, ev in enumerate(events, 1):
        status = "" if ev.confidence >= min_confidence else f"  (below --min-confidence {min_confidence})"
        lines.append(
            f"\nevent {n}: {ev.sub_event_type} ({ev.event_type}), confidence {ev.confidence}{status}"
        )
        lines.append(
            f"  date {ev.event_date} (precision {ev.time_precision}); "
            f"place {ev.location or '-'} {ev.country} (precision {ev.geo_precision})"
        )
        lines.append(
            f"  actor1 {ev.actor1} [{ev.inter1}]  actor2 {ev.actor2 or '-'} [{ev.inter2}]  "
            f"interaction {ev.interaction}; fatalities {ev.fatalities} "
            f"(low {ev.fatalities_low}, high {ev.fatalities_high})"
        )
        for e in ev.evidence:
            lines.append(f"    {e.field:<15} {e.rule:<34} {_quote(text, e.start, e.end)}")
        for c in ev.claims:
            lines.append(
                f"    claim {c.field} = {c.value} by {c.source or 'unnamed source'}: "
                f"{_quote(text, c.start, c.end)}"
            )
    lines.append("\nsentences with triggers:")
    mentions = {span.value.sentence: span.value for span in doc.layer(LAYER_EVENT)}
    for sentence in doc.layer(LAYER_SENTENCE) or [Span(0, len(text), LAYER_SENTENCE, "body")]:
        key = (sentence.start, sentence.end)
        if key not in mentions:
            lines.extend(_ignored_sentence(doc, key))
            continue
        m: Mention = mentions[key]
        lines.append(f"- {_quote(text, *m.sentence)[:160]}")
        for t in m.triggers:
            lines.append(f"    trigger  {t.label:<10} w={t.score:.2f} {_quote(text, t.start, t.end)}")
        for said in m.reported:
            lines.append(
                f"    reported through the statement {_quote(text, said.start, said.end)} (nothing asserted)"
            )
        for t, modality, cue in m.dropped:
            where = f" by cue {_quote(text, cue.start, cue.end)}" if cue is not None else ""
            lines.append(f"    ignored  {t.label:<10} {modality}{where}: {_quote(text, t.start, t.end)}")
        r = m.roles
        who = [
            f"{name} {_quote(text, s.start, s.end)}"
            for name, s in (("agent", r.agent), ("patient", r.patient))
            if s is not None
        ]
        lines.append(f"    roles    {r.rule}: {', '.join(who) or 'none'}")
        for q in m.numbers:
            lines.append(
                f"    figure   {q.label} = {q.value.value} ({q.rule}) {_quote(text, q.start, q.end)}"
            )
    return "\n".join(lines)


def _ignored_sentence(doc: Doc, sentence: tuple[int, int]) -> list[str]:
    """A sentence whose triggers all assert nothing: each trigger with the cue that governs it."""
    triggers = list(doc.within(LAYER_TRIGGER, *sentence))
    if not triggers:
        return []
    cues = list(doc.within(LAYER_MODALITY, *sentence))
    times = list(doc.within(LAYER_TIME, *sentence))
    folded = fold(doc.text)
    lines = [f"- {_quote(doc.text, *sentence)[:160]}"]
    for t in triggers:
        modality, cue = trigger_modality(t, cues, triggers, folded, sentence, times=times)
        where = f" by cue {_quote(doc.text, cue.start, cue.end)}" if cue is not None else ""
        lines.append(f"    ignored  {t.label:<10} {modality}{where}: {_quote(doc.text, t.start, t.end)}")
    return lines
