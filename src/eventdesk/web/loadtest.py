"""A load benchmark of the API (not a test): N concurrent clients on /api/events for S seconds.

The server runs in its own process (uvicorn, one worker, loopback only) so the clients'
event loop does not share a GIL with it; the clients are httpx async tasks. Both the run
and every request are bounded in time, and the server is stopped whatever happens.

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
SERVER_CODE = "import sys; from eventdesk.web.serve import serve; serve(sys.argv[1], host=sys.argv[2], port=int(sys.argv[3]))"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _start_server(db_url: str, port: int) -> subprocess.Popen:
    cmd = [sys.executable, "-c", SERVER_CODE, db_url, HOST, str(port)]
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


async def _client(client: httpx.AsyncClient, urls: cycle, stop_at: float, out: list[float], errors: list[str]) -> None:
    while time.monotonic() < stop_at:
        url = next(urls)
        start = time.perf_counter()
        try:
            response = await client.get(url)
            if response.status_code != 200:
                errors.append(f"{response.status_code} {url}")
        except httpx.HTTPError as exc:
            errors.append(f"{type(exc).__name__} {url}")
        out.append(time.perf_counter() - start)


async def _load(base: str, clients: int, seconds: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT_S, limits=limits) as client:
        began = time.monotonic()
        stop_at = began + seconds
        tasks = [_client(client, cycle(QUERIES[i % len(QUERIES) :] + QUERIES[: i % len(QUERIES)]), stop_at, latencies, errors) for i in range(clients)]
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + REQUEST_TIMEOUT_S + 5)
        elapsed = time.monotonic() - began
    return latencies, errors, elapsed


def _percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def bench_api(db_url: str, *, clients: int = 50, seconds: float = 10) -> dict:
    """Hit /api/events with concurrent clients and report throughput and latency.

    Args:
        db_url: the database to serve (it is only read).
        clients: concurrent clients, each sending its next request when the last returns.
        seconds: how long to send requests.

    Returns:
        requests, errors, seconds, requests_per_s, p50_ms, p99_ms, max_ms, clients.
    """
    port = _free_port()
    proc = _start_server(db_url, port)
    try:
        latencies, errors, elapsed = asyncio.run(_load(f"http://{HOST}:{port}", clients, seconds))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    latencies.sort()
    result = {
        "clients": clients,
        "seconds": round(elapsed, 2),
        "requests": len(latencies),
        "errors": len(errors),
        "requests_per_s": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(_percentile(latencies, 0.50) * 1000, 1),
        "p99_ms": round(_percentile(latencies, 0.99) * 1000, 1),
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
    }
    if errors:
        log.warning("%d failed requests, e.g. %s", len(errors), errors[:3])
    log.info("bench_api: %s", result)
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db_url")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    sys.stdout.write(json.dumps(bench_api(args.db_url, clients=args.clients, seconds=args.seconds)) + "\n")
