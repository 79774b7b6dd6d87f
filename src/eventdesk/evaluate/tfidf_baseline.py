"""`eventdesk eval stories --baseline tfidf`: the plain TF-IDF story baseline, scored like ours.

What the issue names as the bar to beat: scikit-learn's `TfidfVectorizer` over each article's
text, then agglomerative clustering with average link on cosine distance, cut at one distance
threshold. The threshold is swept on the gold's *tune* part only and then applied unchanged
to the check part and to the whole file, so the baseline sees what our own stories step may
see (evaluate/split.py) and nothing more. The vectorizer is fitted on the articles being
clustered (IDF needs no labels), as a desk would fit it on its own corpus.

Nothing in the pipeline uses this module: it exists to be compared with.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from eventdesk.errors import GoldFormatError
from eventdesk.evaluate.gold import read_jsonl
from eventdesk.evaluate.stories import StoriesReport, adjusted_rand, b_cubed

log = logging.getLogger(__name__)

# The sweep of cosine-distance thresholds (0.05, 0.06, ... 0.99): wide enough to hold both
# "every article alone" and "one cluster"; the step is finer than the gaps between the
# average-link merge heights of a few dozen articles.
THRESHOLDS = tuple(round(0.05 + 0.01 * k, 2) for k in range(95))
# Vectorizer settings fixed before any sweep (not tuned): English stop words out and
# sublinear term frequency, the usual plain set-up for clustering news by topic.
VECTORIZER = {"stop_words": "english", "sublinear_tf": True}


@dataclass(frozen=True)
class BaselineReport(StoriesReport):
    """B³ and ARI of the TF-IDF baseline on one part, with the threshold it was cut at."""

    threshold: float
    tune_f1: float

    def details(self) -> list[str]:
        """Human-readable lines before the summary: the cut, then the stories' lines."""
        return [
            f"baseline tfidf: average link on cosine distance, cut at {self.threshold:.2f} "
            f"(swept {THRESHOLDS[0]}-{THRESHOLDS[-1]} on the tune part: B3 F1 {self.tune_f1:.3f} there)",
            *super().details(),
        ]

    def summary_line(self) -> str:
        """ONE line of key=value pairs (the keys of `StoriesReport`, then the threshold)."""
        return f"{super().summary_line()} threshold={self.threshold:.2f}"


def load_texts(path: Path, part: str) -> tuple[list[str], list[str]]:
    """(texts, gold story ids) of the articles of `part`, in file order."""
    texts, gold = [], []
    for _, rec in read_jsonl(path, required=("doc_id", "text", "story_id"), schema="stories gold", part=part, kind="stories"):
        texts.append(rec["text"])
        gold.append(str(rec["story_id"]))
    return texts, gold


def distances(texts: Sequence[str]) -> np.ndarray:
    """Pairwise cosine distances of the texts' TF-IDF vectors (fitted on these texts)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    matrix = TfidfVectorizer(**VECTORIZER).fit_transform(texts)  # type: ignore[arg-type]
    return np.clip(cosine_distances(matrix), 0.0, 2.0)  # type: ignore[no-any-return]


def cluster(dist: np.ndarray, threshold: float) -> list[str]:
    """Average-link agglomerative clusters under `threshold`, as labels 'c0', 'c1', ..."""
    if len(dist) < 2:
        return ["c0"] * len(dist)
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold)
    return [f"c{label}" for label in model.fit_predict(dist)]


def best_threshold(dist: np.ndarray, gold: Sequence[str]) -> tuple[float, float]:
    """(threshold, B³ F1) with the best F1 over THRESHOLDS; ties go to the middle of the run."""
    scores = [b_cubed(gold, cluster(dist, t))[2] for t in THRESHOLDS]
    best = max(scores)
    tied = [t for t, s in zip(THRESHOLDS, scores, strict=True) if s >= best - 1e-9]
    return tied[len(tied) // 2], best


@cache
def tuned_threshold(path: Path) -> tuple[float, float]:
    """The threshold swept on the tune part of a gold file, and the tune part's F1 at it."""
    texts, gold = load_texts(path, "tune")
    if len(texts) < 2:
        raise GoldFormatError(f"{path}: the tune part holds {len(texts)} article(s); the baseline needs two to tune its threshold on")
    threshold, f1 = best_threshold(distances(texts), gold)
    log.info("tfidf baseline: threshold %.2f (tune B3 F1 %.3f)", threshold, f1)
    return threshold, f1


def evaluate_tfidf(gold_path: Path, part: str = "all") -> BaselineReport:
    """Cluster the articles of `part` with the threshold tuned on the tune part; score them."""
    threshold, tune_f1 = tuned_threshold(Path(gold_path))
    texts, gold = load_texts(Path(gold_path), part)
    pred = cluster(distances(texts), threshold)
    p, r, f = b_cubed(gold, pred)
    return BaselineReport(p, r, f, adjusted_rand(gold, pred), len(gold), len(set(gold)), len(set(pred)), threshold, tune_f1)
