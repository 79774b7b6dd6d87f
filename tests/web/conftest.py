"""Fixtures for the web tests: one real store filled by the real pipeline, once per session.

The store holds the example corpus plus one hostile article (script and onerror markup in
its text), so the browser tests can check that article text is only ever shown as text.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=2">'
HOSTILE_TEXT = f"""Police fire tear gas at protesters in Kandy

Police fired tear gas at hundreds of protesters in Kandy on Monday, witnesses said. {HOSTILE_SCRIPT}

Protesters carried banners reading {HOSTILE_IMG} as they marched towards the Temple of the Tooth.

Two people were injured and five were arrested, a police spokesman said.
"""


def example_inputs() -> list[Path]:
    """The example articles (examples/articles when present, else examples/)."""
    articles = EXAMPLES / "articles"
    return [articles if articles.is_dir() else EXAMPLES]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding the examples and the hostile article, linked."""
    from eventdesk.run.local import run
    from eventdesk.store import Store

    tmp = tmp_path_factory.mktemp("web")
    hostile = tmp / "hostile"
    hostile.mkdir()
    (hostile / "kandy_hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    meta = {"outlet": "Hill Country Courier", "published": "2022-04-11", "title": "Police fire tear gas in Kandy",
            "url": "https://courier.example/kandy"}  # fmt: skip
    (hostile / "kandy_hostile.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    url = f"sqlite:///{tmp / 'web.db'}"
    store = Store(url)
    try:
        run([*example_inputs(), hostile], store)
    finally:
        store.close()
    return url


@pytest.fixture(scope="session")
def hostile_article_id(web_db: str) -> str:
    """The id of the stored hostile article."""
    from eventdesk.store import Store

    store = Store(web_db)
    try:
        return next(a.id for a in store.articles() if HOSTILE_SCRIPT in a.text)
    finally:
        store.close()


@pytest.fixture(scope="session")
def hostile_markup() -> tuple[str, str]:
    """The markup planted in the hostile article: a script element and an onerror image."""
    return HOSTILE_SCRIPT, HOSTILE_IMG


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(web_db: str) -> Iterator[str]:
    """The app under uvicorn in a background thread on a free loopback port; yields its base URL."""
    import uvicorn

    from eventdesk.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
