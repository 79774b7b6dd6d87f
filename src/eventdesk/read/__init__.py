"""Input readers: files, directories and stdin in; Articles (or ReadFailures) out.

`read_paths` dispatches on the suffix (after stripping `.gz`, which may wrap any
format), walks directories recursively in sorted order and reads `-` as stdin. It is a
generator: one file (or one record of a multi-record file) is in memory at a time.
A file that cannot be read gives a ReadFailure with a one-line reason, and the batch
goes on. Paths named inside article content are never opened.
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventdesk.read import feed, html, jsonl, reasons, text, warc
from eventdesk.read.decode import BOMS, peek
from eventdesk.records import Article, ReadFailure

logger = logging.getLogger(__name__)

Reader = Callable[[BinaryIO, str, Path | None], Iterator[Article | ReadFailure]]
Result = Article | ReadFailure

READERS: dict[str, Reader] = {
    **{suffix: text.read_text for suffix in text.SUFFIXES},
    **{suffix: html.read_html for suffix in html.SUFFIXES},
    **{suffix: jsonl.read_jsonl for suffix in jsonl.SUFFIXES},
    **{suffix: warc.read_warc for suffix in warc.SUFFIXES},
    **{suffix: feed.read_feed for suffix in feed.SUFFIXES},
}
SUPPORTED_SUFFIXES = sorted(READERS)
GZIP_SUFFIX = ".gz"
GZIP_MAGIC = b"\x1f\x8b"
STDIN = "-"
STDIN_SOURCE = "stdin"
# Ending of sidecar files: they belong to their .txt and are not articles themselves.
SIDECAR_SUFFIX = text.SIDECAR_SUFFIX
WARC_MAGIC = warc.WARC_MAGIC

__all__ = ["READERS", "SUPPORTED_SUFFIXES", "read_path", "read_paths", "read_stdin"]


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | ReadFailure]:
    """Read every article from files, directories and stdin (`-`).

    Args:
        paths: files (any supported suffix, optionally `.gz`), directories (read
            recursively in sorted order; hidden entries, `*.meta.json` sidecars and
            files of unsupported types skipped) and `-` for stdin.

    Yields:
        An Article for each article read, a ReadFailure (source + one-line reason) for each
        file or record that could not be read.

    Example:
        >>> for item in read_paths(["news/"]):
        ...     print(item.source)
    """
    for path in paths:
        if str(path) == STDIN:
            yield from read_stdin()
        else:
            yield from read_path(Path(path))


def read_path(path: Path) -> Iterator[Article | ReadFailure]:
    """Read one file or one directory tree (see `read_paths`)."""
    if path.is_dir():
        yield from _read_directory(path)
    elif not path.exists():
        yield ReadFailure(source=str(path), reason=reasons.NOT_FOUND)
    else:
        yield from _read_file(path)


def _read_directory(directory: Path) -> Iterator[Article | ReadFailure]:
    """Read every supported file under a directory.

    Files of other types (a README, a database, images) are skipped with an info log
    rather than reported one by one: a folder of articles often holds such files. A file
    named explicitly with an unsupported suffix is still a ReadFailure.
    """
    unsupported: Counter[str] = Counter()
    for file in _walk(directory):
        reader, _, suffix = _reader_for(file)
        if reader is None:
            unsupported[suffix or "(no suffix)"] += 1
            continue
        yield from _read_file(file)
    if unsupported:
        logger.info("%s: skipped files of unsupported types: %s", directory, dict(unsupported))


def _walk(directory: Path) -> Iterator[Path]:
    """Files under a directory, depth first in name order; hidden entries and sidecars skipped.

    Symbolic links to directories are not followed (they can loop).
    """
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as err:
        logger.warning("%s: cannot list directory: %s", directory, reasons.detail(err))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.endswith(SIDECAR_SUFFIX):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_dir():
            logger.debug("%s: symbolic link to a directory not followed", entry.path)
        else:
            yield Path(entry.path)


def _reader_for(path: Path) -> tuple[Reader | None, bool, str]:
    """The reader for a path, whether it is gzipped, and the suffix that chose it."""
    suffix = path.suffix.lower()
    compressed = suffix == GZIP_SUFFIX
    if compressed:
        suffix = path.with_suffix("").suffix.lower()
    return READERS.get(suffix), compressed, suffix


def _read_file(path: Path) -> Iterator[Article | ReadFailure]:
    source = str(path)
    reader, compressed, suffix = _reader_for(path)
    if reader is None:
        yield ReadFailure(
            source=source, reason=reasons.unsupported_suffix(suffix, SUPPORTED_SUFFIXES)
        )
        return
    try:
        with path.open("rb") as raw:
            stream: BinaryIO = gzip.GzipFile(fileobj=raw) if compressed else raw  # type: ignore[assignment]
            yield from _guarded(reader(stream, source, path), source)
    except OSError as err:
        yield ReadFailure(source=source, reason=reasons.cannot_open(err))


def _guarded(results: Iterator[Result], source: str) -> Iterator[Result]:
    """Turn an error while reading a stream into a ReadFailure for the file.

    Records already yielded stay yielded (a truncated .jsonl.gz keeps its first lines).
    """
    try:
        yield from results
    except EOFError as err:
        yield ReadFailure(source=source, reason=reasons.truncated_gzip(err))
    except (gzip.BadGzipFile, zlib.error) as err:
        yield ReadFailure(source=source, reason=reasons.bad_gzip(err))
    except OSError as err:
        yield ReadFailure(source=source, reason=reasons.cannot_open(err))
    except Exception as err:  # a reader bug must not end the batch: log it, report it, go on
        logger.exception("%s: unexpected error while reading", source)
        yield ReadFailure(source=source, reason=reasons.unexpected(err))


def _first_char(head: bytes) -> str:
    for bom, codec in BOMS:
        if head.startswith(bom):
            return head.decode(codec, errors="ignore").lstrip()[:1]
    return head.decode("latin-1").lstrip()[:1]


def sniff_reader(head: bytes) -> Reader:
    """Choose a reader from the first bytes of a nameless stream (stdin).

    JSONL if it starts with "{", a feed if it is XML with a feed root, HTML if it starts
    with "<", a WARC if it starts with "WARC/", else plain text.
    """
    first = _first_char(head)
    if head.startswith(WARC_MAGIC):
        return warc.read_warc
    if first == "{":
        return jsonl.read_jsonl
    if first == "<":
        return feed.read_feed if feed.xml_root_name(head) in feed.FEED_ROOTS else html.read_html
    return text.read_text


def read_stdin(stream: BinaryIO | None = None) -> Iterator[Article | ReadFailure]:
    """Read articles from standard input, sniffing the format (gzip allowed).

    Args:
        stream: bytes to read instead of `sys.stdin` (for tests and embedding).

    Yields:
        Articles and ReadFailures named "stdin" (or "stdin#N" for records).
    """
    if stream is None:
        stream = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode())
    try:
        head, stream = peek(stream)
        if head.startswith(GZIP_MAGIC):
            head, stream = peek(gzip.GzipFile(fileobj=stream))  # type: ignore[arg-type]
    except (OSError, EOFError) as err:
        yield ReadFailure(source=STDIN_SOURCE, reason=reasons.truncated_gzip(err))
        return
    yield from _guarded(sniff_reader(head)(stream, STDIN_SOURCE, None), STDIN_SOURCE)
