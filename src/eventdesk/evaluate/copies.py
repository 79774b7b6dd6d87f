"""`eventdesk eval copies`: spun copies found, independent reports of one event kept apart.

The benchmark, per part (tune / check, evaluate/split.py) and per spin strength:

- **originals**: 30 short news articles we wrote for this benchmark (`data/copybench_articles.jsonl`:
  invented events in 30 countries, from 30 invented outlets; in no dev set or sample), split by
  their `doc_id`;
- **spun copies**: SPINS_PER_ORIGINAL rewrites of each original at the strength (evaluate/spin.py:
  synonyms from our own table, clause rewrites, reordering, dropping and merging sentences, new
  headline, boilerplate), dated one to three days after it;
- **independent reports**: the articles of the gold file (ECB+: several outlets' reports of one
  incident, `story_id`), split by `topic` like `eval stories`; every pair of one story is a
  negative. They are real articles, and some of them reprint or rewrite one wire story: each
  flagged pair is listed with the share of the shorter text's word 8-grams found in the other,
  so a reader can tell a missed independent report from a wire reprint.

Every text is cleaned as the pipeline cleans it, then given the features the pipeline stores
(`copy_features`, and `copy_vectors` when the `copy_vectors` setting is on, as
EVENTDESK_COPY_VECTORS=true sets it); `find_copies` runs over the lot in a shuffled ingest order.
Per strength:

- recall: spun copies placed in their original's family, over all spun copies;
- precision: articles called a copy of an article of their own true family (a spin of the same
  original, or the original), over every article called a copy (a gold article called a copy of
  anything is wrong, an original called a copy of anything is wrong);
- false_copy_rate: same-story gold pairs in one copy family, over all such pairs.

`SPINS_PER_ORIGINAL` (or the environment variable EVENTDESK_COPIES_SPINS) sets the mix: with 4,
a part holds ~60 spun copies per strength against ~220 same-story gold pairs.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import random
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from eventdesk.clean import clean_text
from eventdesk.errors import ConfigError, GoldFormatError
from eventdesk.evaluate.gold import read_jsonl
from eventdesk.evaluate.split import in_part
from eventdesk.evaluate.spin import LEVELS, spin
from eventdesk.link.copies import CopyVectors, copy_features, copy_vectors, find_copies
from eventdesk.run.process import normalised_hash

log = logging.getLogger(__name__)

ENV_SPINS = "EVENTDESK_COPIES_SPINS"
SPINS_PER_ORIGINAL = 4
BENCH_SEED = 20240501  # fixed: the benchmark is rebuilt identically on every run
ORIGINALS = "copybench_articles.jsonl"
COPY_DELAY_DAYS = (1, 2, 3)  # copies appear one to three days after their original
REPRINT_NGRAM = 8  # word n-grams for the reprint share shown beside a flagged gold pair
REPRINT_SHARE = 0.5  # from this share of the shorter text's 8-grams a pair is marked a reprint


@dataclass(frozen=True)
class Original:
    """One article the spun copies are made from."""

    id: str
    text: str
    published: str


@dataclass
class LevelResult:
    """What find_copies did at one spin strength."""

    level: str
    copies: int = 0
    found: int = 0
    predicted: int = 0
    wrong: list[str] = field(default_factory=list)
    flagged_pairs: list[tuple[str, str, float]] = field(default_factory=list)
    gold_pairs: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.copies if self.copies else 1.0

    @property
    def precision(self) -> float:
        return (self.predicted - len(self.wrong)) / self.predicted if self.predicted else 1.0

    @property
    def false_copy_rate(self) -> float:
        return len(self.flagged_pairs) / self.gold_pairs if self.gold_pairs else 0.0


@dataclass
class CopiesReport:
    """Precision and recall per spin strength, and the gold pairs called copies."""

    levels: list[LevelResult]
    n_originals: int
    n_gold: int
    vectors: bool
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        predicted = sum(r.predicted for r in self.levels)
        return (predicted - sum(len(r.wrong) for r in self.levels)) / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        copies = sum(r.copies for r in self.levels)
        return sum(r.found for r in self.levels) / copies if copies else 1.0

    def details(self) -> list[str]:
        """Human-readable lines before the summary."""
        lines = [f"originals: {self.n_originals}; gold articles: {self.n_gold}; spins per original and strength: {_spins()}; "
                 f"sentence vectors: {'on' if self.vectors else 'off'} (copy_vectors)"]
        for r in self.levels:
            lines.append(
                f"{r.level}: recall {r.recall:.3f} ({r.found}/{r.copies}), precision {r.precision:.3f} "
                f"({r.predicted - len(r.wrong)} right of {r.predicted}); same-story gold pairs called copies: "
                f"{len(r.flagged_pairs)} of {r.gold_pairs}"
            )
        seen: set[tuple[str, str]] = set()
        for r in self.levels:
            for a, b, share in r.flagged_pairs:
                if (a, b) not in seen:
                    seen.add((a, b))
                    kind = "a wire reprint" if share >= REPRINT_SHARE else "reported as independent"
                    lines.append(f"  gold pair in one copy family: {a} ~ {b} ({share:.2f} of 8-grams shared: {kind})")
        return lines

    def summary_line(self) -> str:
        """ONE line of key=value pairs: the whole, then precision and recall per strength."""
        worst = max((r.false_copy_rate for r in self.levels), default=0.0)
        per = " ".join(f"p_{r.level}={r.precision:.3f} r_{r.level}={r.recall:.3f}" for r in self.levels)
        copies = sum(r.copies for r in self.levels)
        pairs = self.levels[0].gold_pairs if self.levels else 0
        return (
            f"precision={self.precision:.3f} recall={self.recall:.3f} false_copy_rate={worst:.3f} {per} "
            f"originals={self.n_originals} copies={copies} gold_pairs={pairs} vectors={self.vectors} seconds={self.seconds:.0f}"
        )


def load_originals(part: str = "all") -> list[Original]:
    """The benchmark's own originals of `part` (split by doc_id)."""
    path = resources.files("eventdesk.evaluate") / "data" / ORIGINALS
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [Original(r["doc_id"], r["text"], r["published"]) for r in records if in_part(r, part, "copies")]


def load_gold(path: Path, part: str = "all") -> list[tuple[str, str, str | None]]:
    """(doc_id, text, story_id) of the gold articles of `part` (split by topic, as `eval stories`)."""
    out = []
    for no, rec in read_jsonl(path, required=("text",), schema="copies gold", part=part, kind="stories"):
        key = rec.get("doc_id") or rec.get("id")
        if key is None:
            raise GoldFormatError(f"{path}:{no}: lacks doc_id (or id); not a copies gold record")
        out.append((str(key), rec["text"], rec.get("story_id")))
    return out


def _spins() -> int:
    raw = os.environ.get(ENV_SPINS)
    if raw is None:
        return SPINS_PER_ORIGINAL
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"Config '{ENV_SPINS}' is not an integer: {raw!r}") from None
    if value < 1:
        raise ConfigError(f"Config '{ENV_SPINS}' = {value}: use at least 1 spin per original")
    return value


class BenchVectors:
    """The benchmark's CopyVectors, as `find_copies` reads them from a store."""

    def __init__(self, by_id: dict[str, CopyVectors]) -> None:
        self.by_id = by_id

    def copy_vector_means(self) -> dict[str, bytes]:
        return {k: v.mean for k, v in self.by_id.items()}

    def copy_vectors(self, ids: Sequence[str]) -> dict[str, bytes]:
        return {k: self.by_id[k].sentences for k in ids if k in self.by_id}


class Featurer:
    """Features of texts as the pipeline stores them (cleaned first), each text done once; the
    sentence vectors only when `with_vectors` (the `copy_vectors` setting)."""

    def __init__(self, with_vectors: bool) -> None:
        self.with_vectors = with_vectors
        self.done: dict[str, tuple[dict, CopyVectors | None]] = {}

    def row(self, aid: str, text: str, published: str | None, vectors: dict[str, CopyVectors]) -> dict:
        if text not in self.done:
            cleaned, _ = clean_text(text)
            found = copy_vectors(cleaned) if self.with_vectors else None
            self.done[text] = ({"content_hash": normalised_hash(cleaned), **copy_features(cleaned)}, found)
        feats, vecs = self.done[text]
        if vecs is not None:
            vectors[aid] = vecs
        features = {k: v for k, v in feats.items() if k != "content_hash"}
        return {"id": aid, "published": published, "content_hash": feats["content_hash"], "features": features}


def evaluate_copies(
    gold_path: Path, part: str = "all", levels: Sequence[str] | None = None, vectors: bool | None = None, seed: int = BENCH_SEED
) -> CopiesReport:
    """Build the benchmark of `part` and score `find_copies` at each spin strength, with the
    copy detector's sentence vectors when `vectors` (default: the `copy_vectors` setting)."""
    from threadpoolctl import threadpool_limits

    from eventdesk.config import load_config

    originals, gold = load_originals(part), load_gold(Path(gold_path), part)
    started = time.perf_counter()
    featurer = Featurer(load_config().copy_vectors if vectors is None else vectors)
    results = []
    with threadpool_limits(1):  # the encoder's small products are slower spread over busy cores
        for level in levels or list(LEVELS):
            results.append(_run_level(level, originals, gold, featurer, seed))
    report = CopiesReport(results, len(originals), len(gold), featurer.with_vectors, time.perf_counter() - started)
    log.info("copies bench (%s): %s", part, report.summary_line())
    return report


def _run_level(level: str, originals: list[Original], gold: list[tuple[str, str, str | None]], featurer: Featurer, seed: int) -> LevelResult:
    rows, vectors, truth = level_rows(level, originals, gold, featurer, seed)
    return score_level(level, originals, gold, truth, find_copies(rows, vectors if featurer.with_vectors else None))


def level_rows(level: str, originals: list[Original], gold: list[tuple[str, str, str | None]], featurer: Featurer,
               seed: int = BENCH_SEED) -> tuple[list[dict], BenchVectors, dict[str, str]]:  # fmt: skip
    """The rows of one strength's benchmark in their shuffled ingest order, their vectors, and
    each spun copy's original."""
    vectors: dict[str, CopyVectors] = {}
    rows = [featurer.row(o.id, o.text, o.published, vectors) for o in originals]
    rows += [featurer.row(doc_id, text, None, vectors) for doc_id, text, _ in gold]
    truth: dict[str, str] = {}
    for o in originals:
        for k in range(_spins()):
            cid = f"{o.id}~{level}{k}"
            published = (date.fromisoformat(o.published) + timedelta(days=COPY_DELAY_DAYS[k % 3])).isoformat()
            rows.append(featurer.row(cid, spin(o.text, LEVELS[level], f"{seed}:{o.id}:{level}:{k}"), published, vectors))
            truth[cid] = o.id
    random.Random(f"{seed}:{level}").shuffle(rows)
    return rows, BenchVectors(vectors), truth


def score_level(level: str, originals: list[Original], gold: list[tuple[str, str, str | None]], truth: dict[str, str],
           copies: dict[str, tuple[str, float]]) -> LevelResult:  # fmt: skip
    family = {o.id: copies.get(o.id, (o.id, 1.0))[0] for o in originals}
    found = [cid for cid, oid in truth.items() if copies.get(cid, (None,))[0] == family[oid]]
    result = LevelResult(level, copies=len(truth), found=len(found), predicted=len(copies))
    # A copy pointing at another copy of its original (a sibling spin) is right, though it
    # counts for recall only when its family holds the original.
    result.wrong = sorted(cid for cid, (root, _) in copies.items() if truth.get(cid, cid) != truth.get(root, root))
    texts = {doc_id: text for doc_id, text, _ in gold}
    root_of = {doc_id: copies.get(doc_id, (doc_id, 1.0))[0] for doc_id, _, _ in gold}
    pairs = [(a, b) for (a, _, sa), (b, _, sb) in itertools.combinations(gold, 2) if sa is not None and sa == sb]
    result.gold_pairs = len(pairs)
    result.flagged_pairs = [(a, b, reprint_share(texts[a], texts[b])) for a, b in pairs if root_of[a] == root_of[b]]
    return result


def reprint_share(a: str, b: str) -> float:
    """Share of the shorter text's word 8-grams that occur in the other (text reuse, as in
    plagiarism detection: independent of the copy detector, for reading its flags)."""
    ga, gb = _ngrams(a), _ngrams(b)
    if not ga or not gb:
        return 0.0
    short, other = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    return round(len(short & other) / len(short), 3)


def _ngrams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + REPRINT_NGRAM]) for i in range(len(words) - REPRINT_NGRAM + 1)}
