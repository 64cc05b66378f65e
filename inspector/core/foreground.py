"""Worker threads step aside while the GUI thread paints: the GIL goes to what the user sees.

A repaint calls from Qt into Python hundreds of times (the model's data, the delegates), and
each call waits for the GIL if a worker thread holds it: with a capture server, its writer and
an evaluation running, a repaint of a few milliseconds of work took 50-150 ms. So the GUI
thread *closes* the gate for the length of a repaint, and each worker thread *passes* it
between two pieces of work (an event evaluated, a request handled, a group committed): while
it is closed they wait, holding no GIL: at most :data:`MAX_WAIT` each, and not at all once it
has been closed for longer than that (a dialog's event loop inside a closed block must not
leave the workers crawling).

The gate is process-wide, as the GIL is: :data:`FOREGROUND`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["FOREGROUND", "ForegroundGate", "MAX_WAIT", "GUI_SWITCH_INTERVAL"]

MAX_WAIT = 0.1
"""Seconds a gate holds the workers at most (a repaint lasts a few milliseconds)."""
GUI_SWITCH_INTERVAL = 0.00025
"""``sys.setswitchinterval`` for the window's process. Outside a repaint, each call from Qt
into Python (a timer, a signal, the event loop's own callbacks) waits up to this long for a
worker thread to give up the GIL: at the default 5 ms (or 1 ms) a busy capture made those
waits add up to 20-30 ms per turn of the loop."""


class ForegroundGate:
    """Closed by one thread around latency-critical work; passed by the others."""

    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()
        self._depth = 0
        self._closed_at = 0.0

    @property
    def is_open(self) -> bool:
        return self._open.is_set()

    @contextmanager
    def closed(self) -> Iterator[None]:
        """Keep the gate closed for the ``with`` block (nested blocks: until the outermost)."""
        self._depth += 1
        if self._depth == 1:
            self._closed_at = time.monotonic()
            self._open.clear()
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._open.set()

    def pass_through(self, timeout: float = MAX_WAIT) -> None:
        """Between two pieces of a worker's work: wait while the gate is closed.

        At most ``timeout`` seconds, and only until the gate has been closed that long.
        """
        if self._open.is_set():
            return
        left = self._closed_at + timeout - time.monotonic()
        if left > 0:
            self._open.wait(left)


FOREGROUND = ForegroundGate()
