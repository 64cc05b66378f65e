"""How a send behaves: concurrency, rate, attempts, timeouts, backoff."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SendOptions"]


@dataclass(frozen=True, slots=True)
class SendOptions:
    """``attempts`` counts the first try; ``timeout`` bounds one attempt (connect to last
    body byte); ``deadline`` bounds all attempts and waits of one request; ``rate`` is
    requests per second (None: unlimited); ``resend`` sends again what was delivered;
    ``block`` is how many units are marked "sending" per ledger commit (None: four per
    worker, at most 256): after a crash, at most that many plus the queue are resent as
    possible duplicates without having left."""

    concurrency: int = 8
    rate: float | None = None
    attempts: int = 4
    timeout: float = 10.0
    deadline: float = 60.0
    wait_initial: float = 0.5
    wait_max: float = 30.0
    wait_jitter: float = 0.5
    resend: bool = False
    per_client: int = 2
    block: int | None = None
    flush_every: float = 0.25

    @property
    def claim_block(self) -> int:
        return self.block or min(256, 4 * self.concurrency)
