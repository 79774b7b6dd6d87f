"""Plain text and Markdown: sidecars, front matter, encodings."""

from __future__ import annotations

import codecs
import logging
from pathlib import Path

from eventdesk.read import read_paths
from eventdesk.read.text import split_front_matter
from eventdesk.records import SkipReason

LATIN1_TEXT = "Señor Muñoz said the protest in Bogotá was peaceful, and the café stayed open."


def test_txt_with_sidecar(fixtures: Path, only_article) -> None:
    article = only_article(list(read_paths([fixtures / "flood.txt"])))
    assert article.source == str(fixtures / "flood.txt")
    assert article.title == "Flood hits Castleford"
    assert article.url == "https://news.example.org/2024/03/flood"
    assert article.outlet == "Example Gazette"
    assert article.author == "Jane Roe"
    assert article.published.isoformat() == "2024-03-05"
    assert article.language == "en" and article.skipped is None
    assert article.text == article.raw_text
    assert article.text.startswith("Heavy rain caused the Marven river")
    assert article.id == article.make_id(article.raw_text, article.url)


def test_front_matter_is_read_and_stripped(fixtures: Path, only_article) -> None:
    article = only_article(list(read_paths([fixtures / "strike.txt"])))
    assert article.title == "Dock workers strike over pay"
    assert article.author == "Sam Poe"
    assert article.published.isoformat() == "2024-04-02"
    assert article.text.startswith("Several hundred dock workers")
    assert "---" not in article.text and "title:" not in article.text


def test_markdown_rule_is_not_front_matter() -> None:
    meta, body = split_front_matter("---\nJust a rule, then text with no end marker.\n", "x")
    assert body.startswith("---") and meta.title is None


def test_markdown(fixtures: Path, only_article) -> None:
    article = only_article(list(read_paths([fixtures / "briefing.md"])))
    assert "Police arrested twelve people" in article.text
    assert article.language == "en"


def test_malformed_sidecar_keeps_article_and_warns(
    tmp_path: Path, fixtures: Path, caplog, only_article
) -> None:
    (tmp_path / "a.txt").write_bytes((fixtures / "flood.txt").read_bytes())
    (tmp_path / "a.meta.json").write_text('{"title": "unterminated', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="eventdesk.read"):
        article = only_article(list(read_paths([tmp_path / "a.txt"])))
    assert article.title is None
    assert any(
        "a.meta.json" in r.getMessage() and "invalid JSON" in r.getMessage() for r in caplog.records
    )


def test_bad_published_in_sidecar_is_ignored(tmp_path: Path, fixtures: Path, only_article) -> None:
    (tmp_path / "a.txt").write_bytes((fixtures / "flood.txt").read_bytes())
    (tmp_path / "a.meta.json").write_text('{"published": "last week", "title": "T"}')
    article = only_article(list(read_paths([tmp_path / "a.txt"])))
    assert article.published is None and article.title == "T"


def test_utf16_with_bom_decodes(tmp_path: Path, fixtures: Path, only_article) -> None:
    text = (fixtures / "flood.txt").read_text(encoding="utf-8")
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    article = only_article(list(read_paths([path])))
    assert article.text == text
    assert article.language == "en"


def test_latin1_decodes(tmp_path: Path, only_article) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(LATIN1_TEXT.encode("latin-1"))
    assert only_article(list(read_paths([path]))).text == LATIN1_TEXT


def test_crlf_is_normalised(tmp_path: Path, only_article) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(
        b"Line one of a report about a storm.\r\nLine two says roofs were damaged.\r\n"
    )
    assert "\r" not in only_article(list(read_paths([path]))).text


def test_non_english_is_marked_skipped(fixtures: Path, only_article) -> None:
    article = only_article(list(read_paths([fixtures / "french.txt"])))
    assert article.language == "fr"
    assert article.skipped == SkipReason.NOT_ENGLISH
    assert article.skip_detail == "language 'fr' detected; extraction is English-only"


def test_language_from_metadata_wins(tmp_path: Path, fixtures: Path, only_article) -> None:
    (tmp_path / "a.txt").write_bytes((fixtures / "french.txt").read_bytes())
    (tmp_path / "a.meta.json").write_text('{"language": "FR-fr"}')
    article = only_article(list(read_paths([tmp_path / "a.txt"])))
    assert article.language == "fr"
    assert article.skip_detail == "language 'fr' given in the metadata; extraction is English-only"


def test_front_matter_without_body_fails(tmp_path: Path, only_failure) -> None:
    path = tmp_path / "only_meta.txt"
    path.write_text("---\ntitle: nothing here\n---\n\n")
    assert only_failure(list(read_paths([path]))).reason.startswith("empty file")
