"""`eventdesk serve`: the web app under uvicorn, and the click command the CLI registers."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable

import click

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"  # loopback by default: a desk opens it to the network on purpose
DEFAULT_PORT = 8000
MAX_AUTO_WORKERS = 4  # web_workers = 0: one process per core, up to this many


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells, else all)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def server_workers(requested: int, *, ingest: bool) -> int:
    """How many server processes to run.

    Args:
        requested: the `web_workers` setting or `--workers`; 0 = one per core, at most
            `MAX_AUTO_WORKERS`.
        ingest: whether POST /api/articles is on; then always 1, since writes (and the link
            step they run) are serialised by a lock inside one process.

    Example:
        >>> server_workers(3, ingest=False), server_workers(3, ingest=True)
        (3, 1)
    """
    if ingest:
        if requested > 1:
            log.warning(
                "serving with 1 process, not %d: ingest is on (EVENTDESK_TOKEN) and writes must come from one "
                "process; unset EVENTDESK_TOKEN to serve reads with more", requested,
            )  # fmt: skip
        return 1
    if requested > 0:
        return requested
    return max(1, min(usable_cores(), MAX_AUTO_WORKERS))


def serve(
    db_url: str,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    workers: int | None = None,
    allowed_hosts: Iterable[str] = (),
) -> None:
    """Run the eventdesk web app (API + UI) with uvicorn until interrupted.

    Args:
        db_url: the database URL, e.g. `sqlite:///eventdesk.db`.
        host: the address to listen on (a specific address is also allowed as Host header).
        port: the TCP port.
        workers: server processes (default: the `web_workers` setting; see `server_workers`).
        allowed_hosts: Host names to answer to besides the loopback names, added to the
            `web_allowed_hosts` setting.
    """
    import uvicorn

    from eventdesk.config import load_config
    from eventdesk.web.app import SERVE_ARGS_ENV, TOKEN_ENV, create_app
    from eventdesk.web.guard import WILDCARD_BINDS, name_list

    config = load_config()
    # The bound address is a name clients use too, unless it is a wildcard (0.0.0.0, ::).
    bound = [] if host.strip("[]") in WILDCARD_BINDS else [host]
    hosts = [*name_list(config.web_allowed_hosts), *name_list(allowed_hosts), *bound]
    count = server_workers(config.web_workers if workers is None else workers, ingest=bool(os.environ.get(TOKEN_ENV)))
    log.info("serving %s on http://%s:%d with %d process(es)", db_url, host, port, count)
    if count == 1:
        uvicorn.run(create_app(db_url, allowed_hosts=hosts, config=config), host=host, port=port,
                    log_level="info", access_log=False)  # fmt: skip
        return
    # Several processes: each worker builds its own app (own store connections, own cache)
    # from the arguments passed in the environment.
    os.environ[SERVE_ARGS_ENV] = json.dumps({"db_url": db_url, "allowed_hosts": hosts})
    uvicorn.run("eventdesk.web.app:app_from_environment", factory=True, workers=count, host=host, port=port,
                log_level="info", access_log=False)  # fmt: skip


@click.command(name="serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option("--db", metavar="URL", help="Database URL (default: sqlite:///eventdesk.db, or $EVENTDESK_DB).")
@click.option(
    "--workers", type=click.IntRange(0, 64), default=None,
    help="Server processes; 0 = one per core, at most 4 (default: web_workers, 0). Always 1 with ingest on.",
)  # fmt: skip
@click.option(
    "--allow-host", "allow_hosts", multiple=True, metavar="NAME",
    help="A Host name to answer to besides 127.0.0.1, localhost and the --host address (repeatable; "
    "also web_allowed_hosts in eventdesk.toml).",
)  # fmt: skip
def serve_command(host: str, port: int, db: str | None, workers: int | None, allow_hosts: tuple[str, ...]) -> None:
    """Serve the desk: map, timeline, tables and the JSON API, all offline.

    Open http://HOST:PORT/ in a browser; the API is under /api/ and described at /docs.
    Set EVENTDESK_TOKEN to enable POST /api/articles and the review routes
    (Authorization: Bearer TOKEN).
    Requests naming another Host than this server's are refused (DNS rebinding):
    add the names a desk reaches it by with --allow-host.

    \b
    Example:

    \b
      eventdesk serve --port 8000
      eventdesk serve --host 0.0.0.0 --allow-host desk.example.org
    """
    from eventdesk.config import load_config, with_overrides
    from eventdesk.store import Store
    from eventdesk.web.app import TOKEN_ENV

    url = with_overrides(load_config(), db=db).db
    # A desk that only reads serves an existing database (StoreMissingError, not an empty map
    # over a new file); one that ingests (EVENTDESK_TOKEN set) may start it.
    Store(url, create=bool(os.environ.get(TOKEN_ENV))).close()
    click.echo(f"eventdesk: serving {url} on http://{host}:{port}/ (Ctrl+C to stop)")
    serve(url, host=host, port=port, workers=workers, allowed_hosts=allow_hosts)
