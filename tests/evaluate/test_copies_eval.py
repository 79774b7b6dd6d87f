"""`eval copies`: the spun-copy benchmark, its determinism, and pinned floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.evaluate.copies import ENV_N, bench_size, evaluate_copies
from eventdesk.evaluate.spin import LEVELS, MEDIUM, SpinParams, spin
from eventdesk.errors import ConfigError

TEXT = (
    "Police fired tear gas at thousands of protesters outside parliament on Tuesday, witnesses said.\n"
    "Several people were taken to hospital after the crowd threw stones at officers.\n"
    "The government announced a curfew in the capital and promised an investigation."
)


def test_spin_is_deterministic_and_changes_the_text() -> None:
    assert spin(TEXT, MEDIUM, 7) == spin(TEXT, MEDIUM, 7)
    assert spin(TEXT, MEDIUM, 7) != spin(TEXT, MEDIUM, 8)
    for params in LEVELS.values():
        assert spin(TEXT, params, 1).strip() != TEXT


def test_spin_rates_do_what_they_say() -> None:
    nothing = SpinParams(0.0, 0.0, 0.0, 0.0, new_headline=False, trailer=False, boilerplate_lines=0)
    assert "Police fired tear gas" in spin(TEXT, nothing, 1)
    all_syn = SpinParams(1.0, 0.0, 0.0, 0.0, new_headline=False, trailer=False, boilerplate_lines=0)
    swapped = spin(TEXT, all_syn, 1)
    assert "protesters" not in swapped and "announced" not in swapped
    deleted = SpinParams(0.0, 0.0, 0.7, 0.0, new_headline=False, trailer=False, boilerplate_lines=0)
    assert spin(TEXT, deleted, 1).count(".") == 1


def test_bench_size_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_N, raising=False)
    assert bench_size(None, 86) == 172
    monkeypatch.setenv(ENV_N, "500")
    assert bench_size(None, 86) == 500 and bench_size(300, 86) == 300
    monkeypatch.setenv(ENV_N, "lots")
    with pytest.raises(ConfigError, match=ENV_N):
        bench_size(None, 86)


def test_copies_floor_on_the_ecb_dev_bench(shared: Path) -> None:
    gold = shared / "data" / "ecbplus-stories-events" / "ecbplus_dev.jsonl"
    if not gold.exists():
        pytest.skip(f"ECB+ dev set not found at {gold}")
    report = evaluate_copies(gold, n_articles=600)
    line = report.summary_line()
    assert "\n" not in line and line.startswith("precision=")
    # Measured at 600 articles: P 0.986 R 0.979, 6 of 441 same-story pairs (they share wire text
    # sentence for sentence; 11 before the longer-text coverage floor, P 0.981 R 0.983).
    assert report.precision >= 0.98
    assert report.recall >= 0.97
    assert report.ecb_false_copy_rate <= 0.02
