"""Idempotent, resumable ingestion: read → skip known texts → pipeline → store, in batches.

- Idempotent: an article whose content hash is stored is not run through the pipeline again and
  adds nothing (so re-ingesting the same input adds nothing).
- Resumable: articles, their events, the rejections met and the run's counts are committed together
  every ``batch_size`` articles; after an interruption the committed batches are kept and the next
  run skips them, so nothing is lost or stored twice.
- Articles a stage failed on are stored with their error and no events, and counted as failed.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..errors import StoreError
from ..models import Article, Event, Rejection
from ..pipeline import NoteCounts, Pipeline, Result
from .base import Store

log = logging.getLogger(__name__)

DEFAULT_BATCH = 512


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run read and stored."""

    run_id: int
    articles_read: int = 0
    articles_new: int = 0
    articles_known: int = 0
    articles_failed: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    events_found: int = 0
    seconds: float = 0.0
    status: str = "running"
    notes: NoteCounts = field(default_factory=NoteCounts)  # of the articles run through the pipeline

    def counts(self) -> dict[str, int]:
        """The run's counters, as stored in ``ingest_runs``."""
        return {
            "articles_read": self.articles_read,
            "articles_new": self.articles_new,
            "articles_known": self.articles_known,
            "articles_failed": self.articles_failed,
            "rejected": sum(self.rejected.values()),
            "events_found": self.events_found,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "status": self.status,
            **self.counts(),
            **self.notes.to_dict(),
            "rejected_reasons": dict(self.rejected.most_common()),
            "seconds": round(self.seconds, 3),
        }


Callback = Callable[[Article | Rejection | Result], None]


def _skip_known(
    store: Store,
    items: Iterable[Article | Rejection],
    summary: IngestSummary,
    batch_size: int,
    notify: Callback,
) -> Iterator[Article | Rejection]:
    """Articles not yet stored (checked a batch at a time), and the rejections, in input order."""
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        hashes = [item.content_hash if isinstance(item, Article) else None for item in batch]
        known = store.known_hashes(h for h in hashes if h is not None)
        for item, content_hash in zip(batch, hashes, strict=True):
            if content_hash is not None:
                summary.articles_read += 1
                if content_hash in known:
                    summary.articles_known += 1
                    notify(item)
                    continue
            yield item


def ingest(
    store: Store,
    items: Iterable[Article | Rejection],
    *,
    pipeline: Pipeline | None = None,
    inputs: Sequence[str] = (),
    batch_size: int = DEFAULT_BATCH,
    notify: Callback | None = None,
) -> IngestSummary:
    """Run new articles of ``items`` through ``pipeline`` and store them with their events.

    ``notify`` is called with every article skipped as known, every rejection and every result
    (for progress bars and messages). On an interruption (Ctrl-C) the committed batches stay and
    the run is marked ``interrupted``; the exception propagates.
    """
    pipeline = pipeline or Pipeline()
    pipeline.check()
    notify = notify or (lambda _item: None)
    summary = IngestSummary(run_id=store.start_run(inputs))
    started = time.perf_counter()
    pending: list[tuple[Article, Sequence[Event], str | None]] = []
    rejections: list[Rejection] = []

    def flush() -> None:
        added = store.add_batch(pending, run_id=summary.run_id, rejections=rejections)
        summary.articles_new += added.new
        summary.articles_known += added.known
        summary.events_found += added.events
        store.finish_run(summary.run_id, "running", summary.counts())
        pending.clear()
        rejections.clear()

    try:
        for item in pipeline.run(_skip_known(store, items, summary, batch_size, notify)):
            notify(item)
            if isinstance(item, Rejection):
                summary.rejected[item.reason] += 1
                rejections.append(item)
                continue
            summary.notes.add(item)
            if item.error is not None:
                summary.articles_failed += 1
                pending.append((item.article, (), str(item.error)))
            else:
                pending.append((item.article, item.events, None))
            if len(pending) >= batch_size:
                flush()
        flush()
        summary.status = "done"
    except KeyboardInterrupt:
        summary.status = "interrupted"
        raise
    except BaseException:
        summary.status = "failed"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        try:
            store.finish_run(summary.run_id, summary.status, summary.counts())
        except StoreError:  # the store itself failed; the original error is the one to show
            log.error("could not record the end of ingest run %d", summary.run_id, exc_info=True)
        log.info("ingest run %d %s: %s", summary.run_id, summary.status, summary.counts())
    return summary
