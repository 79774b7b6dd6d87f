"""HTML pages through trafilatura."""

from __future__ import annotations

from pathlib import Path

from eventdesk.read import read_paths
from eventdesk.read.html import fragment_to_text


def test_html_article_without_boilerplate(fixtures: Path, only_article) -> None:
    article = only_article(list(read_paths([fixtures / "page.html"])))
    assert "The Kestrel bridge reopened to traffic" in article.text
    assert "shop owners welcomed the news" in article.text
    for boilerplate in (
        "World and regional coverage",
        "Subscribe for unlimited",
        "All rights reserved",
    ):
        assert boilerplate not in article.text
    assert "\n\n" in article.text  # paragraphs kept apart
    assert article.title == "Bridge reopens after repairs"
    assert article.author == "Alex Doe"
    assert article.outlet == "Example Gazette"
    assert article.url == "https://news.example.org/2024/05/bridge"
    assert article.published.isoformat() == "2024-05-10"
    assert article.language == "en"


def test_html_without_article(fixtures: Path, only_failure) -> None:
    failure = only_failure(list(read_paths([fixtures / "menu_only.html"])))
    assert failure.reason.startswith("no article text found in the HTML; ")


def test_htmldate_fallback(tmp_path: Path, fixtures: Path, only_article) -> None:
    html = (fixtures / "page.html").read_text()
    html = html.replace(
        '<meta property="article:published_time" content="2024-05-10T08:00:00Z">', ""
    )
    html = html.replace("<h1>", '<p class="date">Published 2024-05-09</p><h1>')
    path = tmp_path / "nodate.htm"
    path.write_text(html)
    assert only_article(list(read_paths([path]))).published.isoformat() == "2024-05-09"


def test_fragment_to_text() -> None:
    text = fragment_to_text("<p>One <b>bold</b> line.</p><script>x()</script><p>Two<br>Three</p>")
    assert text == "One bold line.\n\nTwo\n\nThree"
