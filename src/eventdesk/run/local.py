"""The local runner: read → process (the map) → store, in batches, then link (the reduce).

Each article is stored with its mentions in one transaction, so an interrupted run loses at
most the batch in flight, and re-running the same command completes the job: articles already
stored are recognised by their content-hash id and not processed again.
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
from eventdesk.read import read_paths
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
    link: LinkSummary | None = None
    link_seconds: float = 0.0

    @property
    def processed_any(self) -> bool:
        """Whether anything at all could be read (stored now or before)."""
        return self.read > 0


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def run(paths: Iterable[str | Path], store: Store, **kwargs) -> RunSummary:  # type: ignore[no-untyped-def]
    """Read, process and store every article under `paths`, then link the store."""
    return ingest(read_paths(paths), store, **kwargs)


def ingest(
    items: Iterable[Article | ReadFailure],
    store: Store,
    *,
    batch_size: int = 32,
    options: Options = Options(),  # noqa: B008 (frozen, so a shared default is safe)
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    on_article: Callable[[Processed], None] | None = None,
    on_failure: Callable[[ReadFailure], None] | None = None,
) -> RunSummary:
    """Process and store articles (recording read failures), then link the store.

    With `workers` > 1 and enough articles, the per-article map runs on a process pool; with
    `engine="dask"` it runs on a Dask cluster (`scheduler` address, or a local cluster). The
    results are stored in input order either way, so the database is the same. `options` says
    how each article is processed (model, fast path, second opinion).
    """
    summary = RunSummary()

    def todo() -> Iterator[Article]:
        seen: set[str] = set()
        for batch in _batches(items, batch_size):
            new = [a for a in _split_failures(batch, store, summary, on_failure) if a.id not in seen]
            seen.update(a.id for a in new)
            summary.read += len(new)
            known = store.known_article_ids(a.id for a in new)
            summary.already_stored += len(known)
            yield from (a for a in new if a.id not in known)

    if engine == "dask":
        from eventdesk.run.dask import process_dask

        results = process_dask(todo(), options=options, workers=workers, scheduler=scheduler)
    else:
        results = _map(todo(), workers, options)
    for done in results:
        _store_one(store, done, summary)
        if on_article:
            on_article(done)
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


def _map(articles: Iterator[Article], workers: int, options: Options) -> Iterator[Processed]:
    """In-process for one worker or a small input; a process pool otherwise."""
    head = list(islice(articles, MIN_ARTICLES_FOR_POOL))
    if workers <= 1 or len(head) < MIN_ARTICLES_FOR_POOL:
        yield from process(chain(head, articles), options)
        return
    log.info("processing on %d worker processes", workers)
    yield from process_parallel(chain(head, articles), workers=workers, options=options)


def _store_one(store: Store, done: Processed, summary: RunSummary) -> None:
    if store.write_article(done.article, done.mentions, done.features):
        summary.stored += 1
        summary.mentions += len(done.mentions)
    if done.article.skipped is not None:
        summary.skipped[done.article.skipped.value] += 1
