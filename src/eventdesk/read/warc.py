"""WARC crawl archives through warcio, streamed record by record.

HTTP response records with an HTML content type go through the HTML reader (url from
WARC-Target-URI, date fallback WARC-Date). Everything else (requests, metadata, images,
redirects, error pages) is skipped silently and counted in a debug log. Records are
named `path#<WARC-Record-ID>`.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventdesk.errors import ReadError
from eventdesk.read import reasons
from eventdesk.read.decode import peek, read_capped
from eventdesk.read.html import MAX_HTML_BYTES, html_to_article
from eventdesk.read.meta import Meta, parse_published
from eventdesk.records import Article, ReadFailure

logger = logging.getLogger(__name__)

SUFFIXES = (".warc",)
WARC_MAGIC = b"WARC/"  # every WARC record starts with its version line, "WARC/1.0" or "WARC/1.1"
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
SUCCESS_STATUS = range(200, 300)  # redirects and error pages hold no article


def _skip_kind(record: Any) -> str | None:
    """Why a record is not an article page, or None if it is one."""
    if record.rec_type != "response":
        return str(record.rec_type)
    if record.http_headers is None:
        return "non-HTTP response"
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(HTML_CONTENT_TYPES):
        return "non-HTML response"
    status = record.http_headers.get_statuscode()
    if not status.isdigit() or int(status) not in SUCCESS_STATUS:
        return f"HTTP {status} response"
    return None


def _record_id(record: Any, number: int) -> str:
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    return record_id.strip("<>") if record_id else f"record-{number}"


def _record_to_article(record: Any, source: str) -> Article | ReadFailure:
    try:
        payload = read_capped(record.content_stream(), MAX_HTML_BYTES, record=True)
    except ReadError as err:
        return ReadFailure(source=source, reason=str(err))
    headers = record.rec_headers
    meta = Meta(url=headers.get_header("WARC-Target-URI") or None)
    warc_date = parse_published(headers.get_header("WARC-Date"), source)
    return html_to_article(payload, source, meta, fallback_date=warc_date)


def read_warc(
    stream: BinaryIO, source: str, path: Path | None = None
) -> Iterator[Article | ReadFailure]:
    """Read the HTML pages of a WARC (plain or record-gzipped) in bounded memory.

    Args:
        stream: the bytes of the archive.
        source: the file's name; records are named `source#<WARC-Record-ID>`.
        path: unused; kept for the common reader signature.

    Yields:
        An Article or a ReadFailure for every HTML response record.
    """
    head, stream = peek(stream, len(WARC_MAGIC))
    if not head.startswith(WARC_MAGIC):
        yield ReadFailure(source=source, reason=reasons.not_a_warc(head))
        return
    skipped: Counter[str] = Counter()
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            kind = _skip_kind(record)
            if kind is not None:
                skipped[kind] += 1
                continue
            yield _record_to_article(record, f"{source}#{_record_id(record, number)}")
    except ArchiveLoadFailed as err:
        yield ReadFailure(source=source, reason=reasons.not_a_warc(err))
    finally:
        if skipped:
            logger.debug("%s: skipped %s", source, dict(skipped))
