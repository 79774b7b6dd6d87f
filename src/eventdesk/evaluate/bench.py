"""`eventdesk bench`: the whole pipeline on a generated corpus, against spaCy's full pipeline.

The corpus cycles through our own examples/ and the dev-set texts in ../shared/data (when
present); each repetition is a distinct article (its own url), so nothing is skipped as
already stored, while the link step sees the repeats as copies, as it would in real feeds.

Three timed passes over the same texts: the end-to-end run (read articles → store → link, on
the default number of worker processes, fast path on); a per-stage breakdown of the map in one
process on a sample; and the baseline, spaCy's full pipeline over every article (`nlp.pipe`,
one process), which is what "just running spaCy" costs.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from eventdesk import nlp
from eventdesk.read import read_paths
from eventdesk.records import Article
from eventdesk.run.local import ingest
from eventdesk.run.pool import default_workers
from eventdesk.run.process import Options, process
from eventdesk.store import Store

ROOT = Path(__file__).resolve().parents[3]
DEV_SETS = [
    "ecbplus-stories-events/ecbplus_dev.jsonl",
    "geoparsing-geovirus/geovirus_dev.jsonl",
    "timex-esc-meantime/meantime_dev.jsonl",
]
STAGE_SAMPLE = 300  # articles timed stage by stage (in one process): enough for stable shares
BASELINE_SAMPLE = 400  # articles the baseline parses; its rate is per article, so a sample does


@dataclass
class BenchResult:
    """Throughput and memory of one bench run."""

    articles: int
    words: int
    workers: int
    seconds: float
    events: int
    mentions: int
    peak_rss_mb: float
    link_seconds: float
    options: Options = Options()  # noqa: B008 (frozen)
    stages: dict[str, float] = field(default_factory=dict)  # stage -> articles/s
    baseline_per_s: float | None = None

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def ratio(self) -> float | None:
        return self.articles_per_s / self.baseline_per_s if self.baseline_per_s else None

    def details(self) -> list[str]:
        """Human-readable lines before the summary."""
        lines = [
            f"corpus: {self.articles} articles, {self.words} words ({self.words // max(self.articles, 1)} per article)",
            f"end to end on {self.workers} worker process(es): {self.seconds:.1f} s, {self.articles_per_s:.1f} articles/s "
            f"(link step {self.link_seconds:.1f} s); {self.mentions} mentions, {self.events} events",
            f"peak RSS {self.peak_rss_mb:.0f} MB (this process plus the largest worker times the worker count)",
        ]
        if self.stages:
            lines.append("per stage, one process: " + ", ".join(f"{k} {v:.1f} articles/s" for k, v in self.stages.items()))
        if self.baseline_per_s:
            lines.append(f"baseline, spaCy's full pipeline (nlp.pipe, one process): {self.baseline_per_s:.1f} articles/s; "
                         f"ratio {self.ratio:.2f}")  # fmt: skip
        return lines

    def summary_line(self) -> str:
        """ONE line of key=value pairs."""
        ratio = f"{self.ratio:.2f}" if self.ratio else "na"
        return (
            f"articles_per_s={self.articles_per_s:.2f} ratio_vs_spacy={ratio} peak_rss_mb={self.peak_rss_mb:.0f} "
            f"events={self.events} mentions={self.mentions} articles={self.articles} workers={self.workers} "
            f"seconds={self.seconds:.1f} fast_path={self.options.fast} "
            f"second_opinion={self.options.second_opinion} copy_vectors={self.options.copy_vectors}"
        )


def base_texts(shared: Path | None = None) -> list[str]:
    """Texts to build the corpus from: examples/ and, when present, the dev sets."""
    examples = read_paths([ROOT / "examples" / "articles"])
    texts = [a.raw_text for a in examples if isinstance(a, Article) and a.skipped is None]
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


def _peak_rss_mb(workers: int) -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own + (child * workers if child else 0.0)


def _stage_rates(articles: list[Article], options: Options) -> dict[str, float]:
    timings: dict[str, float] = {}
    for _ in process(articles, options, timings=timings):
        pass
    return {stage: len(articles) / sec for stage, sec in timings.items() if sec > 0}


def _baseline_rate(articles: list[Article]) -> float:
    full = nlp.load_full()
    start = time.perf_counter()
    for _ in full.pipe((a.text for a in articles), batch_size=nlp.BATCH_SIZE):
        pass
    return len(articles) / (time.perf_counter() - start)


def run_bench(n: int, *, baseline: bool = True, workers: int | None = None) -> BenchResult:
    """Time the pipeline (and optionally spaCy's full pipeline) over n articles, processed as the
    configuration says (`fast_path`, `second_opinion`, `copy_vectors`: see data/defaults.toml)."""
    from eventdesk.config import load_config

    options = Options.from_config(load_config())
    articles = corpus(n, base_texts())
    workers = workers or default_workers()
    if workers == 1:
        nlp.load()  # in-process: model loading is start-up, not throughput (workers load their own)
        if options.second_opinion:
            from eventdesk.extract.second_opinion import classifier

            classifier()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db")
        start = time.perf_counter()
        summary = ingest(articles, store, options=options, workers=workers)
        seconds = time.perf_counter() - start
        store.close()
    result = BenchResult(
        articles=n,
        words=sum(len(a.text.split()) for a in articles),
        workers=workers,
        seconds=seconds,
        events=summary.link.events if summary.link else 0,
        mentions=summary.mentions,
        peak_rss_mb=_peak_rss_mb(workers),  # before the stage and baseline passes load more
        link_seconds=summary.link_seconds,
        options=options,
    )
    result.stages = _stage_rates(articles[:STAGE_SAMPLE], options)
    if baseline:
        result.baseline_per_s = _baseline_rate(articles[:BASELINE_SAMPLE])
    return result


def machine() -> str:
    """A one-line description of this machine."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU") if Path("/proc/cpuinfo").exists() else platform.processor()  # fmt: skip
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, Python {platform.python_version()}"


def append_results(path: Path, n: int, result: BenchResult) -> None:
    """Append one run to the results file (a Markdown table row)."""
    new = not path.exists()
    with path.open("a", encoding="utf-8") as fh:
        if new:
            fh.write("# eventdesk bench results\n\n| when (UTC) | machine | command | summary |\n| --- | --- | --- | --- |\n")
        when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")
        fh.write(f"| {when} | {machine()} | `eventdesk bench --articles {n}` | `{result.summary_line()}` |\n")
