"""The attempts of one request: the first one plain, the retries through ``stamina``.

The first attempt runs without any retry machinery (most requests need no retry, and
``stamina``'s loop costs about 35 µs per request). A retry waits what the backoff hook says:
the server's ``Retry-After`` / ``X-RateLimit-Reset`` when it gave one, else exponential
backoff with jitter; a wait that would end past the request's deadline is not waited.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from dataclasses import replace

import httpx
import stamina
from aiolimiter import AsyncLimiter

from inspector.core.send._attempt import attempt_once
from inspector.core.send._model import Attempt, Response, SendRequest, Unit
from inspector.core.send._options import SendOptions
from inspector.core.send._policy import explain_error, is_retryable_status, server_wait

__all__ = ["Tries", "RetryableAnswer", "TRANSPORT_ERRORS"]

TRANSPORT_ERRORS = (httpx.TransportError, TimeoutError)


class RetryableAnswer(Exception):
    """A 408, 429 or retryable 5xx: worth another try."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


class Tries:
    """Runs the attempts of ``request``; ``attempts`` and ``note`` say how it went."""

    def __init__(
        self,
        request: SendRequest,
        units: list[Unit],
        client: httpx.AsyncClient,
        options: SendOptions,
        attempts: list[Attempt],
        *,
        limiter: AsyncLimiter | None,
        cancelled: Callable[[], bool],
    ) -> None:
        self.request, self.units, self.client, self.options = request, units, client, options
        self.attempts = attempts
        self.limiter, self.cancelled = limiter, cancelled
        self.last: Response | None = None
        self.note: str | None = None
        self._loop = asyncio.get_running_loop()
        self._deadline = self._loop.time() + options.deadline
        self._ended = 0.0

    async def run(self) -> Response:
        """The final answer (2xx or not retryable).

        Raises:
            RetryableAnswer, httpx.TransportError, TimeoutError: the last attempt's failure.
        """
        try:
            return await self.once()
        except (RetryableAnswer, *TRANSPORT_ERRORS) as exc:
            wait = self.wait_for(exc) if self.options.attempts > 1 else None
            if wait is None:
                raise
            await asyncio.sleep(wait)
        async for attempt in stamina.retry_context(
            on=self._hook, attempts=self.options.attempts - 1, timeout=None
        ):
            with attempt:
                return await self.once()
        raise AssertionError("unreachable")  # stamina re-raises the last failure

    def _hook(self, exc: Exception) -> bool | float:
        wait = self.wait_for(exc)
        return False if wait is None else wait

    def wait_for(self, exc: BaseException) -> float | None:
        """Seconds to wait before the next try, or None: do not retry."""
        if self.cancelled() or not isinstance(exc, (RetryableAnswer, *TRANSPORT_ERRORS)):
            return None
        opts = self.options
        asked = (
            server_wait(dict(exc.response.headers)) if isinstance(exc, RetryableAnswer) else None
        )
        wait = asked
        if wait is None:
            wait = min(opts.wait_max, opts.wait_initial * 2 ** (len(self.attempts) - 1))
            wait += random.uniform(0, opts.wait_jitter)
        if self._loop.time() + wait > self._deadline:
            what = (
                f"the server asked to wait {asked:g} s"
                if asked is not None
                else f"the next try would start after {wait:.1f} s"
            )
            self.note = f"{what}, past the {opts.deadline:g} s deadline"
            return None
        return wait

    async def once(self) -> Response:
        """One attempt, recorded in ``attempts`` (with the wait before it on the previous one)."""
        attempts = self.attempts
        if attempts:
            waited = (time.perf_counter() - self._ended) * 1000
            attempts[-1] = replace(attempts[-1], waited_ms=waited)
        if self.limiter is not None:
            await self.limiter.acquire()
        req = self.request
        started, t0 = time.time(), time.perf_counter()
        try:
            answer = await attempt_once(
                self.client,
                req.method,
                req.url,
                req.headers,
                req.body(self.units),
                self.options.timeout,
            )
        except TRANSPORT_ERRORS as exc:
            self._ended = time.perf_counter()
            ms = (self._ended - t0) * 1000
            attempts.append(Attempt(started, None, explain_error(exc), ms))
            raise
        self._ended = time.perf_counter()
        attempts.append(Attempt(started, answer.status, None, (self._ended - t0) * 1000))
        self.last = answer
        if is_retryable_status(answer.status):
            raise RetryableAnswer(answer)
        return answer
