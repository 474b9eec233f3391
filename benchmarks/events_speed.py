"""Time the actor and event stages (actors + numbers + triggers + modality + mentions + code_events).

Usage: python benchmarks/events_speed.py [synthetic|throughput|DIR_OF_TXT_FILES] [--n 500] [--repeat 3]

"synthetic" builds ~600-word articles from the sentences below (written for this benchmark; about a
third report events, much denser than news); "throughput" uses the generated articles of
benchmarks/throughput.py; a directory reads its .txt files (e.g. real news). The sentence, time and
place stages run before each article and are not timed: the figure is the per-article CPU time of
the actor stage, the event stage and code_events (resolve included), against the budget of 0.55 ms
per 600-word article in docs/design.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date
from pathlib import Path

from sitrep.actors import ActorStage
from sitrep.events import EventStage, code_events
from sitrep.models import Article, Doc
from sitrep.places import PlaceStage
from sitrep.temporal import TimeStage
from sitrep.text import TextStage

BUDGET_MS = 0.55  # docs/design.md, per ~600-word article on one core

SENTENCES = [
    "On Tuesday, gunmen attacked a village near Maiduguri, killing at least 12 people and abducting 20 women."
    " The attack lasted two hours.",
    "Nigerian troops later clashed with the attackers in a nearby forest, the army said in a statement.",
    "Residents said the assailants arrived on motorcycles and set fire to houses and shops.",
    "Hundreds of traders marched through the city centre on Wednesday to demand better security.",
    "Police fired tear gas to disperse the crowd and arrested 15 protesters, according to witnesses.",
    "The governor condemned the violence and vowed to bring those responsible to justice.",
    "A roadside bomb exploded under a military truck on the Damboa road, wounding three soldiers.",
    "Russian forces shelled residential districts of Kharkiv overnight, the regional governor said.",
    "Two civilians were killed and nine wounded, while local officials put the toll at three.",
    "Ukrainian forces said they had recaptured two villages east of the city after heavy fighting.",
    "The ministry said talks on a ceasefire would resume next week in Geneva.",
    "Last year, a similar attack on the market left dozens dead.",
    "Security forces have since deployed reinforcements to the area and imposed a curfew.",
    "An air strike hit a convoy of armed men near Gao, killing several militants, the military said.",
    "Aid agencies warned that thousands of people had fled their homes since the start of the year.",
]
# Context, quotes and background: most sentences of a news article report no event.
CONTEXT = [
    "The region has been hit by a long drought that has pushed food prices to record highs.",
    '"We are tired of living in fear," said a mother of four who asked not to be named.',
    "The president is expected to meet regional leaders in the capital later this month.",
    "Analysts say the economy has struggled since the currency lost half its value.",
    "The United Nations estimates that more than two million people need humanitarian assistance.",
    "Schools in the district remained closed, and many families have moved to relatives in the city.",
    "The road linking the two towns is the main supply route for fuel and medicine.",
    "Officials did not respond to requests for comment on Thursday.",
    "Parliament is due to debate a new budget that includes more money for the armed forces.",
    "Farmers say they cannot reach their fields because of the insecurity.",
    "The report was published by a local rights group that monitors the conflict.",
    "Prices of maize and beans have doubled in local markets over the past year.",
]


def synthetic(n: int, words: int = 600) -> list[str]:
    rng = random.Random(7)
    out = []
    for _ in range(n):
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < words:
            parts.append(rng.choice(SENTENCES) if rng.random() < 0.35 else rng.choice(CONTEXT))
        out.append(" ".join(parts))
    return out


def throughput_corpus(n: int) -> list[Article]:
    """The generated news of ``benchmarks/throughput.py`` (headline, dateline, event and context)."""
    import throughput  # noqa: PLC0415 - the sibling benchmark script

    rng = random.Random(7)
    out = []
    for i in range(n):
        item = throughput.make_article(rng, i)
        out.append(
            Article(
                id=item["id"],
                text=item["title"] + "\n\n" + item["text"],
                published=date.fromisoformat(item["published"]),
            )
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "source", nargs="?", default="synthetic",
        help="'synthetic' (default), 'throughput' (benchmarks/throughput.py's news) or a directory of .txt",
    )  # fmt: skip
    ap.add_argument("--n", type=int, default=500, help="articles to time")
    ap.add_argument("--repeat", type=int, default=3, help="runs over the articles; the fastest counts")
    args = ap.parse_args()
    if args.source == "throughput":
        articles = throughput_corpus(args.n)
    elif args.source == "synthetic":
        articles = [Article(id=str(i), text=t) for i, t in enumerate(synthetic(args.n))]
    else:
        paths = sorted(Path(args.source).glob("**/*.txt"))[: args.n]
        articles = [Article(id=str(p), text=p.read_text("utf-8", "replace")) for p in paths]
    before = [TextStage(), TimeStage(), PlaceStage()]
    actors, events = ActorStage(), EventStage()
    warm = Doc(articles[0])
    for stage in (*before, actors, events):
        stage(warm)
    code_events(warm)
    best: dict[str, float] = {}
    n_events = 0
    for _ in range(args.repeat):
        spent = {"actors": 0.0, "events": 0.0, "code_events": 0.0}
        n_events = 0
        for article in articles:
            # the other stages run between articles, as in the pipeline (their work is not counted)
            doc = Doc(article)
            for stage in before:
                stage(doc)
            t0 = time.process_time()
            actors(doc)
            t1 = time.process_time()
            events(doc)
            t2 = time.process_time()
            n_events += len(code_events(doc))
            t3 = time.process_time()
            spent["actors"] += t1 - t0
            spent["events"] += t2 - t1
            spent["code_events"] += t3 - t2
        if not best or sum(spent.values()) < sum(best.values()):
            best = spent
    n = len(articles)
    words = statistics.mean(len(a.text.split()) for a in articles)
    total = 1000 * sum(best.values()) / n
    print(f"articles {n}, mean words {words:.0f}, events {n_events}, fastest of {args.repeat} runs")
    print("  " + ", ".join(f"{k} {1000 * v / n:.3f}" for k, v in best.items()) + " ms/article")
    print(
        f"actors+events+code_events: {total:.3f} ms/article, {total * 600 / words:.3f} ms per 600 words "
        f"(budget {BUDGET_MS} ms), {n / sum(best.values()):.0f} articles/s"
    )


if __name__ == "__main__":
    main()
