"""Time the actor and event stages (actors + numbers + triggers + modality + mentions + code_events).

Usage: python benchmarks/events_speed.py [DIR_OF_TXT_FILES] [--n 2000]

Without a directory it builds ~600-word news-like articles from the sentences below (written for
this benchmark; about a third report events, the rest is context, as in news). The sentence, time
and place stages run first and are not timed: the figure is the per-article CPU time of the event
coder, against its budget of 0.55 ms in docs/design.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from sitrep.actors import ActorStage
from sitrep.events import EventStage, code_events
from sitrep.models import Article, Doc
from sitrep.places import PlaceStage
from sitrep.temporal import TimeStage
from sitrep.text import TextStage

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", nargs="?", help="a directory of .txt articles (default: synthetic)")
    ap.add_argument("--n", type=int, default=2000, help="articles to time")
    args = ap.parse_args()
    if args.directory:
        texts = [p.read_text("utf-8", "replace") for p in sorted(Path(args.directory).glob("**/*.txt"))][
            : args.n
        ]
    else:
        texts = synthetic(args.n)
    before = [TextStage(), TimeStage(), PlaceStage()]
    docs = []
    for i, text in enumerate(texts):
        doc = Doc(Article(id=str(i), text=text))
        for stage in before:
            stage(doc)
        docs.append(doc)
    actors, events = ActorStage(), EventStage()
    warm = Doc(Article(id="w", text=texts[0]))
    for stage in (*before, actors, events):
        stage(warm)
    code_events(warm)
    times = []
    n_events = 0
    for doc in docs:
        t0 = time.process_time()
        actors(doc)
        events(doc)
        n_events += len(code_events(doc))
        times.append(time.process_time() - t0)
    words = statistics.mean(len(t.split()) for t in texts)
    total = sum(times)
    print(f"articles {len(docs)}, mean words {words:.0f}, events {n_events}")
    print(
        f"actors+events+code_events: {1000 * total / len(docs):.3f} ms/article mean, "
        f"{1000 * statistics.median(times):.3f} ms median, {len(docs) / total:.0f} articles/s"
    )


if __name__ == "__main__":
    main()
