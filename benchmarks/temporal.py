"""Speed of sitrep's temporal stage alone, on one core.

    python benchmarks/temporal.py                 # 2,000 generated ~600-word news articles
    python benchmarks/temporal.py DIR             # every *.txt under DIR (e.g. real news texts)
    python benchmarks/temporal.py --articles 500 --repeat 5

Prints words/s and milliseconds per ~600-word article for ``sitrep.temporal.tag`` (the stage's
work) and for ``TimeStage`` on a ``Doc``; the first call (which compiles the patterns from the
data files) is timed separately. Times are this process's CPU time (``time.process_time``), so
other load on the machine does not skew them. Nothing is asserted. Generated articles are seeded, so runs
compare; they carry more temporal expressions than typical news (a harder case).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sitrep.models import LAYER_SENTENCE, Article, Doc, Span
from sitrep.temporal import TimeStage, tag
from sitrep.temporal.lexicon import lexicon
from sitrep.temporal.patterns import grammar

WORDS_PER_ARTICLE = 600
_WORD = re.compile(r"\S+")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")

PLACES = ["Kharkiv", "Khartoum", "Gao", "Mogadishu", "Aleppo", "Goma", "Mosul", "Maiduguri"]
ACTORS = ["Government forces", "Rebel fighters", "Gunmen", "Police", "Militants", "Protesters"]
WHEN = [
    "on Friday", "late on Tuesday", "on March 14", "on 3 May 2023", "last week", "two days ago",
    "earlier this month", "on Sunday night", "at about 9:15 p.m. local time", "since January",
    "over the past two weeks", "in the third quarter", "a year earlier", "yesterday", "this morning",
    "in early 2022", "for three hours", "every Friday", "now", "in the 1990s", "on 2023-11-02",
]  # fmt: skip
FILLER = [
    "{actor} attacked positions near {place} {when}, killing {n} people, officials said.",
    "Witnesses said shells landed near a crowded market in {place} {when}.",
    "The United Nations said it was alarmed by reports of attacks on civilians around {place}.",
    "Aid agencies have warned that food and medicine are running out in {place} and nearby towns.",
    '"We heard explosions all night and could not leave our homes," said a resident of {place}.',
    "{actor} did not immediately respond to a request for comment on the claims.",
    "Local officials put the death toll at {n}, while a monitoring group said it was higher.",
    "Talks between the warring parties, mediated by regional leaders, collapsed {when}.",
]  # fmt: skip


def make_text(rng: random.Random, words: int = WORDS_PER_ARTICLE) -> str:
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(FILLER).format(
            actor=rng.choice(ACTORS), place=rng.choice(PLACES), when=rng.choice(WHEN), n=rng.randint(2, 40)
        )
        sentences.append(sentence)
        count += sentence.count(" ") + 1
    return " ".join(sentences)


def load_texts(directory: Path | None, articles: int) -> list[str]:
    if directory is None:
        rng = random.Random(7)
        return [make_text(rng) for _ in range(articles)]
    return [p.read_text("utf-8", errors="replace") for p in sorted(directory.rglob("*.txt"))][:articles]


def sentence_spans(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), LAYER_SENTENCE, "body") for m in _SENTENCE.finditer(text)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("directory", nargs="?", type=Path, help="directory of .txt files to use instead")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3, help="timed passes; the best is reported")
    args = ap.parse_args()

    t0 = time.process_time()
    lexicon()
    grammar()
    setup = time.process_time() - t0
    texts = load_texts(args.directory, args.articles)
    words = sum(len(_WORD.findall(t)) for t in texts)
    dct = date(2024, 3, 15)

    best = float("inf")
    found = 0
    for _ in range(args.repeat):
        t0 = time.process_time()
        found = sum(len(tag(text, dct)) for text in texts)
        best = min(best, time.process_time() - t0)

    docs = [
        Doc(
            Article(id=str(i), text=t, published=dct - timedelta(days=i % 30)),
            {LAYER_SENTENCE: sentence_spans(t)},
        )
        for i, t in enumerate(texts)
    ]
    stage = TimeStage()
    t0 = time.process_time()
    for doc in docs:
        stage(doc)
    stage_seconds = time.process_time() - t0

    per_article_ms = best / words * WORDS_PER_ARTICLE * 1000
    print(f"temporal: {len(texts)} texts, {words:,} words, {found:,} expressions per pass")
    print(f"setup (lexicon + pattern compile, once per process): {setup * 1000:.0f} ms")
    print(
        f"tag():      {words / best:,.0f} words/s; "
        f"{per_article_ms:.3f} ms per {WORDS_PER_ARTICLE}-word article"
    )
    print(f"TimeStage:  {words / stage_seconds:,.0f} words/s (one pass, including Doc bookkeeping)")
    print(f"budget (docs/design.md): 0.35 ms per article; bar: 200,000 words/s -> "
          f"{'met' if words / best >= 200_000 else 'NOT met'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
