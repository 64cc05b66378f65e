"""Capturing into the window's session file, through its recorder.

The window's session is always recorded into one file (an autosave until the user saves it,
then theirs) by one writer thread. The capture's group commits go through that thread
(``SessionRecorder.write_now``): one order in the file, durable before the answer, and a Save as
in the middle of a burst neither loses nor doubles a request (it runs between two commits).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from typing import TypeVar

from inspector.core.capture._errors import StorageError
from inspector.core.capture._paths import new_session_path
from inspector.core.capture._writer import WriteJob, history, insert_jobs
from inspector.core.errors import SessionFileError
from inspector.core.sessionfile import SessionRecorder

__all__ = ["RecordedStore"]

T = TypeVar("T")


class RecordedStore:
    """A capture store writing into whatever file ``current()``'s recorder records now.

    Args:
        current: the session's recorder at this moment (it changes on Clear or on opening
            another session; Save as keeps it and moves its file).
    """

    def __init__(self, current: Callable[[], SessionRecorder | None]) -> None:
        self._current = current
        self.stored_in: set[str] = set()
        """The files events were committed to (an unsaved session's autosave is kept)."""
        self.kept: list[str] = []
        """Where closed unsaved sessions holding captured events were kept, oldest first."""

    @property
    def path(self) -> str:
        recorder = self._current()
        return recorder.path if recorder is not None else ""

    def history(self) -> tuple[int, set[int]]:
        return self._run(history)

    def write(self, jobs: list[WriteJob]) -> None:
        self.stored_in.add(self._run(lambda conn: _insert(conn, jobs)))

    def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        while True:
            recorder = self._current()
            if recorder is None:
                raise StorageError("the window has no session file to store events in")
            try:
                return recorder.write_now(work)
            except SessionFileError:
                if recorder.closed and self._current() is not recorder:
                    continue  # the session moved to another file meanwhile: write there
                raise

    def keep(self, path: str) -> str | None:
        """Where to keep a closed unsaved session's autosave: in the captures folder when it
        holds captured events (``SessionDocument.keep_unsaved``)."""
        if os.path.realpath(path) not in {os.path.realpath(p) for p in self.stored_in}:
            return None
        self.kept.append(new_session_path())
        return self.kept[-1]

    def close(self) -> None:
        """Nothing to close: the recorder belongs to the window's session."""


def _insert(conn: sqlite3.Connection, jobs: list[WriteJob]) -> str:
    insert_jobs(conn, jobs)
    return str(conn.execute("PRAGMA database_list").fetchone()[2])
