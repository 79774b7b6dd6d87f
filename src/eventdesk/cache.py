"""The machine-wide cache of compiled resources (the gazetteer index, the second-opinion
classifier): under `$EVENTDESK_CACHE`, default `~/.cache/eventdesk/`. Files are named by a
digest of their inputs, written atomically and read-only afterwards, so any number of
processes may build or read them at once.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def cache_dir() -> Path:
    """The cache directory (not created here)."""
    return Path(os.environ.get("EVENTDESK_CACHE") or Path.home() / ".cache" / "eventdesk")


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write `path` through `write(file)` into a temporary file, then rename it into place: a
    reader sees the whole file or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.chmod(tmp, 0o644)  # read-only use by every process of the machine
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
