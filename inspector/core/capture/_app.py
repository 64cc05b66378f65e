"""The capture's aiohttp application: Segment's tracking routes answered as Segment answers.

======================================  =============================================
``POST /v1/{track,identify,…,t,i,…}``   one event (type from the route when missing)
``POST /v1/{batch,import,b}``           a batch envelope, split like the loaders do
``POST /v1/m``                          analytics.js metrics: 200, not stored
``GET /v1/projects/{key}/settings``     CDN settings that point analytics.js here
``OPTIONS *``                           CORS preflight (echoes Origin)
``GET /_inspector/summary``             ``{"total", "accepted", "rejected", "duplicates"}``
``POST /_inspector/reset``              zero those counts
======================================  =============================================

A call is answered ``200 {"success": true}`` only once its events are committed to the
session file; 400 (one-sentence reason) for what Segment refuses; 401 for a write key other
than the expected one; 503 when the session file cannot be written (clients retry).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import aiohttp
import orjson
from aiohttp import web

from inspector.core.capture._body import (
    MAX_BATCH_BYTES,
    Rejected,
    basic_user,
    check_sizes,
    decompress,
    parse_object,
    too_big,
)
from inspector.core.capture._errors import StorageError
from inspector.core.capture._stats import CaptureStats
from inspector.core.capture._writer import RequestRow, SessionWriter, WriteJob
from inspector.core.events import EventSource
from inspector.core.foreground import FOREGROUND
from inspector.core.loaders import BadRecord
from inspector.core.message_ids import message_hash
from inspector.core.tracking import (
    BATCH_ROUTES,
    EVENT_ROUTES,
    METRICS_ROUTE,
    call_events,
    drop_reasons,
)

__all__ = ["CaptureHandlers", "build_app", "ALLOWED_HEADERS"]

_log = logging.getLogger(__name__)
ALLOWED_HEADERS = ("Content-Type", "Authorization", "X-Retry-Count")
READ_TIMEOUT = 10.0
"""Seconds a client gets to send its whole body: slow clients are answered 408."""
MAX_BUSY = 128
"""Requests parsed and waiting for their commit at once; the others wait (bounded memory)."""
_KEPT_BODY = 64 * 1024  # a refused request keeps this much of its body, for the user to see
_SECRET_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization"})
_OK = b'{"success":true}'

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _json(status: int, payload: dict[str, Any]) -> web.Response:
    return web.Response(status=status, body=orjson.dumps(payload), content_type="application/json")


def _error(status: int, reason: str) -> web.Response:
    # analytics-python reads "code" and "message" from a refusal
    return _json(status, {"success": False, "code": status, "message": reason})


def _iso_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _headers_json(request: web.Request) -> str:
    kept = {str(k): v for k, v in request.headers.items() if k.lower() not in _SECRET_HEADERS}
    return orjson.dumps(kept).decode()


def _retry_count(request: web.Request) -> int | None:
    text = request.headers.get("X-Retry-Count", "").strip()
    return int(text) if text.isdigit() and len(text) < 10 else None


def _masked(key: str) -> str:
    return key[:4] + "…" if len(key) > 4 else key


async def _read_body(request: web.Request) -> bytes:
    length = request.content_length
    if length is not None and length > MAX_BATCH_BYTES:
        raise too_big(length)
    if request.content.is_eof():  # the body came with the headers: nothing to wait for
        data = await request.content.read()
        if len(data) > MAX_BATCH_BYTES:
            raise too_big(len(data))
        return data
    chunks: list[bytes] = []
    total = 0
    try:
        async with asyncio.timeout(READ_TIMEOUT):
            while chunk := await request.content.readany():
                total += len(chunk)
                if total > MAX_BATCH_BYTES:
                    raise too_big(total)
                chunks.append(chunk)
    except TimeoutError as exc:
        raise Rejected(408, f"the request body did not arrive within {READ_TIMEOUT:g} s") from exc
    except (aiohttp.ClientPayloadError, ConnectionError) as exc:
        raise Rejected(400, "the request body was cut short") from exc
    return b"".join(chunks)


def _stamp_received(body: dict[str, Any], route: str, stamp: str) -> None:
    """Segment stamps ``receivedAt`` on arrival: each event gets the local receive time."""
    batch = body.get("batch")
    if isinstance(batch, list) and (route in BATCH_ROUTES or "type" not in body):
        for item in batch:
            if isinstance(item, dict):
                item.setdefault("receivedAt", stamp)
    else:
        body.setdefault("receivedAt", stamp)


class CaptureHandlers:
    """The request handlers and their state; lives on the server's loop.

    Args:
        writer: the session file's writer (started by the caller).
        expected_key: refuse (401) requests with another write key; None accepts any.
        next_request_id: the first ``requests.id`` to use (after those already in the file).
        on_rejected: told of each refused request as a skipped record (any thread's callback).
    """

    def __init__(
        self,
        writer: SessionWriter,
        stats: CaptureStats,
        *,
        expected_key: str | None = None,
        next_request_id: int = 1,
    ) -> None:
        self.writer = writer
        self.stats = stats
        self.expected_key = expected_key
        self._next_id = next_request_id
        self._busy = asyncio.Semaphore(MAX_BUSY)
        self._outbox: list[WriteJob] = []
        self._loop = asyncio.get_running_loop()

    def restart(self, next_request_id: int, seen: set[int]) -> None:
        """Number requests afresh and forget the counts (a new session file)."""
        self._hand_over()  # what was numbered before goes to the old file
        self._next_id = next_request_id
        self.stats.reset()
        self.stats.seen = seen

    # -- results from the writer thread ------------------------------------------------------

    def notify(self, jobs: list[WriteJob], error: StorageError | None) -> None:
        """The writer's callback (its thread): hand the outcome to the loop."""
        try:
            self._loop.call_soon_threadsafe(self._resolved, jobs, error)
        except RuntimeError:  # the loop has closed: nobody is waiting any more
            pass

    def _resolved(self, jobs: list[WriteJob], error: StorageError | None) -> None:
        for job in jobs:
            if error is None and job.request.status == 200:
                self._count_stored(job)
            if isinstance(job.waiter, asyncio.Future) and not job.waiter.done():
                job.waiter.set_result(error)
        if error is not None:
            self.stats.storage_errors += 1

    def _count_stored(self, job: WriteJob) -> None:
        stats = self.stats
        stats.requests += 1
        stats.accepted += len(job.records)
        stats.rejected += len(job.bad)
        for record in job.records:
            h = message_hash(record.message_id)
            if h in stats.seen:
                stats.duplicates += 1
            elif h:
                stats.seen.add(h)

    # -- tracking calls ----------------------------------------------------------------------

    async def call(self, request: web.Request) -> web.StreamResponse:
        route = request.match_info["route"]
        if route == METRICS_ROUTE:
            try:
                await _read_body(request)
            except Rejected:
                pass
            return web.Response(body=_OK, content_type="application/json")
        if route not in EVENT_ROUTES:
            raise web.HTTPNotFound()
        row = RequestRow(
            id=self._next_id,
            received_at=time.time(),
            method=request.method,
            path=request.path,
            headers=_headers_json(request),
            status=200,
            retry_count=_retry_count(request),
        )
        self._next_id += 1
        raw = b""
        try:
            raw = await _read_body(request)  # bounded: one body per connection, capped
            async with self._busy:  # parsed events in memory: at most MAX_BUSY requests' worth
                job = self._job(request, route, row, raw)
                error = await self._store(job)
        except Rejected as refusal:
            return await self._refuse(row, raw, refusal)
        if error is not None:
            response = _error(503, f"{error}; the events were not stored, send them again")
            response.headers["Retry-After"] = "5"
            return response
        return web.Response(body=_OK, content_type="application/json")

    def _job(self, request: web.Request, route: str, row: RequestRow, raw: bytes) -> WriteJob:
        FOREGROUND.pass_through()  # parsing holds the GIL: not while the window repaints
        row.body = raw or None  # the body as sent (a HAR export replays the request itself)
        data = decompress(raw, request.headers.get("Content-Encoding", ""))
        body = parse_object(data)
        check_sizes(route, len(data), body)
        basic = basic_user(request.headers.get("Authorization", ""))
        row.write_key = _body_write_key(body) or basic  # the body's key first, then Basic
        if self.expected_key is not None and row.write_key != self.expected_key:
            if not row.write_key:
                raise Rejected(401, "no write key was given; this capture expects one")
            given = f"write key {_masked(row.write_key)!r}"
            raise Rejected(401, f"{given} is not the write key this capture expects")
        _stamp_received(body, route, _iso_now())
        job = WriteJob(row)
        source = EventSource("capture", request.path, entry=row.id)
        for item in call_events(body, route, source, write_key=basic):
            if isinstance(item, BadRecord):
                job.bad.append(item)
                continue
            # the dict it was built from (split_batch fills in batch items in place)
            k = item.source.item
            reasons = drop_reasons(body["batch"][k - 1] if k is not None else body)
            if reasons:
                item.warnings = (*item.warnings, *reasons)
            job.records.append(item)
        return job

    async def _store(self, job: WriteJob) -> StorageError | None:
        waiter: asyncio.Future[StorageError | None] = self._loop.create_future()
        job.waiter = waiter
        self._outbox.append(job)
        if len(self._outbox) == 1:  # the requests handled in this loop turn go over together
            self._loop.call_soon(self._hand_over)
        return await asyncio.shield(waiter)

    def _hand_over(self) -> None:
        jobs, self._outbox = self._outbox, []
        if jobs:
            self.writer.submit(*jobs)

    async def _refuse(self, row: RequestRow, raw: bytes, refusal: Rejected) -> web.Response:
        """Record the refused request (the user sees it with the skipped records), then answer."""
        row.status, row.reason = refusal.status, refusal.reason
        row.body = raw[:_KEPT_BODY] or None
        where = EventSource("capture", row.path, entry=row.id)
        await self._store(WriteJob(row, bad=[BadRecord(where, refusal.reason)]))
        self.stats.requests += 1
        self.stats.rejected += 1
        response = _error(refusal.status, refusal.reason)
        response.force_close()  # the rest of a refused body is not worth reading
        return response

    # -- the others --------------------------------------------------------------------------

    async def settings(self, request: web.Request) -> web.StreamResponse:
        key = request.match_info["write_key"]
        self.stats.settings_fetches += 1
        if self.expected_key is not None and key != self.expected_key:
            return _error(401, f"write key {_masked(key)!r} is not the one this capture expects")
        return _json(200, settings_document(key, request.host))

    async def index(self, request: web.Request) -> web.StreamResponse:
        """What a person opening the address in a browser sees."""
        counts = self.stats.summary()
        text = (
            "Jimo Inspector is capturing here: a local stand-in for Segment's tracking API.\n"
            f"Send events to {request.scheme}://{request.host}/v1/track (or /v1/batch, "
            "/v1/t, ...), or point analytics.js's cdnURL at this address.\n"
            f"{counts['accepted']} events stored, {counts['rejected']} rejected.\n"
        )
        return web.Response(text=text)

    async def summary(self, request: web.Request) -> web.StreamResponse:
        return _json(200, self.stats.summary())

    async def reset(self, request: web.Request) -> web.StreamResponse:
        self.stats.reset()
        return web.Response(body=_OK, content_type="application/json")


def _body_write_key(body: dict[str, Any]) -> str | None:
    """The body's ``writeKey``: the envelope's, else (a batch) the first event's that has one."""
    key = body.get("writeKey")
    if isinstance(key, str) and key:
        return key
    batch = body.get("batch")
    for item in batch if isinstance(batch, list) else ():
        key = item.get("writeKey") if isinstance(item, dict) else None
        if isinstance(key, str) and key:
            return key
    return None


def settings_document(write_key: str, host: str) -> dict[str, Any]:
    """What analytics.js fetches from its CDN: send every event to ``host`` over plain http."""
    return {
        "integrations": {
            "Segment.io": {"apiKey": write_key, "apiHost": f"{host}/v1", "protocol": "http"}
        },
        "remotePlugins": [],
        "metrics": {"sampleRate": 0},
    }


def _cors(response: web.StreamResponse, origin: str | None) -> web.StreamResponse:
    if origin:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
        response.headers["Vary"] = "Origin"
    else:
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _preflight(request: web.Request) -> web.Response:
    asked = request.headers.get("Access-Control-Request-Headers", "")
    extra = [h.strip() for h in asked.split(",") if h.strip()]
    allowed = list(dict.fromkeys([*ALLOWED_HEADERS, *extra]))
    response = web.Response(status=204)
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = ", ".join(allowed)
    response.headers["Access-Control-Max-Age"] = "600"
    if request.headers.get("Access-Control-Request-Private-Network") == "true":
        response.headers["Access-Control-Allow-Private-Network"] = "true"
    return response


def _cors_middleware(stats: CaptureStats) -> Any:
    @web.middleware
    async def cors(request: web.Request, handler: Handler) -> web.StreamResponse:
        origin = request.headers.get("Origin")
        if request.method == "OPTIONS":
            stats.preflights += 1
            return _cors(_preflight(request), origin)
        return _cors(await _answer(request, handler), origin)

    return cors


async def _answer(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        if exc.status == 404:
            reason = f"{request.method} {request.path} is not a route of this capture"
        elif exc.status == 405:
            reason = f"{request.method} is not allowed on {request.path}"
        else:
            reason = exc.reason
        response = _error(exc.status, reason)
    except Exception as exc:  # a bug must cost one request, never the server
        _log.exception("capture request failed")
        response = _error(500, f"the capture failed on this request ({type(exc).__name__})")
    return response


def build_app(
    handlers: CaptureHandlers, extra_routes: Sequence[web.AbstractRouteDef] = ()
) -> web.Application:
    """The application; ``extra_routes`` mount more pages on the same server."""
    app = web.Application(
        client_max_size=MAX_BATCH_BYTES + 1, middlewares=[_cors_middleware(handlers.stats)]
    )
    app.add_routes(
        [
            web.post("/v1/{route}", handlers.call),
            web.post("/v1/{route}/", handlers.call),
            web.get("/v1/projects/{write_key}/settings", handlers.settings),
            web.get("/", handlers.index),
            web.get("/_inspector/summary", handlers.summary),
            web.post("/_inspector/reset", handlers.reset),
            *extra_routes,
        ]
    )
    return app
