"""`eventdesk eval time`: mapping, bucketing, and floors on the ESC / MEANTIME dev sets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventdesk.errors import GoldFormatError
from eventdesk.evaluate.time import (
    TimeReport,
    evaluate_time,
    gold_comparable,
    is_explicit,
    scorable_value,
)
from eventdesk.records import When

# Floors only move up. Measured: ESC dev relative 0.929 (n=42), recall 0.886;
# MEANTIME dev value 0.944 (n=36), recall 0.857.
ESC_RELATIVE_FLOOR = 0.92
ESC_RECALL_FLOOR = 0.88
MEANTIME_VALUE_FLOOR = 0.94
MEANTIME_RECALL_FLOOR = 0.85


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        (date(2013, 3, 9), "day", "2013-03-09"),
        (date(2004, 11, 15), "week", "2004-W47"),
        (date(2012, 4, 1), "month", "2012-04"),
        (date(2004, 1, 1), "year", "2004"),
        (None, "unknown", None),
    ],
)
def test_gold_comparable(value: date | None, precision: str, expected: str | None) -> None:
    assert gold_comparable(When(value=value, precision=precision)) == expected


def test_scorable_values() -> None:
    assert scorable_value({"type": "DATE", "value": "2004-W47"}) == "2004-W47"
    assert scorable_value({"type": "TIME", "value": "2013-03-13TNI"}) == "2013-03-13"
    assert scorable_value({"type": "TIME", "value": "2013-07-02T07:37Z"}) is None
    assert scorable_value({"type": "DATE", "value": "PAST_REF"}) is None
    assert scorable_value({"type": "DURATION", "value": "P1W"}) is None


def test_explicit_means_the_year_is_written() -> None:
    assert is_explicit("September 2009", "2009-09")
    assert is_explicit("7/8/07", "2007-07-08")
    assert not is_explicit("Tuesday", "2013-07-02")
    assert not is_explicit("April 20", "2013-04-20")


def test_summary_line_is_one_line_of_pairs() -> None:
    line = TimeReport().summary_line()
    assert "\n" not in line
    keys = [pair.split("=")[0] for pair in line.split()]
    assert {"value_acc", "relative_acc", "explicit_acc", "recall", "precision", "n"} <= set(keys)


def test_bad_gold_names_the_schema(tmp_path: Path) -> None:
    gold = tmp_path / "bad.jsonl"
    gold.write_text(json.dumps({"doc_id": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="timex-v1"):
        evaluate_time(gold)


def test_tiny_gold_file(tmp_path: Path) -> None:
    text = "Riots\nJanuary 7, 2022\nPolice fired on Thursday. The law was passed in 2004."
    doc = {
        "doc_id": "t1",
        "text": text,
        "dct": {"start": 6, "end": 21, "value": "2022-01-07"},
        "timexes": [
            {"start": 38, "end": 46, "text": "Thursday", "type": "DATE", "value": "2022-01-06"},
            {"start": 70, "end": 74, "text": "2004", "type": "DATE", "value": "2004"},
        ],
    }
    gold = tmp_path / "tiny.jsonl"
    gold.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    report = evaluate_time(gold)
    assert (report.relative.n, report.relative.accuracy) == (1, 1.0)
    assert (report.explicit.n, report.explicit.accuracy) == (1, 1.0)
    assert report.recall == 1.0 and report.precision == 1.0
    assert report.dateline.accuracy == 1.0


@pytest.fixture(scope="module")
def esc(shared: Path) -> TimeReport:
    return evaluate_time(shared / "data" / "timex-esc-meantime" / "esc_dev.jsonl")


@pytest.fixture(scope="module")
def meantime(shared: Path) -> TimeReport:
    return evaluate_time(shared / "data" / "timex-esc-meantime" / "meantime_dev.jsonl")


def test_esc_dev_floors(esc: TimeReport) -> None:
    assert esc.relative.n >= 40
    assert esc.relative.accuracy >= ESC_RELATIVE_FLOOR, esc.summary_line()
    assert esc.recall >= ESC_RECALL_FLOOR, esc.summary_line()


def test_meantime_dev_floors(meantime: TimeReport) -> None:
    assert meantime.overall.n >= 30
    assert meantime.overall.accuracy >= MEANTIME_VALUE_FLOOR, meantime.summary_line()
    assert meantime.recall >= MEANTIME_RECALL_FLOOR, meantime.summary_line()
