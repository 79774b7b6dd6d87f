"""Geoparsing evaluation against gold toponyms (schema `geoparse-v1`, e.g. GeoVirus).

Runs the places stage over each record's text (never its gold coordinates), matches
predicted toponym spans to gold spans by overlap, and reports recognition
precision/recall/F1 over every gold toponym; over matched toponyms that have gold coordinates,
accuracy@161 km and the median error; and end to end, the share of all gold toponyms with
coordinates that were found and resolved within 161 km (`e2e161`). Real gold files (e.g.
GeoWebNews) have toponyms without coordinates: they count for recognition only. A predicted
toponym the gazetteer could not resolve counts as wrong, never as (0, 0).
"""

from __future__ import annotations

import logging
import math
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventdesk import nlp
from eventdesk.evaluate.gold import read_jsonl
from eventdesk.records import Place
from eventdesk.resolve.gazetteer import haversine_km, load_gazetteer
from eventdesk.resolve.places import find_places, is_phrase

log = logging.getLogger(__name__)

ACC_KM = 161.0  # 100 miles: the customary geoparsing accuracy radius (Gritta et al.)


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold toponym of a record."""

    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(slots=True)
class GeoReport:
    """Recognition and resolution figures over a gold file."""

    n_gold: int = 0
    n_pred: int = 0
    n_matched: int = 0
    n_gold_points: int = 0  # gold toponyms with coordinates
    errors_km: list[float] = field(default_factory=list)
    n_docs: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.n_matched / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.n_matched / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def acc161(self) -> float:
        """Share of matched toponyms resolved within 161 km of the gold point."""
        if not self.errors_km:
            return 0.0
        return sum(e <= ACC_KM for e in self.errors_km) / len(self.errors_km)

    @property
    def e2e161(self) -> float:
        """Share of gold toponyms with coordinates found and resolved within 161 km."""
        within = sum(e <= ACC_KM for e in self.errors_km)
        return within / self.n_gold_points if self.n_gold_points else 0.0

    @property
    def median_km(self) -> float:
        return statistics.median(self.errors_km) if self.errors_km else 0.0

    def summary_line(self) -> str:
        """One line of key=value pairs, e.g. `precision=0.912 recall=0.881 ... n=385`."""
        return (
            f"precision={self.precision:.3f} recall={self.recall:.3f} f1={self.f1:.3f} "
            f"acc161={self.acc161:.3f} e2e161={self.e2e161:.3f} median_km={self.median_km:.1f} "
            f"n={self.n_gold} n_points={self.n_gold_points}"
        )


def read_gold(path: Path, part: str = "all") -> Iterator[tuple[str, str, list[GoldToponym]]]:
    """(doc_id, text, gold toponyms) for each record of `part` of a `geoparse-v1` JSONL file."""
    for _, record in read_jsonl(path, required=("doc_id", "text", "toponyms"), schema="geoparse-v1", part=part, kind="geo"):
        gold = [GoldToponym(t["start"], t["end"], t["text"], _coord(t.get("lat")), _coord(t.get("lon")))
                for t in record["toponyms"]]  # fmt: skip
        yield record["doc_id"], record["text"], gold


def _coord(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def evaluate_geo(gold_path: Path, part: str = "all") -> GeoReport:
    """Run the places stage on every record of `gold_path` in `part` and score it.

    Args:
        gold_path: a JSONL file in the `geoparse-v1` schema.
        part: 'tune', 'check' or 'all' (evaluate/split.py).

    Returns:
        The report; `summary_line()` gives the key figures on one line.
    """
    records = list(read_gold(gold_path, part))
    gazetteer = load_gazetteer()
    report = GeoReport()
    start = time.perf_counter()
    for (doc_id, _, gold), doc in zip(records, nlp.pipe(text for _, text, _ in records)):
        predicted = [p for p in find_places(doc, gazetteer=gazetteer) if _is_toponym(p)]
        _score_record(report, doc_id, gold, predicted)
    report.seconds = time.perf_counter() - start
    log.info("geo evaluation over %d records: %s", report.n_docs, report.summary_line())
    return report


def _is_toponym(place: Place) -> bool:
    """Named places only: phrases ("the capital", "the airport") are not toponyms."""
    return bool(place.text) and not is_phrase(place)


def _score_record(report: GeoReport, doc_id: str, gold: list[GoldToponym], predicted: list[Place]) -> None:
    report.n_docs += 1
    report.n_gold += len(gold)
    report.n_gold_points += sum(g.has_point for g in gold)
    report.n_pred += len(predicted)
    free = list(gold)
    for place in predicted:
        match = next((g for g in free if _overlaps(g, place)), None)
        if match is None:
            report.misses.append(f"{doc_id}: spurious {place.text!r}")
            continue
        free.remove(match)
        report.n_matched += 1
        if match.lat is None or match.lon is None:
            continue
        error = math.inf if place.lat is None or place.lon is None else haversine_km(match.lat, match.lon, place.lat, place.lon)
        report.errors_km.append(error)
        if error > ACC_KM:
            report.misses.append(f"{doc_id}: {match.text!r} -> {place.name} ({error:.0f} km)")
    report.misses += [f"{doc_id}: missed {g.text!r}" for g in free]


def _overlaps(gold: GoldToponym, place: Place) -> bool:
    return (place.start or 0) < gold.end and gold.start < (place.end or 0)


