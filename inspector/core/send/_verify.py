"""Check a Jimo Cloud key: ``GET …/verifyapikey``, any 2xx means valid."""

from __future__ import annotations

import httpx

from inspector.core.send._attempt import attempt_once
from inspector.core.send._policy import explain_error, explain_status
from inspector.core.send._targets import JIMO_BASE_URL, jimo_verify_request

__all__ = ["verify_key"]


async def verify_key(
    key: str,
    base_url: str = JIMO_BASE_URL,
    *,
    timeout: float = 10.0,
    transport: httpx.AsyncBaseTransport | None = None,
) -> tuple[bool, str]:
    """``(valid, sentence)``; a transport failure is not a verdict on the key."""
    request = jimo_verify_request(key, base_url)
    async with httpx.AsyncClient(transport=transport) as client:
        try:
            answer = await attempt_once(
                client, request.method, request.url, request.headers, None, timeout
            )
        except (httpx.TransportError, TimeoutError) as exc:
            return False, f"could not check the key: {explain_error(exc)}"
    if 200 <= answer.status <= 299:
        return True, "the key is valid"
    return False, explain_status(answer.status, answer.body)
