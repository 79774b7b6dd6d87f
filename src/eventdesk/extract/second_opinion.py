"""A second opinion on event typing: a small classifier over sentence embeddings.

The lexicon (events.py) types every trigger by its family's rules over the actors' kinds and
the sentence's words. When no rule matched (the family's default type) or the trigger is a
vague noun ("violence", "unrest"), the lexicon is unsure; for those candidates only, this
module embeds the words around the trigger (events.py `_opinion_text`: its clause, not the
other events of a long sentence; embed.py, all-MiniLM-L6-v2) and asks a multinomial
logistic regression trained on `data/second_opinion.toml`: sentences we wrote for each of
ACLED's 25 sub-event types and for "none" (speech, commentary, sport, economics ...).

What the opinion may change (`review`), and why it is this narrow:
* the sub-event type, only within the lexicon's event type, only to the classifier's own first
  choice, only when that is a type the trigger's family can produce, and only when it is
  clearly preferred (`SWITCH_MIN_P`, `SWITCH_MARGIN`). The lexicon decides *whether* there is
  an event and of which ACLED event type: on the dev sets the classifier alone gets the event
  type right less often than the rules (PLOVER 0.65, our examples 0.54 of gold sentences), and
  letting it change event types lowered PLOVER weighted F1 from 0.89 to 0.86;
* the confidence, up when the classifier's first choice is the lexicon's type, down when it
  is "none". This is where it earns its keep: confidence ranks right above wrong predictions
  better with it (`conf_auc` of `eventdesk eval events`: PLOVER 0.751 → 0.783, examples
  0.525 → 0.532). "none" never removes an event.
Every opinion is written into the mention's reason. It is off by default (`second_opinion` in
data/defaults.toml): the encoder costs ~10 ms per unsure trigger, 39% of the pipeline's
throughput on the bench corpus, for that small gain.

The classifier is trained on first use (about 20 s: embedding the 935 training sentences) and
cached under the eventdesk cache directory, keyed by the data file, the model and this code's
`TRAIN_VERSION`; later processes load it in milliseconds.
"""

from __future__ import annotations

import hashlib
import logging
import time
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import numpy as np

from eventdesk.cache import cache_dir, write_atomic
from eventdesk.extract import embed
from eventdesk.extract.lexicon import split_type

log = logging.getLogger(__name__)

DATA_FILE = "second_opinion.toml"
NONE = "none"  # the label of sentences that report no event
TRAIN_VERSION = 2  # bump when training changes, so cached classifiers are rebuilt
C = 16.0  # inverse L2 strength of the logistic regression: 5-fold CV on the training set gives
# 0.803 at C=4, 0.817 at 8, 0.829 at 16, 0.830 at 32 (accuracy over 26 labels)
# The opinion changes the sub-type only to its own first choice, when that is one of the family's
# types within the lexicon's event type, at least this probable, and this much more probable
# than the lexicon's type.
SWITCH_MIN_P = 0.4
SWITCH_MARGIN = 0.15
AGREE_BONUS = 0.05  # confidence added when the classifier's first choice is the lexicon's type
NONE_PENALTY = 0.1  # confidence removed when its first choice is "no event"


@dataclass(frozen=True)
class Opinion:
    """The classifier's view of one sentence."""

    probs: dict[str, float]  # label -> probability, over the 25 sub-types and "none"

    @property
    def top(self) -> tuple[str, float]:
        """The most probable label and its probability."""
        label = max(self.probs, key=self.probs.__getitem__)
        return label, self.probs[label]


class Classifier:
    """The softmax head over sentence embeddings, giving opinions."""

    def __init__(self, head: embed.SoftmaxHead) -> None:
        self.head = head

    def opinions(self, sentences: list[str]) -> list[Opinion]:
        """One opinion per sentence (embedding them in one batch)."""
        if not sentences:
            return []
        probs = self.head.probs(embed.encoder().encode(sentences))
        return [Opinion(dict(zip(self.head.labels, map(float, row), strict=True))) for row in probs]


@dataclass(frozen=True)
class Verdict:
    """What the second opinion does to one unsure candidate."""

    full_type: str  # the lexicon's type, or the one the opinion switched to
    confidence_delta: float
    note: str  # for the mention's reason


def review(items: list[tuple[str, str, frozenset[str]]]) -> list[Verdict]:
    """Second opinions on unsure candidates.

    Args:
        items: (the words around the trigger, the lexicon's full type, the full types the
            trigger's family can produce), one per unsure candidate.

    Returns:
        One verdict per item, in order.
    """
    opinions = classifier().opinions([sentence for sentence, _, _ in items])
    return [_verdict(op, current, options) for op, (_, current, options) in zip(opinions, items, strict=True)]


def _verdict(op: Opinion, current: str, options: frozenset[str]) -> Verdict:
    top, p_top = op.top
    said = f"second opinion: {top} ({p_top:.2f})"
    delta = AGREE_BONUS if top == current else -NONE_PENALTY if top == NONE else 0.0
    p_current = op.probs.get(current, 0.0)
    same_type = top != NONE and split_type(top)[0] == split_type(current)[0]
    if top != current and top in options and same_type and p_top >= SWITCH_MIN_P and p_top - p_current >= SWITCH_MARGIN:
        return Verdict(top, delta, f"{said}; retyped from {current} ({p_current:.2f})")
    return Verdict(current, delta, said)


# --------------------------------------------------------------------------
# Training data, training and the cache
# --------------------------------------------------------------------------
def training_data() -> tuple[list[str], list[str]]:
    """(sentences, labels) from the data file."""
    data = tomllib.loads(_data_bytes().decode("utf-8"))
    texts: list[str] = []
    labels: list[str] = []
    for label, entry in data["labels"].items():
        texts += entry["sentences"]
        labels += [label] * len(entry["sentences"])
    return texts, labels


def train(texts: list[str], labels: list[str]) -> Classifier:
    """Fit the logistic regression on embedded sentences (scikit-learn, balanced classes)."""
    return Classifier(embed.SoftmaxHead.fit(embed.encoder().encode(texts), labels, C))


@cache
def classifier() -> Classifier:
    """The trained classifier: from the cache file, or trained and cached on first use."""
    path = cache_path()
    if path.exists():
        with np.load(path) as saved:
            return Classifier(embed.SoftmaxHead(tuple(str(x) for x in saved["labels"]), saved["coef"], saved["intercept"]))
    start = time.perf_counter()
    clf = train(*training_data())
    head = clf.head
    write_atomic(path, lambda fh: np.savez(fh, labels=np.array(head.labels), coef=head.coef, intercept=head.intercept))
    log.info("trained the second-opinion classifier in %.1fs: %s", time.perf_counter() - start, path)
    return clf


def cache_path() -> Path:
    """The cache file; its name changes with the data, the model and the training code."""
    root = cache_dir()
    weights = (embed.model_dir() / "model.safetensors").stat().st_size
    parts = f"{TRAIN_VERSION}|{C}|{weights}|sklearn={metadata.version('scikit-learn')}".encode()
    digest = hashlib.sha256(parts + _data_bytes()).hexdigest()[:16]
    return root / f"second-opinion-{digest}.npz"


@cache
def _data_bytes() -> bytes:
    return resources.files("eventdesk.extract").joinpath("data", DATA_FILE).read_bytes()
