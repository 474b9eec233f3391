"""Event coding to ACLED's codebook.

``EventStage`` finds casualty figures, triggers, modality cues and event mentions;
``code_events(doc, options)`` decides types (ACLED's hierarchy rule), actors, fatalities, date and
place, and returns complete :class:`sitrep.models.Event` rows.
"""

from .assembly import DEFAULT_MIN_CONFIDENCE, EventOptions, code_events
from .decide import EVENT_TYPE, disorder_type
from .lexicon import EventLexicon
from .stage import LAYER_EVENT, EventStage

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "EVENT_TYPE",
    "LAYER_EVENT",
    "EventLexicon",
    "EventOptions",
    "EventStage",
    "code_events",
    "disorder_type",
]
