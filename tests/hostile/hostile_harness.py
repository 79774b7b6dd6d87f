"""The hostile suite's harness: every case read, processed and stored with a good companion.

`run_case` runs one case (the `hostile_outcome` fixture runs each once per test session), in this process (the real readers,
the real spaCy pipeline, a real SQLite store): the case's input(s) and a companion article in
one batch through `ingest`, with the messages the CLI would print (failures, failed articles,
notes) and the warnings logged, the time taken and the peak resident memory while it ran.
The bounds are the package's, except the text length (HOSTILE_MAX_CHARS), lowered so that the
dozen pathological texts take seconds each, not tens of seconds.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from eventdesk.read import ReadLimits, read_paths
from eventdesk.records import Article, ReadFailure
from eventdesk.run.local import ingest
from eventdesk.run.process import Options
from eventdesk.store import Store

from hostile_cases import CASES, PARA, Case

HOSTILE_MAX_CHARS = 4_000
OPTIONS = Options(max_article_chars=HOSTILE_MAX_CHARS)
LIMITS = ReadLimits()
# Bounds per case (read, process, store and link the case and its companion, in this process).
SECONDS_PER_CASE = 30.0
PEAK_GROWTH_MB = 800  # over the process's memory before the case (the model is loaded already)
SAMPLE_SECONDS = 0.02


@dataclass
class Outcome:
    case: Case
    directory: Path
    lines: list[tuple[str, str]] = field(default_factory=list)  # (source, text): failures, failed, notes
    warnings: list[str] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)
    stored_sources: list[str] = field(default_factory=list)
    companion_id: str = ""
    companion_stored: bool = False
    error: str | None = None
    seconds: float = 0.0
    peak_growth_mb: float = 0.0


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []
        self.tracebacks: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
        if record.exc_info:
            self.tracebacks.append(self.format(record))


class _PeakMemory:
    """The highest resident memory of this process while the block runs (sampled)."""

    def __init__(self) -> None:
        self.process = psutil.Process()
        self.peak = 0

    def __enter__(self) -> _PeakMemory:
        self.start = self.process.memory_info().rss
        self.peak = self.start
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self) -> None:
        while not self.done.wait(SAMPLE_SECONDS):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss)

    @property
    def growth_mb(self) -> float:
        return (self.peak - self.start) / 1e6


def companion_text(number: int) -> str:
    return f"Police arrested {number + 10} protesters in Colombo on Saturday after a march on parliament.\n\n" + PARA


def run_case(number: int, case: Case, root: Path, store: Store) -> Outcome:
    directory = root / f"case{number:03d}"
    directory.mkdir()
    outcome = Outcome(case, directory)
    try:
        explicit = case.build(directory)
    except OSError as err:  # the file system refuses the case (a name too long here): skip it
        pytest.skip(f"cannot build case {case.name}: {err}")
    companion = directory / "companion.txt"
    companion.write_text(companion_text(number))
    args = explicit or [str(directory)]
    collector = _Collector()
    logging.getLogger().addHandler(collector)
    started = time.perf_counter()
    try:
        with _PeakMemory() as memory:
            items: list[Article | ReadFailure] = list(read_paths(args, LIMITS))
            ingest(
                items,
                store,
                options=OPTIONS,
                on_failure=lambda f: outcome.lines.append((f.source, f.reason)),
                on_failed=lambda f: outcome.lines.append((f.source, f.reason)),
                on_note=lambda source, note: outcome.lines.append((source, note)),
            )
    except Exception as exc:  # the suite's first claim: nothing escapes
        outcome.error = f"{type(exc).__name__}: {exc}"
    finally:
        logging.getLogger().removeHandler(collector)
    outcome.seconds = time.perf_counter() - started
    outcome.peak_growth_mb = memory.growth_mb
    outcome.warnings = collector.messages
    outcome.tracebacks = collector.tracebacks
    articles = [a for a in items if isinstance(a, Article)] if outcome.error is None else []
    outcome.stored_sources = [a.source for a in articles]
    companion_ids = [a.id for a in articles if a.source == str(companion)]
    outcome.companion_id = companion_ids[0] if companion_ids else ""
    outcome.companion_stored = bool(companion_ids) and bool(store.known_article_ids(companion_ids))
    return outcome


def case_params() -> list:
    return [pytest.param((i, c), id=c.name) for i, c in enumerate(CASES)]


def named_in(outcome: Outcome, source: str) -> bool:
    """Whether a message source names this case's input (its file, or a record of it)."""
    hint = outcome.case.named
    if not source.startswith(str(outcome.directory)) and not (hint and source.startswith(hint)):
        return False
    return not hint or hint in source or hint == "companion"


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
