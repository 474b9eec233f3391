"""HTML to an article: trafilatura for whole pages (HTML files, WARC records), lxml for feed fragments.

The article text is the page title, a blank line, then the main text trafilatura finds (the title
is left out when the main text already starts with it); the title line is the headline zone.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date
from typing import Any

from ..models import Article, Origin, Rejection
from .build import Found, clean, make_article
from .dates import parse_date
from .options import ReadOptions

log = logging.getLogger(__name__)

# htmldate: prefer the original publication date, skip the slow extensive search.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
    | {"table", "section", "article", "figure", "figcaption", "pre", "dd", "dt"}
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")


def page_article(
    data: bytes | str,
    origin: Origin,
    options: ReadOptions,
    *,
    url: str | None = None,
    crawl_date: date | None = None,
) -> Article | Rejection:
    """The main text and metadata of one HTML page (trafilatura)."""
    import trafilatura  # noqa: PLC0415 - heavy import, only when HTML is read

    if isinstance(data, bytes) and options.encoding:
        data = data.decode(options.encoding, errors="replace")
    document: Any = trafilatura.bare_extraction(
        data,
        url=url,
        fast=options.fast_html,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
    )
    body = clean_text(getattr(document, "text", None) or "") if document is not None else ""
    if not body:
        return Rejection(origin.path, "no main text found in the HTML page", origin.record)
    title = clean(document.title)
    published = parse_date(document.date) if isinstance(document.date, str) else None
    found = Found(
        title=title,
        published=published,
        published_from="html-meta" if published else None,
        source=clean(document.sitename) or clean(document.hostname),
        url=clean(document.url) or url,
        language=clean(document.language),
    )
    text = body if title is None or body.startswith(title) else f"{title}\n\n{body}"
    article = make_article(text, found, origin, options)
    if isinstance(article, Article) and crawl_date and article.published_from in (None, "option"):
        article = replace(article, published=crawl_date, published_from="warc-header")
    return article


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry), with block elements as paragraphs."""
    html = _CONTROL.sub("", html)
    if "<" not in html:
        return clean_text(_unescape(html))
    from lxml import etree  # type: ignore[import-untyped]  # noqa: PLC0415 - feeds only
    from lxml import html as lxml_html  # noqa: PLC0415

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return clean_text(_unescape(re.sub(r"<[^>]*>", " ", html)))
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        block = isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n\n")
        if event == "start":
            parts.append(element.text or "")
        elif element is not root:
            parts.append(element.tail or "")
    return clean_text("".join(parts))


def _unescape(text: str) -> str:
    import html  # noqa: PLC0415

    return html.unescape(text)


def clean_text(text: str) -> str:
    """Collapse runs of spaces, keep paragraphs (one blank line between them)."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    joined = "\n".join(lines)
    return _BLANKS.sub("\n\n", joined).strip()
