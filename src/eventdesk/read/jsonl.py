"""JSON Lines: one article per line, streamed line by line.

Each line is an object with `text` (plain text) or `html` (a page, extracted like an
.html file), and optionally `url`, `outlet`, `published`, `title`, `language`, `author`;
the publication date and the outlet are also read under their common aliases
(`publication_date`, `date`, `pubdate`, `published_at`, ...; `source_domain`, `sitename`,
...: see `meta.PUBLISHED_KEYS` and `meta.OUTLET_KEYS`). Other keys are ignored, with one
warning per file that names them, so a corpus whose dates sit under a name we do not know
does not lose them in silence. When both `text` and `html` are given, `text` is used.
Records are named `path#N`, N the 1-based line number (blank lines are skipped but
counted, so N is where to look in an editor). A bad line gives a ReadFailure for that
line and the other lines are still read.
"""

from __future__ import annotations

import codecs
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from eventdesk.read import reasons
from eventdesk.read.decode import binary_kind, peek
from eventdesk.read.html import MAX_HTML_BYTES, html_to_article
from eventdesk.read.meta import META_KEYS, make_article, meta_from_mapping
from eventdesk.records import Article, ReadFailure

logger = logging.getLogger(__name__)

SUFFIXES = (".jsonl", ".ndjson")
# A line may carry a whole HTML page, so the cap per line is the HTML page cap.
MAX_LINE_BYTES = MAX_HTML_BYTES
DRAIN_CHUNK_BYTES = 1_000_000  # how much of an over-long line is read (and dropped) at a time
KNOWN_KEYS = frozenset({"text", "html", *META_KEYS})
MAX_UNKNOWN_KEYS = 100  # unknown key names remembered for the warning (a hostile file has millions)


def _drain_line(stream: BinaryIO) -> None:
    """Skip the rest of an over-long line without holding it."""
    while True:
        chunk = stream.readline(DRAIN_CHUNK_BYTES)
        if not chunk or chunk.endswith(b"\n"):
            return


def _lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """Each line's bytes, or None for a line over MAX_LINE_BYTES (already skipped)."""
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            _drain_line(stream)
            yield None
        else:
            yield line


def record_to_article(record: object, source: str) -> Article | ReadFailure:
    """Turn one parsed JSONL record into an Article (or the reason it is not one)."""
    if not isinstance(record, dict):
        return ReadFailure(source=source, reason=reasons.not_an_object(type(record).__name__))
    meta = meta_from_mapping(record, source)
    field = "text" if record.get("text") is not None else "html"
    body = record.get(field)
    if body is None:
        return ReadFailure(source=source, reason=reasons.EMPTY_RECORD)
    if not isinstance(body, str):
        return ReadFailure(source=source, reason=reasons.field_not_text(field, type(body).__name__))
    if not body.strip():
        return ReadFailure(source=source, reason=reasons.EMPTY_RECORD)
    if field == "html":
        return html_to_article(body, source, meta)
    return make_article(body, source, meta)


def _parse_line(line: bytes, source: str, unknown: set[str]) -> Article | ReadFailure:
    """The line's article; the keys it has that we do not read are added to `unknown`."""
    try:
        try:
            record = json.loads(line)
        except UnicodeDecodeError as err:  # not UTF-8: keep the record, the odd bytes as U+FFFD
            logger.warning(
                "%s: bytes that are not UTF-8 (%s at byte %d) replaced by U+FFFD; save the file as UTF-8",
                source, reasons.escaped(line[err.start : err.end]), err.start,
            )  # fmt: skip
            record = json.loads(line.decode("utf-8", errors="replace"))
    except ValueError as err:  # JSONDecodeError, or a number over Python's 4,300-digit limit
        return ReadFailure(source=source, reason=reasons.bad_json_line(err))
    except RecursionError:
        return ReadFailure(source=source, reason=reasons.NESTED_TOO_DEEP)
    if isinstance(record, dict) and len(unknown) < MAX_UNKNOWN_KEYS:
        unknown.update(key for key in record if key not in KNOWN_KEYS)
    return record_to_article(record, source)


def _warn_unknown(source: str, unknown: set[str]) -> None:
    if unknown:
        names = ", ".join(sorted(unknown)[:12]) + (", ..." if len(unknown) > 12 else "")
        logger.warning(
            "%s: keys not read and ignored: %s (known: text, html, %s)", source, names, ", ".join(META_KEYS)
        )


def read_jsonl(
    stream: BinaryIO, source: str, path: Path | None = None
) -> Iterator[Article | ReadFailure]:
    """Read articles from a JSON Lines stream, one per line, in bounded memory.

    Args:
        stream: the (decompressed) bytes of the file.
        source: the file's name; records are named `source#N`.
        path: unused; kept for the common reader signature.

    Yields:
        An Article or a ReadFailure for every non-blank line.
    """
    head, stream = peek(stream)
    kind = binary_kind(head)
    if kind is not None:  # a ZIP or an image named .jsonl: one line, not a failure per "line"
        yield ReadFailure(source=source, reason=reasons.binary_file(kind))
        return
    unknown: set[str] = set()
    records = 0
    for number, line in enumerate(_lines(stream), start=1):
        record_source = f"{source}#{number}"
        records += 1
        if line is None:
            yield ReadFailure(source=record_source, reason=reasons.record_too_large(MAX_LINE_BYTES))
            continue
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if not line.strip():
            records -= 1
            continue
        yield _parse_line(line, record_source, unknown)
    _warn_unknown(source, unknown)
    if not records:
        yield ReadFailure(source=source, reason=reasons.NO_RECORDS)
