"""Same output before and after a change to sitrep.temporal: snapshot every span, then compare.

    python benchmarks/temporal_snapshot.py save /tmp/before.pkl     # before the change
    python benchmarks/temporal_snapshot.py compare /tmp/before.pkl  # after it: lists what differs
    python benchmarks/temporal_snapshot.py save FILE DIR ...        # other texts, any format sitrep reads

Texts: the articles under examples/, throughput.py's generated corpus (2,000 articles) and
temporal.py's generated texts (300, each on its own date), each tagged with and without its date.
A span is compared on its offsets, label, rule and whole Timex value.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from sitrep.ingest import read_paths
from sitrep.models import Article
from sitrep.temporal import tag

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import temporal as temporal_bench  # noqa: E402 - the sibling benchmark's text generator
import throughput  # noqa: E402

Snapshot = dict[str, list[tuple[int, int, str, str, str]]]


def _articles(paths: list[str]) -> Iterator[tuple[str, str, date | None]]:
    for item in read_paths(paths):
        if isinstance(item, Article):
            yield item.id, item.text, item.published


def texts(extra: list[str]) -> Iterator[tuple[str, str, date | None]]:
    if extra:
        yield from _articles(extra)
        return
    yield from _articles(sorted(str(p) for p in (HERE.parent / "examples").iterdir()))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        throughput.write_corpus(corpus, 2000)
        yield from _articles([str(corpus)])
    rng = random.Random(7)
    for i in range(300):
        yield f"generated-{i}", temporal_bench.make_text(rng), date(2023, 1, 1) + timedelta(days=i)


def snapshot(extra: list[str]) -> Snapshot:
    out: Snapshot = {}
    for key, text, dct in texts(extra):
        for anchor, suffix in ((dct, ""), (None, ":no-date")):
            spans = tag(text, anchor)
            out[key + suffix] = [(s.start, s.end, s.label, s.rule, repr(s.value)) for s in spans]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=("save", "compare"))
    ap.add_argument("file", type=Path)
    ap.add_argument("paths", nargs="*", help="texts to use instead of the default set")
    args = ap.parse_args()
    current = snapshot(args.paths)
    if args.action == "save":
        args.file.write_bytes(pickle.dumps(current))
        print(f"saved {len(current)} texts, {sum(map(len, current.values()))} spans to {args.file}")
        return 0
    before: Snapshot = pickle.loads(args.file.read_bytes())  # a file this script wrote
    differ = [k for k in before.keys() | current.keys() if before.get(k) != current.get(k)]
    print(f"{len(before)} texts, {sum(map(len, before.values()))} spans before; {len(differ)} texts differ")
    for key in sorted(differ)[:20]:
        old, new = set(before.get(key, [])), set(current.get(key, []))
        print(f"  {key}: only before {sorted(old - new)[:3]}; only after {sorted(new - old)[:3]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
