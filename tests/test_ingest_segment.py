"""The plain-text segmenter: articles, titles, per-article dates, zones, furniture."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.ingest import ReadOptions, read_bytes, read_paths
from sitrep.ingest.lines import CAPTION_TAIL, _caption_tail
from sitrep.ingest.patterns import patterns
from sitrep.ingest.segment import analyse, segment
from sitrep.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def zone_texts(article: Article, kind: str) -> list[str]:
    return [article.text[z.start : z.end] for z in article.zones if z.kind == kind]


def read_fixture(name: str, **options: object) -> list[Article]:
    items = list(read_paths([FIXTURES / name], ReadOptions(**options)))  # type: ignore[arg-type]
    assert all(isinstance(x, Article) for x in items), items
    return items  # type: ignore[return-value]


def test_glued_page_splits_into_three_articles_with_own_titles_and_dates() -> None:
    first, second, third = read_fixture("glued_page.txt")
    assert first.title == "Sudan army says it repelled paramilitary assault on El Fasher"
    assert second.title == "Police fire tear gas at protesters in Omdurman"
    assert third.title == "Gunmen kidnap 12 passengers on highway in northwest Nigeria"
    assert [a.published for a in (first, second, third)] == [
        date(2022, 3, 14),
        date(2022, 3, 15),
        date(2022, 3, 16),
    ]
    assert second.published_from == "updated-line" and third.published_from == "published-line"
    assert first.source == "AFP" and second.source == "Reuters" and third.source == "Reuters"
    # each article's text is its own slice of the page
    page = (FIXTURES / "glued_page.txt").read_text()
    for article in (first, second, third):
        assert article.origin is not None and article.origin.offset is not None
        assert page[article.origin.offset :].startswith(article.text)
    assert "Omdurman" not in first.text and "El Fasher" not in second.text
    assert [a.origin.record for a in (first, second, third) if a.origin] == ["1", "2", "3"]


def test_glued_page_zones() -> None:
    first, second, third = read_fixture("glued_page.txt")
    (caption,) = zone_texts(first, "caption")
    assert "Aleppo, Syria" in caption and caption.endswith("(AFP file)")
    assert zone_texts(first, "highlights")[0].startswith("HIGHLIGHTS")
    assert zone_texts(first, "credit") == ["(With AP and AFP)"]
    assert zone_texts(first, "dateline") == ["KHARTOUM: "]
    assert zone_texts(first, "headline") == [first.title]
    furniture = " ".join(zone_texts(first, "furniture"))
    assert "Short Url" in furniture and "Follow" in furniture and "Updated 14 March 2022" in furniture
    assert furniture.count(first.title or "?") == 1  # the repeated headline
    (body,) = zone_texts(first, "body")
    assert body.startswith("Sudan's army said on Sunday") and "Aleppo" not in body
    assert zone_texts(second, "caption")[0].endswith("(Reuters photo)")
    assert zone_texts(third, "dateline") == ["KADUNA, Nigeria, March 16 (Reuters) - "]
    assert zone_texts(third, "credit")[0].startswith("Reporting by")
    for article in (first, second, third):
        assert article.zone_at(article.text.index("said")) == "body"
        spans = sorted((z.start, z.end) for z in article.zones)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))  # no overlaps


def test_wire_digest_datelines_take_their_year_from_context() -> None:
    options = {"published": date(2022, 10, 19)}
    first, second, third = read_fixture("wire_digest.txt", **options)
    assert first.title and first.title.startswith("Ukraine says")
    assert second.title and second.title.startswith("Syrian army")
    assert third.title and third.title.startswith("Somali forces")
    assert (first.published, first.published_from) == (date(2022, 10, 18), "dateline")
    assert (second.published, second.published_from) == (date(2022, 10, 18), "dateline")
    assert (third.published, third.published_from) == (date(2022, 10, 19), "option")
    assert "BEIRUT" not in first.text and "Mahas" not in second.text


def test_dateline_without_any_year_leaves_the_date_unknown() -> None:
    (article,) = [a for a in read_bytes(b"Title here now\nKYIV, Oct 18 (Reuters) - Shelling.\n", "a.txt")]
    assert isinstance(article, Article)
    assert article.published is None and article.published_from is None


def test_published_line_is_preferred_to_updated_line() -> None:
    text = (
        "Drone strike hits convoy in northern Syria\n"
        "Last updated: 12 May 2023 18:30 GMT\n"
        "First published 11 May 2023\n"
        "A drone strike hit a convoy near Qamishli on Thursday, killing three people, a monitor said.\n"
    )
    seg = analyse(text)
    assert seg.published == date(2023, 5, 11) and seg.published_from == "published-line"


def test_al_jazeera_style_published_on() -> None:
    text = (
        "Protesters storm parliament in Baghdad\nPublished On 30 Jul 2022\n\n"
        "Hundreds of protesters stormed the parliament on Saturday."
    )
    seg = analyse(text)
    assert seg.published == date(2022, 7, 30)


def test_reuters_file_photo_caption() -> None:
    text = (
        "Army says it killed militants in Borno\n\n"
        "FILE PHOTO: Soldiers stand guard in Maiduguri, Nigeria. REUTERS/Jane Doe/File Photo\n\n"
        "Nigeria's army said on Monday its troops had killed 20 militants in an ambush near Bama.\n"
    )
    seg = analyse(text)
    captions = [text[z.start : z.end] for z in seg.zones if z.kind == "caption"]
    assert captions == ["FILE PHOTO: Soldiers stand guard in Maiduguri, Nigeria. REUTERS/Jane Doe/File Photo"]


def test_long_article_with_crossheads_and_read_more_is_not_split() -> None:
    para = "The fighting continued for a third day, residents said, and aid groups warned of shortages. "
    text = (
        "Clashes spread across the region\n\n"
        + (para * 3)
        + "\n\nRead more: Army accuses rebels of truce violation\n\n"
        + "Residents flee\n\n"
        + (para * 3)
        + "\n"
    )
    (only,) = segment(text)
    seg_text = text[only.start : only.end]
    kinds = [z.kind for z in only.zones]
    assert kinds.count("headline") == 1 and "furniture" in kinds
    zones = [seg_text[z.start : z.end] for z in only.zones]
    assert "Residents flee" in zones  # a zone of its own, so no sentence runs across it


def test_one_line_text_is_all_body() -> None:
    text = "Police arrest five protesters in Lagos"
    seg = analyse(text)
    assert seg.title is None
    assert [(z.kind, z.start, z.end) for z in seg.zones] == [("body", 0, len(text))]


def test_jsonl_text_with_furniture_gets_zones_but_is_never_split() -> None:
    record = (
        b'{"id": "r1", "title": "Gunmen kill four", "text": "Gunmen kill four\\nShort Url\\n'
        b"Updated 2 March 2023\\nGunmen killed four farmers in Zamfara on Wednesday, police said.\\n"
        b"Follow\\n\\nSecond headline-like line\\nShort Url\\nMore text here that is a sentence."
        b'"}\n'
    )
    (article,) = list(read_bytes(record, "x.jsonl"))
    assert isinstance(article, Article) and article.id == "r1"
    assert zone_texts(article, "headline") == ["Gunmen kill four"]
    assert "Short Url" in " ".join(zone_texts(article, "furniture"))


def test_separator_lines_split_articles() -> None:
    text = (
        "First story about shelling\nShells hit the town on Monday.\n-----\n"
        "Second story about a protest\nProtesters gathered on Tuesday.\n"
    )
    titles = [s.title for s in segment(text)]
    assert titles == ["First story about shelling", "Second story about a protest"]


def test_segment_false_keeps_one_article_per_file() -> None:
    items = list(read_paths([FIXTURES / "glued_page.txt"], ReadOptions(segment=False)))
    assert len(items) == 1 and isinstance(items[0], Article)


def test_news_site_scrape_with_link_list_between_articles() -> None:
    first, second = read_fixture("news_site_scrape.txt", published=date(2023, 7, 19))
    assert first.title == "Militants attack army base in central Mali"
    assert (first.published, first.published_from) == (date(2023, 7, 18), "published-line")
    assert second.title == "Protesters block roads in Conakry over power cuts"
    assert (second.published, second.published_from) == (date(2023, 7, 19), "option")
    furniture = "\n".join(zone_texts(first, "furniture"))
    for line in ("Skip to main content", "Listen to this article", "Image source, Reuters", "Advertisement"):
        assert line in furniture
    assert "Floods destroy homes in Niamey suburbs" in furniture  # a "Most read" link, not body
    assert zone_texts(first, "caption") == [
        "Image caption, Soldiers on patrol near Gao in northern Mali in a file photo"
    ]
    assert len(zone_texts(first, "body")) == 2  # split around the advertisement
    assert zone_texts(second, "highlights")[0].startswith("• Youths burned tyres")
    assert "Updated: 2 hours ago" in zone_texts(second, "furniture")[0]
    assert "Conakry" not in first.text


def test_hard_wrapped_text_stays_one_body_zone() -> None:
    text = (
        "Car bomb kills six near Mogadishu\n\n"
        "MOGADISHU (AP) - A car bomb exploded at a security checkpoint on the outskirts\n"
        "of Mogadishu on Saturday evening, killing at least six people, including\n"
        "Four soldiers and two drivers, a police officer said. Published reports said\n"
        "the militants had claimed the attack.\n\n"
        "Residents said the blast was heard across the city.\n"
    )
    seg = analyse(text)
    assert [z.kind for z in seg.zones] == ["headline", "dateline", "body"]
    body = seg.zones[-1]
    assert text[body.start : body.end].endswith("heard across the city.")


CAPTION_ENDS = [
    " (AFP)", " (AFP file).", " (Reuters photo)", " (Photo by Jane Doe/AFP)", " REUTERS/Jane Doe/File Photo",
    ". File photo", " - file picture.", " AFP via Getty Images", ". Photo: Jane Doe", ", credit: handout",
]  # fmt: skip
BODY_ENDS = [" near Goma (North Kivu).", " the Rapid Support Forces (RSF) said.", " (1/2) of them.", " end."]


@settings(max_examples=200, deadline=None)
@given(
    head=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=300),
    end=st.sampled_from(CAPTION_ENDS + BODY_ENDS),
)
def test_the_caption_tail_prefilter_never_hides_a_caption(head: str, end: str) -> None:
    line = ("Soldiers stand guard " + head + end).strip()
    start = max(0, len(line) - CAPTION_TAIL)
    assert _caption_tail(line, patterns()) == (patterns().caption_tail.search(line, start) is not None)


def test_caption_tails_make_captions_and_bracketed_names_do_not() -> None:
    for end in CAPTION_ENDS:
        assert _caption_tail("Soldiers stand guard at a checkpoint in Goma" + end, patterns()), end
    for end in BODY_ENDS:
        assert not _caption_tail("Soldiers stand guard at a checkpoint" + end, patterns()), end
