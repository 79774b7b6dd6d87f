"""Geoparsing figures on the GeoVirus dev set, pinned as floors (floors only move up)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.evaluate.geo import GeoReport, evaluate_geo
from eventdesk.resolve.gazetteer import haversine_km

# Measured on geovirus_dev.jsonl (385 toponyms): P 0.973, R 0.925, acc161 0.899, e2e161 0.831
# (before #16's recognition from document context: P 0.977, R 0.891, acc161 0.910, e2e161
# 0.810; before that: P 0.970, R 0.844, acc161 0.831). acc161's floor went down from 0.90 to
# 0.89 for a stated reason: 13 more toponyms are recognised, five of them a country ("Sudan")
# whose country point lies 254 km from the gold's, so the share right of those recognised fell
# while the share right of all gold toponyms (e2e161) rose; e2e161 gets a floor of its own.
FLOOR_ACC161 = 0.89
FLOOR_E2E161 = 0.83
FLOOR_RECALL = 0.92
FLOOR_PRECISION = 0.97


@pytest.fixture(scope="module")
def report(shared: Path) -> GeoReport:
    path = shared / "data" / "geoparsing-geovirus" / "geovirus_dev.jsonl"
    if not path.exists():
        pytest.skip(f"GeoVirus dev file absent: {path}")
    return evaluate_geo(path)


def test_dev_figures_hold_their_floors(report: GeoReport) -> None:
    assert report.n_gold == 385
    assert report.acc161 >= FLOOR_ACC161, report.summary_line()
    assert report.e2e161 >= FLOOR_E2E161, report.summary_line()
    assert report.recall >= FLOOR_RECALL, report.summary_line()
    assert report.precision >= FLOOR_PRECISION, report.summary_line()


def test_summary_line_is_one_line_of_key_values(report: GeoReport) -> None:
    line = report.summary_line()
    assert "\n" not in line
    keys = [part.split("=")[0] for part in line.split()]
    assert keys == ["precision", "recall", "f1", "acc161", "e2e161", "median_km", "n", "n_points"]


def test_gold_toponyms_without_coordinates(tmp_path: Path) -> None:
    """Real gold files (GeoWebNews-style) have toponyms without coordinates: recognition counts
    them, resolution and the end-to-end share only count those with a point."""
    import json

    text = "Flooding hit Nairobi and the Rift Valley on Monday, and aid reached Kisumu."
    spans = [("Nairobi", -1.2833, 36.8167), ("Rift Valley", None, None), ("Kisumu", -0.1022, 34.7617)]
    toponyms = [{"start": text.index(n), "end": text.index(n) + len(n), "text": n, "lat": la, "lon": lo}
                for n, la, lo in spans]  # fmt: skip
    gold = tmp_path / "geo.jsonl"
    gold.write_text(json.dumps({"doc_id": "d1", "text": text, "toponyms": toponyms}) + "\n")
    report = evaluate_geo(gold)
    assert report.n_gold == 3 and report.n_gold_points == 2
    assert report.n_matched >= 2 and len(report.errors_km) == 2
    assert report.acc161 == 1.0 and report.e2e161 == 1.0


def test_haversine() -> None:
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)
