"""Date and place of an event, asked of the temporal and places stages.

``sitrep.temporal.resolve_event_date(doc, start, end)`` and ``sitrep.places.locate_event(doc, start,
end)`` are the contracts (docs/design.md). Callers may pass their own functions (tests, other
gazetteers) through :class:`EventOptions`. The adapters here accept the evidence those functions
return as an :class:`Evidence`, a :class:`Span`, a list of them, or None.
"""

from __future__ import annotations

import importlib
import inspect
import logging
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from ..models import Doc, Evidence, Place, Span

log = logging.getLogger(__name__)

DateResolver = Callable[[Doc, int, int], Any]
PlaceLocator = Callable[[Doc, int, int], Any]


class When(NamedTuple):
    day: date | None
    precision: int
    evidence: tuple[Evidence, ...]


class Where(NamedTuple):
    place: Place | None
    precision: int
    evidence: tuple[Evidence, ...]


def _evidence(doc: Doc, field: str, raw: Any) -> tuple[Evidence, ...]:
    if raw is None:
        return ()
    items = raw if isinstance(raw, (list, tuple)) else (raw,)
    out = []
    for item in items:
        if isinstance(item, Evidence):
            out.append(Evidence(field, item.start, item.end, item.text, item.rule))
        elif isinstance(item, Span):
            out.append(Evidence(field, item.start, item.end, doc.text[item.start : item.end], item.rule))
    return tuple(out)


@cache
def default_resolver(module: str, name: str) -> Callable[..., Any] | None:
    """The contract function from another stage, or None while that stage is not built."""
    try:
        mod = importlib.import_module(f"sitrep.{module}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("sitrep"):
            log.warning("sitrep.%s is not available; events get no %s", module, name)
            return None
        raise
    func = getattr(mod, name, None)
    if func is None:
        log.warning("sitrep.%s has no %s yet", module, name)
    return func


def _fields(result: Any, names: tuple[str, str, str]) -> tuple[Any, Any, Any]:
    """(value, precision, evidence) from a result object with those attributes, or a 3-tuple."""
    if isinstance(result, tuple):
        return result[0], result[1], result[2]
    first, second, third = names
    return getattr(result, first, None), getattr(result, second, None), getattr(result, third, None)


def when(doc: Doc, start: int, end: int, resolver: DateResolver | None, *, background: bool = False) -> When:
    """The date of an event told in ``doc.text[start:end]``. A ``background`` event (one the article
    only recalls or reports through a statement) takes no publication date: its own or none."""
    if resolver is None:
        return When(None if background else doc.article.published, 1, ())
    if background and _takes_background(resolver):
        result = resolver(doc, start, end, background=True)  # type: ignore[call-arg]
    else:
        result = resolver(doc, start, end)
    if result is None:
        return When(None, 3, ())
    day, precision, raw = _fields(result, ("event_date", "time_precision", "evidence"))
    return When(day, int(precision or 1), _evidence(doc, "event_date", raw))


@cache
def _takes_background(resolver: Callable[..., Any]) -> bool:
    try:
        return "background" in inspect.signature(resolver).parameters
    except (TypeError, ValueError):  # a builtin or a callable without a signature
        return False


def where(doc: Doc, start: int, end: int, locator: PlaceLocator | None) -> Where:
    if locator is None:
        return Where(None, 3, ())
    result = locator(doc, start, end)
    if result is None:
        return Where(None, 3, ())
    place, precision, raw = _fields(result, ("place", "geo_precision", "evidence"))
    return Where(place, int(precision or 3), _evidence(doc, "location", raw))
