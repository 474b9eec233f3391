"""The pipeline stage: adds the ``place`` layer to a document."""

from __future__ import annotations

from ..models import LAYER_PLACE, LAYER_SENTENCE, Doc
from .gazetteer import Gazetteer
from .geoparser import Geoparser


class PlaceStage:
    """Geoparse each document (see :class:`Geoparser`); the gazetteer is opened on first use."""

    name = "places"
    requires: tuple[str, ...] = (LAYER_SENTENCE,)
    assigns: tuple[str, ...] = (LAYER_PLACE,)

    def __init__(self, gazetteer: Gazetteer | None = None, country_hint: str | None = None) -> None:
        self._gazetteer = gazetteer
        self._parser: Geoparser | None = None
        self.country_hint = country_hint

    @property
    def geoparser(self) -> Geoparser:
        if self._parser is None:
            self._parser = Geoparser(self._gazetteer)
        return self._parser

    def __call__(self, doc: Doc) -> None:
        doc.add(LAYER_PLACE, self.geoparser.find(doc.text, country_hint=self.country_hint))
