"""Geoparsing evaluation against gold toponyms (schema `geoparse-v1`, e.g. GeoVirus).

Runs the places stage over each record's text (never its gold coordinates), matches
predicted toponym spans to gold spans by overlap, and reports recognition
precision/recall/F1 and, over matched toponyms, accuracy@161 km and the median error.
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
from eventdesk.resolve.gazetteer import load_gazetteer
from eventdesk.resolve.places import find_places, is_phrase

log = logging.getLogger(__name__)

EARTH_DIAMETER_KM = 12742.0
ACC_KM = 161.0  # 100 miles: the customary geoparsing accuracy radius (Gritta et al.)


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold toponym of a record."""

    start: int
    end: int
    text: str
    lat: float
    lon: float


@dataclass(slots=True)
class GeoReport:
    """Recognition and resolution figures over a gold file."""

    n_gold: int = 0
    n_pred: int = 0
    n_matched: int = 0
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
    def median_km(self) -> float:
        return statistics.median(self.errors_km) if self.errors_km else 0.0

    def summary_line(self) -> str:
        """One line of key=value pairs, e.g. `precision=0.912 recall=0.881 ... n=385`."""
        return (
            f"precision={self.precision:.3f} recall={self.recall:.3f} f1={self.f1:.3f} "
            f"acc161={self.acc161:.3f} median_km={self.median_km:.1f} n={self.n_gold}"
        )


def read_gold(path: Path) -> Iterator[tuple[str, str, list[GoldToponym]]]:
    """(doc_id, text, gold toponyms) for each record of a `geoparse-v1` JSONL file."""
    for _, record in read_jsonl(path, required=("doc_id", "text", "toponyms"), schema="geoparse-v1"):
        gold = [GoldToponym(t["start"], t["end"], t["text"], t["lat"], t["lon"])
                for t in record["toponyms"]]  # fmt: skip
        yield record["doc_id"], record["text"], gold


def evaluate_geo(gold_path: Path) -> GeoReport:
    """Run the places stage on every record of `gold_path` and score it.

    Args:
        gold_path: a JSONL file in the `geoparse-v1` schema.

    Returns:
        The report; `summary_line()` gives the key figures on one line.
    """
    records = list(read_gold(gold_path))
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
    report.n_pred += len(predicted)
    free = list(gold)
    for place in predicted:
        match = next((g for g in free if _overlaps(g, place)), None)
        if match is None:
            report.misses.append(f"{doc_id}: spurious {place.text!r}")
            continue
        free.remove(match)
        report.n_matched += 1
        error = haversine_km(match.lat, match.lon, place.lat or 0.0, place.lon or 0.0)
        report.errors_km.append(error)
        if error > ACC_KM:
            report.misses.append(f"{doc_id}: {match.text!r} -> {place.name} ({error:.0f} km)")
    report.misses += [f"{doc_id}: missed {g.text!r}" for g in free]


def _overlaps(gold: GoldToponym, place: Place) -> bool:
    return (place.start or 0) < gold.end and gold.start < (place.end or 0)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_DIAMETER_KM * math.asin(math.sqrt(min(1.0, h)))
