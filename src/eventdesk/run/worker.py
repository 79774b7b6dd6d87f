"""The worker process of the pool (run/pool.py): guards first, then the model, then articles.

This module is the target the pool spawns, so it imports only the standard library: a worker
sets its guards before it loads anything heavy (the model, ~2 s), and a parent that dies in
that time still takes it along.

Guards:
- it dies with its parent: on Linux the kernel sends it SIGKILL when the parent dies
  (PR_SET_PDEATHSIG, even when the parent is killed with SIGKILL); everywhere a thread checks
  every PARENT_POLL_SECONDS that its parent is still the process that started it;
- it ignores SIGINT: Ctrl-C in a terminal goes to the whole process group, and stopping the
  workers is the parent's job (no worker tracebacks on the terminal);
- it runs one article at a time and sends each result as soon as it is done, so the parent can
  time each article and stop this process when one takes too long or holds too much memory.
"""

from __future__ import annotations

import ctypes
import logging
import os
import pickle
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection

PR_SET_PDEATHSIG = 1  # prctl option, <linux/prctl.h>
PARENT_POLL_SECONDS = 0.5


def die_with_parent(parent_pid: int) -> None:
    """Make this process end when `parent_pid` does (see the module docstring)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no libc prctl: the watch thread still holds
            pass
    if os.getppid() != parent_pid:  # the parent died before the guard was set
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="eventdesk-parent-watch", daemon=True).start()


def main(conn: Connection, parent_pid: int, options_blob: bytes, log_level: int) -> None:
    """Serve articles until the parent sends None or goes away.

    Messages in: `(seq, article)` or None. Messages out: `("ready", pid)` once the resources are
    loaded, then `("done", seq, processed)` for each article.
    """
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s")
    options = pickle.loads(options_blob)

    from eventdesk.run.pool import load_resources
    from eventdesk.run.process import failed, process
    from eventdesk.read.reasons import detail

    load_resources(options)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        seq, article = task
        try:
            (done,) = list(process([article], options))
        except Exception as exc:  # process() keeps failures per article; this is a last resort
            done = failed(article, f"processing failed ({type(exc).__name__}: {detail(exc)}); please report it as a bug")
        conn.send(("done", seq, done))
