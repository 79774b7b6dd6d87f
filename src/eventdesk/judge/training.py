"""The judge's training sentences, the three classifiers fit on them, and their cache.

Training data: every `*.toml` file in `judge/data/` (and the second opinion's sentences in
`extract/data/second_opinion.toml`), sentences the eventdesk team wrote for this purpose, never
taken from a dev set or a sample. Each file holds `[[group]]`s:

    kind = "incident" | "background" | a negative class (idiom, sports, accident, disaster,
           natural_death, negated, threat_plan, court, statistics, opinion, fiction_media,
           economy_tech, other_nonincident)
    label = "Event type/Sub-event type" (ACLED's, as in extract/data/event_types.toml) or "none"
    scope = "acled" | "crime" | "other" | "none"
    sentences = [...]

The files are checked when loaded (`load_groups`): an unknown key, kind, scope or sub-type
fails loudly with the file and the group's number.

Three multinomial logistic regressions (scikit-learn, L2, balanced classes, fixed solver, so a
rebuild gives the same model) over the bundled encoder's embeddings (extract/embed.py):
- `happening`: incident / background / each negative kind (idiom, sports, accident ...), weighted
  so that incident, background and the negatives together weigh a third each; P(none) is the sum
  over the negative kinds. One "none" class would have to hold idioms, sports reports, accidents
  and statistics on one side of a single hyperplane; a class per kind fits each its own
  (measured once, when the head changed, on the same 5 folds as `python -m eventdesk.judge.rebuild
  --cv`, which now prints the per-kind figure only: incident-or-not accuracy 0.914 -> 0.942,
  negatives caught 0.880 -> 0.901 with incidents kept 0.931 -> 0.963, ROC AUC 0.971 -> 0.986);
- `subtype`: ACLED's sub-types, over incident and background sentences;
- `scope`: acled / crime, over the same.
Built on first use (about a minute: embedding the sentences) or by `scripts/train-judge`, and
cached under the eventdesk cache directory, keyed by a digest of the data files, the encoder's
weights, scikit-learn's version and TRAIN_VERSION.
"""

from __future__ import annotations

import hashlib
import logging
import time
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import numpy as np

from eventdesk.cache import cache_dir, write_atomic
from eventdesk.errors import ConfigError
from eventdesk.extract import embed
from eventdesk.extract.embed import SoftmaxHead
from eventdesk.extract.lexicon import lexicon

log = logging.getLogger(__name__)

TRAIN_VERSION = 2  # bump when training changes, so cached models are rebuilt
NEGATIVE_KINDS = frozenset({
    "idiom", "sports", "accident", "disaster", "natural_death", "negated", "threat_plan", "court",
    "statistics", "opinion", "fiction_media", "economy_tech", "other_nonincident",
})  # fmt: skip
KINDS = frozenset({"incident", "background"}) | NEGATIVE_KINDS
SCOPES = frozenset({"acled", "crime", "other", "none"})
GROUP_KEYS = frozenset({"kind", "label", "scope", "sentences"})
INCIDENT, BACKGROUND, NONE = "incident", "background", "none"
# Inverse L2 strength per classifier, chosen by 5-fold cross-validation on the training
# sentences only (`python -m eventdesk.judge.rebuild --cv`; 5,467 sentences): happening (per
# kind, scored as incident-or-not) 0.922 / 0.936 / 0.942 / 0.940 at C = 1 / 4 / 16 / 64; sub-type
# 0.847 / 0.865 / 0.871 / 0.869; scope 0.957 / 0.965 / 0.970 / 0.972.
C_HAPPENING = 16.0
C_SUBTYPE = 16.0
C_SCOPE = 16.0


@dataclass(frozen=True)
class Group:
    """One labelled group of training sentences."""

    kind: str
    label: str
    scope: str
    sentences: tuple[str, ...]
    where: str  # file and group number, for messages


def _sub_types() -> frozenset[str]:
    return frozenset(lexicon().sub_events)


def load_groups(name: str, data: bytes) -> list[Group]:
    """The validated groups of one training file.

    Raises:
        ConfigError: a group has an unknown key, kind, scope or label, or no sentences.
    """
    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name}: not valid TOML ({exc})") from None
    subtypes = _sub_types()
    groups = []
    for i, raw in enumerate(parsed.get("group", []), 1):
        where = f"{name} [[group]] #{i}"
        unknown = set(raw) - GROUP_KEYS
        if unknown or not GROUP_KEYS <= set(raw):
            raise ConfigError(f"{where}: keys must be {sorted(GROUP_KEYS)}; got {sorted(raw)}")
        kind, label, scope = raw["kind"], raw["label"], raw["scope"]
        if kind not in KINDS:
            raise ConfigError(f"{where}: unknown kind {kind!r}; one of {sorted(KINDS)}")
        if scope not in SCOPES:
            raise ConfigError(f"{where}: unknown scope {scope!r}; one of {sorted(SCOPES)}")
        negative = kind in NEGATIVE_KINDS
        if (label != NONE) == negative or (not negative and label not in subtypes):
            want = '"none"' if negative else "an ACLED 'Type/Sub-type' of event_types.toml"
            raise ConfigError(f"{where}: label {label!r} for kind {kind!r}; want {want}")
        if not raw["sentences"] or not all(isinstance(s, str) and s.strip() for s in raw["sentences"]):
            raise ConfigError(f"{where}: sentences must be a non-empty list of non-empty strings")
        groups.append(Group(kind, label, scope, tuple(raw["sentences"]), where))
    return groups


@cache
def _data_files() -> tuple[tuple[str, bytes], ...]:
    """(name, bytes) of every training file, in a fixed order."""
    folder = resources.files("eventdesk.judge").joinpath("data")
    files = sorted((f.name, f.read_bytes()) for f in folder.iterdir() if f.name.endswith(".toml"))
    opinion = resources.files("eventdesk.extract").joinpath("data", "second_opinion.toml").read_bytes()
    return (*files, ("second_opinion.toml", opinion))


def training_groups() -> list[Group]:
    """Every training group: the judge's files, and the second opinion's sentences as groups."""
    groups: list[Group] = []
    for name, data in _data_files():
        if name == "second_opinion.toml":
            groups += _opinion_groups(data)
        else:
            groups += load_groups(name, data)
    return groups


def _opinion_groups(data: bytes) -> list[Group]:
    """The second opinion's sentences: a sub-type label is an incident (acled scope), 'none' a negative."""
    labels = tomllib.loads(data.decode("utf-8"))["labels"]
    return [
        Group("other_nonincident" if label == NONE else INCIDENT, label, "none" if label == NONE else "acled",
              tuple(entry["sentences"]), f"second_opinion.toml {label}")  # fmt: skip
        for label, entry in labels.items()
    ]


# --------------------------------------------------------------------------
# The classifiers
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Models:
    """The judge's three classifiers."""

    happening: SoftmaxHead
    subtype: SoftmaxHead
    scope: SoftmaxHead


def examples(groups: list[Group]) -> tuple[list[str], list[str], list[str], list[str]]:
    """(sentences, happening labels (incident, background or the negative kind), sub-type labels,
    scope labels), one entry per sentence."""
    texts, happening, subtype, scope = [], [], [], []
    for g in groups:
        for s in g.sentences:
            texts.append(s)
            happening.append(g.kind)
            subtype.append(g.label)
            scope.append(g.scope)
    return texts, happening, subtype, scope


def train(groups: list[Group], x: np.ndarray | None = None) -> Models:
    """Fit the three classifiers (`x`: the sentences' embeddings, computed when not given)."""
    texts, happening, subtype, scope = examples(groups)
    if x is None:
        x = embed.encoder().encode(texts)
    eventful = np.array([h in (INCIDENT, BACKGROUND) for h in happening])
    scoped = eventful & np.array([s in ("acled", "crime") for s in scope])
    return Models(
        happening=SoftmaxHead.fit(x, happening, C_HAPPENING, weights=happening_weights(happening)),
        subtype=SoftmaxHead.fit(x[eventful], [l for l, e in zip(subtype, eventful, strict=True) if e], C_SUBTYPE),
        scope=SoftmaxHead.fit(x[scoped], [s for s, k in zip(scope, scoped, strict=True) if k], C_SCOPE),
    )


def happening_weights(happening: list[str]) -> np.ndarray:
    """Per-sentence weights under which incident, background and the negative kinds together
    weigh one third each (the balance of a three-class incident / background / none model)."""
    side = [h if h in (INCIDENT, BACKGROUND) else NONE for h in happening]
    sizes = {k: side.count(k) for k in set(side)}
    return np.array([len(side) / (len(sizes) * sizes[k]) for k in side])


def p_none(labels: Sequence[str], probs: np.ndarray) -> np.ndarray:
    """P(none) per row of the happening head's probabilities (columns `labels`): the sum over
    the negative kinds."""
    negative = [i for i, label in enumerate(labels) if label not in (INCIDENT, BACKGROUND)]
    return probs[:, negative].sum(axis=1)  # type: ignore[no-any-return]


@cache
def models() -> Models:
    """The trained classifiers: from the cache file, or trained and cached on first use."""
    path = cache_path()
    if path.exists():
        with np.load(path) as saved:
            return Models(*(SoftmaxHead(tuple(str(v) for v in saved[f"{n}_labels"]), saved[f"{n}_coef"], saved[f"{n}_intercept"])
                            for n in ("happening", "subtype", "scope")))  # fmt: skip
    start = time.perf_counter()
    trained = train(training_groups())
    arrays = {}
    for name in ("happening", "subtype", "scope"):
        m: SoftmaxHead = getattr(trained, name)
        arrays |= {f"{name}_labels": np.array(m.labels), f"{name}_coef": m.coef, f"{name}_intercept": m.intercept}
    write_atomic(path, lambda fh: np.savez(fh, **arrays))
    log.info("trained the incident judge in %.1fs: %s", time.perf_counter() - start, path)
    return trained


def cache_path() -> Path:
    """The cache file; its name changes with the data, the encoder and the training code."""
    weights = (embed.model_dir() / "model.safetensors").stat().st_size
    parts = f"{TRAIN_VERSION}|{C_HAPPENING}|{C_SUBTYPE}|{C_SCOPE}|{weights}|sklearn={metadata.version('scikit-learn')}"
    digest = hashlib.sha256(parts.encode())
    for name, data in _data_files():
        digest.update(name.encode() + b"\0" + data)
    return cache_dir() / f"judge-{digest.hexdigest()[:16]}.npz"
