"""RSS and Atom feeds."""

from __future__ import annotations

from pathlib import Path

from eventdesk.read import read_paths
from eventdesk.records import Article, ReadFailure


def test_rss(fixtures: Path) -> None:
    entry, empty = list(read_paths([fixtures / "feed.rss"]))
    assert isinstance(entry, Article) and isinstance(empty, ReadFailure)
    assert entry.source.endswith("feed.rss#1")
    assert entry.text == (
        "A passenger ferry ran aground near the island of Tarsey on Monday night.\n\n"
        "All 140 passengers were brought ashore safely by lifeboat crews, the coastguard said."
    )
    assert entry.title == "Ferry runs aground near Tarsey"
    assert entry.url == "https://news.example.org/world/ferry"
    assert entry.outlet == "Example Gazette World"
    assert entry.published.isoformat() == "2024-07-02"
    assert empty.reason.startswith("feed entry has no content or summary")


def test_atom(fixtures: Path) -> None:
    (entry,) = list(read_paths([fixtures / "feed.atom"]))
    assert isinstance(entry, Article)
    assert entry.text.startswith("A fire swept through the covered market in Holt")
    assert entry.author == "Chris Moe" and entry.outlet == "Example Gazette Local"
    assert entry.published.isoformat() == "2024-07-03"


def test_xml_feed_and_non_feed(tmp_path: Path, fixtures: Path, only_failure) -> None:
    as_xml = tmp_path / "feed.xml"
    as_xml.write_bytes((fixtures / "feed.atom").read_bytes())
    assert isinstance(next(iter(read_paths([as_xml]))), Article)
    failure = only_failure(list(read_paths([fixtures / "notes.xml"])))
    assert failure.reason.startswith("XML file with <catalog> is not an RSS or Atom feed")


def test_broken_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><item><title>cut")
    entry, feed = list(read_paths([path]))
    assert isinstance(entry, ReadFailure) and entry.source == f"{path}#1" and "\n" not in entry.reason
    # The lenient parse may have lost entries after the error: the file says so, on one line.
    assert isinstance(feed, ReadFailure) and feed.source == str(path)
    assert feed.reason.startswith("feed not well-formed (") and "\n" not in feed.reason
