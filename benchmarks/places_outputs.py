"""The places stage's output, written down and compared: the check that a speed change changes nothing.

    python benchmarks/places_outputs.py dump before.json          # on the code before the change
    python benchmarks/places_outputs.py dump after.json           # on the code after it
    python benchmarks/places_outputs.py compare before.json after.json

``dump`` runs the sentence and places stages over the bundled examples/ and the generated articles of
benchmarks/throughput.py (seeded: the same corpus every run), writes every place span (offsets,
label, rule, score, the Place) and, for the first sentences of each article, what
``locate_event`` answers. ``compare`` prints the first differences and exits 1 if there are any.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from sitrep.ingest import read_paths
from sitrep.models import LAYER_PLACE, LAYER_SENTENCE, Article, Doc
from sitrep.places import Gazetteer, PlaceStage, locate_event
from sitrep.text import TextStage

sys.path.insert(0, str(Path(__file__).parent))
from throughput import write_corpus

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _docs(paths: list[str]) -> list[Doc]:
    text, places = TextStage(), PlaceStage(Gazetteer.default())
    docs = []
    for item in read_paths(paths):
        if isinstance(item, Article):
            doc = Doc(item)
            text(doc)
            places(doc)
            docs.append(doc)
    return docs


def _record(doc: Doc) -> dict[str, Any]:
    spans = [[s.start, s.end, s.label, s.rule, s.score, repr(s.value)] for s in doc.layer(LAYER_PLACE)]
    located = []
    for sentence in doc.layer(LAYER_SENTENCE)[:3]:
        loc = locate_event(doc, sentence.start, sentence.end)
        located.append(None if loc is None else [repr(loc.place), loc.geo_precision, loc.reason])
    return {"id": doc.article.id, "spans": spans, "located": located}


def dump(out: Path, articles: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, articles)
        docs = _docs([str(EXAMPLES)]) + _docs([str(corpus)])
    out.write_text(json.dumps([_record(d) for d in docs], ensure_ascii=False), encoding="utf-8")
    print(f"{len(docs)} articles, {sum(len(d.layer(LAYER_PLACE)) for d in docs)} place spans -> {out}")


def compare(a: Path, b: Path) -> int:
    left, right = json.loads(a.read_text("utf-8")), json.loads(b.read_text("utf-8"))
    differences = 0
    if len(left) != len(right):
        print(f"article counts differ: {len(left)} vs {len(right)}")
        differences += 1
    for x, y in zip(left, right, strict=False):
        if x != y:
            differences += 1
            if differences <= 5:
                print(f"article {x['id']}:\n  {json.dumps(x)[:600]}\n  {json.dumps(y)[:600]}")
    print("identical" if not differences else f"{differences} articles differ")
    return 1 if differences else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="write the places output of examples/ and the generated corpus")
    d.add_argument("out", type=Path)
    d.add_argument("--articles", type=int, default=2000, help="generated articles (default 2000)")
    c = sub.add_parser("compare", help="compare two dumps; exit 1 if they differ")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.articles)
        return 0
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
