"""Speed and memory of sitrep's places stage alone, on one core.

    python benchmarks/places.py                  # 2,000 generated ~600-word news articles
    python benchmarks/places.py DIR              # every *.txt under DIR (e.g. real news texts)
    python benchmarks/places.py --articles 500 --repeat 5

Prints the time to open the default gazetteer (building it first if the cache is empty, timed
separately), MB/s and milliseconds per article for ``Geoparser.find`` (warm: best of the repeats,
with the name caches filled; cold: the first pass) and for ``PlaceStage`` on a ``Doc`` (a fresh
stage: cold), the time of ``locate_event`` per article, and the process's peak RSS. Times are CPU time
(``time.process_time``). Generated articles are seeded and draw their names from a pool of several
hundred places, persons and organisations, so that the name cache does not make the run trivial.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

from sitrep.models import LAYER_SENTENCE, Article, Doc, Span
from sitrep.places import Gazetteer, Geoparser, PlaceStage, locate_event
from sitrep.places.gazetteer import cache_dir

WORDS_PER_ARTICLE = 600
PERSONS = [
    "Ahmed Hassan",
    "Maria Lopez",
    "John Carter",
    "Olena Kovalenko",
    "Gen. Abdel Fattah",
    "Prime Minister Ali Said",
    "Fatima Musa",
    "Colonel James Okoro",
    "Sarah Jordan",
    "Mr Chad",
]
ORGS = [
    "the Syrian Observatory for Human Rights",
    "the Rapid Support Forces",
    "Reuters",
    "the United Nations",
    "Kabul University",
    "the Red Cross",
    "The Washington Post",
    "the African Union",
]
TEMPLATES = [
    "{actor} attacked positions near {place} on Friday, killing {n} people, officials in {place2} said.",
    "Witnesses said shells landed near a crowded market in {place}, {region}, late on Tuesday.",
    "{org} said it was alarmed by reports of attacks on civilians around {place} and {place2}.",
    "Aid agencies have warned that food is running out in {place} and nearby towns in {region}.",
    '"We heard explosions all night," said {person}, a resident of {place}.',
    "{person} told reporters in {place2} that {demonym} forces had withdrawn from {place}.",
    "Local officials put the death toll at {n}, while {org} said it was higher.",
    "Talks between the warring parties, mediated by {person}, collapsed in {place2} last week.",
]


def pools(gazetteer: Gazetteer, rng: random.Random) -> dict[str, list[str]]:
    """Names of towns and admin1 units drawn from the gazetteer (larger places more often)."""
    ix = gazetteer.index
    towns: list[str] = []
    regions: list[str] = []
    city, admin1 = gazetteer.feature_code["city"], gazetteer.feature_code["admin1"]
    for entry in rng.sample(range(len(gazetteer)), 60_000):
        name = ix.display(ix.name[entry])
        if ix.feat[entry] == city and ix.pop[entry] >= 20_000 and name.isascii():
            towns.append(name)
        elif ix.feat[entry] == admin1 and name.isascii():
            regions.append(name)
    return {
        "place": towns[:400],
        "place2": towns[400:600],
        "region": regions[:150] or ["Darfur"],
        "person": PERSONS,
        "org": ORGS,
        "actor": ["Gunmen", "Government forces", "Militants"],
        "demonym": ["Sudanese", "Russian", "Iraqi", "Malian"],
    }


def make_text(rng: random.Random, names: dict[str, list[str]]) -> str:
    words: list[str] = []
    while len(words) < WORDS_PER_ARTICLE:
        fields = {k: rng.choice(v) for k, v in names.items()}
        words += rng.choice(TEMPLATES).format(n=rng.randint(2, 40), **fields).split()
    return " ".join(words)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", help="directory of *.txt articles (default: generated)")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    t0 = time.perf_counter()
    gazetteer = Gazetteer.default()
    t1 = time.perf_counter()
    print(
        f"gazetteer: {len(gazetteer):,} places from {gazetteer.index.path} ({t1 - t0:.3f} s to open; "
        f"cache dir {cache_dir()})"
    )
    rng = random.Random(7)
    if args.dir:
        texts = [p.read_text("utf-8", errors="replace") for p in sorted(Path(args.dir).rglob("*.txt"))]
    else:
        names = pools(gazetteer, rng)
        texts = [make_text(rng, names) for _ in range(args.articles)]
    if not texts:
        print("no articles", file=sys.stderr)
        return 1
    mb = sum(len(t.encode()) for t in texts) / 1e6
    parser = Geoparser(gazetteer)
    c0 = time.process_time()
    parser.find(texts[0])
    print(f"first call (lexicon load): {1000 * (time.process_time() - c0):.1f} ms")

    times = []
    spans = 0
    for _ in range(args.repeat):
        c0 = time.process_time()
        spans = sum(len(parser.find(t)) for t in texts)
        times.append(time.process_time() - c0)
    cold, best = times[0], min(times)
    print(
        f"Geoparser.find: {len(texts):,} articles, {mb:.1f} MB, {spans:,} place spans: "
        f"{mb / best:.2f} MB/s, {1000 * best / len(texts):.3f} ms/article warm (best of {args.repeat}); "
        f"{mb / cold:.2f} MB/s, {1000 * cold / len(texts):.3f} ms/article on the first pass (cold caches)"
    )

    stage = PlaceStage(gazetteer)
    docs = []
    for i, t in enumerate(texts):
        doc = Doc(Article(id=str(i), text=t))
        doc.add(LAYER_SENTENCE, [Span(0, len(t), LAYER_SENTENCE, "body")])
        docs.append(doc)
    c0 = time.process_time()
    for doc in docs:
        stage(doc)
    stage_s = time.process_time() - c0
    c0 = time.process_time()
    for doc in docs:
        locate_event(doc, 0, min(len(doc.text), 400), gazetteer)
    locate_s = time.process_time() - c0
    print(
        f"PlaceStage: {mb / stage_s:.2f} MB/s, {1000 * stage_s / len(docs):.3f} ms/article; "
        f"locate_event: {1000 * locate_s / len(docs):.3f} ms/article"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = gazetteer.index.path.stat().st_size / 1e6
    print(f"peak RSS: {rss:.0f} MB (index file {size:.0f} MB, memory-mapped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
