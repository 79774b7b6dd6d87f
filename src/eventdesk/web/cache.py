"""Cached API answers for an unchanged store, keyed on the store's change counter.

The desk reads far more than it writes: between two runs, every `/api/events?...` a browser
asks is answered from the same rows. `ResponseCache` keeps the bytes of each 200 answer to a
GET under `/api/` (except the streamed `/api/export`) and serves them again while the store's
change counter says nothing was committed since:

- SQLite: `PRAGMA data_version` on a connection of the cache's own, which changes whenever
  another connection (this server's ingest, an `eventdesk run` in another process) commits.
- PostgreSQL: `pg_current_snapshot()`, which changes whenever a writing transaction starts or
  ends; equal snapshots see the same rows.

The counter is read before the answer is computed, so an answer is never filed under a version
older than the rows it shows; when the counter moves, the whole cache is dropped. Concurrent
misses on one URL compute it once (the others wait for that answer). The cache is bounded in
bytes (`web_cache_mb`, per server process; 0 turns it off) and evicts least recently used.
Answers carry `X-Eventdesk-Cache: hit` or `miss`.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass

import anyio.to_thread
from sqlalchemy import Engine, text
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

CACHE_HEADER = b"x-eventdesk-cache"
CACHED_PREFIX = "/api/"
UNCACHED_PATHS = frozenset({"/api/export"})  # streamed downloads, any size: never held in memory
ENTRY_SHARE = 4  # one answer may take at most this fraction (1/4) of the cache
SQLITE_BUSY_TIMEOUT_S = 0.5  # the version check gives up (and skips the cache) rather than wait
PG_SNAPSHOT_QUERIES = ("SELECT pg_current_snapshot()::text", "SELECT txid_current_snapshot()::text")


class ChangeCounter:
    """A value that differs whenever a write was committed to the store since it was last read.

    `version()` returns None when it cannot tell (an in-memory database, another backend, an
    error): the cache is then bypassed, never trusted.
    """

    def __init__(self, engine: Engine) -> None:
        self.dialect = engine.dialect.name
        self.engine = engine
        self.blocking = self.dialect == "postgresql"  # a round trip: checked off the event loop
        self._lock = threading.Lock()
        self._sqlite: sqlite3.Connection | None = None
        self._pg_query: str | None = PG_SNAPSHOT_QUERIES[0]
        self._warned = False
        if self.dialect == "sqlite":
            path = engine.url.database
            if path and path != ":memory:" and not path.startswith("file:"):
                # Its own connection, never used to write: data_version moves on commits by others.
                self._sqlite = sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_S, check_same_thread=False)

    @property
    def enabled(self) -> bool:
        """Whether this backend has a change counter at all."""
        return self._sqlite is not None or (self.dialect == "postgresql" and self._pg_query is not None)

    def version(self) -> str | None:
        """The current change counter, or None when it cannot be read."""
        try:
            if self._sqlite is not None:
                with self._lock:
                    row = self._sqlite.execute("PRAGMA data_version").fetchone()
                return f"sqlite:{row[0]}"
            if self.dialect == "postgresql" and self._pg_query is not None:
                return self._pg_version()
        except Exception as exc:  # noqa: BLE001 - a failed check must only bypass the cache
            self._warn(f"{type(exc).__name__}: {exc}")
        return None

    def _pg_version(self) -> str | None:
        for query in PG_SNAPSHOT_QUERIES[PG_SNAPSHOT_QUERIES.index(self._pg_query or "") :]:
            try:
                with self.engine.connect() as conn:
                    value = conn.execute(text(query)).scalar()
                self._pg_query = query
                return f"pg:{value}"
            except Exception as exc:  # noqa: BLE001 - PostgreSQL < 13 lacks pg_current_snapshot
                last = exc
        self._pg_query = None
        self._warn(f"{type(last).__name__}: {last}")
        return None

    def _warn(self, why: str) -> None:
        if not self._warned:
            self._warned = True
            log.warning("cannot read the store's change counter (%s); API answers are not cached", why)

    def close(self) -> None:
        """Close the counter's own connection."""
        if self._sqlite is not None:
            with self._lock:
                self._sqlite.close()
            self._sqlite = None


@dataclass(frozen=True)
class Entry:
    """One cached answer: its status line's headers and its body."""

    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + 64


class ResponseCache:
    """ASGI middleware: GETs under /api/ answered from memory while the store is unchanged.

    Args:
        app: the wrapped ASGI app.
        counter: the store's change counter.
        max_bytes: the cache's size (`web_cache_mb`); 0 disables it.
    """

    def __init__(self, app: ASGIApp, *, counter: ChangeCounter, max_bytes: int) -> None:
        self.app = app
        self.counter = counter
        self.max_bytes = max_bytes
        self.max_entry = max_bytes // ENTRY_SHARE
        self._entries: OrderedDict[tuple[str, bytes], Entry] = OrderedDict()
        self._bytes = 0
        self._version: str | None = None
        self._inflight: dict[tuple[str, tuple[str, bytes]], asyncio.Event] = {}  # (version, key)
        self.hits = 0
        self.misses = 0

    def _cacheable(self, scope: Scope) -> bool:
        return (
            self.max_bytes > 0
            and scope["type"] == "http"
            and scope["method"] == "GET"
            and scope["path"].startswith(CACHED_PREFIX)
            and scope["path"] not in UNCACHED_PATHS
        )

    async def _current_version(self) -> str | None:
        if self.counter.blocking:
            return await anyio.to_thread.run_sync(self.counter.version)
        return self.counter.version()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        version = await self._current_version()
        if version is None:
            await self.app(scope, receive, send)
            return
        if version != self._version:
            self._clear(version)
        key = (scope["path"], scope.get("query_string", b""))
        entry = self._entries.get(key)
        if entry is None and (pending := self._inflight.get((version, key))) is not None:
            await pending.wait()  # another request is computing this very answer
            entry = self._entries.get(key) if self._version == version else None
        if entry is not None:
            self._entries.move_to_end(key)
            self.hits += 1
            await send({"type": "http.response.start", "status": 200, "headers": [*entry.headers, (CACHE_HEADER, b"hit")]})
            await send({"type": "http.response.body", "body": entry.body})
            return
        self.misses += 1
        done = self._inflight.setdefault((version, key), asyncio.Event())
        try:
            await self._compute(scope, receive, send, key, version)
        finally:
            if self._inflight.get((version, key)) is done:
                del self._inflight[(version, key)]
            done.set()

    async def _compute(self, scope: Scope, receive: Receive, send: Send, key: tuple[str, bytes], version: str) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def recording_send(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                keep = message["status"] == 200
                start = message
                message = {**message, "headers": [*message.get("headers", []), (CACHE_HEADER, b"miss")]}
            elif message["type"] == "http.response.body" and keep:
                chunk = message.get("body", b"")
                size += len(chunk)
                keep = size <= self.max_entry
                if keep:
                    chunks.append(chunk)
                else:
                    chunks.clear()  # too big to cache: stop holding it
                if keep and not message.get("more_body", False) and start is not None:
                    self._store(key, version, Entry(tuple(start.get("headers", [])), b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, recording_send)

    def _store(self, key: tuple[str, bytes], version: str, entry: Entry) -> None:
        if version != self._version:  # the store changed while this answer was computed
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= old.size
        self._entries[key] = entry
        self._bytes += entry.size
        while self._bytes > self.max_bytes and self._entries:
            _, evicted = self._entries.popitem(last=False)
            self._bytes -= evicted.size

    def _clear(self, version: str) -> None:
        if self._entries:
            log.debug("store changed (%s -> %s): %d cached answers dropped", self._version, version, len(self._entries))
        self._entries.clear()
        self._bytes = 0
        self._version = version
