"""Events handed over from other threads, gathered until the owner thread's next delivery."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

from inspector.core.events import EventRecord
from inspector.core.foreground import FOREGROUND
from inspector.core.loaders import BadRecord

__all__ = ["Inbox"]

Deliver = Callable[[Sequence[EventRecord], Sequence[BadRecord]], None]


class Inbox:
    """Coalesces every :meth:`put` made before the owner's next delivery into one.

    A delivery follows the first put at the owner thread's next tick, but never sooner than
    ``interval`` seconds after the previous one ended (given ``call_later``): a steady stream
    (a capture at thousands of events a second) reaches the listeners at most 1/``interval``
    times a second, in bigger pieces, however often the other threads put.
    """

    def __init__(
        self,
        deliver: Deliver,
        call_soon_threadsafe: Callable[[Callable[[], None]], None],
        call_later: Callable[[float, Callable[[], None]], object] | None = None,
        interval: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._deliver = deliver
        self._call_soon = call_soon_threadsafe
        self._call_later = call_later
        self.interval = interval
        """Seconds at least between two deliveries (0: at every tick)."""
        self._clock = clock
        self._last = -float("inf")
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
        wait = self._last + self.interval - self._clock()
        if wait > 0 and self._call_later is not None:
            self._call_later(wait, self._flush_now)  # puts meanwhile join this delivery
        else:
            self._flush_now()

    def _flush_now(self) -> None:
        with self._lock:
            records, bad = self._records, self._bad
            self._records, self._bad = [], []
            self._scheduled = False
        if records or bad:
            try:
                with FOREGROUND.closed():  # the views take them in: worker threads wait
                    self._deliver(records, bad)
            finally:  # the pause is counted from the end of the delivery: its listeners'
                self._last = self._clock()  # work (the repaint) never fills the whole interval

    def drop(self) -> None:
        """Forget what has not been delivered yet (the session was cleared)."""
        with self._lock:
            self._records, self._bad = [], []
