"""A load benchmark of the API (not a test): N concurrent clients on /api/events for S seconds.

The server runs in its own process(es), started as `eventdesk serve` would start it (the
`web_workers` and `web_cache_mb` settings apply; `EVENTDESK_WEB_CACHE_MB=0` measures the
uncached path), on loopback only. The clients are asyncio tasks in this process, each with
one keep-alive connection, sending its next request when the last answer is in.

Two clients: `raw` (the default) writes the GET and reads the answer with asyncio streams,
a few dozen microseconds of CPU per request, so on a small machine the figures measure the
server rather than the load generator; `httpx` is the client the first figures were taken
with (about ten times the CPU per request: at 50 clients on 2 cores it, not the server, was
the bottleneck). Both the run and every request are bounded in time, and the server is
stopped whatever happens.

    python -m eventdesk.web.loadtest sqlite:///eventdesk.db --clients 50 --seconds 10
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import cycle

import httpx

log = logging.getLogger(__name__)

HOST = "127.0.0.1"  # loopback only: a load test never targets another machine
STARTUP_TIMEOUT_S = 60.0
REQUEST_TIMEOUT_S = 10.0
# What the desk asks while an analyst works: the page the map loads, then filtered views.
QUERIES = [
    "/api/events?limit=100",
    "/api/events?limit=500&sort=date&order=desc",
    "/api/events?type=Protests&type=Riots&limit=100",
    "/api/events?bbox=79.5,5.8,82,10&min_sources=2",
    "/api/events?q=police&limit=50",
    "/api/events?sort=fatalities&order=desc&limit=20",
]
SERVER_CODE = (
    "import sys; from eventdesk.web.serve import serve; "
    "serve(sys.argv[1], host=sys.argv[2], port=int(sys.argv[3]), **({'workers': int(sys.argv[4])} if sys.argv[4] else {}))"
)
CLIENTS = ("raw", "httpx")
# --writes-per-s: a writer process beside the server, as an `eventdesk run` would be, committing
# a counter row in eventdesk_meta (removed when it stops): every commit empties the server's
# cache, and no answer changes.
WRITER_CODE = """
import signal, sys, time
from sqlalchemy import text
from eventdesk.store import open_engine
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
engine, gap, n = open_engine(sys.argv[1]), 1 / float(sys.argv[2]), 0
drop = text("DELETE FROM eventdesk_meta WHERE key = 'loadtest_writes'")
try:
    while True:
        n += 1
        with engine.begin() as conn:
            conn.execute(drop)
            conn.execute(text("INSERT INTO eventdesk_meta (key, value) VALUES ('loadtest_writes', :n)"), {"n": str(n)})
        time.sleep(gap)
finally:
    with engine.begin() as conn:
        conn.execute(drop)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _start_server(db_url: str, port: int, workers: int | None = None) -> subprocess.Popen:
    cmd = [sys.executable, "-c", SERVER_CODE, db_url, HOST, str(port), "" if workers is None else str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited at start: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
        try:
            httpx.get(f"http://{HOST}:{port}/api/facets", timeout=2.0)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"the server did not answer within {STARTUP_TIMEOUT_S:.0f}s")


@dataclass
class Tally:
    """What the clients saw: one latency per request, the failures, the cache's answers."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cache_hits: int = 0
    cache_misses: int = 0


async def _httpx_client(client: httpx.AsyncClient, urls: Iterator[str], stop_at: float, tally: Tally) -> None:
    while time.monotonic() < stop_at:
        url = next(urls)
        start = time.perf_counter()
        try:
            response = await client.get(url)
            if response.status_code != 200:
                tally.errors.append(f"{response.status_code} {url}")
            _count_cache(tally, response.headers.get("x-eventdesk-cache", ""))
        except httpx.HTTPError as exc:
            tally.errors.append(f"{type(exc).__name__} {url}")
        tally.latencies.append(time.perf_counter() - start)


def _count_cache(tally: Tally, value: str) -> None:
    if value == "hit":
        tally.cache_hits += 1
    elif value == "miss":
        tally.cache_misses += 1


async def _raw_get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> tuple[int, str, bool]:
    """One GET on a keep-alive connection: (status, X-Eventdesk-Cache, whether the server closes
    the connection); the body is read and dropped."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    else:
        raise ConnectionError("an answer with neither Content-Length nor chunked encoding")
    return status, headers.get("x-eventdesk-cache", ""), headers.get("connection", "").lower() == "close"


async def _raw_client(port: int, urls: Iterator[str], stop_at: float, tally: Tally) -> None:
    conn: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    host = f"{HOST}:{port}"
    while time.monotonic() < stop_at:
        url = next(urls)
        request = f"GET {url} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode()
        start = time.perf_counter()
        try:
            if conn is None:
                conn = await asyncio.wait_for(asyncio.open_connection(HOST, port), REQUEST_TIMEOUT_S)
            status, cache, closing = await asyncio.wait_for(_raw_get(*conn, request), REQUEST_TIMEOUT_S)
            if status != 200:
                tally.errors.append(f"{status} {url}")
            _count_cache(tally, cache)
            if closing:
                conn[1].close()
                conn = None
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, TimeoutError) as exc:
            tally.errors.append(f"{type(exc).__name__} {url}")
            if conn is not None:
                conn[1].close()
            conn = None
        tally.latencies.append(time.perf_counter() - start)
    if conn is not None:
        conn[1].close()


def _urls(i: int) -> Iterator[str]:
    """Client i's endless round of QUERIES, starting at a different one for each client."""
    k = i % len(QUERIES)
    return cycle(QUERIES[k:] + QUERIES[:k])


async def _load(port: int, clients: int, seconds: float, kind: str) -> tuple[Tally, float]:
    tally = Tally()
    began = time.monotonic()
    stop_at = began + seconds
    if kind == "raw":
        tasks = [_raw_client(port, _urls(i), stop_at, tally) for i in range(clients)]
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + REQUEST_TIMEOUT_S + 5)
    else:
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        base = f"http://{HOST}:{port}"
        async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT_S, limits=limits) as client:
            tasks = [_httpx_client(client, _urls(i), stop_at, tally) for i in range(clients)]
            await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + REQUEST_TIMEOUT_S + 5)
    return tally, time.monotonic() - began


def _percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def bench_api(
    db_url: str,
    *,
    clients: int = 50,
    seconds: float = 10,
    client: str = "raw",
    workers: int | None = None,
    writes_per_s: float = 0,
) -> dict:
    """Hit /api/events with concurrent clients and report throughput and latency.

    Args:
        db_url: the database to serve (only read, unless writes_per_s is set).
        clients: concurrent clients, each sending its next request when the last returns.
        seconds: how long to send requests.
        client: "raw" (asyncio streams, light) or "httpx".
        workers: server processes (default: the `web_workers` setting).
        writes_per_s: commits per second by a writer process beside the server (0: none);
            each one empties the server's cache.

    Returns:
        clients, seconds, requests, errors, requests_per_s, p50_ms, p99_ms, max_ms, client,
        and cache_hit_rate (the share of answers served from the server's cache).
    """
    if client not in CLIENTS:
        raise ValueError(f"client {client!r}: use one of {', '.join(CLIENTS)}")
    port = _free_port()
    proc = _start_server(db_url, port, workers)
    writer = None
    if writes_per_s > 0:
        writer = subprocess.Popen([sys.executable, "-c", WRITER_CODE, db_url, str(writes_per_s)])
    try:
        tally, elapsed = asyncio.run(_load(port, clients, seconds, client))
    finally:
        for child in (writer, proc):
            if child is None:
                continue
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
    latencies = sorted(tally.latencies)
    answered = tally.cache_hits + tally.cache_misses
    result = {
        "clients": clients,
        "seconds": round(elapsed, 2),
        "requests": len(latencies),
        "errors": len(tally.errors),
        "requests_per_s": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(_percentile(latencies, 0.50) * 1000, 1),
        "p99_ms": round(_percentile(latencies, 0.99) * 1000, 1),
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
        "client": client,
        "cache_hit_rate": round(tally.cache_hits / answered, 3) if answered else None,
        "writes_per_s": writes_per_s,
    }
    if tally.errors:
        log.warning("%d failed requests, e.g. %s", len(tally.errors), tally.errors[:3])
    log.info("bench_api: %s", result)
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db_url")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--client", choices=CLIENTS, default="raw", help="the load generator (default: raw)")
    parser.add_argument("--workers", type=int, default=None, help="server processes (default: web_workers)")
    parser.add_argument("--writes-per-s", type=float, default=0, help="commits per second by a writer beside the server")
    args = parser.parse_args()
    result = bench_api(args.db_url, clients=args.clients, seconds=args.seconds, client=args.client,
                       workers=args.workers, writes_per_s=args.writes_per_s)  # fmt: skip
    sys.stdout.write(json.dumps(result) + "\n")
