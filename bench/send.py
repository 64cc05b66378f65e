"""Live send throughput: 10,000 Jimo Cloud requests to a loopback aiohttp server.

The server runs in its own process (so it does not share our GIL). Printed: requests/s of
bare httpx loops (one client with a 50-connection pool; several clients with small pools)
and of ``Sender`` (retry wrapper, ledger with grouped commits, NDJSON lines in blocks) at
concurrency 50, and the ratio of Sender's time to the best bare loop with the same pools.
Goals: Sender >= 1,000 requests/s and <= 1.2x the bare loop.
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/inspect.py would shadow the standard library's inspect (asyncio imports it)
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import asyncio  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Coroutine  # noqa: E402
from typing import Any  # noqa: E402

import httpx  # noqa: E402
import orjson  # noqa: E402

from inspector.core.destinations import DestinationConfig  # noqa: E402
from inspector.core.inspection import inspect  # noqa: E402
from inspector.core.send import (  # noqa: E402
    Ledger,
    Sender,
    SendOptions,
    SendRequest,
    UnitResult,
    jimo_cloud_requests,
)
from inspector.core.send._clients import _ssl_context  # noqa: E402

N = int(os.environ.get("SEND_BENCH_N", "10000"))
CONCURRENCY = 50
KEY = "sk_bench_0123456789abcd"
SERVER = """
import sys
from aiohttp import web
async def ok(request):
    await request.read()
    return web.json_response({})
app = web.Application()
app.router.add_post("/{tail:.*}", ok)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None)
"""


def _requests(n: int) -> list[SendRequest]:
    events = [
        {
            "type": "identify",
            "userId": f"u{i}",
            "messageId": f"m{i}",
            "traits": {"email": f"u{i}@example.com", "plan": "growth", "seats": i % 40},
        }
        for i in range(n)
    ]
    config = DestinationConfig.from_json(
        {"destination": "actions-jimo-cloud", "settings": {"apiKey": KEY}}
    )
    return list(jimo_cloud_requests(inspect(events, config), KEY, BASE))


async def _bare(requests: list[SendRequest], per_client: int) -> tuple[float, float]:
    clients = [
        httpx.AsyncClient(
            verify=_ssl_context(),
            limits=httpx.Limits(max_connections=per_client, max_keepalive_connections=per_client),
        )
        for _ in range(math.ceil(CONCURRENCY / per_client))
    ]
    queue = iter(requests)

    async def worker(w: int) -> None:
        client = clients[w // per_client]
        for request in queue:
            body = request.body(request.units)
            response = await client.post(request.url, headers=request.headers, content=body)
            response.raise_for_status()

    start, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker(w) for w in range(CONCURRENCY)))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    for client in clients:
        await client.aclose()
    return elapsed, cpu


async def _sender(
    requests: list[SendRequest], per_client: int, ledger: bool
) -> tuple[float, float]:
    lines: list[bytes] = []
    out = open(os.devnull, "wb")  # noqa: SIM115

    def on_result(result: UnitResult) -> None:
        lines.append(orjson.dumps(result.to_json()))
        if len(lines) >= 256:
            out.write(b"\n".join(lines) + b"\n")
            lines.clear()

    with tempfile.TemporaryDirectory() as folder:
        book = Ledger(str(Path(folder) / "ledger.db")) if ledger else None
        options = SendOptions(concurrency=CONCURRENCY, per_client=per_client)
        sender = Sender(requests, options, ledger=book, on_result=on_result)
        start, cpu = time.perf_counter(), time.process_time()
        summary = await sender.run()
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        if book is not None:
            book.close()
    out.close()
    assert summary.counts["delivered"] == len(requests), summary
    return elapsed, cpu


def _measure(
    run: Callable[[], Coroutine[Any, Any, tuple[float, float]]], repeat: int
) -> tuple[float, float]:
    """Best wall time and best CPU time (this process) of the sending, over ``repeat`` runs."""
    walls, cpus = zip(*(asyncio.run(run()) for _ in range(repeat)), strict=True)
    return min(walls), min(cpus)


def _line(label: str, wall: float, cpu: float, base: tuple[float, float] | None = None) -> None:
    ratio = f"  {wall / base[0]:.2f}x wall, {cpu / base[1]:.2f}x CPU vs bare" if base else ""
    print(
        f"{label:<40} {wall:6.2f} s {N / wall:6.0f} req/s {cpu / N * 1e6:5.0f} us CPU/req{ratio}",
        flush=True,
    )


def main() -> None:
    global BASE
    port = 18000 + os.getpid() % 1000
    BASE = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port)])
    repeat = int(os.environ.get("SEND_BENCH_REPEAT", "2"))
    try:
        for _ in range(100):
            try:
                httpx.post(f"{BASE}/warm", content=b"{}")
                break
            except httpx.TransportError:
                time.sleep(0.05)
        requests = _requests(N)
        print(
            f"{N} requests, concurrency {CONCURRENCY}, aiohttp server on loopback in its own "
            f"process, {os.cpu_count()} CPUs, best of {repeat}"
        )
        wall, cpu = _measure(lambda: _bare(requests, 50), 1)
        _line("bare httpx, 1 client x 50 conns", wall, cpu)
        for per_client in (1, 2, 4, 8):
            clients = math.ceil(CONCURRENCY / per_client)
            bare = _measure(lambda p=per_client: _bare(requests, p), repeat)
            _line(f"bare httpx, {clients} clients x {per_client}", *bare)
            ours = _measure(lambda p=per_client: _sender(requests, p, ledger=True), repeat)
            _line(f"Sender+ledger, {clients} clients x {per_client}", *ours, base=bare)
        bare = _measure(lambda: _bare(requests, 4), repeat)
        ours = _measure(lambda: _sender(requests, 4, ledger=False), repeat)
        _line("Sender, no ledger, 13 clients x 4", *ours, base=bare)
    finally:
        server.terminate()
        server.wait()


BASE = ""

if __name__ == "__main__":
    main()
