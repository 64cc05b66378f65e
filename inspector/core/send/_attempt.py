"""One HTTP attempt: send, keep the first 64 KB of the answer, drop the rest."""

from __future__ import annotations

import asyncio

import httpx

from inspector.core.send._model import BODY_LIMIT, Response

__all__ = ["attempt_once"]


async def attempt_once(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    headers: dict[str, str],
    body: bytes | None,
    timeout: float,
) -> Response:
    """One request, bounded by ``timeout`` as a whole (a trickling body cannot stall it).

    Raises:
        httpx.TransportError, TimeoutError: the attempt got no complete answer.
    """
    async with asyncio.timeout(timeout):
        request = client.build_request(method, url, headers=headers, content=body)
        response = await client.send(request, stream=True)
        try:
            kept = bytearray()
            truncated = False
            async for chunk in response.aiter_bytes():
                room = BODY_LIMIT - len(kept)
                if len(chunk) > room:
                    truncated = True
                kept += chunk[:room] if room > 0 else b""
        finally:
            await response.aclose()
    return Response(
        response.status_code, list(response.headers.multi_items()), bytes(kept), truncated
    )
