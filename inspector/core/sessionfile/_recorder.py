"""Keeping an attached session file up to date from a writer thread.

The window's thread only queues what changed (events appended, an edit, the window state); a
writer thread applies the queue in order (each change one transaction), so a million loaded
events never make the window wait for the disk. ``flush()`` waits until everything
queued is on disk (before Save as, or quitting).
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from inspector.core.destinations import DestinationConfig
from inspector.core.errors import InspectorError, SessionFileError
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord
from inspector.core.sessionfile._attached import AttachedSession

__all__ = ["SessionRecorder"]

T = TypeVar("T")
Op = Callable[[AttachedSession], None]
ErrorHandler = Callable[[SessionFileError], None]


class SessionRecorder:
    """Queues changes to a session for its file; the first write error stops the recording.

    Args:
        attached: the file to keep up to date (the recorder closes it).
        on_error: called once, from the writer thread, with the first error.
    """

    def __init__(self, attached: AttachedSession, on_error: ErrorHandler | None = None) -> None:
        self.attached = attached
        self.path = attached.path
        self.error: SessionFileError | None = None
        self.closed = False
        """Closed: nothing more is written (``write_now`` raises)."""
        self._on_error = on_error
        self._queue: queue.Queue[tuple[Op, bool] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="session file", daemon=True)
        self._thread.start()

    # -- what the session tells it ------------------------------------------------------------
    def append(
        self, records: Sequence[EventRecord], arrivals: Sequence[float] | None = None
    ) -> None:
        records = list(records)  # the caller's list may grow meanwhile
        self._put(lambda a: a.append(records, arrivals))

    def add_bad(self, bad: Sequence[BadRecord]) -> None:
        bad = list(bad)
        self._put(lambda a: a.add_bad(bad))

    def record_edit(self, index: int, record: EventRecord | None) -> None:
        self._put(lambda a: a.record_edit(index, record))

    def save_state(
        self, config: DestinationConfig | None, ui_state: Mapping[str, Any], fresh_sdk: bool
    ) -> None:
        ui = dict(ui_state)
        self._put(lambda a: a.save_state(config, ui, fresh_sdk))

    def set_meta(self, values: Mapping[str, str]) -> None:
        meta = dict(values)
        self._put(lambda a: a.set_meta(meta))

    def _put(self, op: Op, always: bool = False) -> None:
        self._queue.put((op, always))

    # -- waiting ------------------------------------------------------------------------------
    def flush(self) -> None:
        """Wait until every queued change is written; raise the recording's error, if any."""
        done = threading.Event()
        self._put(lambda _a: done.set(), always=True)
        while not done.wait(0.05):
            if not self._thread.is_alive():
                break
        if self.error is not None:
            raise self.error

    def write_now(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work`` in one transaction on the writer thread, after every change queued
        before, and wait until it is committed (durable); from any thread but the writer's.

        For another source writing the same file (the capture server answering a request only
        once its events are on disk): going through the recorder keeps one order in the file
        and follows Save as. Raises what ``work`` raised, or the file's error.
        """
        result: list[T] = []
        failure: list[BaseException] = []
        done = threading.Event()

        def run(a: AttachedSession) -> None:
            try:
                with a.transaction() as conn:
                    result.append(work(conn))
            except BaseException as exc:  # noqa: BLE001 - handed back to the caller
                failure.append(exc)
            done.set()

        self._put(run, always=True)
        while not done.wait(0.05):
            if not self._thread.is_alive():
                break
        if not done.is_set():  # put after close(): the thread ended without running it
            raise SessionFileError(self.path, "the session file was closed")
        if failure:
            raise failure[0]
        return result[0]

    def switch_to(self, target: str) -> None:
        """Save a copy at ``target`` atomically and go on recording into it (Save as).

        Runs on the writer thread between queued changes, so none is lost or written twice;
        returns once it is done. On failure the recording goes on into the old file.
        """
        self.flush()
        result: list[BaseException] = []
        done = threading.Event()

        def switch(a: AttachedSession) -> None:
            try:
                a.copy_to(target)
                attached = AttachedSession(target)
            except BaseException as exc:  # noqa: BLE001 - handed back to the caller
                result.append(exc)
            else:
                a.close()
                self.attached = attached
                self.path = attached.path
            done.set()

        self._put(switch, always=True)
        done.wait()
        if result:
            raise result[0]

    def close(self) -> None:
        """Write what is queued, stop the thread and detach from the file."""
        self.closed = True
        self._queue.put(None)
        self._thread.join()

    # -- the writer thread --------------------------------------------------------------------
    def _run(self) -> None:
        try:
            while True:
                item = self._queue.get()
                if item is None:
                    return
                op, always = item
                if always or self.error is None:
                    self._apply(op)
        finally:
            try:
                self.attached.close()
            except InspectorError:
                pass

    def _apply(self, op: Op) -> None:
        try:
            op(self.attached)
        except Exception as exc:  # noqa: BLE001 - kept and reported: the thread must go on
            error = (
                exc
                if isinstance(exc, SessionFileError)
                else SessionFileError(self.path, f"the session file could not be updated ({exc})")
            )
            self.error = error
            if self._on_error is not None:
                self._on_error(error)
