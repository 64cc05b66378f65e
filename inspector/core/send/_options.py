"""How a send behaves: concurrency, rate, attempts, timeouts, backoff."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SendOptions"]


@dataclass(frozen=True, slots=True)
class SendOptions:
    """``attempts`` counts the first try; ``timeout`` bounds one attempt (connect to last
    body byte); ``deadline`` bounds all attempts and waits of one request; ``rate`` is
    requests per second (None: unlimited); ``resend`` sends again what was delivered."""

    concurrency: int = 8
    rate: float | None = None
    attempts: int = 4
    timeout: float = 10.0
    deadline: float = 60.0
    wait_initial: float = 0.5
    wait_max: float = 30.0
    wait_jitter: float = 0.5
    resend: bool = False
    per_client: int = 4
    block: int = 256
    flush_every: float = 0.25
