"""`eventdesk eval copies`: copy detection on a generated spun-copy benchmark.

The gold file is a corpus of originals (JSONL, one article per line with `text` and an id in
`doc_id` or `id`; `story_id` optional), e.g. ../shared/data/ecbplus-stories-events. The
benchmark holds every original plus spun copies of them (evaluate/spin.py) at three strengths
(light, medium, heavy, in turn), made with a fixed seed. Features are computed as the pipeline
computes them (`normalised_hash`, `copy_features`), on the raw texts (no cleaning: the inserted
boilerplate stays in), and `find_copies` runs over the lot in a shuffled ingest order; originals
are dated a day before their copies, as a wire story precedes its rewrites.

- precision: predicted copies whose family root is the true original's family root, over all
  predicted copies (an original called a copy counts as wrong);
- recall: spun copies correctly placed, over all spun copies;
- ecb_false_copy_rate: pairs of originals of one gold story that end in one copy family, over
  all such pairs (independent reports of one event must stay independent sources).

Size: `n_articles` (argument) or the environment variable EVENTDESK_COPIES_N (the `eval`
command takes only --gold), default twice the originals. Originals are cycled with distinct
spins: `EVENTDESK_COPIES_N=10000 eventdesk eval copies --gold ecbplus_dev.jsonl` is the bench.
"""

from __future__ import annotations

import itertools
import logging
import os
import random
import resource
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventdesk.evaluate.gold import read_jsonl
from eventdesk.errors import ConfigError, GoldFormatError
from eventdesk.evaluate.spin import LEVELS, spin
from eventdesk.link.copies import copy_features, find_copies
from eventdesk.run.process import normalised_hash

log = logging.getLogger(__name__)

ENV_N = "EVENTDESK_COPIES_N"
BENCH_SEED = 20240501  # fixed: the benchmark is rebuilt identically on every run
LEVEL_CYCLE = ("light", "medium", "heavy")  # spin strengths, one after another per original
ORIGINAL_DATE = "2020-01-01"
COPY_DATES = ("2020-01-02", "2020-01-03", "2020-01-04")  # copies appear one to three days later


@dataclass(frozen=True)
class Original:
    """One article of the gold corpus."""

    id: str
    text: str
    story: str | None


@dataclass
class CopiesReport:
    """Precision/recall of copy detection and the false-copy rate on same-story originals."""

    precision: float
    recall: float
    ecb_false_copy_rate: float
    n_pairs: int
    n_articles: int
    n_originals: int
    n_copies: int
    predicted: int
    seconds_features: float
    seconds_find: float
    max_rss_mb: float
    recall_by_level: dict[str, float] = field(default_factory=dict)
    false_pairs: list[tuple[str, str]] = field(default_factory=list)
    originals_called_copies: list[str] = field(default_factory=list)

    def details(self) -> list[str]:
        """Human-readable lines before the summary."""
        levels = ", ".join(f"{k} {v:.3f}" for k, v in self.recall_by_level.items())
        lines = [
            f"articles: {self.n_articles} ({self.n_originals} originals, {self.n_copies} spun copies); "
            f"predicted copies: {self.predicted}",
            f"precision {self.precision:.3f}, recall {self.recall:.3f} (by spin strength: {levels})",
            f"same-story original pairs called copies: {len(self.false_pairs)} of {self.n_pairs} "
            f"({self.ecb_false_copy_rate:.3f})",
            f"time: features {self.seconds_features:.1f} s, find_copies {self.seconds_find:.1f} s; "
            f"max RSS {self.max_rss_mb:.0f} MB",
        ]
        lines += [f"  same-story pair in one copy family: {a} ~ {b}" for a, b in self.false_pairs]
        return lines

    def summary_line(self) -> str:
        """ONE line of key=value pairs."""
        return (
            f"precision={self.precision:.3f} recall={self.recall:.3f} "
            f"ecb_false_copy_rate={self.ecb_false_copy_rate:.3f} n_pairs={self.n_pairs} "
            f"n_articles={self.n_articles} n_copies={self.n_copies} predicted={self.predicted} "
            f"seconds={self.seconds_features + self.seconds_find:.1f} max_rss_mb={self.max_rss_mb:.0f}"
        )


def load_originals(path: Path) -> list[Original]:
    """The originals of a gold JSONL file (`text`, `doc_id` or `id`, optional `story_id`)."""
    out = []
    for no, rec in read_jsonl(path, required=("text",), schema="copies gold"):
        key = rec.get("doc_id") or rec.get("id")
        if key is None:
            raise GoldFormatError(f"{path}:{no}: lacks doc_id (or id); not a copies gold record")
        out.append(Original(str(key), rec["text"], rec.get("story_id")))
    if not out:
        raise GoldFormatError(f"{path}: no originals; expected one JSON article per line")
    return out


def bench_size(n_articles: int | None, n_originals: int) -> int:
    """Articles in the benchmark: the argument, else EVENTDESK_COPIES_N, else 2 × originals."""
    if n_articles is None and os.environ.get(ENV_N):
        try:
            n_articles = int(os.environ[ENV_N])
        except ValueError:
            raise ConfigError(f"Config '{ENV_N}' is not an integer: {os.environ[ENV_N]!r}") from None
    n = n_articles if n_articles is not None else 2 * n_originals
    if n < n_originals:
        raise ConfigError(f"Config '{ENV_N}' = {n} is below the {n_originals} originals; use at least that")
    return n


def spun_copies(originals: list[Original], n_copies: int, seed: int = BENCH_SEED) -> Iterator[tuple[str, str, str, str]]:
    """(copy id, text, original id, strength) for `n_copies` distinct spins, cycling originals."""
    for k in range(n_copies):
        orig = originals[k % len(originals)]
        level = LEVEL_CYCLE[(k // len(originals)) % len(LEVEL_CYCLE)]
        yield f"spin{k}:{orig.id}", spin(orig.text, LEVELS[level], f"{seed}:{k}"), orig.id, level


def _row(aid: str, text: str, published: str) -> dict:
    feats = {"content_hash": normalised_hash(text), **copy_features(text)}
    return {"id": aid, "published": published, "content_hash": feats.pop("content_hash"), "features": feats}


def evaluate_copies(gold_path: Path, n_articles: int | None = None, seed: int = BENCH_SEED) -> CopiesReport:
    """Build the spun-copy benchmark from the originals in `gold_path` and score `find_copies`."""
    originals = load_originals(Path(gold_path))
    n = bench_size(n_articles, len(originals))
    started = time.perf_counter()
    rows = [_row(o.id, o.text, ORIGINAL_DATE) for o in originals]
    truth: dict[str, tuple[str, str]] = {}
    for k, (cid, text, oid, level) in enumerate(spun_copies(originals, n - len(originals), seed)):
        rows.append(_row(cid, text, COPY_DATES[k % len(COPY_DATES)]))
        truth[cid] = (oid, level)
    random.Random(seed).shuffle(rows)
    features_s = time.perf_counter() - started
    started = time.perf_counter()
    copies = find_copies(rows)
    find_s = time.perf_counter() - started
    report = _score(originals, truth, copies)
    report.seconds_features, report.seconds_find = round(features_s, 2), round(find_s, 2)
    report.max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report.n_articles = len(rows)
    log.info("copies bench: %s", report.summary_line())
    return report


def _score(originals: list[Original], truth: dict[str, tuple[str, str]], copies: dict[str, tuple[str, float]]) -> CopiesReport:
    family = {o.id: copies.get(o.id, (o.id, 1.0))[0] for o in originals}
    correct = {cid for cid, (root, _) in copies.items() if cid in truth and root == family[truth[cid][0]]}
    per_level = Counter(level for _, level in truth.values())
    hit_level = Counter(truth[cid][1] for cid in correct)
    pairs = [(a, b) for a, b in itertools.combinations(originals, 2) if a.story is not None and a.story == b.story]
    false_pairs = [(a.id, b.id) for a, b in pairs if family[a.id] == family[b.id]]
    return CopiesReport(
        precision=round(len(correct) / len(copies), 4) if copies else 1.0,
        recall=round(len(correct) / len(truth), 4) if truth else 1.0,
        ecb_false_copy_rate=round(len(false_pairs) / len(pairs), 4) if pairs else 0.0,
        n_pairs=len(pairs),
        n_articles=0,
        n_originals=len(originals),
        n_copies=len(truth),
        predicted=len(copies),
        seconds_features=0.0,
        seconds_find=0.0,
        max_rss_mb=0.0,
        recall_by_level={lv: round(hit_level[lv] / per_level[lv], 4) for lv in LEVEL_CYCLE if per_level[lv]},
        false_pairs=false_pairs,
        originals_called_copies=sorted(o.id for o in originals if o.id in copies),
    )
