"""Readers that tell: caps on records and decompressed data, runs of failures summarised, whole
records kept before a cut, printable names, plausible dates. (The hostile suite, tests/hostile,
throws 200 generated inputs at every reader; these pin the exact behaviour.)"""

from __future__ import annotations

import gzip
import json
import logging
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventdesk.read import ReadLimits, read_paths, shown
from eventdesk.read.meta import parse_published, plausible_published
from eventdesk.records import Article, ReadFailure

TEXT = "Police arrested 40 protesters in Colombo on Saturday after a march on parliament."


def _line(i: int) -> str:
    return json.dumps({"text": f"{TEXT} Report {i}.", "language": "en"}) + "\n"


def test_a_run_of_one_kind_of_failure_is_summarised(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("[]\n" * 1000 + _line(1) + "{}\n" * 2)
    results = list(read_paths([path]))
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert [f.source for f in failures[:3]] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    summary = failures[3]
    assert summary.source == f"{path}#4..1000"
    assert summary.reason.startswith("997 more lines (#4 to #1000): line is a JSON list, not an object")
    assert isinstance(results[4], Article)  # the good line after the run
    assert [f.source for f in failures[4:]] == [f"{path}#1002", f"{path}#1003"]  # a new kind: shown again


def test_records_past_the_cap_are_not_read_and_it_is_said(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text("".join(_line(i) for i in range(10)))
    results = list(read_paths([path], ReadLimits(max_records=4)))
    assert sum(isinstance(r, Article) for r in results) == 4
    assert results[-1].source == str(path) and "more than 4 records (max_records_per_file)" in results[-1].reason


def test_decompressed_size_and_expansion_are_capped(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl.gz"
    path.write_bytes(gzip.compress("".join(_line(i) for i in range(20_000)).encode()))
    capped = list(read_paths([path], ReadLimits(max_decompressed_bytes=500_000)))
    assert 0 < sum(isinstance(r, Article) for r in capped) < 20_000  # the records before the cap kept
    assert capped[-1].reason.startswith("decompressed data over 0.5 MB (max_decompressed_mb)")
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(_line(0).encode()) + gzip.compress(b"\n" * 50_000_000))
    results = list(read_paths([bomb]))
    assert isinstance(results[0], Article)
    assert "expands" in results[-1].reason and "max_compression_ratio=100" in results[-1].reason


def test_a_truncated_jsonl_gz_keeps_every_whole_line_before_the_cut(tmp_path: Path) -> None:
    lines = [_line(i) for i in range(300)]
    whole = gzip.compress("".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 3 // 4])
    results = list(read_paths([path]))
    articles = [r for r in results if isinstance(r, Article)]
    # Every line decompressed before the cut is read: only the line the cut runs through is lost.
    with gzip.open(path) as stream:
        readable = b""
        try:
            while chunk := stream.read1(8192):
                readable += chunk
        except EOFError:
            pass
    assert len(articles) == readable.count(b"\n")
    assert results[-1].source == str(path) and results[-1].reason.startswith("truncated gzip file")


def test_a_truncated_single_article_gives_no_part_of_it(tmp_path: Path) -> None:
    whole = gzip.compress((TEXT + "\n\n").encode() * 2000)
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(whole[: len(whole) // 2])
    (result,) = list(read_paths([path]))
    assert isinstance(result, ReadFailure) and result.reason.startswith("truncated gzip file")


def test_names_are_printable() -> None:
    assert shown("news/a.txt") == "news/a.txt"
    assert shown("a\x1b[31m.txt") == "a\\x1b[31m.txt"
    assert shown("bad-\udcff.txt") == "bad-\\xff.txt"  # a byte that was not UTF-8
    assert shown("rtl-\u202etxt.exe") == "rtl-\\u202etxt.exe"


def test_a_name_with_bytes_that_are_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    raw = bytes(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as out:
        out.write(TEXT.encode())
    (article,) = list(read_paths([tmp_path]))
    assert isinstance(article, Article) and article.source == f"{tmp_path}/caf\\xe9.txt"


def test_publication_dates_outside_1900_to_the_day_after_tomorrow_are_unknown(caplog: pytest.LogCaptureFixture) -> None:
    today = date.today()
    with caplog.at_level(logging.WARNING):
        assert plausible_published(date(1900, 1, 1), "x") == date(1900, 1, 1)
        assert plausible_published(today + timedelta(days=2), "x") == today + timedelta(days=2)
        assert plausible_published(date(1899, 12, 31), "x") is None
        assert plausible_published(today + timedelta(days=3), "x") is None
        assert parse_published("0001-01-01", "x") is None
        assert parse_published("9999-12-31T23:59:59Z", "x") is None
        assert parse_published("Mon, 01 Jan 0001 00:00:00 GMT", "x") is None  # not 2001
        assert parse_published("Sat, 02 Apr 2022 09:15:00 GMT", "x") == date(2022, 4, 2)
    assert sum("treated as unknown" in r.getMessage() for r in caplog.records) == 4


def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "feed.txt")  # opening it to read would wait for a writer forever
    (result,) = list(read_paths([tmp_path / "feed.txt"]))
    assert result.reason.startswith("a named pipe (FIFO), not a regular file")
