"""The per-article map on supervised worker processes, results back in input order.

Each worker (run/worker.py) loads the read-only resources once, then processes one article at a
time, sent over a pipe; the parent only reads, writes to the store (the single writer) and
links. The parent supervises every article:

- time budget: an article still running after `options.article_timeout` seconds is abandoned:
  its worker is killed and replaced, the article comes back failed with the reason;
- memory ceiling: a worker whose resident memory passes `options.worker_memory_mb` is killed and
  replaced, the article it was on comes back failed; a worker that has grown past
  RECYCLE_SHARE of the ceiling between articles is replaced without losing anything;
- a worker that dies on an article (a crash in a library) costs only that article;
- the workers die with the parent, whatever kills it (worker.py), and ignore Ctrl-C, which the
  parent handles: leaving `WorkerPool` (normally, on an error or on KeyboardInterrupt) stops them.

At most WINDOW articles are out of order at a time (results wait for the slowest article before
them), so memory stays flat whatever the input size.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

import psutil

from eventdesk.errors import WorkerError
from eventdesk.records import Article
from eventdesk.run import worker
from eventdesk.run.process import Options, Processed, failed, process

log = logging.getLogger(__name__)

CHUNK = 8  # articles per Dask task: large enough to batch nlp.pipe, small enough to keep order cheap
IN_FLIGHT_PER_WORKER = 2  # Dask: one chunk running, one queued per worker
# Below this many articles a pool of several workers costs more (each worker loads the model,
# ~2-4 s) than it saves: one worker then.
MIN_ARTICLES_FOR_POOL = 48
# Articles sent but not yet yielded, at most: a slow article holds back the ones after it this far.
WINDOW = 64
POLL_SECONDS = 0.1  # how often running articles are checked against the time and memory limits
# A worker that has grown past this share of the memory ceiling between articles is replaced
# (spaCy's string store grows with every new word over a long run).
RECYCLE_SHARE = 0.8
STOP_SECONDS = 2.0  # how long a worker asked to stop may take before it is killed
MB = 1_000_000


def default_workers() -> int:
    """One worker per available core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def load_resources(options: Options) -> None:
    """Load what `process` reads (the model, the gazetteer, the second opinion) in this process."""
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
    # Whatever else the map loads on first use (encoders, lexicons) is loaded now, before the
    # worker says it is ready: the first real article's time budget and the worker's memory
    # baseline are then the article's own.
    list(process([WARM_UP], options))


WARM_UP = Article(
    id="a_warm_up",
    source="(warm-up)",
    text="Police arrested 40 protesters in Colombo on Monday, officials said.",
    raw_text="Police arrested 40 protesters in Colombo on Monday, officials said.",
    language="en",
)


def _work(chunk: list[Article], options: Options) -> list[Processed]:
    """One Dask task: a chunk of articles through `process`."""
    return list(process(chunk, options))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


@dataclass
class _Slot:
    """One worker process and the article it is on."""

    process: BaseProcess
    conn: Connection
    ready: bool = False
    task: tuple[int, Article] | None = None
    started: float = 0.0
    retiring: bool = False
    baseline_mb: float = 0.0
    ps: psutil.Process | None = field(default=None, repr=False)

    def rss_mb(self) -> float:
        try:
            return self.ps.memory_info().rss / MB if self.ps else 0.0
        except psutil.Error:
            return 0.0


class WorkerPool:
    """Supervised worker processes running `process` one article at a time (see the module)."""

    def __init__(self, workers: int, options: Options) -> None:
        self.size = max(1, workers)
        self.options = options
        self._blob = pickle.dumps(options)
        self._ctx = multiprocessing.get_context("spawn")  # no fork of the parent's open database handles
        self._slots: list[_Slot] = []
        self._missing = 0  # workers stopped and not yet replaced (replaced when work remains)
        self.replaced = 0

    # -- lifecycle --------------------------------------------------------------------------

    def __enter__(self) -> WorkerPool:
        self._slots = [self._spawn() for _ in range(self.size)]
        return self

    def __exit__(self, exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        self.close(graceful=exc_type is None)

    def _spawn(self) -> _Slot:
        parent, child = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(
            target=worker.main,
            args=(child, os.getpid(), self._blob, logging.getLogger().getEffectiveLevel()),
            name="eventdesk-worker",
            daemon=True,
        )
        # SIGINT is blocked (not ignored) while the worker starts: the child inherits the mask, so
        # a Ctrl-C while it boots gives no traceback there (worker.py ignores it after), and the
        # parent gets a Ctrl-C that came meanwhile when it unblocks it. Ignoring it here lost a
        # Ctrl-C that came during a start (with a fresh worker per article, starts are frequent).
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            proc.start()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        child.close()
        return _Slot(process=proc, conn=parent)

    def close(self, graceful: bool = True) -> None:
        """Stop every worker: asked to stop when `graceful`, killed otherwise or when slow."""
        slots, self._slots = self._slots, []
        for slot in slots:
            if graceful and slot.process.is_alive():
                try:
                    slot.conn.send(None)
                except OSError:
                    pass
        deadline = time.monotonic() + (STOP_SECONDS if graceful else 0.0)
        for slot in slots:
            if slot.ready:  # one still loading its model would not read the request for seconds
                slot.process.join(max(0.0, deadline - time.monotonic()))
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join(1.0)
            slot.conn.close()

    def _retire(self, slot: _Slot, *, kill: bool) -> None:
        """Stop one worker (killed, or asked to stop); it is replaced when work remains."""
        if kill:
            slot.process.kill()
        else:
            try:
                slot.conn.send(None)
            except OSError:
                slot.process.kill()
        slot.process.join(STOP_SECONDS)
        if slot.process.is_alive():
            slot.process.kill()
            slot.process.join(1.0)
        slot.conn.close()
        self._slots.remove(slot)
        self._missing += 1

    # -- the map ----------------------------------------------------------------------------

    def map(self, articles: Iterable[Article]) -> Iterator[Processed]:
        """Process the articles on the workers; yield their results in input order."""
        source = iter(articles)
        results: dict[int, Processed] = {}
        issued = yielded = 0
        exhausted = False
        while True:
            if self._missing and not exhausted:
                self._slots.extend(self._spawn() for _ in range(self._missing))
                self.replaced += self._missing
                self._missing = 0
            # Give every idle worker an article, within the reorder window.
            for slot in self._slots:
                if not slot.ready or slot.task is not None or slot.retiring:
                    continue
                if exhausted or issued - yielded >= WINDOW:
                    break
                article = next(source, None)
                if article is None:
                    exhausted = True
                    break
                self._send(slot, (issued, article))
                issued += 1
            while yielded in results:
                yield results.pop(yielded)
                yielded += 1
            if exhausted and yielded == issued:
                return
            self._wait(results)

    def _send(self, slot: _Slot, task: tuple[int, Article]) -> None:
        slot.task = task
        slot.started = time.monotonic()
        slot.conn.send(task)

    def _wait(self, results: dict[int, Processed]) -> None:
        """Wait for results (or a worker's end) for at most POLL_SECONDS, then apply the limits."""
        by_handle: dict[object, _Slot] = {}
        for slot in self._slots:
            by_handle[slot.conn] = slot
            by_handle[slot.process.sentinel] = slot
        for handle in wait(list(by_handle), timeout=POLL_SECONDS):
            slot = by_handle[handle]
            if slot not in self._slots:  # replaced while handling an earlier handle
                continue
            if handle is slot.conn:
                if not self._receive(slot, results):
                    self._died(slot, results)
                continue
            # The process ended: take what it sent before, then account for its death.
            while slot in self._slots and slot.conn.poll():
                if not self._receive(slot, results):
                    break
            if slot in self._slots:
                self._died(slot, results)
        self._check_limits(results)

    def _receive(self, slot: _Slot, results: dict[int, Processed]) -> bool:
        """Handle one message from a worker; False when its pipe is closed (it died)."""
        try:
            message = slot.conn.recv()
        except (EOFError, OSError):
            return False
        if message[0] == "ready":
            slot.ready = True
            slot.ps = psutil.Process(message[1])
            slot.baseline_mb = slot.rss_mb()
            self._check_baseline(slot)
            return True
        _, seq, done = message
        if slot.task is None or slot.task[0] != seq:
            log.warning("worker %s sent a result out of turn; ignored", slot.process.pid)
            return True
        slot.task = None
        results[seq] = done
        ceiling = self.options.worker_memory_mb
        if ceiling and slot.rss_mb() > RECYCLE_SHARE * ceiling and slot.rss_mb() > 1.25 * slot.baseline_mb:
            log.info("worker %s holds %.0f MB (over %.0f%% of worker_memory_mb): replaced",
                     slot.process.pid, slot.rss_mb(), RECYCLE_SHARE * 100)  # fmt: skip
            self._retire(slot, kill=False)
        return True

    def _check_baseline(self, slot: _Slot) -> None:
        ceiling = self.options.worker_memory_mb
        if ceiling and slot.baseline_mb > RECYCLE_SHARE * ceiling:
            raise WorkerError(
                f"a worker holds {slot.baseline_mb:.0f} MB once the model is loaded, too close to "
                f"worker_memory_mb={ceiling}; raise worker_memory_mb (EVENTDESK_WORKER_MEMORY_MB) "
                f"to at least {slot.baseline_mb / RECYCLE_SHARE * 1.5:.0f}, or set it to 0"
            )

    def _died(self, slot: _Slot, results: dict[int, Processed]) -> None:
        slot.process.join(STOP_SECONDS)
        if slot.process.is_alive():  # its pipe broke but it runs on: it cannot be used
            slot.process.kill()
            slot.process.join(1.0)
        code = slot.process.exitcode
        if not slot.ready:
            self.close(graceful=False)
            raise WorkerError(
                f"a worker process could not start (exit code {code}); the error is above. "
                "Check that the model is installed (scripts/bootstrap)"
            )
        if slot.task is not None:
            seq, article = slot.task
            how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            results[seq] = failed(
                article,
                f"the worker process died on this article ({how}); a library crashed on its text: "
                "see the warnings above, and report it if it repeats",
            )
        log.warning("a worker process ended unexpectedly (exit code %s); replaced", code)
        slot.task = None
        slot.conn.close()
        self._slots.remove(slot)
        self._missing += 1

    def _check_limits(self, results: dict[int, Processed]) -> None:
        timeout, ceiling = self.options.article_timeout, self.options.worker_memory_mb
        now = time.monotonic()
        for slot in list(self._slots):
            if slot.task is None:
                continue
            seq, article = slot.task
            reason = None
            if timeout and now - slot.started > timeout:
                reason = (
                    f"stopped after {timeout:g} s (article_timeout): the text is likely pathological "
                    "(see `eventdesk show ID`); raise article_timeout and run with --retry-failed to try again"
                )
            elif ceiling and (rss := slot.rss_mb()) > ceiling:
                reason = (
                    f"stopped at {rss:,.0f} MB (worker_memory_mb={ceiling}): the text needs more memory "
                    "than a worker may hold; raise worker_memory_mb and run with --retry-failed to try again"
                )
            if reason is None:
                continue
            log.info("%s: %s", article.source, reason)
            results[seq] = failed(article, reason)
            slot.task = None
            self._retire(slot, kill=True)


def process_parallel(articles: Iterable[Article], *, workers: int, options: Options) -> Iterator[Processed]:
    """`process` over `workers` supervised processes, yielding in input order."""
    with WorkerPool(workers, options) as pool:
        yield from pool.map(articles)
