"""Several small-pool httpx clients: one big pool slows httpx down as it grows."""

from __future__ import annotations

import math
import ssl

import httpx

__all__ = ["ClientPool", "PER_CLIENT"]

PER_CLIENT = 2
"""Connections per client (measured by ``bench/send.py``: small pools keep httpx fast)."""

_SSL: ssl.SSLContext | None = None


def _ssl_context() -> ssl.SSLContext:
    # Loading the CA bundle takes ~0.15 s: do it once for every client of the process.
    global _SSL
    if _SSL is None:
        import certifi

        _SSL = ssl.create_default_context(cafile=certifi.where())
    return _SSL


class ClientPool:
    """``ceil(concurrency / per_client)`` clients; worker ``w`` uses client ``w // per_client``."""

    def __init__(
        self,
        concurrency: int,
        timeout: float,
        *,
        per_client: int = PER_CLIENT,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.per_client = max(1, per_client)
        count = max(1, math.ceil(concurrency / self.per_client))
        limits = httpx.Limits(
            max_connections=self.per_client, max_keepalive_connections=self.per_client
        )
        self.clients = [
            httpx.AsyncClient(
                limits=limits,
                timeout=httpx.Timeout(timeout),
                transport=transport,
                verify=_ssl_context(),
                follow_redirects=False,
            )
            for _ in range(count)
        ]

    def for_worker(self, worker: int) -> httpx.AsyncClient:
        return self.clients[(worker // self.per_client) % len(self.clients)]

    async def aclose(self) -> None:
        for client in self.clients:
            await client.aclose()
