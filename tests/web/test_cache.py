"""Cached API answers: served again while the store is unchanged, dropped on any commit.

The writers here are other connections, as an `eventdesk run` beside the server would be: a
subprocess for SQLite, a second engine for PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from eventdesk.store import Store
from eventdesk.store import schema as t
from eventdesk.web.app import create_app
from eventdesk.web.cache import CACHE_HEADER, ChangeCounter, ResponseCache

LOCAL = "http://127.0.0.1"
ARTICLE = {
    "text": "Police fired tear gas at hundreds of students marching in Peradeniya on Tuesday, "
    "university officials said. Three students were injured.",
    "url": "https://example.org/peradeniya-cache-test",
    "outlet": "Test Wire",
    "published": "2022-04-12",
    "language": "en",
}


@pytest.fixture()
def db_copy(web_db: str, tmp_path: Path) -> str:
    """A copy of the session's store, free to be written to."""
    target = tmp_path / "copy.db"
    src = sqlite3.connect(web_db.removeprefix("sqlite:///"))
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return f"sqlite:///{target}"


def cache_of(response) -> str | None:  # type: ignore[no-untyped-def]
    return response.headers.get(CACHE_HEADER.decode())


def write_in_another_process(url: str, sql: str) -> None:
    """Commit one statement from another process, as `eventdesk run` would."""
    code = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()"
    subprocess.run([sys.executable, "-c", code, url.removeprefix("sqlite:///"), sql], check=True, timeout=60)


def test_unchanged_store_answers_from_the_cache(db_copy: str) -> None:
    client = TestClient(create_app(db_copy, token=None), base_url=LOCAL)
    first = client.get("/api/events?limit=7")
    again = client.get("/api/events?limit=7")
    assert (first.status_code, again.status_code) == (200, 200)
    assert (cache_of(first), cache_of(again)) == ("miss", "hit")
    assert again.content == first.content and again.headers["content-type"] == first.headers["content-type"]
    assert "content-security-policy" in again.headers  # the security headers are on hits too
    assert cache_of(client.get("/api/events?limit=8")) == "miss"  # another query, another answer


def test_a_commit_by_another_process_empties_the_cache(db_copy: str) -> None:
    client = TestClient(create_app(db_copy, token=None), base_url=LOCAL)
    before = client.get("/api/events?limit=5000").json()
    assert cache_of(client.get("/api/events?limit=5000")) == "hit"
    event_id = before["events"][0]["event_id"]
    write_in_another_process(
        db_copy, f"UPDATE events SET data = json_set(data, '$.summary', 'changed by a run') WHERE id = '{event_id}'"
    )
    after = client.get("/api/events?limit=5000")
    assert cache_of(after) == "miss"
    assert next(r for r in after.json()["events"] if r["event_id"] == event_id)["summary"] == "changed by a run"
    assert cache_of(client.get("/api/events?limit=5000")) == "hit"
    # A write that changes no row the page shows still empties the cache: it cannot tell.
    write_in_another_process(db_copy, "INSERT INTO failures (source, reason) VALUES ('x.txt', 'test')")
    assert cache_of(client.get("/api/events?limit=5000")) == "miss"


def test_a_post_through_the_server_empties_the_cache(tmp_path: Path) -> None:
    client = TestClient(create_app(f"sqlite:///{tmp_path / 'post.db'}", token="s3cret"), base_url=LOCAL)
    assert client.get("/api/events").json()["total"] == 0
    assert cache_of(client.get("/api/events")) == "hit"
    posted = client.post("/api/articles", json=[ARTICLE], headers={"Authorization": "Bearer s3cret"})
    assert posted.status_code == 200, posted.text
    after = client.get("/api/events")
    assert cache_of(after) == "miss" and after.json()["total"] >= 1


def test_what_is_not_cached(db_copy: str) -> None:
    client = TestClient(create_app(db_copy, token=None), base_url=LOCAL)
    for _ in range(2):
        assert cache_of(client.get("/api/export?format=jsonl")) is None  # streamed, any size
        assert cache_of(client.get("/")) is None  # pages are static files
        missing = client.get("/api/events/e_nope")
        assert missing.status_code == 404 and cache_of(missing) == "miss"  # only 200s are kept
    off = TestClient(create_app(db_copy, token=None, cache_mb=0), base_url=LOCAL)
    assert cache_of(off.get("/api/events")) is None and cache_of(off.get("/api/events")) is None


def test_sqlite_change_counter(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'counter.db'}"
    store = Store(url)
    counter = ChangeCounter(store.engine)
    try:
        first = counter.version()
        assert first is not None and counter.version() == first
        store.write_failure("a.txt", "test")  # another connection of this process
        second = counter.version()
        assert second != first and counter.version() == second
        memory = Store("sqlite://")
        assert not ChangeCounter(memory.engine).enabled  # in memory: no counter, no cache
        memory.close()
    finally:
        counter.close()
        store.close()


def test_postgresql_change_counter_and_cache(pg_url: str) -> None:
    client = TestClient(create_app(pg_url, token=None), base_url=LOCAL)
    with client:
        assert client.get("/api/facets").json()["total"] == 0
        assert cache_of(client.get("/api/facets")) == "hit"
        assert cache_of(client.get("/api/events?sort=date&order=asc")) == "miss"
        writer = Store(pg_url)  # another engine: another process's connections
        try:
            with writer.engine.begin() as conn:
                for n, date in enumerate(["2022-04-01", None, "2022-04-03"], start=1):
                    data = {"id": f"e_{n}", "event_type": "Protests", "when": {"value": date},
                            "place": {"country": "Sri Lanka"}, "counts": []}  # fmt: skip
                    conn.execute(insert(t.events).values(id=f"e_{n}", story_id="s_1", event_type="Protests",
                                                         sub_event_type="Peaceful protest", date=date,
                                                         country_code="LK", seq=n, data=data))  # fmt: skip
        finally:
            writer.close()
        facets = client.get("/api/facets")
        assert cache_of(facets) == "miss" and facets.json()["total"] == 3
        for order, expected in [("asc", ["e_1", "e_3", "e_2"]), ("desc", ["e_3", "e_1", "e_2"])]:
            rows = client.get(f"/api/events?sort=date&order={order}").json()["events"]
            assert [r["event_id"] for r in rows] == expected  # undated last either way
        assert cache_of(client.get("/api/facets")) == "hit"


# -- the middleware alone: bounded, one computation per URL --------------------------------


class FixedCounter:
    """A change counter that says what the test tells it."""

    blocking = False
    enabled = True

    def __init__(self) -> None:
        self.value = "v1"

    def version(self) -> str:
        return self.value


def _slow_app(calls: list[str], size: int = 1000):  # type: ignore[no-untyped-def]
    async def app(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        calls.append(scope["path"])
        await asyncio.sleep(0.05)
        body = json.dumps({"path": scope["path"], "pad": "x" * size}).encode()
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": body})

    return app


async def _get(app, path: str) -> tuple[int, bytes, str]:  # type: ignore[no-untyped-def]
    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    await app(scope, receive, send)
    headers = dict(sent[0]["headers"])
    return sent[0]["status"], sent[1]["body"], headers.get(CACHE_HEADER, b"").decode()


def test_concurrent_misses_compute_once() -> None:
    calls: list[str] = []
    cache = ResponseCache(_slow_app(calls), counter=FixedCounter(), max_bytes=1_000_000)  # type: ignore[arg-type]

    async def burst() -> list[tuple[int, bytes, str]]:
        return await asyncio.gather(*[_get(cache, "/api/events") for _ in range(20)])

    answers = asyncio.run(burst())
    assert calls == ["/api/events"]
    assert {a[1] for a in answers} == {answers[0][1]} and sorted(a[2] for a in answers).count("hit") == 19


def test_cache_is_bounded_and_follows_the_counter() -> None:
    calls: list[str] = []
    counter = FixedCounter()
    cache = ResponseCache(_slow_app(calls, size=10_000), counter=counter, max_bytes=50_000)  # type: ignore[arg-type]

    async def run(paths: list[str]) -> list[str]:
        return [(await _get(cache, p))[2] for p in paths]

    assert asyncio.run(run([f"/api/events/{i}" for i in range(20)])) == ["miss"] * 20
    assert cache._bytes <= 50_000 and len(cache._entries) == 4  # least recently used evicted
    assert asyncio.run(run(["/api/events/19", "/api/events/0"])) == ["hit", "miss"]
    counter.value = "v2"
    assert asyncio.run(run(["/api/events/19"])) == ["miss"]
    big = ResponseCache(_slow_app(calls, size=20_000), counter=counter, max_bytes=50_000)  # type: ignore[arg-type]
    assert asyncio.run(_get(big, "/api/x"))[2] == "miss" and not big._entries  # over a quarter of the cache
