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


NOT_FOUND = "no such file or directory; check the path"
EMPTY_FILE = "empty file; the file has no text (was a download or an export cut short?)"
EMPTY_AFTER_FRONT_MATTER = "empty file; there is front matter but no article text after it"
EMPTY_RECORD = "record has no text; give the article in a non-empty 'text' or 'html' field"
NO_ARTICLE_TEXT = (
    "no article text found in the HTML; the page may be an index, a login wall or a page "
    "built by scripts (save the rendered page, or give its text as .txt)"
)
NO_ENTRY_CONTENT = "feed entry has no content or summary; only its title and link are in the feed"


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


def unexpected(err: BaseException) -> str:
    """The reason for a bug: an error no reader expected (logged with its traceback)."""
    return f"unexpected error ({type(err).__name__}: {detail(err)}); please report it as a bug"
