"""The per-article map on a process pool gives the same database as in one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.run import local
from eventdesk.run.local import run
from eventdesk.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_pool_and_inline_runs_store_the_same_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = ROOT / "examples" / "articles"
    inline = Store(f"sqlite:///{tmp_path}/inline.db")
    run([corpus], inline, workers=1)
    monkeypatch.setattr(local, "MIN_ARTICLES_FOR_POOL", 2)
    pooled = Store(f"sqlite:///{tmp_path}/pooled.db")
    summary = run([corpus], pooled, workers=2)
    assert summary.stored == len(inline.articles())
    assert pooled.dump() == inline.dump()


def test_stored_copy_vectors_do_not_depend_on_the_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventdesk.run.process import Options

    corpus = ROOT / "examples" / "articles"
    options = Options(copy_vectors=True)  # each article's sentences embedded in one call of their own
    inline = Store(f"sqlite:///{tmp_path}/inline.db")
    run([corpus], inline, workers=1, options=options)
    monkeypatch.setattr(local, "MIN_ARTICLES_FOR_POOL", 2)
    pooled = Store(f"sqlite:///{tmp_path}/pooled.db")
    run([corpus], pooled, workers=2, options=options)
    assert len(inline.copy_vector_means()) == len(inline.articles(include_skipped=False))
    assert pooled.dump() == inline.dump()


def test_a_ctrl_c_while_a_worker_starts_is_not_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGINT is held, not ignored, while a worker process starts: a Ctrl-C that comes then
    interrupts the run as soon as the start is over (a fresh worker per article made it likely)."""
    import multiprocessing
    import os
    import signal

    from eventdesk.run.pool import WorkerPool
    from eventdesk.run.process import Options

    class Starting:  # a worker process whose start meets a Ctrl-C
        def __init__(self, **_: object) -> None:
            pass

        def start(self) -> None:
            os.kill(os.getpid(), signal.SIGINT)

    # as in a terminal: a harness started in the background (`cmd &`) runs with SIGINT ignored
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    pool = WorkerPool(1, Options())
    real = multiprocessing.get_context("spawn")
    monkeypatch.setattr(pool, "_ctx", type("Ctx", (), {"Pipe": staticmethod(real.Pipe), "Process": Starting})())
    try:
        with pytest.raises(KeyboardInterrupt):
            pool._spawn()
    finally:
        signal.signal(signal.SIGINT, previous)
