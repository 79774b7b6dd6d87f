"""`eval copies`: the spin procedure, the benchmark's own originals, its scoring, pinned floors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventdesk.errors import ConfigError
from eventdesk.evaluate.copies import (
    ENV_SPINS,
    Original,
    _spins,
    evaluate_copies,
    load_originals,
    reprint_share,
    score_level,
)
from eventdesk.evaluate.spin import LEVELS, MEDIUM, SpinParams, spin

TEXT = (
    "Police fired tear gas at thousands of protesters outside parliament on Tuesday, witnesses said.\n"
    "Several people were taken to hospital after the crowd threw stones at officers.\n"
    "The government announced a curfew in the capital and promised an investigation."
)
NOTHING = dict(new_headline=False, trailer=False, boilerplate_lines=0)


def test_spin_is_deterministic_and_changes_the_text() -> None:
    assert spin(TEXT, MEDIUM, 7) == spin(TEXT, MEDIUM, 7)
    assert spin(TEXT, MEDIUM, 7) != spin(TEXT, MEDIUM, 8)
    for params in LEVELS.values():
        assert spin(TEXT, params, 1).strip() != TEXT


def test_spin_rates_do_what_they_say() -> None:
    assert "Police fired tear gas" in spin(TEXT, SpinParams(0.0, 0.0, 0.0, 0.0, **NOTHING), 1)
    swapped = spin(TEXT, SpinParams(1.0, 0.0, 0.0, 0.0, **NOTHING), 1)
    assert "protesters" not in swapped and "announced" not in swapped
    assert spin(TEXT, SpinParams(0.0, 0.0, 0.7, 0.0, **NOTHING), 1).count(".") == 1
    merged = spin(TEXT, SpinParams(0.0, 0.0, 0.0, 0.0, merge_rate=1.0, **NOTHING), 1)
    assert merged.count(".") == 2 and "witnesses said" in merged  # the first two joined into one


def test_spins_per_original_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_SPINS, raising=False)
    assert _spins() == 4
    monkeypatch.setenv(ENV_SPINS, "2")
    assert _spins() == 2
    for bad in ("lots", "0"):
        monkeypatch.setenv(ENV_SPINS, bad)
        with pytest.raises(ConfigError, match=ENV_SPINS):
            _spins()


def _sentences(text: str) -> set[str]:
    return {s.strip().lower() for s in re.split(r"(?<=[.!?])\s+|\n", text) if len(s.split()) >= 6}


def test_the_originals_are_ours_and_in_no_dev_set_or_sample(shared: Path) -> None:
    originals = load_originals()
    assert len(originals) == 30 and len({o.id for o in originals}) == 30
    assert {len(load_originals("tune")), len(load_originals("check"))} == {16, 14}
    ours = set().union(*(_sentences(o.text) for o in originals))
    others = [p.read_text("utf-8") for p in (Path(__file__).resolve().parents[2] / "examples" / "articles").glob("*.txt")]
    others += [p.read_text("utf-8") for p in (shared / "samples").glob("*.txt")]
    for path in (shared / "data").glob("*/*.jsonl"):
        others += [json.loads(line).get("text", "") for line in path.read_text("utf-8").splitlines() if line.strip()]
    assert not ours & set().union(*(_sentences(t) for t in others))


def test_scoring_counts_siblings_right_and_gold_pairs_wrong() -> None:
    originals = [Original("o1", "x", "2024-01-01"), Original("o2", "y", "2024-01-01")]
    gold = [("g1", "a b c d e f g h i", "s"), ("g2", "a b c d e f g h i j", "s"), ("g3", "z", "t")]
    truth = {"o1~0": "o1", "o1~1": "o1", "o2~0": "o2"}
    copies = {"o1~0": ("o1", 0.9), "o1~1": ("o1~0", 0.8), "o2~0": ("o1", 0.7), "g2": ("g1", 0.9)}
    r = score_level("heavy", originals, gold, truth, copies)
    assert (r.copies, r.found) == (3, 1)  # o1~1 points at a sibling, not into o1's family
    assert r.wrong == ["g2", "o2~0"] and r.predicted == 4 and r.precision == 0.5
    assert r.flagged_pairs == [("g1", "g2", 1.0)] and r.gold_pairs == 1


def test_reprint_share_is_the_shorter_texts_8grams_found_in_the_other() -> None:
    long = "one two three four five six seven eight nine ten eleven twelve"
    assert reprint_share(long, "one two three four five six seven eight nine") == 1.0
    assert reprint_share(long, "a b c d e f g h i") == 0.0
    assert reprint_share(long, "short") == 0.0


# Measured on the check part, 4 spins per original (README "Copies"): words only (the default)
# heavy R 0.911 P 0.930, severe R 0.375; with sentence vectors heavy R 0.982 P 0.932. Precision
# is held down by four same-story gold pairs, three of them wire reprints. Floors a little below.
FLOOR_HEAVY_RECALL = 0.9
FLOOR_HEAVY_RECALL_VECTORS = 0.95
FLOOR_PRECISION = 0.9
FLOOR_SEVERE_RECALL = 0.35


def _gold(shared: Path) -> Path:
    gold = shared / "data" / "ecbplus-stories-events" / "ecbplus_dev.jsonl"
    if not gold.exists():
        pytest.skip(f"ECB+ dev set not found at {gold}")
    return gold


def test_copies_floor_on_the_check_part(shared: Path) -> None:
    report = evaluate_copies(_gold(shared), part="check", levels=("heavy", "severe"), vectors=False)
    line = report.summary_line()
    assert "\n" not in line and line.startswith("precision=") and "vectors=False" in line
    heavy, severe = report.levels
    assert heavy.recall >= FLOOR_HEAVY_RECALL and heavy.precision >= FLOOR_PRECISION, line
    assert severe.recall >= FLOOR_SEVERE_RECALL and severe.precision >= FLOOR_PRECISION, line
    assert max(heavy.false_copy_rate, severe.false_copy_rate) <= 0.03, line


def test_copies_floor_with_sentence_vectors(shared: Path) -> None:
    report = evaluate_copies(_gold(shared), part="check", levels=("heavy",), vectors=True)
    (heavy,) = report.levels
    assert heavy.recall >= FLOOR_HEAVY_RECALL_VECTORS and heavy.precision >= FLOOR_PRECISION, report.summary_line()
