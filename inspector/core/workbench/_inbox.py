"""Events handed over from other threads, gathered until the owner thread's next tick."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord

__all__ = ["Inbox"]

Deliver = Callable[[Sequence[EventRecord], Sequence[BadRecord]], None]


class Inbox:
    """Coalesces every :meth:`put` made before the owner's next tick into one delivery."""

    def __init__(
        self, deliver: Deliver, call_soon_threadsafe: Callable[[Callable[[], None]], None]
    ) -> None:
        self._deliver = deliver
        self._call_soon = call_soon_threadsafe
        self._lock = threading.Lock()
        self._records: list[EventRecord] = []
        self._bad: list[BadRecord] = []
        self._scheduled = False

    def put(self, records: Sequence[EventRecord], bad: Sequence[BadRecord] = ()) -> None:
        """From any thread; the first put after a delivery schedules the next one."""
        with self._lock:
            self._records.extend(records)
            self._bad.extend(bad)
            if self._scheduled or not (self._records or self._bad):
                return
            self._scheduled = True
        self._call_soon(self._flush)

    def _flush(self) -> None:
        with self._lock:
            records, bad = self._records, self._bad
            self._records, self._bad = [], []
            self._scheduled = False
        if records or bad:
            self._deliver(records, bad)

    def drop(self) -> None:
        """Forget what has not been delivered yet (the session was cleared)."""
        with self._lock:
            self._records, self._bad = [], []
