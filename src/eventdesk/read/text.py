"""Plain-text and Markdown articles, with metadata from a sidecar or front matter.

Metadata comes from `NAME.meta.json` next to `NAME.txt` (or `NAME.txt.gz`, `NAME.md`), or
from a front-matter block at the top of the file:

    ---
    title: Flood hits town
    published: 2024-03-05
    ---

Both are read when both exist; the sidecar's values win. A malformed sidecar does not
stop the article: the text is still readable, so it is stored without the sidecar's
metadata and a warning names the sidecar and the JSON error.
"""

from __future__ import annotations

import json
import logging
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from eventdesk.errors import ReadError
from eventdesk.read import reasons
from eventdesk.read.decode import check_not_binary, decode_bytes, read_capped
from eventdesk.read.meta import Meta, make_article, meta_from_mapping
from eventdesk.records import Article, ReadFailure

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".meta.json"
# A single article is at most a few hundred kB of text; 5 MB leaves a wide margin and keeps a
# mistaken dump (a log, a whole corpus in one file) from being loaded whole.
MAX_ARTICLE_BYTES = 5_000_000
# Metadata is a handful of short keys; anything bigger is not a sidecar.
MAX_SIDECAR_BYTES = 64_000
FRONT_MATTER_DELIMITER = "---"
FRONT_MATTER_END = ("---", "...")  # YAML's document-end marker closes it too
# A front-matter block is a few lines; a `---` further down is a Markdown rule, not its end.
MAX_FRONT_MATTER_LINES = 40


def sidecar_path(path: Path) -> Path:
    """`NAME.meta.json` for `NAME.txt`, `NAME.md` or `NAME.txt.gz`."""
    if path.suffix == ".gz":
        path = path.with_suffix("")
    return path.with_suffix(SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> Meta:
    """Metadata from a sidecar; a missing one gives empty metadata, a bad one a warning.

    Only a regular file is opened: a FIFO or a device named like a sidecar would block the
    read forever, so it is ignored with a warning.
    """
    where = reasons.shown(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return Meta()
    except OSError as err:
        logger.warning("%s: sidecar ignored: %s", where, reasons.detail(err))
        return Meta()
    if not stat.S_ISREG(mode):
        logger.warning("%s: sidecar ignored: not a regular file", where)
        return Meta()
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SIDECAR_BYTES + 1)
    except FileNotFoundError:
        return Meta()
    except OSError as err:
        logger.warning("%s: sidecar ignored: %s", where, reasons.detail(err))
        return Meta()
    if len(data) > MAX_SIDECAR_BYTES:
        logger.warning("%s: sidecar ignored: over %d bytes", where, MAX_SIDECAR_BYTES)
        return Meta()
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:  # JSONDecodeError is a ValueError
        logger.warning(
            "%s: sidecar ignored, invalid JSON (%s); the article is read without it",
            where,
            reasons.detail(err) if not isinstance(err, RecursionError) else "nested too deeply",
        )
        return Meta()
    if not isinstance(parsed, dict):
        logger.warning("%s: sidecar ignored: a JSON object is expected", where)
        return Meta()
    return meta_from_mapping(parsed, where)


def _front_matter_end(lines: list[str]) -> int | None:
    limit = min(len(lines), MAX_FRONT_MATTER_LINES + 1)
    for index in range(1, limit):
        if lines[index].strip() in FRONT_MATTER_END:
            return index
    return None


def _parse_front_matter(lines: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in lines:
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key.strip().lower()] = value
    return values


def split_front_matter(text: str, where: str) -> tuple[Meta, str]:
    """Split `key: value` front matter from the top of a text.

    Returns:
        The metadata (empty if there is none) and the text without the block.
    """
    if not text.startswith(FRONT_MATTER_DELIMITER):
        return Meta(), text
    lines = text.split("\n", MAX_FRONT_MATTER_LINES + 1)
    if lines[0].strip() != FRONT_MATTER_DELIMITER:
        return Meta(), text
    end = _front_matter_end(lines)
    if end is None:
        return Meta(), text
    values = _parse_front_matter(lines[1:end])
    body = "\n".join(lines[end + 1 :]).lstrip("\n")
    return meta_from_mapping(values, where), body


def read_text(
    stream: BinaryIO, source: str, path: Path | None = None
) -> Iterator[Article | ReadFailure]:
    """Read one article from a text or Markdown stream.

    Args:
        stream: the (decompressed) bytes of the file.
        source: the name recorded in `Article.source` (a path, or "stdin").
        path: the file's path, to find its sidecar; None for stdin.

    Yields:
        One Article, or one ReadFailure with the reason.
    """
    try:
        data = read_capped(stream, MAX_ARTICLE_BYTES)
        check_not_binary(data)
        text = decode_bytes(data)
    except ReadError as err:
        yield ReadFailure(source=source, reason=str(err))
        return
    if not text.strip():
        yield ReadFailure(source=source, reason=reasons.EMPTY_FILE)
        return
    meta, body = split_front_matter(text, source)
    if path is not None:
        meta = meta.merged(read_sidecar(sidecar_path(path)))
    if not body.strip():
        yield ReadFailure(source=source, reason=reasons.EMPTY_AFTER_FRONT_MATTER)
        return
    yield make_article(body, source, meta)
