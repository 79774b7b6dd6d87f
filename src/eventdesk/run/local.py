"""The local runner: read → process (the map) → store, in batches, then link (the reduce).

Each article is stored with its mentions in one transaction, so an interrupted run loses at
most the batch in flight, and re-running the same command completes the job: articles already
stored are recognised by their content-hash id and not processed again.

An article that fails in any stage (an error, the time budget, the memory ceiling) is stored
marked failed with its reason (skip reason `extraction-error`), counted in the summary and
reported through `on_failed`; the others go on. A re-run leaves it as it is, unless asked to
retry failed articles.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from eventdesk.link import LinkSummary, link
from eventdesk.read import ReadLimits, read_paths
from eventdesk.records import Article, ReadFailure
from eventdesk.run.pool import MIN_ARTICLES_FOR_POOL, process_parallel
from eventdesk.run.process import Options, Processed, process
from eventdesk.store import Store

log = logging.getLogger(__name__)


@dataclass
class RunSummary:
    """What a run did, for the closing summary."""

    read: int = 0
    stored: int = 0
    already_stored: int = 0
    mentions: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failures: list[ReadFailure] = field(default_factory=list)
    failed: list[ReadFailure] = field(default_factory=list)  # articles read but failed in a stage
    link: LinkSummary | None = None
    link_seconds: float = 0.0

    @property
    def processed_any(self) -> bool:
        """Whether anything at all could be read (stored now or before)."""
        return self.read > 0

    @property
    def some_failed(self) -> bool:
        """Whether an article failed in a stage (stored marked failed, with its reason)."""
        return bool(self.failed)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def run(paths: Iterable[str | Path], store: Store, *, read_limits: ReadLimits = ReadLimits(), **kwargs) -> RunSummary:  # type: ignore[no-untyped-def]  # noqa: B008
    """Read, process and store every article under `paths`, then link the store."""
    return ingest(read_paths(paths, read_limits), store, **kwargs)


def ingest(
    items: Iterable[Article | ReadFailure],
    store: Store,
    *,
    batch_size: int = 32,
    options: Options = Options(),  # noqa: B008 (frozen, so a shared default is safe)
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    isolate: bool = False,
    retry_failed: bool = False,
    on_article: Callable[[Processed], None] | None = None,
    on_failure: Callable[[ReadFailure], None] | None = None,
    on_failed: Callable[[ReadFailure], None] | None = None,
    on_note: Callable[[str, str], None] | None = None,
) -> RunSummary:
    """Process and store articles (recording read failures), then link the store.

    With `workers` > 1 and enough articles, the per-article map runs on supervised worker
    processes (run/pool.py: time budget and memory ceiling per article); with `isolate`, even
    a small input runs on one such worker rather than in this process. With `engine="dask"` it
    runs on a Dask cluster (`scheduler` address, or a local cluster). The results are stored in
    input order either way, so the database is the same. `options` says how each article is
    processed (model, fast path, second opinion, bounds). `retry_failed` processes again the
    articles a previous run stored as failed.

    Callbacks: `on_article` for every processed article, `on_failure` for every input that
    could not be read, `on_failed` for every article that failed in a stage (source, reason),
    `on_note` for warnings about an article (source, note: a text cut at the length limit).
    Without `on_note`, notes are logged as warnings.
    """
    summary = RunSummary()

    def todo() -> Iterator[Article]:
        seen: set[str] = set()
        for batch in _batches(items, batch_size):
            new = [a for a in _split_failures(batch, store, summary, on_failure) if a.id not in seen]
            seen.update(a.id for a in new)
            summary.read += len(new)
            known = store.known_article_ids((a.id for a in new), include_failed=not retry_failed)
            summary.already_stored += len(known)
            yield from (a for a in new if a.id not in known)

    if engine == "dask":
        from eventdesk.run.dask import process_dask

        results = process_dask(todo(), options=options, workers=workers, scheduler=scheduler)
    else:
        results = _map(todo(), workers, options, isolate)
    try:
        for done in results:
            _store_one(store, done, summary, on_failed)
            for note in done.notes:
                if on_note:
                    on_note(done.article.source, note)
                else:
                    log.warning("%s: %s", done.article.source, note)
            if on_article:
                on_article(done)
    finally:
        results.close()  # stops the workers now, also on Ctrl-C or an error
    started = time.perf_counter()
    summary.link = link(store)
    summary.link_seconds = time.perf_counter() - started
    return summary


def _split_failures(batch: list, store: Store, summary: RunSummary, on_failure) -> list[Article]:  # type: ignore[no-untyped-def]
    """Record the read failures of a batch; return its articles."""
    articles = []
    for item in batch:
        if isinstance(item, ReadFailure):
            summary.failures.append(item)
            store.write_failure(item.source, item.reason)
            if on_failure:
                on_failure(item)
        else:
            articles.append(item)
    return articles


def _map(articles: Iterator[Article], workers: int, options: Options, isolate: bool) -> Iterator[Processed]:
    """In-process for one worker or a small input (unless `isolate`); supervised processes
    otherwise: one for a small input, `workers` for a large one. Nothing starts when there is
    nothing to process."""
    head = list(islice(articles, MIN_ARTICLES_FOR_POOL))
    if not head:
        return
    small = len(head) < MIN_ARTICLES_FOR_POOL
    if not isolate and (workers <= 1 or small):
        yield from process(chain(head, articles), options)
        return
    count = 1 if small else workers
    log.info("processing on %d worker process(es)", count)
    yield from process_parallel(chain(head, articles), workers=count, options=options)


def _store_one(store: Store, done: Processed, summary: RunSummary, on_failed) -> None:  # type: ignore[no-untyped-def]
    if done.failed is not None:
        failure = ReadFailure(source=done.article.source, reason=done.failed)
        summary.failed.append(failure)
        store.write_article(done.article, [], done.features)
        if on_failed:
            on_failed(failure)
        return
    vectors = (done.vectors.mean, done.vectors.sentences) if done.vectors else None
    if store.write_article(done.article, done.mentions, done.features, vectors):
        summary.stored += 1
        summary.mentions += len(done.mentions)
    if done.article.skipped is not None:
        summary.skipped[done.article.skipped.value] += 1
