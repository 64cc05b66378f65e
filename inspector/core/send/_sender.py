"""Delivery: a bounded set of workers on the caller's asyncio loop, retries, ledger, cancel.

Requests are claimed in blocks (their ledger rows committed "sending" in one transaction),
queued, and sent by ``concurrency`` workers spread over several small-pool httpx clients.
Each request's attempts are a ``Tries`` (retries through ``stamina``, waits the server asks
for, a deadline). Outcomes reach the ledger in groups from a background flusher.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import httpx
import stamina
from aiolimiter import AsyncLimiter

from inspector.core.send._clients import ClientPool
from inspector.core.send._ledger import UNSETTLED, Ledger, LedgerEntry
from inspector.core.send._model import Attempt, Response, SendRequest, Unit, UnitKey, UnitResult
from inspector.core.send._options import SendOptions
from inspector.core.send._policy import explain_error, explain_status
from inspector.core.send._tries import TRANSPORT_ERRORS, RetryableAnswer, Tries

__all__ = ["Sender", "SendSummary", "NOT_SENT", "ABORTED"]

NOT_SENT = "cancelled before it was sent"
ABORTED = "cancelled while in flight: the server may or may not have it"


@dataclass(slots=True)
class SendSummary:
    """Counts per outcome; ``cancelled`` when the send was stopped before its end."""

    counts: dict[str, int] = field(
        default_factory=lambda: {"delivered": 0, "failed": 0, "skipped": 0}
    )
    cancelled: bool = False
    possible_duplicates: int = 0

    @property
    def ok(self) -> bool:
        return not self.cancelled and self.counts["failed"] == 0


@dataclass(slots=True)
class _Flight:
    request: SendRequest
    units: list[Unit]
    duplicates: set[UnitKey]
    attempts: list[Attempt] = field(default_factory=list)


class Sender:
    """Sends ``requests`` once ``run()`` is awaited; ``cancel()`` may be called any time.

    ``on_result`` is called on the loop for every unit as it settles (in completion order).
    """

    def __init__(
        self,
        requests: Iterable[SendRequest],
        options: SendOptions,
        *,
        ledger: Ledger | None = None,
        on_result: Callable[[UnitResult], None] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._requests = requests
        self.options = options
        self.ledger = ledger
        self._on_result = on_result or (lambda _r: None)
        self._transport = transport
        self.summary = SendSummary()
        self._cancelled = False
        self._known: dict[str, dict[UnitKey, LedgerEntry]] = {}
        self._seen: dict[UnitKey, int] = {}
        self._claimed: dict[int, _Flight] = {}
        self._tasks: list[asyncio.Task[None]] = []
        self._limiter = _limiter(options.rate)
        stamina.instrumentation.set_on_retry_hooks([])

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self, *, abort: bool = False) -> None:
        """Stop starting requests; with ``abort``, also cut the ones in flight."""
        self._cancelled = True
        self.summary.cancelled = True
        if abort:
            for task in self._tasks:
                task.cancel()

    async def run(self) -> SendSummary:
        opts = self.options
        pool = ClientPool(
            opts.concurrency, opts.timeout, per_client=opts.per_client, transport=self._transport
        )
        queue: asyncio.Queue[_Flight | None] = asyncio.Queue(maxsize=2 * opts.concurrency)
        flusher = asyncio.create_task(self._flush_loop(), name="send-ledger-flush")
        try:
            producer = asyncio.create_task(self._produce(queue), name="send-produce")
            workers = [
                asyncio.create_task(self._work(w, queue, pool), name=f"send-worker-{w}")
                for w in range(opts.concurrency)
            ]
            self._tasks = [producer, *workers]
            await asyncio.gather(*workers, return_exceptions=True)
            # Workers end after the producer's end marks; if they all ended early (aborted),
            # the producer would wait for queue room for ever.
            producer.cancel()
            await asyncio.gather(producer, return_exceptions=True)
        finally:
            for flight in list(self._claimed.values()):
                self._settle_unsent(flight)
            self._claimed.clear()
            flusher.cancel()
            await asyncio.gather(flusher, return_exceptions=True)
            if self.ledger is not None:
                await asyncio.to_thread(self.ledger.flush)
            await pool.aclose()
        return self.summary

    # -- producing ------------------------------------------------------------------------

    async def _produce(self, queue: asyncio.Queue[_Flight | None]) -> None:
        try:
            await self._produce_flights(queue)
        finally:
            # However producing ended, every worker gets its end mark (workers that are
            # still alive drain the queue, so these puts find room).
            for _ in range(self.options.concurrency):
                await queue.put(None)

    async def _produce_flights(self, queue: asyncio.Queue[_Flight | None]) -> None:
        block: list[_Flight] = []
        size = 0
        for request in self._requests:
            if self._cancelled:
                break
            flight = self._triage(request)
            if flight is None:
                continue
            block.append(flight)
            size += len(flight.units)
            if size >= self.options.claim_block:
                await self._launch(block, queue)
                block, size = [], 0
            await asyncio.sleep(0)
        if block and not self._cancelled:
            await self._launch(block, queue)

    async def _launch(self, block: list[_Flight], queue: asyncio.Queue[_Flight | None]) -> None:
        if self.ledger is not None:
            keys = [(u.key, u.key in f.duplicates) for f in block for u in f.units]
            await asyncio.to_thread(self.ledger.mark_sending, keys)
        for flight in block:
            self._claimed[id(flight)] = flight
        for flight in block:
            if self._cancelled:
                return
            await queue.put(flight)

    def _triage(self, request: SendRequest) -> _Flight | None:
        units: list[Unit] = []
        duplicates: set[UnitKey] = set()
        for unit in request.units:
            reason, entry = self._skip_reason(unit)
            if reason is not None:
                outcome = "failed" if unit.problem else "skipped"
                self._emit(UnitResult(unit, request.method, outcome, reason=reason))
                continue
            self._seen[unit.key] = unit.index
            if entry is not None and entry.state in UNSETTLED:
                duplicates.add(unit.key)
            units.append(unit)
        return _Flight(request, units, duplicates) if units else None

    def _skip_reason(self, unit: Unit) -> tuple[str | None, LedgerEntry | None]:
        if unit.problem:
            return unit.problem, None
        if unit.key in self._seen:
            first = self._seen[unit.key]
            return f"same messageId and subscription as event {first}: sent once", None
        entry = self._entries(unit.key.target).get(unit.key)
        if entry is not None and entry.state == "delivered" and not self.options.resend:
            return "already delivered (send ledger); use resend to send it again", entry
        return None, entry

    def _entries(self, target: str) -> dict[UnitKey, LedgerEntry]:
        if target not in self._known:
            self._known[target] = {} if self.ledger is None else self.ledger.entries(target)
        return self._known[target]

    # -- sending --------------------------------------------------------------------------

    async def _work(
        self, worker: int, queue: asyncio.Queue[_Flight | None], pool: ClientPool
    ) -> None:
        client = pool.for_worker(worker)
        while (flight := await queue.get()) is not None:
            if self._cancelled:
                continue  # left claimed: settled as "not sent" at the end
            self._claimed.pop(id(flight), None)
            try:
                await self._deliver(flight, client)
            except asyncio.CancelledError:
                self._settle(
                    flight, "failed", None, flight.attempts, ABORTED, None, ledger_state="aborted"
                )
                raise
            except Exception as exc:  # one broken request must not stop the others
                # The request may have left: like an abort, a resend is a possible duplicate.
                reason = f"unexpected error, the server may or may not have it: {exc!r}"
                self._settle(
                    flight, "failed", None, flight.attempts, reason, None, ledger_state="aborted"
                )

    async def _deliver(self, flight: _Flight, client: httpx.AsyncClient) -> None:
        tries = Tries(
            flight.request,
            flight.units,
            client,
            self.options,
            flight.attempts,
            limiter=self._limiter,
            cancelled=lambda: self._cancelled,
        )
        try:
            last = await tries.run()
        except RetryableAnswer as exc:
            code, body = exc.response.status, exc.response.body
            reason = _with_note(explain_status(code, body), tries.note)
            self._settle(flight, "failed", code, flight.attempts, reason, tries.last)
            return
        except TRANSPORT_ERRORS as exc:
            reason = _with_note(explain_error(exc), tries.note)
            status = tries.last.status if tries.last is not None else None
            self._settle(flight, "failed", status, flight.attempts, reason, tries.last)
            return
        if 200 <= last.status <= 299:
            self._settle(flight, "delivered", last.status, flight.attempts, None, last)
        else:
            reason = explain_status(last.status, last.body)
            self._settle(flight, "failed", last.status, flight.attempts, reason, last)

    # -- settling -------------------------------------------------------------------------

    def _settle(
        self,
        flight: _Flight,
        outcome: str,
        status: int | None,
        attempts: list[Attempt],
        reason: str | None,
        response: Response | None,
        *,
        ledger_state: str | None = None,
    ) -> None:
        state = ledger_state or outcome
        for unit in flight.units:
            if self.ledger is not None:
                self.ledger.record(unit.key, state, status, reason, attempts)
            dup = unit.key in flight.duplicates or state == "aborted"
            result = UnitResult(
                unit,
                flight.request.method,
                outcome,
                status,
                list(attempts),
                reason,
                response,
                possible_duplicate=dup,
            )
            self._emit(result)

    def _settle_unsent(self, flight: _Flight) -> None:
        self._settle(flight, "failed", None, [], NOT_SENT, None, ledger_state="cancelled")

    def _emit(self, result: UnitResult) -> None:
        self.summary.counts[result.outcome] = self.summary.counts.get(result.outcome, 0) + 1
        if result.possible_duplicate:
            self.summary.possible_duplicates += 1
        self._on_result(result)

    async def _flush_loop(self) -> None:
        if self.ledger is None:
            return
        while True:
            await asyncio.sleep(self.options.flush_every)
            if self.ledger.pending:
                await asyncio.to_thread(self.ledger.flush)


def _with_note(reason: str, note: str | None) -> str:
    return f"{reason} ({note})" if note else reason


def _limiter(rate: float | None) -> AsyncLimiter | None:
    # One request per 1/rate seconds, evenly spaced: a bucket of ``rate`` would let a burst
    # of ``rate`` requests out at once, which is what a server's rate limit refuses.
    if rate is None or rate <= 0:
        return None
    return AsyncLimiter(1, 1.0 / rate)
