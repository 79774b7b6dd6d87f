"""WARC archives written with warcio in the test."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventdesk.read import read_paths
from eventdesk.records import Article

WARC_DATE = "2024-08-01T10:00:00Z"


def _response(
    writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK"
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": WARC_DATE},
    )
    writer.write_record(record)


def write_warc(path: Path, page: bytes, gzip: bool) -> None:
    """A small crawl: one request, one article page, one image, one redirect."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        request = writer.create_warc_record(
            "https://news.example.org/2024/05/bridge",
            "request",
            payload=BytesIO(b""),
            http_headers=StatusAndHeaders(
                "GET /2024/05/bridge HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
            ),
        )
        writer.write_record(request)
        _response(
            writer, "https://news.example.org/2024/05/bridge", page, "text/html; charset=utf-8"
        )
        _response(
            writer, "https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png"
        )
        _response(
            writer, "https://news.example.org/old", b"", "text/html", status="301 Moved Permanently"
        )


def test_warc_reads_html_responses(tmp_path: Path, fixtures: Path) -> None:
    page = (
        (fixtures / "page.html")
        .read_bytes()
        .replace(b'<meta property="article:published_time" content="2024-05-10T08:00:00Z">', b"")
        .replace(b'<link rel="canonical" href="https://news.example.org/2024/05/bridge">', b"")
    )
    for gzip in (False, True):
        path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
        write_warc(path, page, gzip)
        (article,) = list(read_paths([path]))
        assert isinstance(article, Article)
        assert article.source.startswith(f"{path}#urn:uuid:")
        assert article.url == "https://news.example.org/2024/05/bridge"
        assert "Kestrel bridge reopened" in article.text
        assert "Sport results" not in article.text
        assert article.published is not None


def test_warc_date_fallback(tmp_path: Path) -> None:
    page = (
        b"<html><body><article><p>"
        + b"Residents of the valley were told to boil their water after a pipe burst. " * 5
        + b"</p></article></body></html>"
    )
    path = tmp_path / "plain.warc"
    write_warc(path, page, gzip=False)
    (article,) = list(read_paths([path]))
    assert article.published.isoformat() == "2024-08-01"


def test_not_a_warc(tmp_path: Path, only_failure) -> None:
    path = tmp_path / "junk.warc"
    path.write_text("this is not an archive at all\n")
    assert only_failure(list(read_paths([path]))).reason.startswith("not a readable WARC file")
