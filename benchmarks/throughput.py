"""End-to-end throughput of sitrep on one core: extract and ingest, per-stage costs, memory.

``extract`` is what ``sitrep extract --format jsonl`` does (read, annotate, code, write JSON Lines, to
/dev/null here); ``ingest`` what ``sitrep ingest`` does (read, skip known, annotate, code, store).

    python benchmarks/throughput.py                      # 2,000 generated ~600-word articles
    python benchmarks/throughput.py DIR                  # the articles under DIR (any format sitrep reads)
    python benchmarks/throughput.py --articles 5000 --profile profile.html
    python benchmarks/throughput.py --memory             # peak RSS for 10k vs 100k articles

Each measured phase runs in a fresh Python process, so peak RSS is that phase's own. Rates leave
out the startup (the stages load their data files on a first article; printed apart). Figures are
printed; nothing is asserted. Generated articles are news-like (headline, dateline, quotes,
casualty figures, places, dates) from templates below, seeded so runs are comparable.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sitrep.export import export_events
from sitrep.ingest import read_paths
from sitrep.models import Article, Doc, Event, Rejection
from sitrep.pipeline import Pipeline, Result
from sitrep.store import ingest, open_store
from sitrep.store.ingest import DEFAULT_BATCH

# Stage budgets in ms per ~600-word article (docs/design.md).
BUDGET_MS = {
    "read+segment": 0.2,
    "text": 0.1,
    "temporal": 0.35,
    "places": 0.5,
    "actors+events": 0.55,
    "store": 0.2,
}
TARGET_PER_SECOND = 500

# --- a small generator of news-like articles --------------------------------------------------

PLACES = [
    ("Kharkiv", "Ukraine", "Russian forces", "Ukrainian troops"),
    ("Khartoum", "Sudan", "the Rapid Support Forces", "the Sudanese army"),
    ("Omdurman", "Sudan", "the Sudanese army", "the Rapid Support Forces"),
    ("Maiduguri", "Nigeria", "Boko Haram fighters", "Nigerian soldiers"),
    ("Gao", "Mali", "jihadist militants", "Malian troops"),
    ("Mogadishu", "Somalia", "al Shabaab militants", "Somali government forces"),
    ("Aleppo", "Syria", "Syrian government forces", "rebel fighters"),
    ("Goma", "Democratic Republic of the Congo", "M23 rebels", "Congolese troops"),
    ("Kandahar", "Afghanistan", "gunmen", "Taliban security forces"),
    ("Mosul", "Iraq", "Islamic State militants", "Iraqi security forces"),
    ("Lagos", "Nigeria", "police", "protesters"),
    ("Nairobi", "Kenya", "police", "demonstrators"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = ["two", "three", "four", "five", "seven", "nine", "11", "12", "at least 15", "dozens of"]
# Sentences reporting an event: an article has one or two of them (lead and follow-up) ...
EVENT_SENTENCES = [
    "{a1} attacked positions held by {a2} near {place} on {day}, killing {n} people, officials said.",
    "An air strike hit a residential building in {place} late on {day}, killing {n} people.",
    "Witnesses said {n} civilians were wounded when shells landed near a crowded market in {place}.",
    "A roadside bomb exploded as a military convoy passed through {place} on {day}, killing {n} soldiers.",
    "Hundreds of protesters marched through central {place} on {day} to demand the release of detainees.",
    "Gunmen abducted {n} passengers from a bus on the main road out of {place} on {day}, police said.",
    "A drone strike on a fuel depot near {place} on {day} set off a fire that burned for hours.",
]
# ... and the rest is what fills news: reactions, quotes, context, background, humanitarian news.
CONTEXT_SENTENCES = [
    "{a2} said they had pushed the attackers back, a claim that could not be independently verified.",
    '"We could not leave our homes for two days, and there is no water," said a resident of {place}.',
    "The United Nations said on {day} it was alarmed by reports from {country} and urged restraint.",
    "{a1} did not immediately respond to a request for comment on the claims.",
    "Medical sources in {place} said several of the wounded were in a critical condition.",
    "The government of {country} announced a three-day curfew in {place} after the violence.",
    "Talks between the parties, mediated by regional leaders, stalled in {month} over security guarantees.",
    "Local officials said a committee would investigate what happened and publish its findings.",
    "Aid agencies have warned that food and medicine are running out in {place} and nearby towns.",
    "Prices of bread and fuel in the markets of {place} have more than doubled since {month}.",
    "Analysts say neither side appears able to win a decisive victory in {country} soon.",
    "Schools in the district have been closed since {month}, and many teachers have left the city.",
    "The governor said reinforcements had been sent and that the situation was under control.",
    "Diplomats from neighbouring countries are due to meet next week to discuss the crisis.",
    "Humanitarian groups say access to the worst-affected areas remains limited by checkpoints.",
    "The road linking {place} to the capital reopened on {day} after being closed for a week.",
    "Rights groups have called for an independent inquiry into the conduct of all parties.",
    "Many families who fled earlier in the year have not yet been able to return.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip


def make_article(rng: random.Random, index: int, size: int = 3600) -> dict[str, Any]:
    """A news-like article of about ``size`` characters (~600 words at 3.6 KB)."""
    place, country, a1, a2 = rng.choice(PLACES)
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(365))

    def fill(template: str) -> str:
        text = template.format(
            a1=a1, a2=a2, place=place, country=country, day=rng.choice(WEEKDAYS), n=rng.choice(NUMBERS),
            month=rng.choice(MONTHS),
        )  # fmt: skip
        return text[0].upper() + text[1:]

    lead = fill(rng.choice(EVENT_SENTENCES))
    title = lead.rstrip(".").split(",")[0]
    paragraphs = [f"{place.upper()}, {country} (Benchmark Wire) - {lead}"]
    if rng.random() < 0.5:
        paragraphs.append(fill(rng.choice(EVENT_SENTENCES)))
    count = len(title) + len(paragraphs[0])
    while count < size - 200:
        paragraph = " ".join(fill(rng.choice(CONTEXT_SENTENCES)) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        count += len(paragraph) + 2
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n\n(Reporting by Benchmark Wire staff)"
    return {"id": f"bench-{index}", "title": title, "published": published.isoformat(), "text": text,
            "source": "Benchmark Wire"}  # fmt: skip


def write_corpus(path: Path, count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            out.write(json.dumps(make_article(rng, i), ensure_ascii=False) + "\n")
    return path.stat().st_size


# --- phases, each run in its own process --------------------------------------------------------


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class AnonymousPeak:
    """Samples this process's anonymous RSS (Linux): its own memory, without the pages of files it
    maps (SQLite reads its database through a memory map, which the peak RSS counts)."""

    def __init__(self, every: float = 0.1) -> None:
        self.peak_kb = 0
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        status = Path("/proc/self/status")
        while not self._stop.is_set():
            if status.exists():
                for line in status.read_text().splitlines():
                    if line.startswith("RssAnon:"):
                        self.peak_kb = max(self.peak_kb, int(line.split()[1]))
            self._stop.wait(self._every)

    def __enter__(self) -> AnonymousPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _input_bytes(paths: list[str]) -> int:
    total = 0
    for p in paths:
        if os.path.isdir(p):
            total += sum(f.stat().st_size for f in Path(p).rglob("*") if f.is_file())
        else:
            total += os.path.getsize(p)
    return total


# Run once before the clock starts: the stages load their data files on their first article.
WARM_UP = Article(id="warm-up", text="Gunmen killed two people in Kano on Monday, police said.",
                  published=date(2024, 1, 2))  # fmt: skip


def warm_pipeline() -> tuple[Pipeline, float]:
    """A pipeline that has processed :data:`WARM_UP`, and the CPU seconds that took (startup)."""
    cpu = time.process_time()
    pipeline = Pipeline()
    pipeline.process(WARM_UP)
    return pipeline, time.process_time() - cpu


def phase_extract(paths: list[str]) -> dict[str, Any]:
    """What ``sitrep extract --format jsonl > /dev/null`` does: read, run the pipeline, write JSON."""
    pipeline, startup = warm_pipeline()
    started, cpu = time.perf_counter(), time.process_time()
    counts = {"articles": 0}

    def events_of(items: Iterable[Result | Rejection]) -> Iterator[Event]:
        for item in items:
            if not isinstance(item, Rejection):
                counts["articles"] += 1
                yield from item.events

    events = export_events(events_of(pipeline.run(read_paths(paths))), "jsonl", os.devnull)
    return {"articles": counts["articles"], "events": events, "seconds": time.perf_counter() - started,
            "cpu": time.process_time() - cpu, "startup": startup}  # fmt: skip


def phase_ingest(paths: list[str]) -> dict[str, Any]:
    # mmap_bytes=0 as `sitrep ingest` opens its store (a writer: flat memory)
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db", mmap_bytes=0) as store:
        pipeline, startup = warm_pipeline()
        started, cpu = time.perf_counter(), time.process_time()
        summary = ingest(store, read_paths(paths), pipeline=pipeline, inputs=paths)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"articles": summary.articles_read, "events": summary.events_found, "seconds": seconds, "cpu": cpu,
            "startup": startup}  # fmt: skip


def phase_stages(paths: list[str], limit: int) -> dict[str, Any]:
    """Milliseconds per article for reading and for each stage, measured one article at a time."""

    clock = time.thread_time  # CPU time: other processes on the machine do not count
    started = clock()
    articles = [a for a in read_paths(paths) if isinstance(a, Article)]
    costs: dict[str, float] = defaultdict(float)
    # per article read (all of them), before the sample is cut
    costs["read+segment"] = (clock() - started) * min(limit, len(articles)) / max(1, len(articles))
    articles = articles[:limit]
    pipeline = Pipeline()
    pipeline.check()
    resolved = pipeline._build()  # the stages and the coder, as the pipeline runs them
    pipeline.process(articles[0])  # warm up: lazy indexes and lexicons load on the first article
    results = []
    for article in articles:
        doc = Doc(article)
        for stage in resolved.stages:
            t0 = clock()
            stage(doc)
            costs[stage.name] += clock() - t0
        t0 = clock()
        events = resolved.coder(doc) if resolved.coder else []
        costs["code_events"] += clock() - t0
        results.append((article, events, None))
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "stages.db") as store:
        t0 = clock()
        for start in range(0, len(results), DEFAULT_BATCH):
            store.add_batch(results[start : start + DEFAULT_BATCH])
        costs["store"] = clock() - t0
    n = max(1, len(articles))
    return {"articles": len(articles), "ms": {k: 1000 * v / n for k, v in costs.items()}}


def phase_profile(paths: list[str], out: str) -> dict[str, Any]:
    from pyinstrument import Profiler  # noqa: PLC0415 - optional (bench extra)

    profiler = Profiler(interval=0.0005)
    profiler.start()
    result = phase_extract(paths)
    profiler.stop()
    Path(out).write_text(profiler.output_html(), encoding="utf-8")
    text = profiler.output_text(unicode=True, color=False, show_all=False)
    return {**result, "profile": out, "top": text[:6000]}


def run_phase(name: str, paths: list[str], *extra: str) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--phase", name, *extra, *paths]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _rate(label: str, result: dict[str, Any], size: int) -> str:
    seconds, cpu = result["seconds"], result["cpu"]
    return (
        f"{label:<8} {result['articles']:>7} articles: {result['articles'] / cpu:6.0f} articles/s "
        f"({size / cpu / 1e6:4.2f} MB/s) on CPU time, {result['articles'] / seconds:6.0f}/s wall; "
        f"{result['events']} events, peak RSS {result['rss_mb']:.0f} MB "
        f"(anonymous {result['anon_mb']:.0f} MB); "
        f"startup {result['startup']:.2f} s CPU"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", help="files or directories of articles (default: generate)")
    parser.add_argument("--articles", type=int, default=2000, help="articles to generate (default 2000)")
    parser.add_argument("--stage-sample", type=int, default=1000, help="articles for the per-stage table")
    parser.add_argument(
        "--profile", metavar="HTML", help="profile extract with pyinstrument, write HTML here"
    )
    parser.add_argument(
        "--memory", action="store_true", help="peak RSS of extract/ingest: 10k vs 100k articles"
    )
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.phase:
        os.environ.setdefault("PYTHONHASHSEED", "0")
        with AnonymousPeak() as anonymous:
            if args.phase == "extract":
                result = phase_extract(args.paths)
            elif args.phase == "ingest":
                result = phase_ingest(args.paths)
            elif args.phase == "stages":
                result = phase_stages(args.paths, args.stage_sample)
            else:
                result = phase_profile(args.paths, args.profile)
        print(json.dumps({**result, "rss_mb": peak_rss_mb(), "anon_mb": anonymous.peak_kb / 1024}))
        return

    with tempfile.TemporaryDirectory() as tmp:
        if args.paths:
            paths = args.paths
            size = _input_bytes(paths)
            print(f"corpus: {', '.join(paths)} ({size / 1e6:.1f} MB)")
        else:
            corpus = Path(tmp) / "corpus.jsonl"
            size = write_corpus(corpus, args.articles)
            paths = [str(corpus)]
            print(f"corpus: {args.articles} generated articles of ~600 words, {size / 1e6:.1f} MB "
                  f"({size / args.articles / 1000:.1f} KB/article)")  # fmt: skip
        load = os.getloadavg()[0]
        print(f"python {sys.version.split()[0]}, one core (inline pipeline); load average {load:.1f}")
        extract = run_phase("extract", paths)
        print(_rate("extract", extract, size))
        ingest = run_phase("ingest", paths)
        print(_rate("ingest", ingest, size))
        per_s = extract["articles"] / extract["cpu"]
        verdict = "met" if per_s >= TARGET_PER_SECOND else "NOT met"
        print(f"target >= {TARGET_PER_SECOND} articles/s per core: {verdict}")

        stages = run_phase("stages", paths, "--stage-sample", str(args.stage_sample))
        print(f"\nper-stage CPU ms per article (mean of {stages['articles']}; budget from docs/design.md):")
        ms = stages["ms"]
        grouped = dict(ms)
        grouped["actors+events"] = (
            grouped.pop("actors", 0.0) + grouped.pop("events", 0.0) + grouped.pop("code_events", 0.0)
        )
        for name, value in grouped.items():
            budget = BUDGET_MS.get(name)
            verdict = "" if budget is None else ("ok" if value <= budget else f"OVER budget {budget}")
            print(f"  {name:<14} {value:7.3f}  {verdict}")
        print(f"  {'total':<14} {sum(grouped.values()):7.3f}  (2.0 ms = 500 articles/s)")
        detail = ", ".join(f"{k} {v:.3f}" for k, v in ms.items() if k in ("actors", "events", "code_events"))
        print(f"  (actors+events = {detail})")

        if args.profile:
            profile = run_phase("profile", paths, "--profile", args.profile)
            print(f"\npyinstrument profile written to {args.profile}\n{profile['top']}")

        if args.memory:
            print("\nmemory (peak RSS) by corpus size:")
            for count in (10_000, 100_000):
                corpus = Path(tmp) / f"mem{count}.jsonl"
                mem_size = write_corpus(corpus, count)
                for name in ("extract", "ingest"):
                    result = run_phase(name, [str(corpus)])
                    print("  " + _rate(name, result, mem_size))
                corpus.unlink()


if __name__ == "__main__":
    main()
