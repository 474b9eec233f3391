"""Reading speed per reader: articles/s and MB/s on generated news-length articles.

    python benchmarks/readers.py [--articles N] [--pages N] [--profile READER]

Generates ~3.6 KB (~600-word) articles, writes them in each format under a temporary directory,
and times ``sitrep.ingest.read_paths`` over each file on one core (CPU time, best of 3). The
budget (docs/design.md) is 0.2 ms per article for read + segment, i.e. >= 5,000 articles/s, for
plain text and JSONL; HTML, feeds and WARC pay for trafilatura/feedparser (for information).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.ingest import ReadOptions, read_paths
from sitrep.models import Article

PLACES = ["El Fasher", "Kharkiv", "Idlib", "Maiduguri", "Goma", "Baidoa", "Gao", "Mosul", "Kaduna"]
ACTORS = ["the army", "rebel fighters", "police", "gunmen", "militants", "protesters", "a militia"]
VERBS = ["attacked", "shelled", "clashed with", "dispersed", "abducted", "arrested", "ambushed"]
FILLER = [
    "Residents said the fighting lasted several hours and that many families had fled.",
    "A spokesman said an investigation had been opened and that more details would follow.",
    "Aid groups warned that access to the area remained difficult because of insecurity.",
    "The claims could not be independently verified, and officials declined to comment.",
    "Local leaders called for calm and urged both sides to protect civilians.",
]


def article_text(rng: random.Random, i: int) -> tuple[str, str]:
    place = rng.choice(PLACES)
    title = f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} {rng.choice(ACTORS)} near {place} ({i})"
    paragraphs = []
    while sum(map(len, paragraphs)) < 3400:
        lead = f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} {rng.choice(ACTORS)} in {place}"
        paragraphs.append(lead + " on Tuesday, officials said. " + " ".join(rng.sample(FILLER, 3)))
    return title, "\n".join(paragraphs)


def write_corpus(directory: Path, n_articles: int, n_pages: int) -> dict[str, Path]:
    rng = random.Random(7)
    items = [article_text(rng, i) for i in range(n_articles)]
    paths = {name: directory / name for name in ("glued.txt", "articles.jsonl", "articles.csv")}
    with paths["glued.txt"].open("w") as out:
        for title, body in items:
            out.write(f"{title}\nShort Url\nUpdated 14 March 2022\nAFP\n\n{body}\n(With AFP)\nFollow\n\n")
    with paths["articles.jsonl"].open("w") as out:
        for i, (title, body) in enumerate(items):
            out.write(json.dumps({"id": str(i), "title": title, "text": body, "date": "2022-03-14"}) + "\n")
    with paths["articles.csv"].open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "text", "date"])
        for i, (title, body) in enumerate(items):
            writer.writerow([i, title, body, "2022-03-14"])
    pages = items[:n_pages]
    html_dir = directory / "html"
    html_dir.mkdir()
    for i, (title, body) in enumerate(pages):
        (html_dir / f"page{i}.html").write_text(_html(title, body))
    paths["html"] = html_dir
    paths["feed.rss"] = directory / "feed.rss"
    paths["feed.rss"].write_text(_rss(pages))
    paths["crawl.warc.gz"] = directory / "crawl.warc.gz"
    paths["crawl.warc.gz"].write_bytes(_warc(pages))
    return paths


def _html(title: str, body: str) -> str:
    paras = "".join(f"<p>{p}</p>\n" for p in body.split("\n"))
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        '<meta property="article:published_time" content="2022-03-14T10:00:00Z">'
        '<meta property="og:site_name" content="Bench News"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>\n{paras}</article><footer>© Bench News</footer></body></html>"
    )


def _rss(pages: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<item><title>{t}</title><link>https://bench.example/{i}</link>"
        f"<pubDate>Mon, 14 Mar 2022 10:00:00 GMT</pubDate><description><![CDATA[{b}]]></description></item>"
        for i, (t, b) in enumerate(pages)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>{items}</channel></rss>'


def _warc(pages: list[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for i, (title, body) in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        payload = io.BytesIO(_html(title, body).encode())
        record = writer.create_warc_record(
            f"https://bench.example/{i}", "response", payload=payload, http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir())
    if path.suffix == ".gz":
        return len(gzip.decompress(path.read_bytes()))
    return path.stat().st_size


def measure(path: Path, repeat: int = 3) -> tuple[int, float]:
    best = float("inf")
    count = 0
    for _ in range(repeat):
        start = time.process_time()  # CPU time: fair on a machine shared with other jobs
        count = sum(1 for item in read_paths([path], ReadOptions()) if isinstance(item, Article))
        best = min(best, time.process_time() - start)
    return count, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000, help="articles for text/JSONL/CSV")
    parser.add_argument("--pages", type=int, default=100, help="articles for HTML/RSS/WARC")
    parser.add_argument("--profile", help="profile one corpus file (e.g. glued.txt) with pyinstrument")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), args.articles, args.pages)
        measure(paths["articles.jsonl"], repeat=1)  # warm-up: imports and data files
        if args.profile:
            _profile(lambda: measure(paths[args.profile], repeat=1))
            return
        print(f"{'input':<16}{'articles':>10}{'MB':>9}{'articles/s':>12}{'MB/s':>9}{'ms/article':>12}")
        for name, path in paths.items():
            count, seconds = measure(path, repeat=1 if name in ("html", "crawl.warc.gz") else 3)
            mb = size_of(path) / 1e6
            print(
                f"{name:<16}{count:>10}{mb:>9.1f}{count / seconds:>12,.0f}{mb / seconds:>9.1f}"
                f"{1000 * seconds / max(count, 1):>12.3f}"
            )


def _profile(run: Callable[[], object]) -> None:
    from pyinstrument import Profiler  # noqa: PLC0415 - optional, only for --profile

    profiler = Profiler()
    profiler.start()
    run()
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False))


if __name__ == "__main__":
    main()
