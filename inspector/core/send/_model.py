"""What a send is made of: delivery units, requests, attempts and per-unit results."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "UnitKey",
    "Unit",
    "SendRequest",
    "Attempt",
    "Response",
    "UnitResult",
    "OUTCOMES",
    "BODY_LIMIT",
]

OUTCOMES = ("delivered", "failed", "skipped", "dry-run")
BODY_LIMIT = 64 * 1024
"""How much of a response body is kept (the rest is read and dropped)."""


@dataclass(frozen=True, slots=True)
class UnitKey:
    """What the ledger knows a delivery by: target, URL, messageId and subscription."""

    target: str
    url: str
    message_id: str
    subscription: str


@dataclass(frozen=True, slots=True)
class Unit:
    """One delivery unit: an event (Segment, event bodies) or an event x subscription.

    ``index`` is the event's position in the input; ``shown`` is what a dry run prints as
    the unit's body (never a secret); ``problem`` is a reason the unit cannot be sent at all
    (an event over Segment's 32 KB limit).
    """

    index: int
    key: UnitKey
    shown: Any
    problem: str | None = None


@dataclass(slots=True)
class SendRequest:
    """One HTTP request carrying one unit (or a Segment batch of several).

    ``body(units)`` builds the bytes at each attempt from the units still to send, so a
    Segment batch leaves out what was delivered and its ``sentAt`` is the time of sending.
    ``headers`` hold the real secret; ``shown_headers`` the masked ones.
    """

    method: str
    url: str
    headers: dict[str, str]
    shown_headers: dict[str, str]
    body: Callable[[Sequence[Unit]], bytes | None]
    units: list[Unit]
    batch: int | None = None


@dataclass(frozen=True, slots=True)
class Attempt:
    """One try: when it started (epoch seconds), its status or error, duration, wait after."""

    started: float
    status: int | None
    error: str | None
    ms: float
    waited_ms: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "error": self.error,
            "ms": round(self.ms, 1),
            "waited_ms": round(self.waited_ms, 1),
        }


@dataclass(frozen=True, slots=True)
class Response:
    """The last attempt's response: status, headers, the first 64 KB of the body."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes
    truncated: bool = False


@dataclass(slots=True)
class UnitResult:
    """How one unit ended; ``outcome`` is one of ``OUTCOMES``.

    ``possible_duplicate`` is set when an earlier run left the unit "sending" (it may have
    reached the server) or when this run aborted it in flight.
    """

    unit: Unit
    method: str
    outcome: str
    status: int | None = None
    attempts: list[Attempt] = field(default_factory=list)
    reason: str | None = None
    response: Response | None = None
    possible_duplicate: bool = False
    request: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        """The CLI's NDJSON line (contract keys first, then the additions)."""
        key = self.unit.key
        line: dict[str, Any] = {
            "index": self.unit.index,
            "messageId": key.message_id,
            "subscription": key.subscription or None,
            "target": key.target,
            "method": self.method,
            "url": key.url,
            "outcome": self.outcome,
            "status": self.status,
            "attempts": [a.to_json() for a in self.attempts],
            "reason": self.reason,
        }
        if self.possible_duplicate:
            line["possible_duplicate"] = True
        if self.request is not None:
            line["request"] = self.request
        return line
