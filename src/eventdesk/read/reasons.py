"""Every reason a reader gives for a failure, in one place.

A reason is one line, "<problem>; <likely cause or fix>", without the path:
the CLI prints `path: reason`, and the record's `source` already names it.
"""

from __future__ import annotations

import re

_WHITESPACE = re.compile(r"\s+")
# A library's error text can be long (a parser dump); a reason must stay a readable line.
MAX_DETAIL_CHARS = 200


def one_line(text: str) -> str:
    """Collapse whitespace so that a reason (or an embedded error text) fits on one line."""
    return _WHITESPACE.sub(" ", text).strip()


def detail(err: BaseException) -> str:
    """A short, one-line text of an exception, for use inside a reason."""
    text = one_line(str(err)) or type(err).__name__
    if len(text) > MAX_DETAIL_CHARS:
        text = text[: MAX_DETAIL_CHARS - 1] + "…"
    return text


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by the file system decoder
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(name: str | object) -> str:
    """A name safe to print and to store: bytes that are not UTF-8 as `\\xNN`, control and
    direction-changing characters (a terminal escape sequence in a file name) as `\\xNN` or
    `\\uNNNN`. Names without them are returned as they are."""
    return _UNPRINTABLE.sub(_escape, str(name))


def escaped(data: bytes) -> str:
    """Bytes shown as Python writes them (b'\\xff\\xfe'), for a message about odd bytes."""
    return repr(bytes(data))


NOT_FOUND = "no such file or directory; check the path"
EMPTY_FILE = "empty file; the file has no text (was a download or an export cut short?)"
EMPTY_AFTER_FRONT_MATTER = "empty file; there is front matter but no article text after it"
EMPTY_RECORD = "record has no text; give the article in a non-empty 'text' or 'html' field"
NO_ARTICLE_TEXT = (
    "no article text found in the HTML; the page may be an index, a login wall or a page "
    "built by scripts (save the rendered page, or give its text as .txt)"
)
NO_ENTRY_CONTENT = "feed entry has no content or summary; only its title and link are in the feed"
NESTED_TOO_DEEP = (
    "JSON nested too deeply to read (thousands of levels); each line must be one flat JSON object"
)
SIDECAR_GIVEN = (
    "a metadata sidecar, not an article; it is read with the article of the same name "
    "(pass NAME.txt or its directory)"
)
NO_RECORDS = "no records: the file is empty or holds only blank lines"
NO_ENTRIES = "feed has no entries; nothing to read (check that it is the feed you meant)"
SYMLINK_LOOP = "symbolic link loop (the link points back to itself); fix or remove the link"
DANGLING_SYMLINK = "symbolic link to a file that does not exist; fix or remove the link"

_NOT_A_FILE = {
    "fifo": "a named pipe (FIFO)",
    "char": "a character device",
    "block": "a block device",
    "socket": "a socket",
}


def not_a_file(kind: str) -> str:
    """The reason for a path that is a FIFO, a device or a socket: reading it may never end."""
    shown = _NOT_A_FILE.get(kind, kind)
    return f"{shown}, not a regular file; it is not read (it may never end): save its content to a file"


def too_much_decompressed(limit_bytes: int) -> str:
    """The reason for a compressed stream that expands past the decompressed-size cap."""
    return (
        f"decompressed data over {limit_bytes / 1_000_000:g} MB (max_decompressed_mb); the records "
        "before it are kept: split the file, or raise the setting"
    )


def compression_bomb(ratio: float, limit: float) -> str:
    """The reason for a compressed stream that expands far more than text ever does."""
    return (
        f"compressed data expands {ratio:,.0f} times (over max_compression_ratio={limit:g}); "
        "text never does: a corrupt file or a decompression bomb, not read further"
    )


def too_many_records(limit: int) -> str:
    """The reason for a file with more records than the per-file cap."""
    return (
        f"more than {limit:,} records (max_records_per_file); the rest of the file is not read: "
        "split it, or raise the setting"
    )


def more_like_it(count: int, unit: str, span: str, reason: str) -> str:
    """The reason summarising a run of failures of one kind in one file."""
    return f"{count:,} more {unit} ({span}): {reason}"


def unsupported_suffix(suffix: str, supported: list[str]) -> str:
    """The reason for a file whose suffix no reader handles."""
    shown = f"'{suffix}'" if suffix else "(no suffix)"
    return f"unsupported file type {shown}; supported: {', '.join(supported)} (each also as .gz)"


def cannot_open(err: OSError) -> str:
    """The reason for a file the operating system refuses to open or read."""
    problem = err.strerror or detail(err)
    return f"cannot read the file ({problem}); check that it exists and that you may read it"


def truncated_gzip(err: BaseException) -> str:
    """The reason for a gzip stream that ends early."""
    return (
        f"truncated gzip file ({detail(err)}); the download or copy was cut short, fetch it again"
    )


def bad_gzip(err: BaseException) -> str:
    """The reason for a .gz file that is not (valid) gzip."""
    return f"invalid gzip data ({detail(err)}); the file is not gzip despite its .gz suffix"


def too_large(limit_bytes: int) -> str:
    """The reason for an input over its size cap."""
    return (
        f"file too large (over {limit_bytes / 1_000_000:g} MB); a single article is never this "
        "big: split it, or give many articles as JSONL or WARC, which are streamed"
    )


def record_too_large(limit_bytes: int) -> str:
    """The reason for one record (a JSONL line, a WARC payload) over its size cap."""
    return (
        f"record too large (over {limit_bytes / 1_000_000:g} MB); it is skipped and the other "
        "records are read"
    )


def too_many_elements(count: int, limit: int) -> str:
    """The reason for an HTML page with more elements than any article page has."""
    return (
        f"page too large to extract ({count:,} HTML elements, over {limit:,}); a dump or a generated "
        "page, not an article: save the article's own text as .txt"
    )


def binary_file(kind: str) -> str:
    """The reason for binary data where text was expected."""
    return f"binary file ({kind}), not text; check the file's suffix or how it was saved"


def undecodable(err: BaseException | None = None) -> str:
    """The reason for bytes that no text encoding fits."""
    extra = f" ({detail(err)})" if err is not None else ""
    return f"cannot decode the text{extra}; save it as UTF-8"


def bad_json_line(err: BaseException) -> str:
    """The reason for a JSONL line that is not valid JSON."""
    return f"invalid JSON ({detail(err)}); each line must be one JSON object"


def not_an_object(type_name: str) -> str:
    """The reason for a JSONL line holding something other than an object."""
    return f"line is a JSON {type_name}, not an object; each line must be one JSON object"


def field_not_text(name: str, type_name: str) -> str:
    """The reason for a JSONL record whose text field has the wrong type."""
    return f"field '{name}' is a {type_name}, not a string; give the article text as a string"


def not_a_feed(root: str | None) -> str:
    """The reason for an XML file whose root is not rss/feed/RDF."""
    shown = f"<{root}>" if root else "no XML root element"
    return f"XML file with {shown} is not an RSS or Atom feed; only feeds are read from .xml files"


def bad_feed(err: BaseException | str) -> str:
    """The reason for a feed the parser cannot read at all."""
    text = detail(err) if isinstance(err, BaseException) else one_line(err)
    return f"unreadable feed ({text}); check that it is well-formed RSS or Atom"


def not_a_warc(problem: BaseException | bytes) -> str:
    """The reason for a .warc file that is not WARC (its first bytes) or that warcio rejects."""
    if isinstance(problem, bytes):
        shown = f"starts with {problem!r}, not b'WARC/'" if problem else "it is empty"
    else:
        shown = detail(problem)
    return f"not a readable WARC file ({shown}); check the file or how it was written"


def feed_cut_short(err: BaseException | str, entries: int) -> str:
    """The reason for a feed that is not well-formed but was read leniently."""
    text = detail(err) if isinstance(err, BaseException) else one_line(err)
    return (
        f"feed not well-formed ({text}); read leniently, {entries} entries found: entries after "
        "the error may be missing, check the feed"
    )


WARC_RECORD_PAST_END = (
    "WARC record's Content-Length runs past the end of the file; the file was cut short, or the "
    "length is wrong and the record swallowed the records after it"
)
WARC_RECORD_MISALIGNED = (
    "WARC record is not followed by the blank lines that end a record; its Content-Length is "
    "probably wrong, so this record and the next may be misread"
)


def no_html_records(records: int, skipped: dict[str, int]) -> str:
    """The reason for a WARC file with no HTML page to read."""
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(skipped.items())) or "none"
    return f"no HTML page in its {records} records (skipped: {kinds}); only HTML responses are read"


def bad_http_status(line: str) -> str:
    """The reason for a WARC response whose HTTP status line cannot be read."""
    return f"unreadable HTTP status line ({one_line(line)[:80]!r}); the record is skipped"


def warc_stops(err: BaseException, records_read: int) -> str:
    """The reason for a WARC file whose reading stopped at a record warcio cannot parse."""
    return (
        f"unreadable WARC record after {records_read} records ({detail(err)}); the rest of the "
        "file cannot be reached: a Content-Length before it is probably wrong"
    )


def unexpected(err: BaseException) -> str:
    """The reason for a bug: an error no reader expected (logged with its traceback)."""
    return f"unexpected error ({type(err).__name__}: {detail(err)}); please report it as a bug"
