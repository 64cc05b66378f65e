"""Cooperative cancellation: a flag long work (loading, evaluating, filtering) checks as it goes."""

from __future__ import annotations

import threading

from inspector.core.errors import LoadCancelled

__all__ = ["CancelToken"]


class CancelToken:
    """A thread-safe flag a worker checks between records; ``cancel()`` stops it promptly."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`LoadCancelled` once ``cancel()`` was called."""
        if self._event.is_set():
            raise LoadCancelled("loading cancelled")
