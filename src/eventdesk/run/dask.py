"""The same per-article map on a Dask cluster (a local one by default).

Workers run `process` on chunks of articles (the model loads once per worker process, on its
first chunk); the client gathers the results in input order and the caller stores them, so the
store has one writer and the link step runs over it afterwards, exactly as in a local run.

Per-article isolation holds here too: `process` returns a failed result for an article that
fails in a stage; a chunk whose task fails as a whole (its worker was killed for memory, or a
chunk ran past its time budget) is run again one article per task, and an article whose own
task fails is recorded failed with the reason. A local cluster's workers get
`worker_memory_mb` as their memory limit (Dask's nanny restarts a worker that passes it), die
with this process (Dask's nanny watches its parent) and ignore Ctrl-C, which this process
handles. A stuck task cannot be stopped inside a Dask worker: on a local cluster its worker is
restarted; on a remote one the article is recorded failed and the worker left to the cluster.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator

from eventdesk.read.reasons import detail
from eventdesk.records import Article
from eventdesk.run.pool import CHUNK, IN_FLIGHT_PER_WORKER, _chunks, _work
from eventdesk.run.process import Options, Processed, failed

log = logging.getLogger(__name__)

TERMINATE_SHARE = 0.95  # Dask's nanny restarts a worker at this share of its memory limit


def process_dask(
    articles: Iterable[Article], *, options: Options, workers: int, scheduler: str | None = None
) -> Iterator[Processed]:
    """`process` over a Dask cluster: the one at `scheduler`, or a local one of `workers` processes."""
    from dask.distributed import Client, LocalCluster

    import dask

    if logging.getLogger().getEffectiveLevel() > logging.INFO:
        # Without -v, Dask's own start and stop lines (and a cancelled task's, on Ctrl-C) are
        # noise: errors only, here and (through the environment) in the worker processes.
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
        logging.getLogger("distributed").setLevel(logging.ERROR)
    cluster = None
    if scheduler is None:
        # The ceiling only: no spilling or pausing (a worker holds one chunk), and the nanny
        # restarts a worker at TERMINATE_SHARE of its limit, i.e. at worker_memory_mb.
        ceiling = options.worker_memory_mb
        memory = f"{ceiling / TERMINATE_SHARE:.0f}MB" if ceiling else "auto"
        settings = {
            "distributed.worker.memory.target": False,
            "distributed.worker.memory.spill": False,
            "distributed.worker.memory.pause": False,
            "distributed.worker.memory.terminate": TERMINATE_SHARE if ceiling else False,
        }
        with dask.config.set(settings), _sigint_ignored():  # the workers start with Ctrl-C ignored
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                memory_limit=memory,
            )  # fmt: skip
    client = Client(scheduler or cluster)
    try:
        slots = max(1, len(client.scheduler_info()["workers"])) * IN_FLIGHT_PER_WORKER
        log.info("dask: %s, %d task slots", client.scheduler.address, slots)
        pending: deque = deque()
        for chunk in _chunks(articles, CHUNK):
            pending.append((chunk, client.submit(_work, chunk, options, pure=False)))
            if len(pending) >= slots:
                yield from _gathered(client, *pending.popleft(), options)
        while pending:
            yield from _gathered(client, *pending.popleft(), options)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _budget(options: Options, n: int) -> float | None:
    return options.article_timeout * n if options.article_timeout else None


def _gathered(client, chunk: list[Article], future, options: Options) -> list[Processed]:  # type: ignore[no-untyped-def]
    """The results of a chunk's task; on its failure, of each article in a task of its own."""
    try:
        return future.result(timeout=_budget(options, len(chunk)))
    except Exception as exc:  # a killed worker, a time-out, an error outside `process`
        log.info("a chunk of %d articles failed as a whole (%s); running them one by one", len(chunk), detail(exc))
        _abandon(client, future)
    out = []
    for article in chunk:
        single = client.submit(_work, [article], options, pure=False)
        try:
            out.extend(single.result(timeout=_budget(options, 1)))
        except TimeoutError:
            _abandon(client, single)
            out.append(failed(article, (
                f"stopped after {options.article_timeout:g} s (article_timeout): the text is likely pathological; "
                "raise article_timeout and run with --retry-failed to try again"
            )))  # fmt: skip
        except Exception as exc:
            out.append(failed(article, f"failed on the Dask cluster ({type(exc).__name__}: {detail(exc)})"))
    return out


def _abandon(client, future) -> None:  # type: ignore[no-untyped-def]
    """Cancel a task; restart the worker still running it (a stuck task holds its worker)."""
    key = future.key
    future.cancel()
    try:
        busy = [addr for addr, keys in client.processing().items() if key in keys]
        if busy:
            client.restart_workers(busy)
    except Exception as exc:  # a remote cluster may not allow it: the article is failed anyway
        log.info("could not restart the Dask worker of an abandoned task: %s", detail(exc))


class _sigint_ignored:
    """Ignore SIGINT while child processes start (they inherit it), in the main thread only."""

    def __enter__(self) -> None:
        self.main = threading.current_thread() is threading.main_thread()
        if self.main:
            self.previous = signal.signal(signal.SIGINT, signal.SIG_IGN)

    def __exit__(self, *exc: object) -> None:
        if self.main:
            signal.signal(signal.SIGINT, self.previous)
