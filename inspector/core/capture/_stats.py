"""What a capture has seen so far: the counts ``/_inspector/summary`` and the window show."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["CaptureStats"]


@dataclass(slots=True)
class CaptureStats:
    """Counts since the start (or the last reset); updated on the server's loop only.

    ``accepted`` events were stored; ``rejected`` counts refused requests plus the records
    skipped inside accepted ones; ``duplicates`` are stored events whose messageId was seen
    before (client retries); ``requests`` counts every answered tracking call;
    ``settings_fetches`` and ``preflights`` show that a browser has found the capture.
    """

    accepted: int = 0
    rejected: int = 0
    duplicates: int = 0
    requests: int = 0
    storage_errors: int = 0
    settings_fetches: int = 0
    preflights: int = 0
    seen: set[int] = field(default_factory=set, repr=False)

    def summary(self) -> dict[str, int]:
        return {
            "total": self.accepted + self.rejected,
            "accepted": self.accepted,
            "rejected": self.rejected,
            "duplicates": self.duplicates,
            "requests": self.requests,
            "settings_fetches": self.settings_fetches,
            "preflights": self.preflights,
        }

    def reset(self) -> None:
        self.accepted = self.rejected = self.duplicates = self.requests = 0
        self.storage_errors = self.settings_fetches = self.preflights = 0
        self.seen = set()
