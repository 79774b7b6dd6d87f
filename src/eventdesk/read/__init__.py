"""Input readers: files, directories and stdin in; Articles (or ReadFailures) out.

`read_paths` dispatches on the suffix (after stripping `.gz`, which may wrap any
format), walks directories recursively in sorted order and reads `-` as stdin. It is a
generator: one file (or one record of a multi-record file) is in memory at a time.
A file that cannot be read gives a ReadFailure with a one-line reason, and the batch
goes on. Paths named inside article content are never opened.

Every input is bounded (ReadLimits): FIFOs, devices, sockets and symbolic-link loops are
refused before they are opened; decompressed data is capped in size and in expansion ratio
(a gzip bomb stops with a message, the records before it kept); a file gives at most
`max_records` records; and a run of failures of one kind in one file is reported as its first
few and one summary line ("4,999,998 more lines (...): ..."), not a line each. Names are
made printable: bytes that are not UTF-8 and control characters are shown escaped.
"""

from __future__ import annotations

import errno
import gzip
import io
import logging
import os
import re
import stat
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from eventdesk.errors import ReadError
from eventdesk.read import feed, html, jsonl, reasons, text, warc
from eventdesk.read.decode import BOMS, peek
from eventdesk.read.reasons import shown
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

__all__ = ["READERS", "SUPPORTED_SUFFIXES", "ReadLimits", "read_path", "read_paths", "read_stdin", "shown"]

# A run of failures of one kind in one file: the first few are reported one by one, the rest
# in one summary line. "One kind": the same reason once numbers are masked (line and column
# numbers in a JSON error differ from line to line).
SHOWN_REPEATS = 3
_NUMBERS = re.compile(r"\d+")
# What a record is called in the summary line, by reader.
RECORD_UNITS: dict[Reader, str] = {jsonl.read_jsonl: "lines", feed.read_feed: "entries", warc.read_warc: "records"}
# Readers of record streams: records read before a cut are whole and kept.
STREAMING_READERS = frozenset({jsonl.read_jsonl, warc.read_warc})
# The expansion ratio is checked once this much has been decompressed: a small file may
# expand a lot in relative terms (a header, a few repeated lines) without being a bomb.
RATIO_CHECK_AFTER_BYTES = 1_000_000


@dataclass(frozen=True)
class ReadLimits:
    """Caps on what one input may make the readers do (data/defaults.toml says why)."""

    max_decompressed_bytes: int = 2_000_000_000
    max_compression_ratio: float = 100.0
    max_records: int = 1_000_000

    @classmethod
    def from_config(cls, config) -> ReadLimits:  # type: ignore[no-untyped-def]
        """The limits a configuration asks for (max_decompressed_mb, max_compression_ratio,
        max_records_per_file)."""
        return cls(
            max_decompressed_bytes=config.max_decompressed_mb * 1_000_000,
            max_compression_ratio=float(config.max_compression_ratio),
            max_records=config.max_records_per_file,
        )


def read_paths(
    paths: Iterable[str | Path], limits: ReadLimits = ReadLimits()  # noqa: B008 (frozen)
) -> Iterator[Article | ReadFailure]:
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
            yield from read_stdin(limits=limits)
        else:
            yield from read_path(Path(path), limits)


def _kind(path: Path) -> tuple[str | None, str | None]:
    """("dir" | "file" | None, None) for a path, or (None, reason) when it is not to be read."""
    try:
        mode = path.stat().st_mode  # follows symbolic links
    except OSError as err:
        if err.errno == errno.ELOOP:
            return None, reasons.SYMLINK_LOOP
        if err.errno == errno.ENOENT:
            return None, reasons.DANGLING_SYMLINK if path.is_symlink() else reasons.NOT_FOUND
        return None, reasons.cannot_open(err)
    if stat.S_ISDIR(mode):
        return "dir", None
    if stat.S_ISREG(mode):
        return "file", None
    kind = "fifo" if stat.S_ISFIFO(mode) else "char" if stat.S_ISCHR(mode) else "block" if stat.S_ISBLK(mode) else "socket"
    return None, reasons.not_a_file(kind)


def read_path(path: Path, limits: ReadLimits = ReadLimits()) -> Iterator[Article | ReadFailure]:  # noqa: B008
    """Read one file or one directory tree (see `read_paths`)."""
    kind, refusal = _kind(path)
    if refusal is not None:
        yield ReadFailure(source=shown(path), reason=refusal)
    elif kind == "dir":
        yield from _read_directory(path, limits)
    elif path.name.endswith(SIDECAR_SUFFIX):
        yield ReadFailure(source=shown(path), reason=reasons.SIDECAR_GIVEN)
    else:
        yield from _read_file(path, limits)


def _read_directory(directory: Path, limits: ReadLimits) -> Iterator[Article | ReadFailure]:
    """Read every supported file under a directory.

    Files of other types (a README, a database, images) are skipped and counted in one warning
    for the directory rather than reported one by one: a folder of articles often holds such files. A file
    named explicitly with an unsupported suffix is still a ReadFailure. A file of a supported
    type that is not a regular file (a FIFO named feed.txt) or a link loop is a ReadFailure.
    """
    unsupported: Counter[str] = Counter()
    for file in _walk(directory):
        reader, _, suffix = _reader_for(file)
        if reader is None:
            unsupported[suffix or "(no suffix)"] += 1
            continue
        kind, refusal = _kind(file)
        if refusal is not None:
            yield ReadFailure(source=shown(file), reason=refusal)
        elif kind == "file":
            yield from _read_file(file, limits)
        else:
            logger.debug("%s: symbolic link to a directory not followed", shown(file))
    if unsupported:
        kinds = ", ".join(f"{suffix} ({n})" for suffix, n in sorted(unsupported.items()))
        logger.warning(
            "%s: %d file(s) of types not read skipped: %s; supported: %s (each also as .gz)",
            shown(directory), sum(unsupported.values()), kinds, ", ".join(SUPPORTED_SUFFIXES),
        )  # fmt: skip


def _walk(directory: Path) -> Iterator[Path]:
    """Files under a directory, depth first in name order; hidden entries and sidecars skipped.

    Symbolic links to directories are not followed (they can loop). Iterative, so a tree of
    any depth is walked without running out of stack.
    """
    stack: list[Iterator[os.DirEntry[str]]] = []

    def listing(path: Path | str) -> Iterator[os.DirEntry[str]]:
        try:
            with os.scandir(path) as entries:
                return iter(sorted(entries, key=lambda entry: entry.name))
        except OSError as err:
            logger.warning("%s: cannot list directory: %s", shown(path), reasons.detail(err))
            return iter(())

    stack.append(listing(directory))
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith(".") or entry.name.endswith(SIDECAR_SUFFIX):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            stack.append(listing(entry.path))
        else:
            yield Path(entry.path)


def _reader_for(path: Path) -> tuple[Reader | None, bool, str]:
    """The reader for a path, whether it is gzipped, and the suffix that chose it."""
    suffix = path.suffix.lower()
    compressed = suffix == GZIP_SUFFIX
    if compressed:
        suffix = path.with_suffix("").suffix.lower()
    return READERS.get(suffix), compressed, suffix


def _read_file(path: Path, limits: ReadLimits = ReadLimits()) -> Iterator[Article | ReadFailure]:  # noqa: B008
    source = shown(path)
    reader, compressed, suffix = _reader_for(path)
    if reader is None:
        yield ReadFailure(
            source=source, reason=reasons.unsupported_suffix(suffix, SUPPORTED_SUFFIXES)
        )
        return
    try:
        with path.open("rb") as raw:
            stream: BinaryIO = _decompressed(raw, limits) if compressed else raw  # type: ignore[assignment]
            yield from _read_stream(reader, stream, source, path, limits)
    except OSError as err:
        yield ReadFailure(source=source, reason=reasons.cannot_open(err))


class _Capped(io.RawIOBase):
    """Decompressed bytes, stopped with a ReadError past a size cap or an expansion ratio."""

    def __init__(self, inner: BinaryIO, compressed: _Counting, limits: ReadLimits) -> None:
        super().__init__()
        self._inner = inner
        self._compressed = compressed
        self._limits = limits
        self._count = 0
        self.truncated: EOFError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            # read1: one decompression step, so an error loses nothing already decompressed
            data = self._inner.read1(len(buffer))  # type: ignore[attr-defined]
        except EOFError as err:
            # A truncated stream ends here, cleanly for the reader, which keeps every record
            # before the cut; `_read_file` reports the truncation after them.
            self.truncated = err
            return 0
        self._count += len(data)
        if self._count > self._limits.max_decompressed_bytes:
            raise ReadError(reasons.too_much_decompressed(self._limits.max_decompressed_bytes))
        if self._count > RATIO_CHECK_AFTER_BYTES:
            ratio = self._count / max(1, self._compressed.count)
            if ratio > self._limits.max_compression_ratio:
                raise ReadError(reasons.compression_bomb(ratio, self._limits.max_compression_ratio))
        buffer[: len(data)] = data
        return len(data)


class _Counting:
    """A readable stream that counts the bytes read from it (the compressed side of a gzip)."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self.count += len(data)
        return data


def _decompressed(raw: BinaryIO, limits: ReadLimits) -> BinaryIO:
    """A gzip stream over `raw`, capped by `limits`."""
    counting = _Counting(raw)
    return io.BufferedReader(_Capped(gzip.GzipFile(fileobj=counting), counting, limits))  # type: ignore[arg-type, return-value]


def _read_stream(
    reader: Reader, stream: BinaryIO, source: str, path: Path | None, limits: ReadLimits
) -> Iterator[Article | ReadFailure]:
    """Run a reader over a (possibly decompressed) stream, bounded and tidied; a stream cut
    short keeps the whole records of a record format (JSONL, WARC) and gives one failure, but
    no part of a single-article file (a text, a page, a feed) is taken for the whole."""
    results = _tidy(_guarded(reader(stream, source, path), source), source, reader, limits)
    if reader in STREAMING_READERS:
        yield from results
        yield from _truncation(stream, source)
        return
    held = list(results)
    cut = list(_truncation(stream, source))
    yield from cut or held


def _truncation(stream: BinaryIO, source: str) -> Iterator[ReadFailure]:
    """The failure for a compressed stream that was cut short (after its readable records)."""
    capped = getattr(stream, "raw", None)
    err = getattr(capped, "truncated", None)
    if isinstance(capped, _Capped) and err is not None:
        yield ReadFailure(source=source, reason=reasons.truncated_gzip(err))


def _kind_key(reason: str) -> str:
    return _NUMBERS.sub("N", reason)


def _record_label(source: str) -> str:
    return source.rpartition("#")[2] if "#" in source else source


def _tidy(results: Iterator[Result], source: str, reader: Reader, limits: ReadLimits) -> Iterator[Result]:
    """At most `limits.max_records` records from one file, and a run of failures of one kind
    reported as its first SHOWN_REPEATS and one summary line."""
    unit = RECORD_UNITS.get(reader, "records")
    run = _Run(source, unit)
    count = 0
    try:
        for item in results:
            count += 1
            if count > limits.max_records:
                yield from run.end()
                yield ReadFailure(source=source, reason=reasons.too_many_records(limits.max_records))
                return
            is_record_failure = isinstance(item, ReadFailure) and item.source != source
            key = _kind_key(item.reason) if is_record_failure else None  # type: ignore[union-attr]
            if key is None or key != run.key:
                yield from run.end()
            if key is None:
                yield item
            elif run.add(key, item):  # type: ignore[arg-type]
                yield item
        yield from run.end()
    finally:
        results.close()  # type: ignore[attr-defined]


class _Run:
    """A run of record failures of one kind: the first SHOWN_REPEATS pass, the rest are counted."""

    def __init__(self, source: str, unit: str) -> None:
        self.source, self.unit = source, unit
        self.key: str | None = None
        self.length = 0
        self.first: ReadFailure | None = None
        self.last: ReadFailure | None = None

    def add(self, key: str, item: ReadFailure) -> bool:
        """Count a failure; True if it is to be reported on its own."""
        self.key = key
        self.length += 1
        if self.length <= SHOWN_REPEATS:
            return True
        self.first = self.first or item
        self.last = item
        return False

    def end(self) -> Iterator[ReadFailure]:
        """The summary of the held failures, if any; then a new run."""
        if self.first is not None and self.last is not None:
            held = self.length - SHOWN_REPEATS
            a, b = _record_label(self.first.source), _record_label(self.last.source)
            yield ReadFailure(
                source=f"{self.source}#{a}..{b}" if held > 1 else self.first.source,
                reason=reasons.more_like_it(held, self.unit, f"#{a} to #{b}", self.first.reason)
                if held > 1 else self.first.reason,
            )  # fmt: skip
        self.key, self.length, self.first, self.last = None, 0, None, None


def _guarded(results: Iterator[Result], source: str) -> Iterator[Result]:
    """Turn an error while reading a stream into a ReadFailure for the file.

    Records already yielded stay yielded (a truncated .jsonl.gz keeps its first lines).
    """
    try:
        yield from results
    except ReadError as err:
        yield ReadFailure(source=source, reason=str(err))
    except RecursionError:
        yield ReadFailure(source=source, reason=reasons.NESTED_TOO_DEEP)
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


def read_stdin(
    stream: BinaryIO | None = None, limits: ReadLimits = ReadLimits()  # noqa: B008 (frozen)
) -> Iterator[Article | ReadFailure]:
    """Read articles from standard input, sniffing the format (gzip allowed).

    Args:
        stream: bytes to read instead of `sys.stdin` (for tests and embedding).
        limits: the caps on decompressed size, expansion and records.

    Yields:
        Articles and ReadFailures named "stdin" (or "stdin#N" for records).
    """
    if stream is None:
        stream = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode())
    unpacked: BinaryIO | None = None
    try:
        head, stream = peek(stream)
        if head.startswith(GZIP_MAGIC):
            unpacked = _decompressed(stream, limits)
            head, stream = peek(unpacked)
    except ReadError as err:
        yield ReadFailure(source=STDIN_SOURCE, reason=str(err))
        return
    except (OSError, EOFError) as err:
        yield ReadFailure(source=STDIN_SOURCE, reason=reasons.truncated_gzip(err))
        return
    if unpacked is not None and not head:
        yield from _truncation(unpacked, STDIN_SOURCE)
        return
    reader = sniff_reader(head)
    results = _read_stream(reader, stream, STDIN_SOURCE, None, limits)
    if unpacked is None:
        yield from results
        return
    # The truncation is on the decompressed stream under the peeked one.
    held = []
    for item in results:
        if reader in STREAMING_READERS:
            yield item
        else:
            held.append(item)
    cut = list(_truncation(unpacked, STDIN_SOURCE))
    yield from cut or held
