"""Shared fixtures: the real spaCy pipeline once per session, paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def nlp():
    from eventdesk import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: the shared samples and dev sets are absent")
    return SHARED


@pytest.fixture(scope="session")
def samples(shared: Path) -> list[Path]:
    paths = sorted((shared / "samples").glob("*.txt"))
    if not paths:
        pytest.skip(f"no sample articles in {shared / 'samples'}")
    return paths


def _pg_bin() -> Path | None:
    import glob

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@pytest.fixture(scope="session")
def pg_server():
    """A private PostgreSQL server on a unix socket, started for this test session.

    PostgreSQL refuses to run as root, so when we are root it runs as the `postgres` user.
    """
    import os
    import shutil
    import subprocess
    import tempfile

    bindir = _pg_bin()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; .ci/run installs Debian's postgresql")
        pytest.skip("PostgreSQL server binaries not found (apt-get install postgresql)")
    # Not under pytest's tmp dir: that is private to root, and the server runs as postgres.
    base = Path(tempfile.mkdtemp(prefix="eventdesk-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "eventdesk", "--auth=trust"],
                   check=True, capture_output=True)  # fmt: skip
    opts = f"-p 54329 -k {sock} -c listen_addresses=''"
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-w", "start", "-l", str(base / "log")],
                   check=True, capture_output=True)  # fmt: skip
    yield {"socket": str(sock), "port": 54329, "as_user": as_user, "bindir": bindir}
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server, request) -> str:  # type: ignore[no-untyped-def]
    """A fresh database on the private server for one test."""
    import re
    import subprocess

    name = "t_" + re.sub(r"\W", "_", request.node.name.lower())[:50]
    createdb = [*pg_server["as_user"], str(pg_server["bindir"] / "createdb"), "-h", pg_server["socket"],
                "-p", str(pg_server["port"]), "-U", "eventdesk", name]  # fmt: skip
    subprocess.run(createdb, check=True, capture_output=True)
    return f"postgresql+psycopg://eventdesk@/{name}?host={pg_server['socket']}&port={pg_server['port']}"
