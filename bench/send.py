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
        {"type": "identify", "userId": f"u{i}", "messageId": f"m{i}",
         "traits": {"email": f"u{i}@example.com", "plan": "growth", "seats": i % 40}}
        for i in range(n)
    ]
    config = DestinationConfig.from_json(
        {"destination": "actions-jimo-cloud", "settings": {"apiKey": KEY}}
    )
    return list(jimo_cloud_requests(inspect(events, config), KEY, BASE))


async def _bare(requests: list[SendRequest], per_client: int) -> float:
    clients = [
        httpx.AsyncClient(limits=httpx.Limits(max_connections=per_client,
                                              max_keepalive_connections=per_client))
        for _ in range(math.ceil(CONCURRENCY / per_client))
    ]
    queue = iter(requests)

    async def worker(w: int) -> None:
        client = clients[w // per_client]
        for request in queue:
            body = request.body(request.units)
            response = await client.post(request.url, headers=request.headers, content=body)
            response.raise_for_status()

    start = time.perf_counter()
    await asyncio.gather(*(worker(w) for w in range(CONCURRENCY)))
    elapsed = time.perf_counter() - start
    for client in clients:
        await client.aclose()
    return elapsed


async def _sender(requests: list[SendRequest], per_client: int, ledger: bool) -> float:
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
        start = time.perf_counter()
        summary = await sender.run()
        elapsed = time.perf_counter() - start
        if book is not None:
            book.close()
    out.close()
    assert summary.counts["delivered"] == len(requests), summary
    return elapsed


def _line(label: str, elapsed: float, n: int, base: float | None = None) -> None:
    ratio = f"  {elapsed / base:.2f}x bare" if base else ""
    print(f"{label:<52} {elapsed:6.2f} s  {n / elapsed:7.0f} req/s{ratio}", flush=True)


def main() -> None:
    global BASE
    port = 18000 + os.getpid() % 1000
    BASE = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port)])
    try:
        for _ in range(100):
            try:
                httpx.post(f"{BASE}/warm", content=b"{}")
                break
            except httpx.TransportError:
                time.sleep(0.05)
        requests = _requests(N)
        print(f"{N} requests, concurrency {CONCURRENCY}, server: aiohttp on loopback "
              f"(own process), {os.cpu_count()} CPUs")
        _line("bare httpx, 1 client x 50 connections", asyncio.run(_bare(requests, 50)), N)
        for per_client in (1, 2, 4, 8):
            bare = asyncio.run(_bare(requests, per_client))
            clients = math.ceil(CONCURRENCY / per_client)
            _line(f"bare httpx, {clients} clients x {per_client} connections", bare, N)
            ours = asyncio.run(_sender(requests, per_client, ledger=True))
            _line(f"Sender + ledger, {clients} clients x {per_client}", ours, N, bare)
        bare = asyncio.run(_bare(requests, 4))
        _line("bare httpx, 13 clients x 4 connections (again)", bare, N)
        ours = asyncio.run(_sender(requests, 4, ledger=False))
        _line("Sender, no ledger, 13 clients x 4", ours, N, bare)
    finally:
        server.terminate()
        server.wait()


BASE = ""

if __name__ == "__main__":
    main()
