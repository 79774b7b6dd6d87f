"""Supervised workers: they die with the parent (SIGKILL included), Ctrl-C stops everything with
exit 130 and one line, an article past its time budget or memory ceiling is recorded failed
and the run goes on (exit 4), and a re-run can retry it. Real processes, real signals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from click.testing import CliRunner

from eventdesk.cli import EXIT_INTERRUPTED, EXIT_SOME_FAILED, main
from eventdesk.read.meta import Meta, make_article
from eventdesk.run.local import ingest
from eventdesk.run.pool import WorkerPool
from eventdesk.run.process import Options
from eventdesk.store import Store

EVENTDESK = [sys.executable, "-m", "eventdesk.cli"]
PLACES = ["Colombo", "Kandy", "Galle", "Jaffna", "Matara", "Negombo", "Batticaloa", "Trincomalee"]
GONE_WITHIN = 1.5  # seconds for every worker to be gone once the parent is (the goal: one second)
LOADED_MB = 200  # a worker this big has set its guards and is loading the model


def _corpus(directory: Path, n: int = 80) -> Path:
    """n distinct short articles in one JSONL (enough for a pool of several workers)."""
    directory.mkdir(exist_ok=True)
    with (directory / "many.jsonl").open("w") as out:
        for i in range(n):
            place = PLACES[i % len(PLACES)]
            text = (f"Police arrest {i + 10} protesters in {place}\n\nPolice arrested {i + 10} protesters in {place} "
                    f"on Monday after a march on the town hall, officials said. Witnesses said soldiers fired tear "
                    f"gas at the crowd of {i + 100} people near the bus station.")  # fmt: skip
            out.write(json.dumps({"text": text, "published": "2022-04-01", "language": "en"}) + "\n")
    return directory


def _start(tmp_path: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "EVENTDESK_ISOLATE": "true"}
    return subprocess.Popen(
        [*EVENTDESK, "run", str(_corpus(tmp_path / "corpus")), "--db", f"sqlite:///{tmp_path}/r.db", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True,  # its own process group: a Ctrl-C to the group reaches only it
        # SIGINT as a terminal's command has it: a test run started in the background (`cmd &`)
        # ignores it, and the run would inherit that
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip


def _workers_loading(proc: subprocess.Popen, count: int, timeout: float = 90) -> list[psutil.Process]:
    """The run's descendants once `count` of them are workers loading the model."""
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        children = parent.children(recursive=True)
        big = [c for c in children if _rss_mb(c) > LOADED_MB]
        if len(big) >= count:
            return children
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.2)
    pytest.fail(f"fewer than {count} workers started within {timeout} s")


def _rss_mb(process: psutil.Process) -> float:
    try:
        return process.memory_info().rss / 1e6
    except psutil.Error:
        return 0.0


def _alive(processes: list[psutil.Process]) -> list[psutil.Process]:
    out = []
    for p in processes:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
        except psutil.NoSuchProcess:
            pass
    return out


def _gone_within(processes: list[psutil.Process], seconds: float) -> list[psutil.Process]:
    deadline = time.monotonic() + seconds
    while (alive := _alive(processes)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_workers_die_when_the_run_is_killed(tmp_path: Path, engine: str) -> None:
    proc = _start(tmp_path, "--workers", "2", "--engine", engine)
    try:
        descendants = _workers_loading(proc, 2)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        survivors = _gone_within(descendants, GONE_WITHIN)
        assert not survivors, [(p.pid, p.cmdline()[:3]) for p in survivors]
    finally:
        for p in _alive(psutil.Process(proc.pid).children(recursive=True) if proc.poll() is None else []):
            p.kill()
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


def test_ctrl_c_stops_the_run_and_its_workers_with_exit_130_and_one_line(tmp_path: Path) -> None:
    proc = _start(tmp_path, "--workers", "2")
    descendants = _workers_loading(proc, 2)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal does on Ctrl-C: the whole group
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == EXIT_INTERRUPTED, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("interrupted: "), err
    assert "run the same command again" in lines[0]
    assert not _gone_within(descendants, GONE_WITHIN)
    # And the same command finishes the job.
    again = subprocess.run(proc.args, capture_output=True, text=True, env={**os.environ, "EVENTDESK_ISOLATE": "true"})
    assert again.returncode == 0, again.stderr
    assert len(Store(f"sqlite:///{tmp_path}/r.db").articles()) == 80


PATHOLOGICAL = "Headline\n" + " ".join(f"{i} people were killed and {i} injured," for i in range(10_000))


def test_an_article_past_its_time_budget_is_failed_and_the_run_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "slow.txt").write_text(PATHOLOGICAL)
    (corpus / "good.txt").write_text("Police arrested 40 protesters in Colombo on Saturday after a march on parliament.\n")
    db = f"sqlite:///{tmp_path}/t.db"
    runner = CliRunner()
    started = time.monotonic()
    result = runner.invoke(main, ["run", str(corpus), "--db", db], env={"EVENTDESK_ARTICLE_TIMEOUT": "1"})
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    assert time.monotonic() - started < 60
    assert "slow.txt: failed: stopped after 1 s (article_timeout)" in result.output
    assert "1 failed" in result.output and "eventdesk articles --failed" in result.output
    store = Store(db)
    (failed,) = store.failed_articles()
    assert failed.source.endswith("slow.txt") and "article_timeout" in (failed.skip_detail or "")
    assert any(a.source.endswith("good.txt") and a.skipped is None for a in store.articles())
    listed = runner.invoke(main, ["articles", "--failed", "--db", db])
    assert failed.id in listed.output and "article_timeout" in listed.output
    # A re-run leaves it; with --retry-failed and a budget it fits, it is processed in its place.
    assert runner.invoke(main, ["run", str(corpus), "--db", db], env={"EVENTDESK_ARTICLE_TIMEOUT": "1"}).exit_code == 0
    retried = runner.invoke(main, ["run", str(corpus), "--db", db, "--retry-failed"], env={"EVENTDESK_ARTICLE_TIMEOUT": "300"})
    assert retried.exit_code == 0, retried.output
    assert Store(db).failed_articles() == []
    assert [a.id for a in Store(db).articles()] == [a.id for a in store.articles()]  # same order, none doubled


def test_a_worker_over_its_memory_ceiling_is_replaced_and_the_article_failed(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    good = make_article("Police arrested 40 protesters in Colombo on Saturday.", "good.txt", Meta(language="en"))
    with WorkerPool(1, Options(worker_memory_mb=0)) as pool:
        list(pool.map([good]))
        loaded = pool._slots[0].rss_mb()
    # Room for a normal article (~250 MB over a loaded worker), not for 30,000 tokens of symbols
    # (~20 kB of parser memory each); the length limit raised so that they reach the parser.
    ceiling = int(loaded / 0.8) + 60
    heavy = make_article("Riot " + "\U0001f600" * 120_000, "heavy.txt", Meta(language="en"))
    store = Store(f"sqlite:///{tmp_path}/m.db")
    failed: list[str] = []
    options = Options(worker_memory_mb=ceiling, max_article_chars=120_000)
    summary = ingest([heavy, good], store, options=options, isolate=True,
                     on_failed=lambda f: failed.append(f"{f.source}: {f.reason}"))  # fmt: skip
    assert failed and failed[0].startswith("heavy.txt: stopped at") and "worker_memory_mb" in failed[0], failed
    assert summary.stored == 1 and len(summary.failed) == 1
    assert [a.source for a in store.failed_articles()] == ["heavy.txt"]


def test_a_worker_killed_from_outside_costs_only_its_article(nlp) -> None:  # type: ignore[no-untyped-def]
    """What the kernel's out-of-memory killer or a crash in a library does to a worker."""
    import threading

    slow = make_article(PATHOLOGICAL, "slow.txt", Meta(language="en"))
    good = make_article("Police arrested 40 protesters in Colombo on Saturday.", "good.txt", Meta(language="en"))
    with WorkerPool(1, Options(article_timeout=0)) as pool:

        def kill_when_busy() -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                slots = list(pool._slots)
                if slots and slots[0].task is not None and slots[0].task[1].source == "slow.txt":
                    time.sleep(0.3)
                    os.kill(slots[0].process.pid, signal.SIGKILL)
                    return
                time.sleep(0.05)

        killer = threading.Thread(target=kill_when_busy)
        killer.start()
        done = list(pool.map([slow, good]))
        killer.join()
    assert done[0].failed is not None and done[0].failed.startswith("the worker process died on this article (signal 9)")
    assert done[1].failed is None and done[1].article.source == "good.txt"
