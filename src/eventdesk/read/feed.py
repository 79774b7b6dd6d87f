"""RSS and Atom feeds through feedparser: one article per entry.

Each entry's content (or, failing that, its summary) is HTML turned into text; its link,
date and title become metadata and the feed's title is the outlet. An `.xml` file is read
only when its root element is a feed (rss, feed, or RSS 1.0's rdf:RDF). Entries are named
`path#N`, N the 1-based entry number.
"""

from __future__ import annotations

import codecs
import logging
import re
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import feedparser

from eventdesk.errors import ReadError
from eventdesk.read import reasons
from eventdesk.read.decode import check_not_binary, peek, read_capped
from eventdesk.read.html import fragment_to_text
from eventdesk.read.meta import Meta, make_article
from eventdesk.records import Article, ReadFailure

logger = logging.getLogger(__name__)

SUFFIXES = (".rss", ".atom", ".xml")
FEED_ROOTS = frozenset({"rss", "feed", "RDF"})
# Feeds carry summaries or a few dozen full entries; 20 MB bounds feedparser's in-memory parse
# while covering the largest full-content feeds we know of (a few MB).
MAX_FEED_BYTES = 20_000_000
PLAIN_TEXT_TYPES = ("text/plain",)
# What feedparser flags without losing anything: a declared encoding it overrode, a text/plain
# content type. Any other flag (an XML syntax error) means it fell back to a lenient parse
# that may have dropped entries.
HARMLESS_BOZO = (
    feedparser.CharacterEncodingOverride,
    feedparser.NonXMLContentType,
)
# Skip the XML declaration, processing instructions, comments and a DOCTYPE, then take the
# name of the first element.
_ROOT = re.compile(
    rb"^\s*(?:(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)\s*)*<([A-Za-z_][\w:.-]*)",
    re.DOTALL,
)


def xml_root_name(head: bytes) -> str | None:
    """The local name of the first element in some leading XML bytes, or None."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    head = head.removeprefix(codecs.BOM_UTF8)
    match = _ROOT.match(head)
    if match is None:
        return None
    return match.group(1).decode("ascii").rpartition(":")[2]


def _entry_date(entry: Any) -> date | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    body = contents[0] if contents else entry.get("summary_detail")
    if not body or not body.get("value"):
        return ""
    if body.get("type") in PLAIN_TEXT_TYPES:
        return str(body["value"]).strip()
    return fragment_to_text(str(body["value"]))


def entry_to_article(entry: Any, source: str, outlet: str | None) -> Article | ReadFailure:
    """Turn one feedparser entry into an Article (or the reason it is not one)."""
    text = _entry_text(entry)
    if not text:
        return ReadFailure(source=source, reason=reasons.NO_ENTRY_CONTENT)
    meta = Meta(
        title=entry.get("title") or None,
        url=entry.get("link") or None,
        outlet=outlet,
        author=entry.get("author") or None,
        published=_entry_date(entry),
    )
    return make_article(text, source, meta)


def _check_head(head: bytes) -> None:
    """Reject, from its first bytes, a file that is binary, empty or XML but not a feed."""
    check_not_binary(head)
    if not head.strip():
        raise ReadError(reasons.EMPTY_FILE)
    root = xml_root_name(head)
    if root not in FEED_ROOTS:
        raise ReadError(reasons.not_a_feed(root))


def _parse(stream: BinaryIO) -> Any:
    """The feedparser result for a feed stream (checked before it is read whole)."""
    head, stream = peek(stream)
    _check_head(head)
    parsed = feedparser.parse(read_capped(stream, MAX_FEED_BYTES))
    if parsed.bozo and not parsed.entries:
        raise ReadError(reasons.bad_feed(parsed.get("bozo_exception", "")))
    return parsed


def read_feed(
    stream: BinaryIO, source: str, path: Path | None = None
) -> Iterator[Article | ReadFailure]:
    """Read the entries of an RSS or Atom feed.

    Args:
        stream: the (decompressed) bytes of the feed.
        source: the file's name; entries are named `source#N`.
        path: unused; kept for the common reader signature.

    Yields:
        An Article or a ReadFailure for every entry, or one ReadFailure for the file.
    """
    try:
        parsed = _parse(stream)
    except ReadError as err:
        yield ReadFailure(source=source, reason=str(err))
        return
    malformed = parsed.bozo and not isinstance(parsed.bozo_exception, HARMLESS_BOZO)
    if parsed.bozo and not malformed:
        logger.warning(
            "%s: feed read despite %s", source, reasons.detail(parsed.bozo_exception)
        )
    if not parsed.entries and not malformed:
        yield ReadFailure(source=source, reason=reasons.NO_ENTRIES)
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield entry_to_article(entry, f"{source}#{number}", outlet)
    if malformed:  # the lenient parser may have lost entries after the error: say so
        yield ReadFailure(source=source, reason=reasons.feed_cut_short(parsed.bozo_exception, len(parsed.entries)))
