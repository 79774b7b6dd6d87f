"""Bytes to text: size caps, binary sniffing and encoding detection.

UTF-8 comes first (and byte-order marks, UTF-16/32 included); only bytes that
are not valid UTF-8 go to charset-normalizer.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
from typing import BinaryIO

from charset_normalizer import from_bytes

from eventdesk.errors import ReadError
from eventdesk.read import reasons

logger = logging.getLogger(__name__)

SNIFF_BYTES = 4096  # enough to see a magic number, an XML root or the first JSONL brace

# Magic numbers of binary formats that end up renamed as text. Order matters only where one
# prefix starts another (none here). The kind names appear in failure reasons.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip data; name the file with a .gz suffix"),
    (b"BZh91AY&SY", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x01\x00", "icon image"),
)
RIFF_WEBP = (b"RIFF", b"WEBP")  # RIFF container whose form type (bytes 8-12) says WebP

BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: the UTF-32-LE mark begins with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# BOM-less UTF-16 of Latin-script text has a NUL as the high byte of nearly every character
# (U+0000-U+00FF), and no NUL in the low bytes. Data whose bytes at one parity (even or odd
# offsets) are at least 70% NUL, with almost none at the other, is taken for UTF-16 text;
# the margin allows for curly quotes and dashes, whose high byte is 0x20.
UTF16_HIGH_NUL_SHARE = 0.7
UTF16_LOW_NUL_SHARE = 0.01

# When charset-normalizer finds several single-byte code pages equally clean (it often ranks
# cp775 or cp1250 first on short Western text), prefer Windows-1252: it is what HTML5 uses for
# "latin-1" and the most common legacy encoding of English and Western European news.
PREFERRED_LEGACY_ENCODINGS = ("cp1252", "latin_1")


class _Prefixed(io.RawIOBase):
    """A stream that replays some already-read bytes, then goes on with the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def peek(stream: BinaryIO, size: int = SNIFF_BYTES) -> tuple[bytes, BinaryIO]:
    """The first `size` bytes of a stream, and a stream that still starts with them.

    Works on pipes (stdin), which cannot seek back.
    """
    head = stream.read(size)
    return head, io.BufferedReader(_Prefixed(head, stream))


def read_capped(stream: BinaryIO, limit: int, *, record: bool = False) -> bytes:
    """Read a whole stream, but never more than `limit` bytes.

    Raises:
        ReadError: the stream holds more than `limit` bytes (the reason says so).
    """
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ReadError(reasons.record_too_large(limit) if record else reasons.too_large(limit))
    return data


def has_bom(data: bytes) -> bool:
    """Whether the data starts with a Unicode byte-order mark."""
    return any(data.startswith(bom) for bom, _ in BOMS)


def _utf16_codec(head: bytes) -> str | None:
    """Give "utf-16-le" or "utf-16-be" for BOM-less UTF-16 of Latin-script text, else None."""
    if len(head) < 2:
        return None
    even, odd = head[0::2], head[1::2]
    even_share, odd_share = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_share >= UTF16_HIGH_NUL_SHARE and even_share <= UTF16_LOW_NUL_SHARE:
        return "utf-16-le"
    if even_share >= UTF16_HIGH_NUL_SHARE and odd_share <= UTF16_LOW_NUL_SHARE:
        return "utf-16-be"
    return None


def binary_kind(head: bytes) -> str | None:
    """Name the binary format whose magic number starts these bytes, or None."""
    for magic, kind in MAGIC_NUMBERS:
        if head.startswith(magic):
            return kind
    if head[:4] == RIFF_WEBP[0] and head[8:12] == RIFF_WEBP[1]:
        return "WebP image"
    return None


def sniff_binary(head: bytes) -> str | None:
    """Name the binary format of some leading bytes, or None if they may be text."""
    kind = binary_kind(head)
    if kind is not None:
        return kind
    if b"\x00" in head and not has_bom(head) and _utf16_codec(head) is None:
        return "contains NUL bytes"
    return None


def check_not_binary(data: bytes) -> None:
    """Raise a ReadError naming the format if the data is binary."""
    kind = sniff_binary(data[:SNIFF_BYTES])
    if kind is not None:
        raise ReadError(reasons.binary_file(kind))


def normalise_newlines(text: str) -> str:
    """CRLF and CR to LF, as Python's text mode does, so every offset counts one per line end."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


NUL = "\x00"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT_CHARACTER = "\ufffd"


def storable(text: str, where: str, what: str = "text") -> str:
    """Text every store can hold: NUL characters removed (PostgreSQL refuses them in text) and
    unpaired surrogates (a JSON "\\ud800" escape) replaced by U+FFFD (no encoding can write
    them); each change is logged as a warning naming the input, once per kind.

    Args:
        text: decoded text (an article or a metadata value).
        where: names the input in the warning.
        what: names the field in the warning ("text", "title", ...).
    """
    nuls = text.count(NUL)
    if nuls:
        text = text.replace(NUL, "")
        logger.warning("%s: %d NUL character(s) removed from the %s (no store can keep them)", where, nuls, what)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text, count = _LONE_SURROGATE.subn(REPLACEMENT_CHARACTER, text)
        logger.warning(
            "%s: %d unpaired surrogate(s) in the %s replaced by U+FFFD (the input escaped half a character)",
            where, count, what,
        )  # fmt: skip
    return text


def _utf16_or_32_codec(data: bytes) -> str | None:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    return _utf16_codec(data[:SNIFF_BYTES]) if b"\x00" in data[:SNIFF_BYTES] else None


def _decode_unicode(data: bytes) -> str | None:
    """Decode data that carries a BOM or looks like BOM-less UTF-16; None otherwise."""
    codec = _utf16_or_32_codec(data)
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise ReadError(reasons.undecodable(err)) from err


def _guess_encoding(data: bytes) -> str:
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ReadError(reasons.undecodable())
    cleanest = [m.encoding for m in matches if m.chaos <= best.chaos]
    for preferred in PREFERRED_LEGACY_ENCODINGS:
        if preferred in cleanest:
            return preferred
    return best.encoding


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: BOM, then UTF-8, then the encoding charset-normalizer finds.

    Newlines are normalised to LF and a leading BOM is dropped.

    Raises:
        ReadError: no encoding fits the bytes.
    """
    text = _decode_unicode(data)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            encoding = _guess_encoding(data)
            logger.debug("not UTF-8; decoding as %s", encoding)
            text = data.decode(encoding, errors="replace")
    return normalise_newlines(text)
