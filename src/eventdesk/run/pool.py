"""The per-article map on several processes, results back in input order.

Each worker loads the read-only resources once (its initializer) and runs `process` on chunks of
articles; the parent only reads, writes to the store (the single writer) and links. At most
`IN_FLIGHT_PER_WORKER` chunks per worker are outstanding, so memory stays flat whatever the
input size.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from eventdesk.records import Article
from eventdesk.run.process import Options, Processed, process

log = logging.getLogger(__name__)

CHUNK = 8  # articles per task: large enough to batch nlp.pipe, small enough to keep order cheap
IN_FLIGHT_PER_WORKER = 2  # one chunk running, one queued: workers never wait, memory stays bounded
# Below this many articles a pool costs more (each worker loads the model, ~1-3 s) than it saves.
MIN_ARTICLES_FOR_POOL = 48


def default_workers() -> int:
    """One worker per available core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(options: Options) -> None:
    from threadpoolctl import threadpool_limits

    from eventdesk import nlp
    from eventdesk.extract import second_opinion
    from eventdesk.resolve.gazetteer import load_gazetteer

    # One BLAS thread per worker: the parallelism is the processes. With OpenBLAS's default (a
    # thread per core) in every worker, the encoder's matrix products spin against each other
    # (200 articles on 2 workers: 38 s instead of 12 s).
    threadpool_limits(1)
    nlp.load(options.model)
    load_gazetteer()
    if options.second_opinion:
        second_opinion.classifier()
    if options.judge:
        from eventdesk.judge.training import models

        models()


def _work(chunk: list[Article], options: Options) -> list[Processed]:
    return list(process(chunk, options))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def process_parallel(articles: Iterable[Article], *, workers: int, options: Options) -> Iterator[Processed]:
    """`process` over a pool of `workers` processes, yielding in input order."""
    ctx = multiprocessing.get_context("spawn")  # no fork of the parent's open database handles
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(options,)) as ex:
        pending: deque[Future[list[Processed]]] = deque()
        for chunk in _chunks(articles, CHUNK):
            pending.append(ex.submit(_work, chunk, options))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
