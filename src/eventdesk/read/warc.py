"""WARC crawl archives through warcio, streamed record by record.

HTTP response records with an HTML content type go through the HTML reader (url from
WARC-Target-URI, date fallback WARC-Date). Everything else (requests, metadata, images,
redirects, error pages) is skipped silently and counted in a debug log. Records are
named `path#<WARC-Record-ID>`.

What cannot be read is said, never dropped in silence: a response whose HTTP status line is
unreadable, a record whose Content-Length runs past the end of the file (it swallowed what
followed) or stops short of the next record, and a record warcio cannot parse (the rest of the
file is then unreachable: the failure says how many records were read before it).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

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
    if status.isdigit() and int(status) not in SUCCESS_STATUS:
        return f"HTTP {status} response"
    return None


def _record_id(record: Any, number: int) -> str:
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    return record_id.strip("<>") if record_id else f"record-{number}"


def _record_to_article(record: Any, source: str) -> Article | ReadFailure:
    status = record.http_headers.get_statuscode()
    if not status.isdigit():
        return ReadFailure(source=source, reason=reasons.bad_http_status(record.http_headers.statusline))
    try:
        payload = read_capped(record.content_stream(), MAX_HTML_BYTES, record=True)
    except ReadError as err:
        return ReadFailure(source=source, reason=str(err))
    if _ran_short(record):  # a page cut short is not stored as if whole
        return ReadFailure(source=source, reason=reasons.WARC_RECORD_PAST_END)
    headers = record.rec_headers
    meta = Meta(url=headers.get_header("WARC-Target-URI") or None)
    warc_date = parse_published(headers.get_header("WARC-Date"), source)
    return html_to_article(payload, source, meta, fallback_date=warc_date)


class _Iterator(ArchiveIterator):
    """warcio's iterator, but a record not followed by the blank lines that end it (its
    Content-Length is wrong) is noted for the reader to report, not written to stderr."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.misaligned = False

    def _consume_blanklines(self):  # type: ignore[no-untyped-def]  # warcio's, without the print
        empty_size = 0
        first_line = True
        while True:
            line = self.reader.readline()
            if len(line) == 0:
                return None, empty_size
            stripped = line.rstrip()
            if len(stripped) == 0 or first_line:
                empty_size += len(line)
                if len(stripped) != 0:
                    self.misaligned = True
                    self.err_count += 1
                first_line = False
                continue
            return line, empty_size


def _ran_short(record: Any) -> bool:
    """Whether the file ended before the record's declared Content-Length."""
    return getattr(record.raw_stream, "limit", 0) > 0


def read_warc(
    stream: BinaryIO, source: str, path: Path | None = None
) -> Iterator[Article | ReadFailure]:
    """Read the HTML pages of a WARC (plain or record-gzipped) in bounded memory.

    Args:
        stream: the bytes of the archive.
        source: the file's name; records are named `source#<WARC-Record-ID>`.
        path: unused; kept for the common reader signature.

    Yields:
        An Article or a ReadFailure for every HTML response record, and a ReadFailure for
        every record whose length is wrong or that cannot be parsed.
    """
    head, stream = peek(stream, len(WARC_MAGIC))
    if not head.startswith(WARC_MAGIC):
        yield ReadFailure(source=source, reason=reasons.not_a_warc(head))
        return
    skipped: Counter[str] = Counter()
    records = _Iterator(stream)
    number = 0
    previous: tuple[Any, str] | None = None
    told = False  # whether anything was yielded: a file with no page at all is said to be so
    try:
        for number, record in enumerate(records, start=1):
            if previous is not None:
                yield from _length_problems(previous, records)
            name = f"{source}#{_record_id(record, number)}"
            previous = (record, name)
            kind = _skip_kind(record)
            if kind is not None:
                skipped[kind] += 1
                continue
            told = True
            yield _record_to_article(record, name)
        if previous is not None:
            for problem in _length_problems(previous, records):
                told = True
                yield problem
        if not told:
            yield ReadFailure(source=source, reason=reasons.no_html_records(number, dict(skipped)))
    except (ArchiveLoadFailed, StatusAndHeadersParserException) as err:
        if previous is None:
            yield ReadFailure(source=source, reason=reasons.not_a_warc(err))
        else:
            yield from _length_problems(previous, records)
            yield ReadFailure(source=source, reason=reasons.warc_stops(err, number))
    finally:
        if skipped:
            logger.debug("%s: skipped %s", source, dict(skipped))


def _length_problems(previous: tuple[Any, str], records: _Iterator) -> Iterator[ReadFailure]:
    record, name = previous
    if _ran_short(record):
        if _skip_kind(record) is not None:  # an HTML page cut short was reported when read
            yield ReadFailure(source=name, reason=reasons.WARC_RECORD_PAST_END)
    elif records.misaligned:
        yield ReadFailure(source=name, reason=reasons.WARC_RECORD_MISALIGNED)
    records.misaligned = False
