"""The temporal pipeline stage: writes the ``time`` layer, anchored on the article's date."""

from __future__ import annotations

from ..models import LAYER_SENTENCE, LAYER_TIME, Doc
from .tagger import tag

UNANCHORED_NOTE = "no publication date: relative dates (yesterday, on Friday) could not be anchored"


class TimeStage:
    """Tag temporal expressions in an article (requires sentences; assigns ``time``)."""

    name = "temporal"
    requires: tuple[str, ...] = (LAYER_SENTENCE,)
    assigns: tuple[str, ...] = (LAYER_TIME,)

    def __call__(self, doc: Doc) -> None:
        dct = doc.article.published
        spans = tag(doc.text, dct)
        if dct is None and any(not span.value.anchored for span in spans):
            doc.notes.append(UNANCHORED_NOTE)
        doc.add(LAYER_TIME, spans)
