"""`eventdesk bench`: the whole pipeline on a generated corpus, against spaCy's full pipeline.

The corpus cycles through our own examples/ and the dev-set texts in ../shared/data (when
present); each repetition is a distinct article (its own url), so nothing is skipped as
already stored, while the link step sees the repeats as copies, as it would in real feeds.
"""

from __future__ import annotations

import json
import resource
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from eventdesk import nlp
from eventdesk.read import read_paths
from eventdesk.records import Article
from eventdesk.run.local import ingest
from eventdesk.store import Store

ROOT = Path(__file__).resolve().parents[3]
DEV_SETS = [
    "ecbplus-stories-events/ecbplus_dev.jsonl",
    "geoparsing-geovirus/geovirus_dev.jsonl",
    "timex-esc-meantime/meantime_dev.jsonl",
]


@dataclass
class BenchResult:
    """Throughput and memory of one bench run."""

    articles: int
    words: int
    seconds: float
    events: int
    mentions: int
    peak_rss_mb: float
    baseline_seconds: float | None = None
    stages: dict[str, float] = field(default_factory=dict)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def ratio(self) -> float | None:
        return self.baseline_seconds / self.seconds if self.baseline_seconds else None

    def details(self) -> list[str]:
        """Human-readable lines before the summary."""
        lines = [
            f"corpus: {self.articles} articles, {self.words} words",
            f"end to end: {self.seconds:.1f} s, {self.articles_per_s:.1f} articles/s; "
            f"{self.mentions} mentions, {self.events} events; peak RSS {self.peak_rss_mb:.0f} MB",
        ]
        if self.baseline_seconds:
            lines.append(
                f"baseline (spaCy full pipeline, nlp.pipe): {self.baseline_seconds:.1f} s, "
                f"{self.articles / self.baseline_seconds:.1f} articles/s; ratio {self.ratio:.2f}"
            )
        return lines

    def summary_line(self) -> str:
        """ONE line of key=value pairs."""
        ratio = f"{self.ratio:.2f}" if self.ratio else "na"
        return (
            f"articles_per_s={self.articles_per_s:.2f} ratio_vs_spacy={ratio} "
            f"peak_rss_mb={self.peak_rss_mb:.0f} events={self.events} mentions={self.mentions} "
            f"articles={self.articles} seconds={self.seconds:.1f}"
        )


def base_texts(shared: Path | None = None) -> list[str]:
    """Texts to build the corpus from: examples/ and, when present, the dev sets."""
    texts = [a.raw_text for a in read_paths([ROOT / "examples" / "articles"]) if isinstance(a, Article) and a.skipped is None]
    data = (shared or ROOT.parent / "shared") / "data"
    for rel in DEV_SETS:
        path = data / rel
        if path.is_file():
            texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    return texts


def corpus(n: int, texts: list[str]) -> list[Article]:
    """n distinct articles cycling through the base texts."""
    if not texts:
        raise ValueError("no texts to build a benchmark corpus from: examples/ is empty")
    return [
        Article(id=Article.make_id(texts[i % len(texts)], f"bench://{i}"), source=f"bench#{i}",
                text=texts[i % len(texts)], raw_text=texts[i % len(texts)], url=f"bench://{i}", language="en")
        for i in range(n)
    ]  # fmt: skip


def run_bench(n: int, *, baseline: bool = True) -> BenchResult:
    """Time the pipeline (and optionally spaCy's full pipeline) over n articles."""
    articles = corpus(n, base_texts())
    nlp.load()  # model loading is not throughput: load before timing
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db")
        start = time.perf_counter()
        summary = ingest(articles, store)
        seconds = time.perf_counter() - start
        events = summary.link.events if summary.link else 0
        store.close()
    result = BenchResult(
        articles=n,
        words=sum(len(a.text.split()) for a in articles),
        seconds=seconds,
        events=events,
        mentions=summary.mentions,
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )
    if baseline:
        full = nlp.load_full()
        start = time.perf_counter()
        for _ in full.pipe((a.text for a in articles), batch_size=nlp.BATCH_SIZE):
            pass
        result.baseline_seconds = time.perf_counter() - start
    return result
