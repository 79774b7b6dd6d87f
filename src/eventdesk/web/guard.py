"""The server refuses before it reads: Host allow-list, body cap and write token, ahead of routing.

FastAPI reads and parses a request's whole body before it runs a route's dependencies, so a
token check written as a dependency comes too late: an unauthenticated 300 MB post would be
held in memory first. `RequestGuard` is an ASGI middleware that decides from the request line
and headers alone, in this order:

1. **Host** (every request): the Host header must name this server, 127.0.0.1, localhost or
   [::1], the address it is bound to, or a configured name (`web_allowed_hosts`); anything else
   is 400. A web page that rebinds its own DNS name to 127.0.0.1 sends its own name as Host, so
   it cannot read a desk's local API.
2. **Size**: a Content-Length over `web_max_body_bytes` is 413, with nothing of the body read.
3. **Writes** (any method but GET, HEAD, OPTIONS): with ingest off, a write route is 404
   ("ingest is disabled", or "review is disabled" for a review route); with ingest on, a
   missing bearer token is 401 and a wrong one 403.
4. **Chunked bodies** (no Content-Length) are read here up to the cap, then handed to the app;
   one byte past the cap is 413 and the rest is never read.

Every refusal is a JSON `{"detail": ...}` saying what happened, why, and what to do.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import re
from collections.abc import Callable, Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

LOCAL_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
ANY_HOST = "*"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WILDCARD_BINDS = frozenset({"", "0.0.0.0", "::", "*"})


def allowed_host_set(configured: Iterable[str] | str = (), bind_host: str | None = None) -> frozenset[str]:
    """The Host names to answer to: the loopback names, the bound address, the configured names.

    Args:
        configured: names from `web_allowed_hosts` (a list, or one comma-separated string);
            `"*"` allows any Host.
        bind_host: the address the server listens on; a specific one (not 0.0.0.0 or ::) is
            allowed too, since clients that reach it by address send it as Host.

    Example:
        >>> sorted(allowed_host_set(["Desk.Example.org."], "192.0.2.7"))
        ['127.0.0.1', '192.0.2.7', '::1', 'desk.example.org', 'localhost']
    """
    names = {_normal(name) for name in (*LOCAL_HOSTS, *name_list(configured))}
    if bind_host is not None and _normal(bind_host) not in WILDCARD_BINDS:
        names.add(_normal(bind_host))
    return frozenset(names)


def name_list(value: Iterable[str] | str) -> list[str]:
    """Host names from a list or from one comma-separated string (as eventdesk.toml may hold)."""
    items = value.split(",") if isinstance(value, str) else value
    return [item.strip() for item in items if item and item.strip()]


def _normal(name: str) -> str:
    return name.strip().strip("[]").rstrip(".").lower()


def host_name(header: str) -> str:
    """The name part of a Host header value, lower-cased: `[::1]:8000` → `::1`, `Desk:80` → `desk`."""
    value = header.strip()
    if value.startswith("["):  # [IPv6]:port
        return _normal(value[1:].partition("]")[0])
    name, sep, port = value.rpartition(":")
    if sep and port.isdigit() and ":" not in name:
        value = name
    elif sep and ":" in name:  # a bare IPv6 address without brackets
        try:
            ipaddress.IPv6Address(value)
        except ValueError:
            value = name
    return _normal(value)


def token_refusal(authorization: str, expected: str) -> tuple[int, str, dict[str, str]] | None:
    """Why a request's Authorization header does not carry this server's bearer token, or None.

    Returns:
        (status, message, extra headers): 401 when there is no bearer token, 403 when it is wrong.
    """
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return (
            401,
            "missing bearer token; send 'Authorization: Bearer <token>' with the server's EVENTDESK_TOKEN",
            {"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        return 403, "the bearer token is not this server's EVENTDESK_TOKEN; check the token you were given", {}
    return None


class BodyTooLarge(Exception):
    """A request body that passed the cap while it was being read."""


class RequestGuard:
    """ASGI middleware: Host check, body cap and write-token check before the app reads anything.

    Args:
        app: the wrapped ASGI app.
        allowed_hosts: names from `allowed_host_set` (containing `"*"` to allow any).
        max_body_bytes: the largest body accepted (`web_max_body_bytes`).
        token: called per request for the ingest token (None: ingest is off).
        write_paths: the app's write routes, named in the 404 when ingest is off.
        review_paths: a pattern of the review routes' paths, named in the 404 when writes are off.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        allowed_hosts: frozenset[str],
        max_body_bytes: int,
        token: Callable[[], str | None],
        write_paths: frozenset[str],
        review_paths: str | None = None,
    ) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts
        self.max_body_bytes = max_body_bytes
        self.token = token
        self.write_paths = write_paths
        self.review_paths = re.compile(review_paths) if review_paths else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        refusal = self._host_refusal(headers.get("host"))
        if refusal is None and scope["type"] == "http":
            refusal = self._size_refusal(headers) or self._write_refusal(scope, headers)
        has_body = headers.get("content-length", "0").strip() not in ("", "0") or "transfer-encoding" in headers
        if refusal is not None:
            status, message, extra = refusal
            log.info("refused %s %s: %d %s", scope.get("method", "WS"), scope.get("path"), status, message)
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008, "reason": message[:120]})
                return
            # An unread body is not drained: the connection is closed after the answer instead.
            await _send_json(send, status, message, {"Connection": "close", **extra} if has_body else extra)
            return
        if scope["type"] == "http" and "transfer-encoding" in headers:
            try:
                receive = await self._read_capped(receive)
            except BodyTooLarge:
                status, message, extra = self._too_large(None)
                log.info("refused %s %s: %d %s", scope["method"], scope["path"], status, message)
                await _send_json(send, status, message, {"Connection": "close", **extra})
                return
        await self.app(scope, receive, send)

    def _host_refusal(self, header: str | None) -> tuple[int, str, dict[str, str]] | None:
        if ANY_HOST in self.allowed_hosts:
            return None
        allowed = ", ".join(sorted(self.allowed_hosts))
        if not header:
            return 400, f"the request has no Host header; send one naming this server ({allowed})", {}
        name = host_name(header)
        if name in self.allowed_hosts:
            return None
        message = (
            f"host {name!r} is not served here (allowed: {allowed}); a page on another site may be trying "
            f"to reach this server. If {name!r} is this server's own name, add it to web_allowed_hosts "
            f"in eventdesk.toml or EVENTDESK_WEB_ALLOWED_HOSTS, or pass --allow-host {name} to eventdesk serve"
        )
        return 400, message, {}

    def _size_refusal(self, headers: dict[str, str]) -> tuple[int, str, dict[str, str]] | None:
        raw = headers.get("content-length")
        if raw is None:
            return None
        if not raw.strip().isdigit():
            return 400, f"the Content-Length header {raw[:40]!r} is not a number of bytes; send the body's size", {}
        size = int(raw)
        return self._too_large(size) if size > self.max_body_bytes else None

    def _too_large(self, size: int | None) -> tuple[int, str, dict[str, str]]:
        limit = f"this server's limit of {self.max_body_bytes:,} bytes (web_max_body_bytes)"
        if size is not None:
            what = f"is {size:,} bytes, over {limit}; none of it was read"
        else:
            what = f"passed {limit}; the rest was not read"
        message = (
            f"the request body {what}. Send fewer or shorter articles per request, or raise web_max_body_bytes "
            "in eventdesk.toml (EVENTDESK_WEB_MAX_BODY_BYTES)"
        )
        return 413, message, {}

    def _write_refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str, dict[str, str]] | None:
        if scope["method"] in SAFE_METHODS:
            return None
        expected = self.token()
        if not expected:
            if scope["path"].rstrip("/") in self.write_paths:
                message = (
                    f"{scope['method']} {scope['path']} is not served: ingest is disabled on this server. "
                    "Start it with EVENTDESK_TOKEN set to enable POST /api/articles"
                )
                return 404, message, {}
            if self.review_paths is not None and self.review_paths.fullmatch(scope["path"].rstrip("/")):
                message = (
                    f"{scope['method']} {scope['path']} is not served: review is disabled on this server. "
                    "Start it with EVENTDESK_TOKEN set to enable the review routes"
                )
                return 404, message, {}
            return None  # no write route at all: the router answers 404 or 405, reading nothing
        return token_refusal(headers.get("authorization", ""), expected)

    async def _read_capped(self, receive: Receive) -> Receive:
        """Read a chunked body up to the cap; a receive that replays it, then the client's own."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away: pass that on
                return _replay([message], receive)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                raise BodyTooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return _replay([{"type": "http.request", "body": b"".join(chunks), "more_body": False}], receive)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        return pending.pop(0) if pending else await receive()

    return replay


def _headers(scope: Scope) -> dict[str, str]:
    """The request headers, lower-cased names; for a repeated header, the first (Host, Content-Length)."""
    out: dict[str, str] = {}
    for name, value in scope.get("headers", []):
        out.setdefault(name.decode("latin-1").lower(), value.decode("latin-1"))
    return out


async def _send_json(send: Send, status: int, message: str, extra: dict[str, str]) -> None:
    body = json.dumps({"detail": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in extra.items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
