"""`python -m eventdesk.judge.fit_calibration [GOLD]`: fit the Platt scaling on the tune part.

Runs `eventdesk eval records --part tune` (the whole pipeline on the tune articles), recovers
each record's raw score from its shown confidence, fits a one-feature logistic regression of
"the record matches a current gold incident" on logit(raw), and rewrites calibration.toml with
the coefficients and the fit's figures. Only the tune part is read; report ECE on check.
"""

from __future__ import annotations

import sys
from datetime import date
from importlib import resources
from pathlib import Path

import numpy as np

from eventdesk.evaluate.records import evaluate_records
from eventdesk.judge import calibration

DEFAULT_GOLD = Path("../shared/data/desk-gold/desk_dev.jsonl")


def main(argv: list[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression

    gold = Path((argv or sys.argv[1:] or [str(DEFAULT_GOLD)])[0])
    tune = evaluate_records(gold, part="tune").parts["all"]
    raw = np.array([calibration.raw_of(p) for p, _ in tune.outcomes])
    y = np.array([ok for _, ok in tune.outcomes])
    x = np.log(np.clip(raw, calibration.EPS, 1 - calibration.EPS) / (1 - np.clip(raw, calibration.EPS, 1 - calibration.EPS)))
    model = LogisticRegression(C=1e6).fit(x.reshape(-1, 1), y)
    a, b = float(model.coef_[0, 0]), float(model.intercept_[0])
    before = calibration.expected_calibration_error(zip(raw, y, strict=True))
    fitted = [float(1 / (1 + np.exp(-(a * v + b)))) for v in x]
    after = calibration.expected_calibration_error(zip(fitted, y, strict=True))
    path = Path(str(resources.files("eventdesk.judge").joinpath("calibration.toml")))
    path.write_text(
        "# Platt scaling of the record confidence (judge/calibration.py): p = sigmoid(a * logit(raw) + b).\n"
        f"# Fitted {date.today().isoformat()} on the desk gold's tune part ({len(y)} records, {int(y.sum())} right)\n"
        f"# by `python -m eventdesk.judge.fit_calibration {gold}`: ECE {before:.3f} -> {after:.3f} on tune.\n"
        f"a = {a:.4f}\nb = {b:.4f}\n",
        encoding="utf-8",
    )
    print(f"a={a:.4f} b={b:.4f} tune_records={len(y)} ece_before={before:.3f} ece_after={after:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
