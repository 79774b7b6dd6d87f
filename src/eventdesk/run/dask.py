"""The same per-article map on a Dask cluster (a local one by default).

Workers run `process` on chunks of articles (the model loads once per worker process, on its
first chunk); the client gathers the results in input order and the caller stores them, so the
store has one writer and the link step runs over it afterwards, exactly as in a local run.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator

from eventdesk.records import Article
from eventdesk.run.pool import CHUNK, IN_FLIGHT_PER_WORKER, _chunks, _work
from eventdesk.run.process import Options, Processed

log = logging.getLogger(__name__)


def process_dask(
    articles: Iterable[Article], *, options: Options, workers: int, scheduler: str | None = None
) -> Iterator[Processed]:
    """`process` over a Dask cluster: the one at `scheduler`, or a local one of `workers` processes."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    client = Client(scheduler or cluster)
    try:
        slots = max(1, len(client.scheduler_info()["workers"])) * IN_FLIGHT_PER_WORKER
        log.info("dask: %s, %d task slots", client.scheduler.address, slots)
        pending: deque = deque()
        for chunk in _chunks(articles, CHUNK):
            pending.append(client.submit(_work, chunk, options, pure=False))
            if len(pending) >= slots:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
