"""`python -m eventdesk.judge.rebuild [--cv]`: rebuild the judge's cached models reproducibly.

With `--cv`, print the 5-fold cross-validation accuracy (stratified, fixed seed) of each
classifier (for `happening`: incident-or-not, the call the judge makes) on the training
sentences for a sweep of C, the figures behind the C_* constants of training.py. Only our own
sentences are used: never a dev set.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

from eventdesk.extract import embed
from eventdesk.judge import training

SEED = 13
SWEEP = (1.0, 4.0, 16.0, 64.0)


def cross_validate(x: np.ndarray, y: list[str], c: float) -> float:
    """Mean 5-fold accuracy of a balanced logistic regression at inverse strength c."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    return float(cross_val_score(model, x, np.array(y), cv=folds).mean())


def cross_validate_happening(x: np.ndarray, y: list[str], c: float) -> float:
    """Mean 5-fold accuracy of the happening head (one class per kind, weighted as training.py
    weighs it) at telling an incident or background sentence from a negative one."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    labels, weights = np.array(y), training.happening_weights(y)
    negative = np.array([h not in (training.INCIDENT, training.BACKGROUND) for h in y])
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    scores = []
    for train, test in folds.split(x, labels):
        model = LogisticRegression(C=c, max_iter=3000).fit(x[train], labels[train], sample_weight=weights[train])
        said_none = training.p_none([str(k) for k in model.classes_], model.predict_proba(x[test])) >= 0.5
        scores.append(float((said_none == negative[test]).mean()))
    return float(np.mean(scores))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv", action="store_true", help="print cross-validation accuracy for a sweep of C")
    args = ap.parse_args(argv)
    groups = training.training_groups()
    texts, happening, subtype, scope = training.examples(groups)
    print(f"{len(texts)} training sentences in {len(groups)} groups")
    if args.cv:
        x = embed.encoder().encode(texts)
        eventful = [h in (training.INCIDENT, training.BACKGROUND) for h in happening]
        scoped = [e and s in ("acled", "crime") for e, s in zip(eventful, scope, strict=True)]
        tasks = {
            "happening": (x, happening),
            "subtype": (x[np.array(eventful)], [l for l, e in zip(subtype, eventful, strict=True) if e]),
            "scope": (x[np.array(scoped)], [s for s, k in zip(scope, scoped, strict=True) if k]),
        }
        for name, (xs, ys) in tasks.items():
            score = cross_validate_happening if name == "happening" else cross_validate
            scores = " ".join(f"C={c:g}:{score(xs, ys, c):.3f}" for c in SWEEP)
            print(f"{name} (n={len(ys)}, {len(set(ys))} labels): {scores}")
        return 0
    path = training.cache_path()
    path.unlink(missing_ok=True)
    training.models.cache_clear()
    training.models()
    print(f"judge models written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
