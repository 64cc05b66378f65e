"""How the workbench runs work off its owner thread and waits: a small injected protocol.

The app passes :class:`AsyncioRunner` over its (Qt-driven) asyncio loop; tests pass their own
(synchronous, or a thread with a hand-turned clock) to make every step observable.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Protocol, TypeVar

__all__ = ["Runner", "Cancellable", "AsyncioRunner", "Done"]

T = TypeVar("T")
Done = Callable[[T | None, BaseException | None], None]
"""Told ``(result, None)`` or ``(None, error)`` on the owner thread when the work ends."""


class Cancellable(Protocol):
    def cancel(self) -> None: ...


class Runner(Protocol):
    """Timers and worker threads for the workbench; every callback runs on the owner thread."""

    def call_later(self, delay: float, callback: Callable[[], None]) -> Cancellable:
        """Run ``callback`` after ``delay`` seconds unless cancelled first."""
        ...

    def run_in_thread(self, work: Callable[[], T], done: Done[T], name: str) -> None:
        """Run ``work`` in a worker thread named ``name``, then ``done`` on the owner thread."""
        ...

    def call_soon_threadsafe(self, callback: Callable[[], None]) -> None:
        """From any thread: run ``callback`` on the owner thread at its next tick."""
        ...


class AsyncioRunner:
    """The :class:`Runner` of an asyncio loop (the app's qasync loop: its thread is the GUI's)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def call_later(self, delay: float, callback: Callable[[], None]) -> Cancellable:
        return self.loop.call_later(delay, callback)

    def call_soon_threadsafe(self, callback: Callable[[], None]) -> None:
        if not self.loop.is_closed():
            self.loop.call_soon_threadsafe(callback)

    def run_in_thread(self, work: Callable[[], T], done: Done[T], name: str) -> None:
        def run() -> None:
            try:
                value = work()
            except BaseException as exc:  # noqa: BLE001 - handed to the owner thread
                error = exc
                self.call_soon_threadsafe(lambda: done(None, error))
            else:
                self.call_soon_threadsafe(lambda: done(value, None))

        threading.Thread(target=run, name=name, daemon=True).start()
