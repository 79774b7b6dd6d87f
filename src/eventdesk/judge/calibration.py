"""The record confidence as a calibrated probability that the record is a real current incident.

The link step scores each event from its mentions (the judge's P(incident), whether a source
asserts it, how many independent sources back it: link/events.py `_confidence`). That raw score
ranks records but is not a probability; Platt scaling, p = sigmoid(a * logit(raw) + b), maps
it to one. `a` and `b` are fitted on the desk gold's tune part (a record is right when it
matches a current gold incident, the scorer's `precision`) by `python -m eventdesk.judge.fit_calibration`,
and kept in `calibration.toml` with the figures of the fit; the check part reports the expected
calibration error (`eventdesk eval records`).
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources

EPS = 1e-4  # raw scores are clipped into [EPS, 1 - EPS] before the logit
ECE_BINS = 10


@cache
def params() -> tuple[float, float]:
    """(a, b) of the Platt scaling."""
    data = tomllib.loads(resources.files("eventdesk.judge").joinpath("calibration.toml").read_text("utf-8"))
    return float(data["a"]), float(data["b"])


def _logit(p: float) -> float:
    p = min(1 - EPS, max(EPS, p))
    return math.log(p / (1 - p))


def calibrated(raw: float) -> float:
    """The calibrated probability of a raw record score."""
    a, b = params()
    return round(1.0 / (1.0 + math.exp(-(a * _logit(raw) + b))), 3)


def raw_of(shown: float) -> float:
    """The raw score behind a calibrated one (for refitting from an export)."""
    a, b = params()
    return 1.0 / (1.0 + math.exp(-((_logit(shown) - b) / a)))


def expected_calibration_error(outcomes: Iterable[tuple[float, bool]], bins: int = ECE_BINS) -> float | None:
    """Mean |confidence - accuracy| over equal-width confidence bins, weighted by bin size."""
    items = list(outcomes)
    if not items:
        return None
    total = 0.0
    for i in range(bins):
        lo, hi = i / bins, (i + 1) / bins
        inside = [(p, ok) for p, ok in items if lo <= p < hi or (i == bins - 1 and p == 1.0)]
        if inside:
            conf = sum(p for p, _ in inside) / len(inside)
            acc = sum(ok for _, ok in inside) / len(inside)
            total += len(inside) * abs(conf - acc)
    return total / len(items)
