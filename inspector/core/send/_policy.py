"""Which answers are retried, how long the server asks us to wait, and failures in words."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Mapping

__all__ = ["is_retryable_status", "server_wait", "explain_status", "explain_error"]

_NOT_RETRIED_5XX = frozenset({501, 505})
_EPOCH_THRESHOLD = 1_000_000_000  # X-RateLimit-Reset above this is a Unix time, below a delay


def is_retryable_status(status: int) -> bool:
    """408, 429 and 5xx except 501 (not implemented) and 505 (HTTP version)."""
    if status in (408, 429):
        return True
    return 500 <= status <= 599 and status not in _NOT_RETRIED_5XX


def _parse_retry_after(value: str, now: float) -> float | None:
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now)


def _parse_reset(value: str, now: float) -> float | None:
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return max(0.0, number - now) if number > _EPOCH_THRESHOLD else max(0.0, number)


def server_wait(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds the server asked for: ``Retry-After`` (seconds or HTTP date), else
    ``X-RateLimit-Reset`` (a Unix time or a delay); None when it said nothing usable."""
    now = time.time() if now is None else now
    lowered = {k.lower(): v for k, v in headers.items()}
    if "retry-after" in lowered:
        wait = _parse_retry_after(lowered["retry-after"], now)
        if wait is not None:
            return wait
    if "x-ratelimit-reset" in lowered:
        return _parse_reset(lowered["x-ratelimit-reset"], now)
    return None


def explain_status(status: int, body: bytes = b"") -> str:
    """A sentence for an answer that is not a success."""
    excerpt = body[:300].decode("utf-8", "replace").strip()
    said = f": {excerpt}" if excerpt else ""
    if status in (401, 403):
        return f"{status}: the key was rejected; check the API key or write key{said}"
    if status == 404:
        return f"404: nothing answers at this URL; check the base URL{said}"
    if status == 413:
        return f"413: the request is too large for the server{said}"
    if status == 400:
        return f"400: the server refused the body{said}"
    if status == 429:
        return f"429: rate limited, still refused after the last attempt{said}"
    if status >= 500:
        return f"{status}: the server failed{said}"
    return f"{status}: the server refused the request{said}"


def explain_error(exc: BaseException) -> str:
    """A sentence for a transport failure (no response)."""
    import httpx

    if isinstance(exc, TimeoutError | httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect: {exc}" if str(exc) else "could not connect"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "the connection was closed before a full answer"
    if isinstance(exc, httpx.ReadError | httpx.WriteError):
        return "the connection was reset"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
