"""Places: an offline gazetteer, geoparsing and event location.

- :class:`Gazetteer` (``Gazetteer.default()``, ``Gazetteer.from_geonames_dump(path)``): names to places;
- :class:`Geoparser`: ``find(text, country_hint=None) -> list[Span]`` in the ``place`` layer;
- :class:`PlaceStage`: the pipeline stage;
- :func:`locate_event` -> :class:`EventLocation`: where an event clause happened, with ACLED's
  geo_precision.
"""

from .gazetteer import Gazetteer, cache_dir
from .geoparser import Geoparser
from .locate import EventLocation, locate_event
from .stage import PlaceStage

__all__ = ["EventLocation", "Gazetteer", "Geoparser", "PlaceStage", "cache_dir", "locate_event"]
