"""A loopback aiohttp server that misbehaves on purpose, per first path segment.

``/ok``: 200. ``/s500``: 500 on a key's first attempt, then 200. ``/s429``: 429 with
``Retry-After: 1`` first, then 200. ``/reset``: the connection is cut first. ``/hang``: no
answer for 3 s first. ``/trickle``: a body that trickles for 3 s first. ``/s401``: always
401, ``/s503`` always 503.
``/slow``: 200 after 20 ms, ``/slower`` after 100 ms (for cancel and crash tests).
Requests are counted per key (the body's ``messageId``, else its ``userId``), per scenario.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

import orjson
from aiohttp import web


class Loopback:
    def __init__(self) -> None:
        self.counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.bodies: list[bytes] = []
        self.headers: list[dict[str, str]] = []
        self.url = ""
        self._lock = threading.Lock()

    async def handle(self, request: web.Request) -> web.StreamResponse:
        scenario = request.match_info["scenario"]
        body = await request.read()
        data = orjson.loads(body) if body else {}
        key = (
            str(data.get("messageId") or data.get("userId") or "") if isinstance(data, dict) else ""
        )
        with self._lock:
            self.counts[scenario][key] += 1
            nth = self.counts[scenario][key]
            self.bodies.append(body)
            self.headers.append(dict(request.headers))
        first = nth == 1
        if scenario == "s500" and first:
            return web.Response(status=500, text="boom")
        if scenario == "s429" and first:
            return web.Response(status=429, headers={"Retry-After": "1"})
        if scenario == "reset" and first:
            assert request.transport is not None
            request.transport.abort()
            await asyncio.sleep(0.05)
            return web.Response(status=200)
        if scenario == "hang" and first:
            await asyncio.sleep(3)
        if scenario == "trickle" and first:
            response = web.StreamResponse(status=200)
            await response.prepare(request)
            for _ in range(30):
                await response.write(b" ")
                await asyncio.sleep(0.1)
            return response
        if scenario == "s503":
            return web.Response(status=503, text="unavailable")
        if scenario == "s401":
            return web.json_response({"error": "Unauthorized"}, status=401)
        if scenario == "slow":
            await asyncio.sleep(0.02)
        if scenario == "slower":
            await asyncio.sleep(0.1)
        return web.json_response({})

    def total(self, scenario: str) -> int:
        return sum(self.counts[scenario].values())


@contextmanager
def loopback_server() -> Iterator[Loopback]:
    """The server on 127.0.0.1 in its own thread and loop, for in-process and subprocess use."""
    server = Loopback()
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    app = web.Application()
    app.router.add_route("*", "/{scenario}/{tail:.*}", server.handle)
    runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=0.1)

    async def start() -> None:
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        server.url = f"http://127.0.0.1:{port}"
        ready.set()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    ready.wait(5)
    try:
        yield server
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
