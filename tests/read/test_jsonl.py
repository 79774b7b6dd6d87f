"""JSON Lines, streamed line by line."""

from __future__ import annotations

from pathlib import Path

from eventdesk.read import read_paths
from eventdesk.records import Article, ReadFailure, SkipReason


def test_jsonl_records(fixtures: Path) -> None:
    results = list(read_paths([fixtures / "articles.jsonl"]))
    assert all(isinstance(r, Article) for r in results)
    first, from_html, french = results
    base = str(fixtures / "articles.jsonl")
    assert [r.source for r in results] == [f"{base}#1", f"{base}#3", f"{base}#4"]
    assert first.title == "Warehouse fire contained" and first.outlet == "Example Gazette"
    assert first.published.isoformat() == "2024-06-12"
    assert from_html.text.startswith("Thousands of people marched")
    assert "Site navigation" not in from_html.text
    assert from_html.url == "https://news.example.org/a/2"
    assert from_html.published.isoformat() == "2024-06-15"
    assert french.skipped == SkipReason.NOT_ENGLISH and french.language == "fr"


def test_bad_line_does_not_stop_the_file(fixtures: Path) -> None:
    results = list(read_paths([fixtures / "bad_line.jsonl"]))
    assert [type(r) for r in results] == [Article, ReadFailure, Article]
    failure = results[1]
    assert failure.source.endswith("bad_line.jsonl#2")
    assert failure.reason.startswith("invalid JSON (") and "\n" not in failure.reason


def test_record_problems(tmp_path: Path) -> None:
    path = tmp_path / "odd.ndjson"
    path.write_text('[1, 2]\n{"title": "no text"}\n{"text": 42}\n{"text": "   "}\n')
    reasons = [r.reason for r in read_paths([path])]
    assert reasons[0].startswith("line is a JSON list, not an object")
    assert reasons[1].startswith("record has no text")
    assert reasons[2].startswith("field 'text' is a int")
    assert reasons[3].startswith("record has no text")


def test_publication_date_aliases_and_unknown_keys(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "corpus.jsonl"
    lines = [
        '{"text": "Workers marched in the port city.", "publication_date": "2023-05-02"}',
        '{"text": "A curfew was ordered in the north.", "date": "2021-11-30T08:15:00Z", "doc_id": "a"}',
        '{"text": "Police detained two organisers.", "pubdate": "Tue, 04 Jul 2023 10:00:00 +0000"}',
        '{"text": "Farmers blocked the highway.", "published_at": "2020-02-29T23:59:00+05:30", "split": "x"}',
        '{"text": "The strike went on.", "published": "2019-01-01", "date": "2018-01-01", "source_domain": "ex.org"}',
    ]
    path.write_text("\n".join(lines) + "\n")
    with caplog.at_level("WARNING", logger="eventdesk.read.jsonl"):
        articles = list(read_paths([path]))
    assert [a.published.isoformat() for a in articles] == [
        "2023-05-02", "2021-11-30", "2023-07-04", "2020-02-29", "2019-01-01"
    ]
    assert articles[4].outlet == "ex.org"
    warnings = [r.getMessage() for r in caplog.records if "not read" in r.getMessage()]
    assert len(warnings) == 1, warnings  # once per file, naming every unknown key
    assert "doc_id, split" in warnings[0] and str(path) in warnings[0]
