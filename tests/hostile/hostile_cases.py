"""The hostile inputs, generated at test time (nothing big is committed).

Each Case writes its input(s) into an empty directory and says what must come of it:

- "fails": a failure line (an unreadable input or a failed article) names the input and its
  reason contains `says`;
- "stored": the input is stored as an article (odd, but readable); when `says` is given, a
  warning or note naming the input contains it (a text cut at the length limit, a date dropped);
- "told": something is said about the input: an article stored or a failure line, and when
  `says` is given, that text in a failure, note or warning naming it (where the outcome rightly
  depends on a library's reading, such as trafilatura's on a broken page).

`args` builds the command-line paths when the input must be named explicitly (a FIFO passed
as an argument, a sidecar passed by mistake); otherwise the directory is read.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import socket
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

Build = Callable[[Path], list[str] | None]

PARA = (
    "Police fired tear gas at hundreds of protesters who marched on the parliament in Colombo on "
    "Saturday, witnesses said. At least 12 people were injured and 40 were arrested, a police "
    "spokesman told reporters.\n\n"
)
PAGE = (
    "<html><head><title>Protest in Colombo</title>"
    '<meta property="article:published_time" content="2022-04-02"></head><body><article>'
    "<h1>Protest in Colombo</h1><p>Police fired tear gas at hundreds of protesters who marched on "
    "the parliament in Colombo on Saturday, witnesses said.</p><p>At least 12 people were injured "
    "and 40 were arrested, a police spokesman told reporters on Sunday morning.</p>"
    "</article></body></html>"
)
RSS_ITEM = (
    "<item><title>Protest in Colombo</title><link>https://news.example.org/{n}</link>"
    "<pubDate>Sat, 02 Apr 2022 09:15:00 GMT</pubDate><description>{body}</description></item>"
)


def rss(items: str, title: str = "Example Gazette") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'


def escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def jsonl_line(text: str, **extra: object) -> str:
    return json.dumps({"text": text, "language": "en", **extra}) + "\n"


def gzip_repeat(chunk: bytes, times: int) -> bytes:
    """A multi-member gzip expanding to `chunk` * `times`, built fast (one member compressed once)."""
    member = gzip.compress(chunk, compresslevel=9)
    return member * times


def warc(records: list[tuple[str, bytes, str, str]], gz: bool = False) -> bytes:
    """A WARC of response records (url, body, content type, status line)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, body, ctype, status in records:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2022-04-02T10:00:00Z"},
        )  # fmt: skip
        writer.write_record(record)
    return buf.getvalue()


def page(n: int) -> bytes:
    return PAGE.replace("Protest in Colombo", f"Protest number {n} in Colombo").encode()


def good_warc(n: int = 4, gz: bool = False) -> bytes:
    return warc([(f"https://news.example.org/{i}", page(i), "text/html", "200 OK") for i in range(n)], gz)


@dataclass(frozen=True)
class Case:
    name: str
    build: Build
    expect: str  # "fails" | "stored" | "told"
    says: str | None = None
    hint: str | None = None  # the file name the messages must name (default: the case name)

    @property
    def named(self) -> str:
        return self.hint or self.name


CASES: list[Case] = []


def case(name: str, expect: str, says: str | None = None, hint: str | None = None) -> Callable[[Build], Build]:
    def register(build: Build) -> Build:
        CASES.append(Case(name, build, expect, says, hint))
        return build

    return register


def write(name: str, data: bytes | str, expect: str, says: str | None = None) -> None:
    """A case that is one file with the given content."""
    raw = data.encode("utf-8") if isinstance(data, str) else data

    def build(d: Path) -> None:
        (d / name).write_bytes(raw)

    CASES.append(Case(name, build, expect, says))


def write_lazy(name: str, make: Callable[[], bytes], expect: str, says: str | None = None) -> None:
    """A case whose (big) content is made only when the case is built."""

    def build(d: Path) -> None:
        (d / name).write_bytes(make())

    CASES.append(Case(name, build, expect, says))


# -- sizes and pathological texts ---------------------------------------------------------------

write_lazy("big_prose.txt", lambda: (PARA * 6000).encode(), "stored", "cut at")  # 1.2 MB
write_lazy("huge.txt", lambda: (PARA * 30000).encode(), "fails", "file too large")  # 6 MB
write_lazy("no_sentence_end.txt", lambda: ("protesters " * 90000).encode(), "stored", "cut at")
write_lazy("count_phrases.txt", lambda: ("Headline\n" + " ".join(f"{i} people were killed and {i} injured," for i in range(10000))).encode(), "stored", "cut at")  # fmt: skip
write_lazy("nested_parens.txt", lambda: ("Police arrested " + "(" * 100000 + ")" * 100000).encode(), "stored", "cut at")
write_lazy("clauses.txt", lambda: ("Police arrested protesters " + ", ".join(f"who said that men who were arrested by soldiers killed {i}" for i in range(3000)) + ".").encode(), "stored", "cut at")  # fmt: skip
write_lazy("emoji.txt", lambda: ("Riot " + "\U0001f600" * 300000).encode(), "stored", "cut at")
write_lazy("short_lines.txt", lambda: ("Riot in town\n" + "\n".join(f"w{i}" for i in range(100000))).encode(), "stored", "cut at")
write_lazy("dots.txt", lambda: ("Police arrested. " * 60000).encode(), "stored", "cut at")
write_lazy("abbreviations.txt", lambda: ("Police arrested " + "a. " * 100000).encode(), "stored", "cut at")
write_lazy("one_long_word.txt", lambda: ("Riot " + "x" * 900000).encode(), "told")
write_lazy("long_line_commas.txt", lambda: ("Police arrested " + "men, " * 200000).encode(), "stored", "cut at")
write_lazy("tabs_and_spaces.txt", lambda: ("Riot\n" + " \t" * 500000 + "\nPolice arrested 40 people.").encode(), "told")
write_lazy("br_flood.html", lambda: ("<html><body><article><p>Police arrested 40 protesters in Colombo on Saturday.</p>" + "line<br>" * 50000 + "</article></body></html>").encode(), "told")  # fmt: skip
write_lazy("big_page.html", lambda: ("<html><body><article>" + "<p>Police fired tear gas at protesters in Colombo on Saturday, witnesses said.</p>" * 110000 + "</article></body></html>").encode(), "told")  # fmt: skip
write_lazy("huge_page.html", lambda: ("<html><body>" + "<p>x</p>" * 1_500_000 + "</body></html>").encode(), "fails", "file too large")  # fmt: skip
write_lazy("deep_divs.html", lambda: ("<html><body>" + "<div>" * 100000 + "Police arrested 40 people." + "</div>" * 100000 + "</body></html>").encode(), "told")  # fmt: skip
write_lazy("base64_image.html", lambda: ('<html><body><article><p>Police arrested 40 people in Colombo on Saturday.</p><img src="data:image/png;base64,' + "A" * 3_000_000 + '"></article></body></html>').encode(), "told")  # fmt: skip
write_lazy("big_field.jsonl", lambda: jsonl_line(PARA * 45000).encode(), "stored", "cut at")  # 9 MB
write_lazy("huge_line.jsonl", lambda: jsonl_line(PARA * 55000).encode() + jsonl_line(PARA).encode(), "fails", "record too large")  # fmt: skip
write_lazy("big_item.rss", lambda: rss(RSS_ITEM.format(n=1, body=escape_xml("<p>" + PARA * 25000 + "</p>"))).encode(), "stored", "cut at")  # fmt: skip
write_lazy("huge_feed.rss", lambda: rss(RSS_ITEM.format(n=1, body=escape_xml(PARA * 110000))).encode(), "fails", "file too large")  # fmt: skip
write_lazy("huge_record.warc", lambda: warc([("https://x.example/big", b"<html><body><p>" + b"x " * 6_000_000 + b"</p></body></html>", "text/html", "200 OK")]), "fails", "record too large")  # fmt: skip
write_lazy("many_entries.rss", lambda: rss("".join(f"<item><title>t{i}</title></item>" for i in range(30000))).encode(), "fails", "more entries")  # fmt: skip
write_lazy("many_bad_lines.jsonl", lambda: b"[]\n" * 200000, "fails", "more lines")
write_lazy("many_empty_records.jsonl", lambda: b"{}\n" * 200000, "fails", "more lines")
write_lazy("many_blank_lines.jsonl", lambda: b"\n" * 2_000_000 + jsonl_line(PARA).encode(), "stored")

for suffix in (".txt", ".md", ".html", ".jsonl", ".rss", ".atom", ".xml", ".warc", ".txt.gz", ".jsonl.gz"):
    write(f"empty{suffix}", b"", "fails", None)
for suffix in (".txt", ".html", ".jsonl"):
    write(f"blank{suffix}", b" \n\t\n  \n", "told")

# -- encodings --------------------------------------------------------------------------------

write("utf16le_bom.txt", codecs.BOM_UTF16_LE + PARA.encode("utf-16-le"), "stored")
write("utf16be_bom.txt", codecs.BOM_UTF16_BE + PARA.encode("utf-16-be"), "stored")
write("utf16le_nobom.txt", PARA.encode("utf-16-le"), "stored")
write("utf32_bom.txt", PARA.encode("utf-32"), "stored")
write("utf8_bom.txt", codecs.BOM_UTF8 + PARA.encode(), "stored")
write("latin1.txt", (PARA + "Caf\u00e9 owners in S\u00e3o Paulo.\n").encode("latin-1"), "stored")
write("cp1252_quotes.txt", ("\u201cWe will march\u201d, they said. " + PARA).encode("cp1252"), "stored")
write("random_bytes.txt", bytes((i * 73 + 41) % 256 for i in range(20000)), "fails")
write("invalid_utf8.txt", PARA.encode() + b"\xff\xfe\xfa" + PARA.encode(), "stored")
write("bom_only.txt", codecs.BOM_UTF8, "fails", "empty")
write("nul_bytes.txt", b"Police\x00arrested\x00" * 100, "fails", "NUL")
write("nul_late.txt", PARA.encode() * 30 + b"\x00\x00" + PARA.encode(), "stored", "NUL character")
write("control_chars.txt", ("Riot\x1b[31m in town\x07\x08. " + PARA).encode(), "stored")
write("overlong_utf8.txt", PARA.encode() + b"\xc0\xaf\xe0\x80\xaf" + PARA.encode(), "stored")
write("truncated_utf8.txt", PARA.encode() + "\u00e9".encode()[:1], "stored")
write("nul_escape.jsonl", jsonl_line("Police\u0000 arrested 40 people in Colombo on Saturday.", title="A\u0000B") + jsonl_line(PARA), "stored", "NUL character")  # fmt: skip
write("lone_surrogate.jsonl", '{"text": "Police arrested 40 people \\ud800 in Colombo on Saturday.", "language": "en"}\n' + jsonl_line(PARA), "stored", "surrogate")  # fmt: skip
write("lone_surrogate_title.jsonl", '{"text": "Police arrested 40 people in Colombo.", "title": "\\udfff", "language": "en"}\n', "stored", "surrogate")  # fmt: skip
write("invalid_utf8_line.jsonl", b'{"text": "Police arrested 40 people in Colombo \xff\xfe on Saturday.", "language": "en"}\n' + jsonl_line(PARA).encode(), "stored", "not UTF-8")  # fmt: skip
write("utf16_jsonl.jsonl", jsonl_line(PARA).encode("utf-16"), "told")
write("latin1_page.html", PAGE.replace("Colombo", "Colomb\u00f3").encode("latin-1"), "stored")
write("lying_charset.html", PAGE.replace("<head>", '<head><meta charset="utf-16">').encode(), "told")
write("shift_jis.html", ("<html><head><meta charset='shift_jis'></head><body><article><p>" + "\u6771\u4eac\u3067\u6297\u8b70\u30c7\u30e2\u3002" * 50 + "</p></article></body></html>").encode("shift_jis"), "told")  # fmt: skip
write("utf16_feed.rss", rss(RSS_ITEM.format(n=1, body=escape_xml("<p>" + PARA + "</p>"))).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"), "told")  # fmt: skip
write("binary.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, "fails", "binary file")
write("pdf.txt", b"%PDF-1.4\n" + bytes(range(256)) * 10, "fails", "binary file")
write("zip.jsonl", b"PK\x03\x04" + bytes(range(256)) * 10, "told")
write("elf.md", b"\x7fELF" + bytes(range(256)) * 10, "fails", "binary file")

# -- nesting and JSON oddities --------------------------------------------------------------------

write_lazy("deep_arrays.jsonl", lambda: (b"[" * 100000 + b"]" * 100000 + b"\n" + jsonl_line(PARA).encode()), "fails", "nested too deeply")  # fmt: skip
write_lazy("deep_objects.jsonl", lambda: (b'{"a":' * 100000 + b"1" + b"}" * 100000 + b"\n" + jsonl_line(PARA).encode()), "fails", "nested too deeply")  # fmt: skip
write_lazy("deep_unclosed.jsonl", lambda: b"[" * 200000 + b"\n" + jsonl_line(PARA).encode(), "fails")
write_lazy("huge_integer.jsonl", lambda: b'{"text": "Police arrested people.", "n": ' + b"9" * 50000 + b"}\n" + jsonl_line(PARA).encode(), "fails")  # fmt: skip
write("huge_float.jsonl", '{"text": "Police arrested people in Colombo.", "n": 1e999999}\n' + jsonl_line(PARA), "told")
write("nan.jsonl", '{"text": "Police arrested people in Colombo.", "n": NaN}\n' + jsonl_line(PARA), "told")
write("scalars.jsonl", "1\n\"text\"\nnull\ntrue\n[1,2]\n" + jsonl_line(PARA), "fails", "not an object")
write("text_not_string.jsonl", '{"text": ["a", "b"]}\n{"text": 12}\n{"html": {"a": 1}}\n' + jsonl_line(PARA), "fails", "not a string")  # fmt: skip
write("duplicate_keys.jsonl", '{"text": "x", "text": "Police arrested 40 people in Colombo on Saturday."}\n', "stored")
write("no_final_newline.jsonl", jsonl_line(PARA) + jsonl_line(PARA + " Again.").rstrip("\n"), "stored")
write("crlf.jsonl", jsonl_line(PARA).replace("\n", "\r\n") * 2, "told")
write("garbage_lines.jsonl", "not json at all\n{broken\n" + jsonl_line(PARA), "fails", "invalid JSON")
write("many_unknown_keys.jsonl", json.dumps({"text": PARA, "language": "en", **{f"k{i}": i for i in range(300)}}) + "\n", "stored", "keys not read")  # fmt: skip
write("weird_key_names.jsonl", json.dumps({"text": PARA, "language": "en", "\x1b[31mkey": 1, "k\ud800": 2}, ensure_ascii=True) + "\n", "stored")  # fmt: skip
write("deep_xml.rss", rss(RSS_ITEM.format(n=1, body=escape_xml("<p>" + PARA + "</p>")) + "<x>" * 50000 + "</x>" * 50000), "told")  # fmt: skip
write("billion_laughs.rss", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><rss version="2.0"><channel><title>&lol9;</title><item><title>x</title><description>&lol9;</description></item></channel></rss>', "told")  # fmt: skip
write("xxe.rss", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>t</title><item><title>x</title><description>&xxe; Police arrested 40 people in Colombo.</description></item></channel></rss>', "told")  # fmt: skip
write("xxe.html", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><article><p>&xxe; Police arrested 40 people in Colombo on Saturday, officials said.</p></article></body></html>', "told")  # fmt: skip
write("file_url.html", '<html><body><article><p>Police arrested 40 people in Colombo.</p><iframe src="file:///etc/passwd"></iframe><img src="file:///etc/shadow"></article></body></html>', "told")  # fmt: skip

# -- truncation -------------------------------------------------------------------------------


def cut(data: bytes, share: float = 0.6) -> bytes:
    return data[: int(len(data) * share)]


write_lazy("cut.jsonl.gz", lambda: cut(gzip.compress("".join(jsonl_line(f"Record {i}: " + PARA * 8) for i in range(12)).encode())), "fails", "truncated gzip")  # fmt: skip
write_lazy("cut.warc.gz", lambda: cut(gzip.compress(good_warc(6))), "fails", "truncated gzip")
write_lazy("cut_records.warc.gz", lambda: cut(good_warc(6, gz=True)), "fails")
write_lazy("cut.warc", lambda: cut(good_warc(6)), "fails", "Content-Length")
write_lazy("cut.txt.gz", lambda: cut(gzip.compress((PARA * 50).encode())), "fails", "truncated gzip")
write_lazy("cut.html.gz", lambda: cut(gzip.compress(PAGE.encode() * 20)), "fails", "truncated gzip")
write_lazy("cut.rss.gz", lambda: cut(gzip.compress(rss(RSS_ITEM.format(n=1, body=escape_xml(PARA)) * 20).encode())), "fails", "truncated gzip")  # fmt: skip
write("gzip_header_only.txt.gz", gzip.compress(b"x")[:10], "fails")
write("gzip_trailing_garbage.txt.gz", gzip.compress(PARA.encode()) + b"garbage after the gzip member", "told")
write("gzip_two_members.jsonl.gz", gzip.compress(jsonl_line(PARA).encode()) + gzip.compress(jsonl_line(PARA + " Two.").encode()), "stored")  # fmt: skip
write("not_gzip.jsonl.gz", jsonl_line(PARA), "fails", "invalid gzip")
write("cut.jsonl", jsonl_line(PARA) + jsonl_line(PARA + " Two.")[:40], "fails", "invalid JSON")
write("cut.html", PAGE[: len(PAGE) // 2], "told")
write("cut.rss", rss(RSS_ITEM.format(n=1, body=escape_xml(PARA)) * 3)[:-200], "fails", "not well-formed")
write("cut_in_entity.rss", rss(RSS_ITEM.format(n=1, body=escape_xml(PARA)))[:300], "told")

# -- compression bombs ------------------------------------------------------------------------

write_lazy("bomb_newlines.jsonl.gz", lambda: gzip_repeat(b"\n" * (64 << 20), 32), "fails", "expands")
write_lazy("bomb_newlines.txt.gz", lambda: gzip_repeat(b"\n" * (64 << 20), 32), "fails")
write_lazy("bomb_zeros.html.gz", lambda: gzip_repeat(b"\0" * (64 << 20), 32), "fails")
write_lazy("bomb_newlines.warc.gz", lambda: gzip_repeat(b"\n" * (64 << 20), 32), "fails")
write_lazy("bomb_spaces.rss.gz", lambda: gzip_repeat(b" " * (64 << 20), 32), "fails")
write_lazy("bomb_empty_objects.jsonl.gz", lambda: gzip.compress(b"{}\n" * 5_000_000, 9), "fails", "expands")
write_lazy("bomb_after_good.jsonl.gz", lambda: gzip.compress(jsonl_line(PARA).encode()) + gzip_repeat(b"\n" * (64 << 20), 8), "fails", "expands")  # fmt: skip
write_lazy("gzip_of_gzip.txt.gz", lambda: gzip.compress(gzip.compress((PARA * 100).encode())), "fails", "binary file")
write_lazy("bzip2.txt.gz", lambda: __import__("bz2").compress((PARA * 10).encode()), "fails", "invalid gzip")
write_lazy("zlib_raw.jsonl.gz", lambda: zlib.compress(jsonl_line(PARA).encode()), "fails", "invalid gzip")

# -- links, special files, trees ------------------------------------------------------------------


@case("loop_a.txt", "fails", "symbolic link loop")
def _loop(d: Path) -> None:
    os.symlink(d / "loop_b.txt", d / "loop_a.txt")
    os.symlink(d / "loop_a.txt", d / "loop_b.txt")


@case("self_loop.txt", "fails", "symbolic link loop")
def _self_loop(d: Path) -> None:
    os.symlink(d / "self_loop.txt", d / "self_loop.txt")


@case("dangling.txt", "fails", "does not exist")
def _dangling(d: Path) -> None:
    os.symlink(d / "nowhere.txt", d / "dangling.txt")


@case("passwd.txt", "told")
def _passwd(d: Path) -> None:
    os.symlink("/etc/passwd", d / "passwd.txt")


@case("dir_loop", "told", hint="companion")
def _dir_loop(d: Path) -> None:
    (d / "dir_loop").mkdir()
    os.symlink(d, d / "dir_loop" / "up")


@case("deep_tree.txt", "stored")
def _deep_tree(d: Path) -> None:
    path = d
    for _ in range(400):
        path = path / "d"
    path.mkdir(parents=True)
    (path / "deep_tree.txt").write_text(PARA)


@case("fifo.txt", "fails", "named pipe")
def _fifo(d: Path) -> None:
    os.mkfifo(d / "fifo.txt")


@case("fifo_given.jsonl", "fails", "named pipe")
def _fifo_given(d: Path) -> list[str]:
    os.mkfifo(d / "fifo_given.jsonl")
    return [str(d / "fifo_given.jsonl"), str(d / "companion.txt")]


@case("devnull", "fails", "character device", hint="/dev/null")
def _devnull(d: Path) -> list[str]:
    return ["/dev/null", str(d / "companion.txt")]


@case("socket.jsonl", "fails", "socket")
def _socket(d: Path) -> None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(d / "socket.jsonl"))
    sock.close()


@case("fifo_sidecar.txt", "stored")
def _fifo_sidecar(d: Path) -> None:
    (d / "fifo_sidecar.txt").write_text(PARA)
    os.mkfifo(d / "fifo_sidecar.meta.json")


@case("dir_named.txt", "told", hint="companion")
def _dir_named(d: Path) -> None:
    (d / "dir_named.txt").mkdir()


@case("missing_given.txt", "fails", "no such file")
def _missing(d: Path) -> list[str]:
    return [str(d / "missing_given.txt"), str(d / "companion.txt")]


@case("sidecar_given.meta.json", "fails", "sidecar")
def _sidecar_given(d: Path) -> list[str]:
    (d / "sidecar_given.txt").write_text(PARA)
    (d / "sidecar_given.meta.json").write_text('{"title": "x"}')
    return [str(d / "sidecar_given.meta.json"), str(d / "companion.txt")]


@case("unsupported_given.docx", "fails", "unsupported file type")
def _unsupported(d: Path) -> list[str]:
    (d / "unsupported_given.docx").write_bytes(b"PK\x03\x04")
    return [str(d / "unsupported_given.docx"), str(d / "companion.txt")]


# -- odd names --------------------------------------------------------------------------------


def _odd_name(name: bytes, expect: str = "stored") -> None:
    label = name.decode("utf-8", "backslashreplace").encode("ascii", "backslashreplace").decode()

    def build(d: Path) -> None:
        path = os.path.join(os.fsencode(d), name)
        with open(path, "wb") as out:
            out.write(PARA.encode())

    CASES.append(Case(f"name:{label}", build, expect, None, hint=""))


_odd_name(b"invalid-\xff\xfe-utf8.txt")
_odd_name(b"ansi-\x1b[31mred\x1b[0m.txt")
_odd_name(b"newline-\nin-name.txt")
_odd_name(b"bell-\x07-and-backspace-\x08.txt")
_odd_name(b"rtl-\xe2\x80\xaetxt.exe.txt")
_odd_name(b"x" * 240 + b".txt")
_odd_name(b"   .txt")
_odd_name(b"-starts-with-dash.txt")
_odd_name(b"hash#in#name.txt")
_odd_name(b"UPPER.TXT")
_odd_name(b"double.txt.gz.gz", expect="told")  # skipped with the directory's warning
_odd_name(b"no_suffix", expect="told")
_odd_name(b"emoji-\xf0\x9f\x98\x80.md")
_odd_name(b"percent-%s-%d.txt")
_odd_name(b"quote-'\"-name.txt")


# -- sidecars and front matter ------------------------------------------------------------------


def sidecar(name: str, meta: bytes | str, expect: str = "stored", says: str | None = None) -> None:
    raw = meta.encode() if isinstance(meta, str) else meta

    def build(d: Path) -> None:
        (d / f"{name}.txt").write_text(PARA)
        (d / f"{name}.meta.json").write_bytes(raw)

    CASES.append(Case(f"{name}.txt", build, expect, says))


sidecar("sidecar_invalid", "{not json", says="sidecar ignored")
sidecar("sidecar_list", "[1, 2, 3]", says="sidecar ignored")
sidecar("sidecar_huge", '{"title": "' + "x" * 100_000 + '"}', says="sidecar ignored")
sidecar("sidecar_binary", bytes(range(256)), says="sidecar ignored")
sidecar("sidecar_year1", '{"published": "0001-01-01"}', says="outside 1900")
sidecar("sidecar_year9999", '{"published": "9999-12-31"}', says="outside 1900")
sidecar("sidecar_future", '{"published": "2100-01-01"}', says="outside 1900")
sidecar("sidecar_1899", '{"published": "1899-12-31T23:00:00"}', says="outside 1900")
sidecar("sidecar_date_number", '{"published": 20220402}', says="not a date")
sidecar("sidecar_title_list", '{"title": ["a", "b"]}', says="not a string")
sidecar("sidecar_nul_title", '{"title": "A\\u0000B", "outlet": "\\ud800"}', says="NUL character")
sidecar("sidecar_deep", '{"a":' * 50000 + "1" + "}" * 50000, says="sidecar ignored")
sidecar("sidecar_empty", "", says="sidecar ignored")


def front(name: str, text: str, expect: str = "stored", says: str | None = None) -> None:
    write(name, text, expect, says)


front("front_year1.md", "---\npublished: 0001-01-01\ntitle: Old\n---\n" + PARA, says="outside 1900")
front("front_unterminated.md", "---\ntitle: x\n" + PARA)
front("front_only.md", "---\ntitle: x\n---\n", expect="fails", says="front matter")
front("front_huge.md", "---\n" + "key: value\n" * 5000 + "---\n" + PARA)
front("front_binary_date.md", "---\npublished: \x00\x01\x02\n---\n" + PARA, expect="fails", says="binary file")
front("rfc2822_year1.txt", "---\npublished: Mon, 01 Jan 0001 00:00:00 GMT\n---\n" + PARA, says="the year 0001")

# -- dates in pages, feeds, records ---------------------------------------------------------------

write("page_year1.html", PAGE.replace("2022-04-02", "0001-01-01"), "stored")
write("page_year9999.html", PAGE.replace("2022-04-02", "9999-12-31"), "stored")
write("feed_year1.rss", rss(RSS_ITEM.format(n=1, body=escape_xml("<p>" + PARA + "</p>")).replace("Sat, 02 Apr 2022", "Mon, 01 Jan 0001")), "stored")  # fmt: skip
write("feed_year9999.rss", rss(RSS_ITEM.format(n=1, body=escape_xml("<p>" + PARA + "</p>")).replace("Sat, 02 Apr 2022", "Fri, 31 Dec 9999")), "stored", "outside 1900")  # fmt: skip
write("jsonl_year1.jsonl", jsonl_line(PARA, published="0001-01-01"), "stored", "outside 1900")
write("jsonl_year9999.jsonl", jsonl_line(PARA, published="9999-12-31T23:59:59Z"), "stored", "outside 1900")
write("jsonl_date_alias_future.jsonl", jsonl_line(PARA, date="2999-01-01"), "stored", "outside 1900")
write("jsonl_bad_date.jsonl", jsonl_line(PARA, published="yesterday-ish"), "stored", "not a date")
write_lazy("warc_date_9999.warc", lambda: good_warc(1).replace(b"2022-04-02T10:00:00Z", b"9999-12-31T00:00:00Z"), "stored")
write("dateline_year1.txt", "Protest in Colombo\nJanuary 1, 0001\n" + PARA, "stored")

# -- WARC -------------------------------------------------------------------------------------


def _warc_cases() -> None:
    import re

    def lengths(data: bytes) -> list[re.Match[bytes]]:
        return list(re.finditer(rb"Content-Length: (\d+)", data))

    def too_long() -> bytes:
        data = good_warc(4)
        m = lengths(data)[0]
        return data[: m.start(1)] + b"9" + data[m.start(1) :]

    def too_short() -> bytes:
        data = good_warc(4)
        m = lengths(data)[2]
        return data[: m.start(1)] + str(int(m.group(1)) - 200).encode() + data[m.end(1) :]

    write_lazy("warc_length_past_end.warc", too_long, "fails", "Content-Length")
    write_lazy("warc_length_short.warc", too_short, "fails", "Content-Length")
    write_lazy("warc_bad_status.warc", lambda: good_warc(3).replace(b"HTTP/1.1 200 OK", b"HTTP/1.1 2OO OK", 1), "fails", "status line")  # fmt: skip
    write_lazy("warc_no_http.warc", lambda: good_warc(3).replace(b"HTTP/1.1 200 OK\r\n", b"", 1), "told")
    write_lazy("warc_bad_header_line.warc", lambda: good_warc(3).replace(b"WARC-Date:", b"WARC Date without colon\r\nWARC-Date:", 1), "told")  # fmt: skip
    write("warc_not_warc.warc", "just some text pretending to be a crawl\n" * 10, "fails", "not a readable WARC")
    write("warc_version_only.warc", "WARC/1.0\r\n", "told")
    write_lazy("warc_only_images.warc", lambda: warc([("https://x.example/a.png", b"\x89PNG....", "image/png", "200 OK")]), "fails", "no HTML page")  # fmt: skip
    write_lazy("warc_redirects.warc", lambda: warc([("https://x.example/a", b"", "text/html", "301 Moved Permanently")]), "fails", "no HTML page")  # fmt: skip
    write_lazy("warc_empty_page.warc", lambda: warc([("https://x.example/a", b"<html></html>", "text/html", "200 OK")]), "fails", "no article text")  # fmt: skip
    write_lazy("warc_binary_page.warc", lambda: warc([("https://x.example/a", bytes(range(256)) * 50, "text/html", "200 OK")]), "told")  # fmt: skip
    write_lazy("warc_gz_members.warc.gz", lambda: good_warc(3, gz=True), "stored")
    write_lazy("warc_garbage_between.warc", lambda: good_warc(2) + b"garbage garbage\r\n\r\n" + good_warc(2), "fails")


_warc_cases()

# -- feeds ------------------------------------------------------------------------------------

write("feed_no_entries.rss", rss(""), "fails", "no entries")
write("feed_title_only.rss", rss("<item><title>Only a title</title></item>"), "fails", "no content")
write("feed_unclosed_tags.rss", rss(RSS_ITEM.format(n=1, body=escape_xml("<p>" + PARA))).replace("</channel>", ""), "told")  # fmt: skip
write("feed_bad_entity.rss", rss(RSS_ITEM.format(n=1, body="Police &undefined; arrested 40 people in Colombo on Saturday.")), "told")  # fmt: skip
write("feed_not_a_feed.xml", "<?xml version='1.0'?><catalog><book/></catalog>", "fails", "not an RSS or Atom")
write("feed_html_in.rss", "<html><body><p>Police arrested 40 people.</p></body></html>", "fails", "not an RSS or Atom")
write("atom_no_content.atom", '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>x</title></entry></feed>', "fails", "no content")  # fmt: skip
write("rdf_feed.rss", '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>t</title></channel><item><title>x</title><description>' + escape_xml(PARA) + "</description></item></rdf:RDF>", "stored")  # fmt: skip
write("feed_script_content.rss", rss(RSS_ITEM.format(n=1, body=escape_xml("<script>alert(1)</script><p>" + PARA + "</p>"))), "stored")  # fmt: skip

# -- HTML -------------------------------------------------------------------------------------

write("html_script_only.html", "<html><body><script>document.write('news')</script></body></html>", "fails", "no article text")
write("html_login_wall.html", "<html><body><nav>Home | Login</nav><form><input name=u></form></body></html>", "told")
write("html_malformed.html", "<html><body><article><p>Police arrested 40 protesters in Colombo on Saturday<p><b><i>after a march</b></i><div><<<>>></article>", "told")  # fmt: skip
write("html_huge_attribute.html", '<html><body><article data-x="' + "y" * 2_000_000 + '"><p>Police arrested 40 protesters in Colombo on Saturday after a march on parliament.</p></article></body></html>', "told")  # fmt: skip
write("html_comment_flood.html", "<html><body>" + "<!-- c -->" * 100000 + "<article><p>" + PARA + "</p></article></body></html>", "told")  # fmt: skip
write("html_nul_entities.html", PAGE.replace("Police fired", "Police&#0; fired&#x0;"), "told")
write("html_many_tables.html", "<html><body>" + "<table><tr><td>x</td></tr></table>" * 30000 + "<article><p>" + PARA + "</p></article></body></html>", "told")  # fmt: skip
write("html_is_text.html", PARA * 3, "told")
write("html_bom_utf16.html", codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"), "told")
