"""`eventdesk serve`: the web app under uvicorn, and the click command the CLI registers."""

from __future__ import annotations

import logging

import click

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"  # loopback by default: a desk opens it to the network on purpose
DEFAULT_PORT = 8000


def serve(db_url: str, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Run the eventdesk web app (API + UI) with uvicorn until interrupted.

    Args:
        db_url: the database URL, e.g. `sqlite:///eventdesk.db`.
        host: the address to listen on.
        port: the TCP port.
    """
    import uvicorn

    from eventdesk.web.app import create_app

    app = create_app(db_url)
    log.info("serving %s on http://%s:%d", db_url, host, port)
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)


@click.command(name="serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option("--db", metavar="URL", help="Database URL (default: sqlite:///eventdesk.db, or $EVENTDESK_DB).")
def serve_command(host: str, port: int, db: str | None) -> None:
    """Serve the desk: map, timeline, tables and the JSON API, all offline.

    Open http://HOST:PORT/ in a browser; the API is under /api/ and described at /docs.
    Set EVENTDESK_TOKEN to enable POST /api/articles (Authorization: Bearer TOKEN).

    \b
    Example:

      eventdesk serve --port 8000
    """
    from eventdesk.config import load_config, with_overrides

    url = with_overrides(load_config(), db=db).db
    click.echo(f"eventdesk: serving {url} on http://{host}:{port}/ (Ctrl+C to stop)")
    serve(url, host=host, port=port)
