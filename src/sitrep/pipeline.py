"""Run the annotation stages over a stream of articles: in-process, on a process pool, or on Dask.

    Article ─► Doc ─► text ─► temporal ─► places ─► actors ─► events ─► code_events ─► Result

Stages are named in :attr:`PipelineOptions.stages` and resolved lazily (``"module:Class"``), so this
module imports even while a stage is still being built; a stage whose module is missing is skipped
with a warning. Before the first article :meth:`Pipeline.check` verifies that each stage's
``requires`` are assigned by an earlier stage (like spaCy's ``analyze_pipes``).

The three execution modes run the same :class:`Pipeline` object code on chunks of articles: each
worker process builds its stages once (heavy resources such as the gazetteer index are then shared
by every article it sees). Results come back in input order; a bounded number of chunks is in flight,
so memory stays flat however long the stream is.

A failure inside a stage on one article becomes that article's :class:`Result.error` (an
:class:`ExtractionError` naming the article and the stage) and the run goes on; ``fail_fast`` re-raises.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from .errors import ConfigError, ExtractionError, SitrepError
from .models import Article, Doc, Event, Rejection, content_hash
from .stage import Stage

if TYPE_CHECKING:
    from .ingest.options import ReadOptions

log = logging.getLogger(__name__)

# Stage name -> "module:class" (the class is built with no arguments).
STAGE_FACTORIES: dict[str, str] = {
    "text": "sitrep.text:TextStage",
    "temporal": "sitrep.temporal:TimeStage",
    "places": "sitrep.places:PlaceStage",
    "actors": "sitrep.actors:ActorStage",
    "events": "sitrep.events:EventStage",
}
DEFAULT_STAGES: tuple[str, ...] = ("text", "temporal", "places", "actors", "events")
# Builds the events of an annotated doc (sitrep.events.code_events).
CODER = "sitrep.events:code_events"

Backend = Literal["inline", "process", "dask"]


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """How to run the pipeline; one frozen object per run.

    - ``stages``: stage names in order (keys of :data:`STAGE_FACTORIES`) or ``"module:Class"``.
    - ``code``: build events after the stages (``False``: annotate only, e.g. ``sitrep articles``).
    - ``coder``: ``"module:function"`` turning an annotated :class:`Doc` into events.
    - ``min_confidence``: drop events below this confidence (``None``: keep what the coder returns;
      the coder applies its own documented default threshold).
    - ``backend``: ``"inline"`` (this process), ``"process"`` (a local process pool of ``workers``)
      or ``"dask"`` (a Dask cluster at ``dask_address``, or a local one when it is ``None``; a
      local cluster starts worker processes, so scripts need the ``if __name__ == "__main__":`` guard).
    - ``chunk_size``: articles sent to a worker at a time.
    - ``keep_docs``: return each annotated :class:`Doc` in its result (for ``explain``).
    - ``fail_fast``: re-raise the first stage failure instead of recording it in the result.
    """

    stages: tuple[str, ...] = DEFAULT_STAGES
    code: bool = True
    coder: str = CODER
    min_confidence: float | None = None
    backend: Backend = "inline"
    workers: int = 1
    chunk_size: int = 64
    dask_address: str | None = None
    keep_docs: bool = False
    fail_fast: bool = False

    def __post_init__(self) -> None:
        if self.backend not in ("inline", "process", "dask"):
            raise ConfigError(f"unknown backend {self.backend!r}; use inline, process or dask")
        if self.workers < 1:
            raise ConfigError(f"workers must be at least 1, got {self.workers}")
        if self.chunk_size < 1:
            raise ConfigError(f"chunk_size must be at least 1, got {self.chunk_size}")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be between 0 and 1, got {self.min_confidence}")
        unknown = [s for s in self.stages if s not in STAGE_FACTORIES and ":" not in s]
        if unknown:
            known = ", ".join(STAGE_FACTORIES)
            raise ConfigError(f"unknown stage(s) {', '.join(unknown)}; known stages: {known}")


@dataclass(frozen=True, slots=True)
class Result:
    """What the pipeline made of one article: its events, or the error that stopped it.

    ``notes`` are the document's notes for the user (:attr:`Doc.notes`: relative dates that could
    not be anchored, events dated by the read day, ...), kept even when ``doc`` is not.
    """

    article: Article
    events: tuple[Event, ...] = ()
    error: ExtractionError | None = None
    doc: Doc | None = None
    seconds: float = 0.0
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(slots=True)
class NoteCounts:
    """What a run's end-of-run summary tells about its articles' notes; :meth:`add` each result."""

    undated_articles: int = 0  # articles with no publication date ("on Friday" cannot be anchored)
    read_date_events: int = 0  # events dated by the day the article was read (time_precision 3)
    noted_articles: int = 0  # articles with notes (``sitrep explain`` prints them)

    def add(self, result: Result) -> None:
        if result.article.published is None:
            self.undated_articles += 1
        if result.notes:
            self.noted_articles += 1
        self.read_date_events += sum(1 for event in result.events if event.dated_by_read_day)

    def to_dict(self) -> dict[str, int]:
        return {
            "articles_undated": self.undated_articles,
            "events_read_date": self.read_date_events,
            "articles_with_notes": self.noted_articles,
        }


# Options object of the default coder, built with ``min_confidence`` when a threshold is given.
CODER_OPTIONS = "sitrep.events:EventOptions"


@dataclass(slots=True)
class _Resolved:
    stages: list[Stage] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    coder: Callable[..., list[Event]] | None = None
    coder_options: Any = None  # passed as the coder's second argument when not None


def _load(target: str) -> Any | None:
    """Import ``"module:attr"``; ``None`` when that module or its package's own modules are missing."""
    module_name, attr = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        # The module, or a module of its own package, is missing: that stage is not built (yet).
        if exc.name and (module_name.startswith(exc.name) or exc.name.startswith(module_name + ".")):
            log.warning("cannot import %s: %s", module_name, exc)
            return None
        raise
    try:
        return getattr(module, attr)
    except AttributeError:
        return None


def _resolve(options: PipelineOptions) -> _Resolved:
    resolved = _Resolved()
    for name in options.stages:
        factory = _load(STAGE_FACTORIES.get(name, name))
        if factory is None:
            resolved.skipped.append(name)
            log.warning("stage %r is not available in this build; skipping it", name)
            continue
        resolved.stages.append(factory())
    _resolve_coder(options, resolved)
    return resolved


def _resolve_coder(options: PipelineOptions, resolved: _Resolved) -> None:
    """The coder is called ``coder(doc)``, or ``coder(doc, EventOptions(min_confidence=x))``."""
    if not options.code:
        return
    resolved.coder = _load(options.coder)
    if resolved.coder is None:
        log.warning("event coder %s is not available in this build; no events", options.coder)
    elif options.min_confidence is not None and options.coder == CODER:
        factory = _load(CODER_OPTIONS)
        if factory is not None:
            resolved.coder_options = factory(min_confidence=options.min_confidence)


def check_order(stages: Sequence[Stage], *, lenient: bool = False) -> None:
    """Raise :class:`ConfigError` unless each stage's ``requires`` come from an earlier stage.

    With ``lenient`` (some stages were skipped), a layer no stage assigns is only logged.
    """
    assigned: set[str] = set()
    later: dict[str, str] = {}
    for stage in reversed(stages):
        for layer in stage.assigns:
            later[layer] = stage.name
    for stage in stages:
        for layer in stage.requires:
            if layer in assigned:
                continue
            if layer in later:
                raise ConfigError(
                    f"stage {stage.name!r} needs layer {layer!r}, which stage {later[layer]!r} assigns "
                    "later; reorder the stages"
                )
            if not lenient:
                raise ConfigError(f"stage {stage.name!r} needs layer {layer!r}, which no stage assigns")
            log.warning("stage %r needs layer %r, which no available stage assigns", stage.name, layer)
        assigned.update(stage.assigns)


class Pipeline:
    """The stages of one run; build once, then :meth:`run` over any number of articles."""

    def __init__(self, options: PipelineOptions | None = None, *, stages: Sequence[Stage] | None = None):
        """``stages`` overrides ``options.stages`` with ready-built stage objects (inline runs only)."""
        self.options = options or PipelineOptions()
        if stages is not None and self.options.backend != "inline":
            raise ConfigError("ready-built stages can only run inline; name them in options.stages")
        self._given = list(stages) if stages is not None else None
        self._resolved: _Resolved | None = None
        self._failures_seen: set[tuple[str, type[BaseException]]] = set()

    @property
    def stages(self) -> list[Stage]:
        return self._build().stages

    def _build(self) -> _Resolved:
        if self._resolved is None:
            if self._given is not None:
                resolved = _Resolved(stages=self._given)
                _resolve_coder(self.options, resolved)
            else:
                resolved = _resolve(self.options)
            check_order(resolved.stages, lenient=bool(resolved.skipped))
            self._resolved = resolved
        return self._resolved

    def check(self) -> None:
        """Resolve the stages and check their order; raises :class:`ConfigError`."""
        self._build()

    def process(self, article: Article) -> Result:
        """Annotate one article and code its events, in this process."""
        resolved = self._build()
        started = time.perf_counter()
        doc = Doc(article)
        step = "?"
        try:
            for stage in resolved.stages:
                step = stage.name
                stage(doc)
            events: list[Event] = []
            if resolved.coder is not None:
                step = "code_events"
                if resolved.coder_options is None:
                    events = resolved.coder(doc)
                else:
                    events = resolved.coder(doc, resolved.coder_options)
        except SitrepError as exc:
            if self.options.fail_fast:
                raise
            return self._failed(doc, step, exc, started)
        except Exception as exc:  # one article's bug must not stop a batch; logged with its traceback
            if self.options.fail_fast:
                raise
            # The first failure of a kind gets its traceback; repeats (a systematic bug) one line each.
            first = (step, type(exc)) not in self._failures_seen
            self._failures_seen.add((step, type(exc)))
            log.log(logging.ERROR if first else logging.DEBUG, "stage %s failed on article %s", step,
                    article.id, exc_info=first)  # fmt: skip
            return self._failed(doc, step, exc, started)
        threshold = self.options.min_confidence
        if threshold is not None:
            events = [e for e in events if e.confidence >= threshold]
        return Result(
            article,
            tuple(events),
            doc=doc if self.options.keep_docs else None,
            seconds=time.perf_counter() - started,
            notes=tuple(doc.notes),
        )

    @staticmethod
    def _failed(doc: Doc, step: str, exc: BaseException, started: float) -> Result:
        article = doc.article
        error = ExtractionError(f"stage {step} failed: {type(exc).__name__}: {exc}", where=article.id)
        return Result(article, error=error, seconds=time.perf_counter() - started, notes=tuple(doc.notes))

    def process_chunk(self, articles: Sequence[Article]) -> list[Result]:
        return [self.process(a) for a in articles]

    def run(self, items: Iterable[Article | Rejection]) -> Iterator[Result | Rejection]:
        """Process a stream of articles in input order; rejections pass through untouched."""
        self._build()
        if self.options.backend == "inline":
            for item in items:
                yield item if isinstance(item, Rejection) else self.process(item)
            return
        with _executor(self.options) as submit:
            in_flight: deque[tuple[_Chunk, Future[list[Result]] | None]] = deque()
            limit = 2 * self.options.workers
            for chunk in _chunks(items, self.options.chunk_size):
                in_flight.append((chunk, submit(chunk.articles) if chunk.articles else None))
                while len(in_flight) > limit:
                    yield from _collect(*in_flight.popleft())
            while in_flight:
                yield from _collect(*in_flight.popleft())


@dataclass(slots=True)
class _Chunk:
    articles: list[Article]
    # Rejections met while filling the chunk, with the number of articles read before each.
    rejections: list[tuple[int, Rejection]]


def _chunks(items: Iterable[Article | Rejection], size: int) -> Iterator[_Chunk]:
    chunk = _Chunk([], [])
    for item in items:
        if isinstance(item, Rejection):
            chunk.rejections.append((len(chunk.articles), item))
            continue
        chunk.articles.append(item)
        if len(chunk.articles) >= size:
            yield chunk
            chunk = _Chunk([], [])
    if chunk.articles or chunk.rejections:
        yield chunk


def _merge(chunk: _Chunk, results: list[Result]) -> Iterator[Result | Rejection]:
    """Interleave a chunk's results with its rejections in input order."""
    pending = deque(chunk.rejections)
    for index, result in enumerate(results):
        while pending and pending[0][0] <= index:
            yield pending.popleft()[1]
        yield result
    for _, rejection in pending:
        yield rejection


@cache
def _worker_pipeline(options: PipelineOptions) -> Pipeline:
    """One pipeline per worker process and options (built on the worker's first chunk)."""
    return Pipeline(options)


def _run_chunk(options: PipelineOptions, articles: list[Article]) -> list[Result]:
    return _worker_pipeline(options).process_chunk(articles)


def _collect(chunk: _Chunk, future: Future[list[Result]] | None) -> Iterator[Result | Rejection]:
    yield from _merge(chunk, future.result() if future is not None else [])


Submit = Callable[[list[Article]], "Future[list[Result]]"]


@contextmanager
def _executor(options: PipelineOptions) -> Iterator[Submit]:
    """A function sending one chunk of articles to a worker, for the process or Dask backend."""
    if options.backend == "process":
        with ProcessPoolExecutor(max_workers=options.workers) as pool:
            yield lambda articles: pool.submit(_run_chunk, options, articles)
        return
    try:
        from distributed import Client, LocalCluster  # noqa: PLC0415 - optional extra
    except ImportError as exc:
        raise ConfigError("the dask backend needs the dask extra: pip install 'sitrep[dask]'") from exc
    if options.dask_address:
        with Client(options.dask_address) as client:  # type: ignore[no-untyped-call]
            yield lambda articles: client.submit(_run_chunk, options, articles, pure=False)
        return
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=options.workers, threads_per_worker=1, processes=True
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield lambda articles: client.submit(_run_chunk, options, articles, pure=False)


def extract(
    paths: Iterable[str],
    options: PipelineOptions | None = None,
    read_options: ReadOptions | None = None,
) -> Iterator[Event]:
    """Events of every article under ``paths`` (files, directories, globs, ``"-"`` for stdin).

    Rejected inputs and articles a stage failed on are logged as warnings and skipped; use
    :meth:`Pipeline.run` with :func:`sitrep.ingest.read_paths` to handle them yourself.
    """
    from .ingest import read_paths  # noqa: PLC0415 - readers load only when used
    from .ingest.options import ReadOptions  # noqa: PLC0415

    items = read_paths(list(paths), read_options or ReadOptions())
    for item in Pipeline(options).run(items):
        if isinstance(item, Rejection):
            log.warning(
                "rejected %s%s: %s", item.path, f" [{item.record}]" if item.record else "", item.reason
            )
        elif item.error is not None:
            log.warning("%s", item.error)
        else:
            yield from item.events


def extract_text(
    text: str,
    *,
    published: date | None = None,
    article_id: str | None = None,
    options: PipelineOptions | None = None,
) -> list[Event]:
    """Events of one article given as a string (id: ``article_id`` or the content hash)."""
    article = Article(
        id=article_id or content_hash(text),
        text=text,
        published=published,
        published_from="option" if published else None,
    )
    result = Pipeline(options).process(article)
    if result.error is not None:
        raise result.error
    return list(result.events)
