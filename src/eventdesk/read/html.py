"""HTML pages through trafilatura: the article text without navigation, plus metadata.

Extraction favours precision (a missed paragraph costs less than a menu read as news);
paragraphs are separated by blank lines. The date comes from trafilatura's metadata,
then htmldate's extensive search, then a date the caller knows (a WARC record's date).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

import htmldate
import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from eventdesk.errors import ReadError
from eventdesk.read import reasons
from eventdesk.read.decode import check_not_binary, read_capped
from eventdesk.read.meta import Meta, make_article, parse_published
from eventdesk.records import Article, ReadFailure

logger = logging.getLogger(__name__)

SUFFIXES = (".html", ".htm")
# Saved news pages are 50 kB-2 MB with inline scripts; 10 MB bounds the parse tree in memory
# (lxml needs several times the file size) while keeping every real page we have seen.
MAX_HTML_BYTES = 10_000_000
# trafilatura and htmldate take ~0.25 ms an element (a 9 MB page of 110,000 paragraphs: 25 s,
# in the reading process, which has no time budget). News pages, navigation and comments
# included, hold a few thousand elements; a page with more opening tags than this is a dump or
# a generated page and is refused before it is parsed.
MAX_HTML_ELEMENTS = 30_000
_OPEN_TAG = re.compile(rb"<[A-Za-z]")
PARAGRAPH_BREAK = "\n\n"
# Elements whose text starts a new paragraph when an HTML fragment (a feed entry) is flattened.
BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
    | {"table", "tr", "section", "article", "figure", "figcaption", "header", "footer", "aside"}
)
DROPPED_TAGS = ("script", "style", "noscript", "template")


# trafilatura logs what it makes of a bad page ("empty HTML tree: None") without naming it; the
# reader reports the outcome on one line that does (a ReadFailure), so the libraries' own lines
# show with debug logging only.
QUIET_LIBRARIES = ("trafilatura", "htmldate", "courlan")


def _quiet_libraries() -> None:
    if not logger.isEnabledFor(logging.DEBUG):
        for name in QUIET_LIBRARIES:
            logging.getLogger(name).setLevel(logging.CRITICAL)


def _page_date(html: bytes | str, extracted: str | None, where: str) -> date | None:
    published = parse_published(extracted, where) if extracted else None
    if published is not None:
        return published
    try:
        found = htmldate.find_date(html, extensive_search=True, original_date=True)
    except Exception as err:  # htmldate raises a variety of parser errors on odd pages
        logger.debug("%s: htmldate failed: %s", where, reasons.detail(err))
        return None
    return parse_published(found, where) if found else None


def _hostname(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def _paragraphs(text: str) -> str:
    lines = (line.strip() for line in text.split("\n"))
    return PARAGRAPH_BREAK.join(line for line in lines if line)


def _extract(html: bytes | str, url: str | None) -> Document | None:
    """Run trafilatura (precision first, no comments or tables) and return its Document."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
    )
    return doc if isinstance(doc, Document) else None


def html_to_article(
    html: bytes | str,
    source: str,
    meta: Meta | None = None,
    fallback_date: date | None = None,
) -> Article | ReadFailure:
    """Extract one article from an HTML page.

    Args:
        html: the page; bytes are decoded by trafilatura (it honours `<meta charset>`).
        source: the name recorded in `Article.source`.
        meta: metadata the caller knows (a JSONL record's fields, a WARC target URI); its
            values win over what the page says.
        fallback_date: used when neither trafilatura nor htmldate finds a date.

    Returns:
        The Article, or a ReadFailure when the page holds no article text.
    """
    meta = meta or Meta()
    _quiet_libraries()
    elements = len(_OPEN_TAG.findall(html if isinstance(html, bytes) else html.encode("utf-8", "replace")))
    if elements > MAX_HTML_ELEMENTS:
        return ReadFailure(source=source, reason=reasons.too_many_elements(elements, MAX_HTML_ELEMENTS))
    try:
        doc = _extract(html, meta.url)
    except Exception as err:  # trafilatura can raise on pathological markup: one page fails
        logger.warning("%s: trafilatura failed", source, exc_info=True)
        return ReadFailure(source=source, reason=reasons.unexpected(err))
    text = _paragraphs(doc.text or "") if doc is not None else ""
    if doc is None or not text:
        return ReadFailure(source=source, reason=reasons.NO_ARTICLE_TEXT)
    url = meta.url or doc.url
    page = Meta(
        title=doc.title,
        url=url,
        outlet=doc.sitename or _hostname(url),
        author=doc.author,
        published=_page_date(html, doc.date, source) or fallback_date,
    )
    return make_article(text, source, page.merged(meta))


def read_html(
    stream: BinaryIO, source: str, path: Path | None = None
) -> Iterator[Article | ReadFailure]:
    """Read one article from an HTML file.

    Args:
        stream: the (decompressed) bytes of the page.
        source: the name recorded in `Article.source`.
        path: unused (HTML carries its own metadata); kept for the common reader signature.

    Yields:
        One Article, or one ReadFailure with the reason.
    """
    try:
        data = read_capped(stream, MAX_HTML_BYTES)
        check_not_binary(data)
    except ReadError as err:
        yield ReadFailure(source=source, reason=str(err))
        return
    if not data.strip():
        yield ReadFailure(source=source, reason=reasons.EMPTY_FILE)
        return
    yield html_to_article(data, source)


def _flatten(element: lxml.html.HtmlElement, parts: list[str]) -> None:
    if not isinstance(element.tag, str) or element.tag in DROPPED_TAGS:
        parts.append(element.tail or "")
        return
    block = element.tag in BLOCK_TAGS
    if block:
        parts.append("\n")
    parts.append(element.text or "")
    for child in element:
        _flatten(child, parts)
    if block:
        parts.append("\n")
    parts.append(element.tail or "")


def fragment_to_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's content), paragraphs separated by blank lines.

    No boilerplate removal: a fragment is already the entry's own content.
    """
    if not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html.strip()
    parts: list[str] = []
    _flatten(root, parts)
    blocks = "".join(parts).split("\n")
    return PARAGRAPH_BREAK.join(" ".join(b.split()) for b in blocks if b.strip())
