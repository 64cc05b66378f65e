"""Check a key before sending: Jimo Cloud's ``GET …/verifyapikey``, Segment's CDN settings."""

from __future__ import annotations

import httpx

from inspector.core.destinations import mask_secret
from inspector.core.send._attempt import attempt_once
from inspector.core.send._policy import explain_error, explain_status
from inspector.core.send._targets import JIMO_BASE_URL, jimo_verify_request

__all__ = ["verify_key", "verify_write_key", "SEGMENT_CDN"]

SEGMENT_CDN = "https://cdn.segment.com"


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


async def verify_write_key(
    write_key: str,
    cdn: str = SEGMENT_CDN,
    *,
    timeout: float = 10.0,
    transport: httpx.AsyncBaseTransport | None = None,
) -> tuple[bool, str]:
    """``GET {cdn}/v1/projects/<writeKey>/settings``, the check Segment's own destination uses:
    200 means a source with that write key exists."""
    url = f"{cdn.rstrip('/')}/v1/projects/{write_key}/settings"
    async with httpx.AsyncClient(transport=transport) as client:
        try:
            answer = await attempt_once(client, "GET", url, {}, None, timeout)
        except (httpx.TransportError, TimeoutError) as exc:
            return False, f"could not check the write key: {explain_error(exc)}"
    if 200 <= answer.status <= 299:
        return True, "a Segment source has this write key"
    if answer.status in (401, 403, 404):
        return (
            False,
            f"{answer.status}: no Segment source has the write key {mask_secret(write_key)}",
        )
    return False, explain_status(answer.status, answer.body)
