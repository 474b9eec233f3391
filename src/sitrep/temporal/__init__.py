"""Temporal expressions: recognition, TimeML normalisation, and event dating.

- :func:`tag` finds dates, times, durations and sets in a text and normalises them to TimeML
  values anchored on the article's date (``dct``).
- :class:`TimeStage` runs it as a pipeline stage (layer ``time``), anchored on
  ``doc.article.published``.
- :func:`resolve_event_date` dates an event from the time expressions around it, with ACLED's
  ``time_precision``.

The words live in ``sitrep/data/temporal/*.yaml`` (see :mod:`.lexicon`).
"""

from __future__ import annotations

from .eventdate import EventDate, resolve_event_date
from .stage import TimeStage
from .tagger import tag

__all__ = ["EventDate", "TimeStage", "resolve_event_date", "tag"]
