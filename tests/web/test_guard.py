"""The server refuses before it reads: body cap, write token and Host allow-list (real app, TestClient).

A body is "never read" when the generator that produces it was never pulled: the TestClient
only pulls the request body when the app asks for it.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventdesk.config import load_config
from eventdesk.errors import ConfigError
from eventdesk.store import Store
from eventdesk.web import ingest
from eventdesk.web.app import WRITE_PATHS, create_app
from eventdesk.web.guard import allowed_host_set, host_name
from eventdesk.web.serve import MAX_AUTO_WORKERS, server_workers, usable_cores

LOCAL = "http://127.0.0.1"
TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
CAP = 1_000


class Body:
    """A request body produced in chunks, recording how many chunks the server pulled."""

    def __init__(self, chunks: int = 10, size: int = 500, fill: bytes = b"x") -> None:
        self.chunks, self.size, self.fill = chunks, size, fill
        self.pulled = 0

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(self.chunks):
            self.pulled += 1
            yield self.fill * self.size

    @property
    def length(self) -> int:
        return self.chunks * self.size


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'guard.db'}"


@pytest.fixture()
def ingest_client(db: str) -> TestClient:
    return TestClient(create_app(db, token=TOKEN, max_body_bytes=CAP), base_url=LOCAL)


@pytest.fixture()
def readonly_client(db: str, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.delenv("EVENTDESK_TOKEN", raising=False)
    return TestClient(create_app(db, max_body_bytes=CAP), base_url=LOCAL)


def articles_stored(db: str) -> int:
    store = Store(db)
    try:
        return len(store.articles())
    finally:
        store.close()


# -- the body cap -------------------------------------------------------------------------


def test_oversized_body_without_token_is_413_and_never_read(ingest_client: TestClient, db: str) -> None:
    body = Body()  # not JSON either: a parsed body would be a 422 or 400
    response = ingest_client.post("/api/articles", content=body, headers={"Content-Length": str(body.length)})
    assert response.status_code == 413
    detail = response.json()["detail"]
    assert "5,000 bytes" in detail and "1,000" in detail and "web_max_body_bytes" in detail
    assert body.pulled == 0, "the server read the body of a request it refused"
    assert response.headers["connection"] == "close"  # the unread rest is not drained
    assert articles_stored(db) == 0


def test_oversized_body_with_token_is_413_and_never_read(ingest_client: TestClient) -> None:
    body = Body()
    response = ingest_client.post("/api/articles", content=body, headers={**AUTH, "Content-Length": str(body.length)})
    assert response.status_code == 413 and body.pulled == 0


def test_oversized_body_is_413_on_a_read_only_server_too(readonly_client: TestClient) -> None:
    body = Body()
    response = readonly_client.post("/api/articles", content=body, headers={"Content-Length": str(body.length)})
    assert response.status_code == 413 and body.pulled == 0
    get_with_body = readonly_client.request("GET", "/api/events", content=Body(), headers={"Content-Length": "5000"})
    assert get_with_body.status_code == 413


def test_chunked_body_over_the_cap_is_413(ingest_client: TestClient, db: str) -> None:
    body = Body()  # no Content-Length: sent chunked, so the size is learnt while reading
    response = ingest_client.post("/api/articles", content=body, headers=AUTH)
    assert response.status_code == 413
    assert "passed this server's limit of 1,000 bytes" in response.json()["detail"]
    assert articles_stored(db) == 0


def test_chunked_body_under_the_cap_reaches_the_route(ingest_client: TestClient) -> None:
    # The guard reads it (to count it) and hands it on whole: FastAPI parses it and validates it.
    json_auth = {**AUTH, "Content-Type": "application/json"}
    body = Body(chunks=1, size=2, fill=b"[]")  # b"[][]": not JSON
    response = ingest_client.post("/api/articles", content=body, headers=json_auth)
    assert response.status_code == 422 and "JSON" in response.text, response.text
    empty = ingest_client.post("/api/articles", content=iter([b"[", b"]"]), headers=json_auth)
    assert empty.status_code == 422 and "at least 1" in empty.text, empty.text  # parsed: an empty list


def test_bad_content_length_is_400(ingest_client: TestClient) -> None:
    # httpx refuses to send a malformed Content-Length, so the ASGI app is called directly.
    messages = asyncio.run(_call(ingest_client.app, "POST", "/api/articles",
                                 [(b"host", b"127.0.0.1"), (b"content-length", b"12abc")]))  # fmt: skip
    assert messages[0]["status"] == 400
    assert "Content-Length" in json.loads(messages[1]["body"])["detail"]


def test_cap_comes_from_the_setting(db: str) -> None:
    config = load_config(environ={"EVENTDESK_WEB_MAX_BODY_BYTES": "100"})
    client = TestClient(create_app(db, token=TOKEN, config=config), base_url=LOCAL)
    assert client.post("/api/articles", content=b"x" * 101, headers=AUTH).status_code == 413
    assert client.post("/api/articles", content=b"[]", headers=AUTH).status_code == 422
    assert load_config(environ={}).web_max_body_bytes == 10_000_000
    with pytest.raises(ConfigError, match="web_max_body_bytes"):
        create_app(db, config=load_config(environ={"EVENTDESK_WEB_MAX_BODY_BYTES": "-1"}))


# -- the token, before the body -------------------------------------------------------------


def test_missing_token_is_401_before_the_body_is_read(ingest_client: TestClient) -> None:
    body = Body(chunks=1, size=10)
    response = ingest_client.post("/api/articles", content=body, headers={"Content-Length": str(body.length)})
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert "Authorization: Bearer" in response.json()["detail"]
    assert body.pulled == 0


def test_wrong_token_is_403_before_the_body_is_read(ingest_client: TestClient) -> None:
    for headers in ({"Content-Length": "10"}, {}):  # declared size, and chunked
        body = Body(chunks=1, size=10)
        response = ingest_client.post("/api/articles", content=body, headers={"Authorization": "Bearer nope", **headers})
        assert response.status_code == 403 and "EVENTDESK_TOKEN" in response.json()["detail"]
        assert body.pulled == 0


def test_any_write_method_needs_the_token(ingest_client: TestClient) -> None:
    assert ingest_client.delete("/api/events").status_code == 401
    assert ingest_client.put("/api/events", content=b"{}").status_code == 401
    assert ingest_client.put("/api/events", content=b"{}", headers=AUTH).status_code == 405  # no such route


# -- write routes absent when ingest is off -----------------------------------------------


def test_write_routes_are_absent_when_ingest_is_off(readonly_client: TestClient) -> None:
    body = Body(chunks=1, size=10)
    response = readonly_client.post("/api/articles", content=body, headers={**AUTH, "Content-Length": "10"})
    assert response.status_code == 404
    assert "ingest is disabled" in response.json()["detail"] and "EVENTDESK_TOKEN" in response.json()["detail"]
    assert body.pulled == 0
    assert readonly_client.post("/api/articles/", json=[]).status_code == 404
    assert readonly_client.put("/api/articles/a_1", json={}).status_code == 405  # GET only
    assert readonly_client.delete("/api/events/e_1").status_code == 405
    paths = readonly_client.get("/openapi.json").json()["paths"]
    assert not [p for p, ops in paths.items() if set(ops) - {"get"}], "a write operation is documented"
    assert not [r for r in readonly_client.app.routes if set(getattr(r, "methods", ())) - {"GET", "HEAD"}]


def test_write_paths_match_the_ingest_router() -> None:
    assert WRITE_PATHS == {route.path for route in ingest.router.routes}


# -- the Host allow-list ------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost", "LOCALHOST:8000", "[::1]:8000"])
def test_loopback_hosts_are_served(readonly_client: TestClient, host: str) -> None:
    assert readonly_client.get("/api/events", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["rebind.attacker.example", "rebind.attacker.example:8000", "127.0.0.1.nip.io", "testserver"])
def test_other_hosts_are_400_naming_the_fix(readonly_client: TestClient, host: str) -> None:
    response = readonly_client.get("/api/events", headers={"Host": host})
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert repr(host_name(host)) in detail and "web_allowed_hosts" in detail and "--allow-host" in detail
    assert "events" not in response.json()  # nothing of the store leaks
    assert readonly_client.get("/", headers={"Host": host}).status_code == 400  # pages too


def test_configured_hosts_are_served(db: str) -> None:
    config = load_config(environ={"EVENTDESK_WEB_ALLOWED_HOSTS": "desk.example.org, 10.0.0.5"})
    client = TestClient(create_app(db, token=None, config=config), base_url=LOCAL)
    assert client.get("/api/facets", headers={"Host": "desk.example.org:8000"}).status_code == 200
    assert client.get("/api/facets", headers={"Host": "10.0.0.5"}).status_code == 200
    assert client.get("/api/facets", headers={"Host": "other.example.org"}).status_code == 400
    anyone = TestClient(create_app(db, token=None, allowed_hosts=["*"]), base_url="http://anything.example")
    assert anyone.get("/api/facets").status_code == 200


def test_missing_host_header_is_400(readonly_client: TestClient) -> None:
    messages = asyncio.run(_call(readonly_client.app, "GET", "/api/events", []))
    assert messages[0]["status"] == 400
    assert "no Host header" in json.loads(messages[1]["body"])["detail"]


def test_allowed_host_set_and_host_name() -> None:
    assert allowed_host_set([], "0.0.0.0") == {"127.0.0.1", "localhost", "::1"}
    assert "192.0.2.7" in allowed_host_set("desk.example.org,", "192.0.2.7")
    assert host_name("[::1]:8000") == "::1" and host_name("Desk.Example.org.:80") == "desk.example.org"


# -- workers --------------------------------------------------------------------------------


def test_server_workers() -> None:
    assert server_workers(0, ingest=False) == max(1, min(usable_cores(), MAX_AUTO_WORKERS))
    assert server_workers(3, ingest=False) == 3
    assert server_workers(3, ingest=True) == 1 and server_workers(0, ingest=True) == 1


# -- a real server over a real socket -----------------------------------------------------


def test_live_server_refuses_a_300_mb_post_without_reading_it(live_server: str) -> None:
    """The issue's case: a 300 MB unauthenticated post answered at once, the rest never sent."""
    port = int(live_server.rsplit(":", 1)[1])
    head = (f"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {300_000_000}\r\n\r\n").encode()  # fmt: skip
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head + b"[")  # a little of the body; the server must not wait for the rest
        answer = b""
        while chunk := sock.recv(65_536):  # the server answers and closes the connection
            answer += chunk
    assert time.monotonic() - started < 5
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line.split()[1] == b"413", answer[:300]
    assert b"300,000,000 bytes" in rest and b"connection: close" in rest.lower()


def test_live_server_refuses_a_rebound_host(live_server: str) -> None:
    port = int(live_server.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"GET /api/events HTTP/1.1\r\nHost: evil.example:{port}\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := sock.recv(65_536):
            answer += chunk
    assert answer.split(b"\r\n", 1)[0].split()[1] == b"400"


async def _call(app, method: str, path: str, headers: list[tuple[bytes, bytes]]) -> list[dict]:  # type: ignore[no-untyped-def]
    """One request straight into the ASGI app (for requests an HTTP client will not send)."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "path": path,
             "raw_path": path.encode(), "query_string": b"", "root_path": "", "scheme": "http", "headers": headers,
             "client": ("127.0.0.1", 1234), "server": ("127.0.0.1", 80)}  # fmt: skip
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent
