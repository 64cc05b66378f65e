"""A session attached to its file: appends, edits and state go straight into it as they happen.

Each call is one transaction with ``synchronous=FULL``: once it returns, what it wrote survives
a crash. Other writers (the capture server) may append to the same file through their own
connection; SQLite serialises the writes.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from inspector.core.destinations import DestinationConfig
from inspector.core.errors import SessionFileError
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord
from inspector.core.sessionfile._content import SessionContent
from inspector.core.sessionfile._open import check_session, open_for_reading, translated
from inspector.core.sessionfile._schema import connect, insert_events
from inspector.core.sessionfile._write import (
    event_rows,
    replace_file,
    temp_beside,
    write_bad,
    write_session,
    write_state,
)

__all__ = ["AttachedSession"]


class AttachedSession:
    """A writable session file that follows the session as it grows and is edited.

    Event ``index`` ``i`` is the file's ``i``-th event in arrival order.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        """Attach to an existing session file (checked first, read-only, so a bad file is
        reported before anything is written to it)."""
        self.path = os.fspath(path)
        open_for_reading(self.path).close()
        with translated(self.path):
            self._conn = connect(self.path)
            check_session(self._conn, self.path)
            count, first, last = self._conn.execute(
                "SELECT count(*), min(seq), max(seq) FROM events"
            ).fetchone()
        self._first_seq = first if first is not None else 1
        # New rows always take max(seq) + 1, so only rows already there can leave gaps; a
        # file with gaps keeps its seq numbers in a list (index = position in arrival order).
        self._gapped: list[int] | None = None
        if count and last - first + 1 != count:
            self._gapped = [r[0] for r in self._conn.execute("SELECT seq FROM events ORDER BY seq")]

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        content: SessionContent,
        meta: Mapping[str, str] | None = None,
    ) -> AttachedSession:
        """Write ``content`` as a new session file (atomically) and attach to it."""
        write_session(path, content, meta=meta)
        return cls(path)

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction on the file, for other writers' tables and rows (capture's
        requests): ``with attached.transaction() as conn: insert_events(conn, rows)``."""
        return self._transaction()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with translated(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def append(
        self, records: Sequence[EventRecord], arrivals: Sequence[float] | None = None
    ) -> None:
        """Append events in arrival order (durable when this returns)."""
        times = arrivals if arrivals is not None else [time.time()] * len(records)
        if len(times) != len(records):
            raise ValueError(f"{len(times)} arrival times for {len(records)} events")
        with self._transaction() as conn:
            insert_events(conn, event_rows(records, times))

    def add_bad(self, bad: Sequence[BadRecord]) -> None:
        with self._transaction() as conn:
            write_bad(conn, bad, time.time())

    def record_edit(self, index: int, record: EventRecord | None) -> None:
        """Event ``index`` now reads as ``record`` (``None``: reverted to the original).

        Raises IndexError when the file has no such event."""
        seq = self._seq_of(index)
        raw = None if record is None else record.raw
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM events WHERE seq = ?", (seq,)).fetchone() is None:
                raise IndexError(index)
            conn.execute(
                "INSERT INTO edits(seq, raw, edited_at) VALUES (?, ?, ?)", (seq, raw, time.time())
            )

    def _seq_of(self, index: int) -> int:
        if index < 0:
            raise IndexError(index)
        listed = self._gapped
        if listed is None:
            return self._first_seq + index
        if index < len(listed):
            return listed[index]
        return listed[-1] + index - len(listed) + 1

    def save_state(
        self, config: DestinationConfig | None, ui_state: Mapping[str, Any], fresh_sdk: bool
    ) -> None:
        """Store the config (secrets left out), window state and SDK mode."""
        with self._transaction() as conn:
            write_state(conn, config, ui_state, fresh_sdk)

    def set_meta(self, values: Mapping[str, str]) -> None:
        with self._transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", values.items()
            )

    def copy_to(self, target: str | os.PathLike[str]) -> None:
        """Save a copy at ``target`` atomically (Save as), through SQLite's online backup."""
        name = os.fspath(target)
        temp = temp_beside(name)
        try:
            with translated(name):
                dest = sqlite3.connect(temp)
                try:
                    self._conn.backup(dest)
                finally:
                    dest.close()
            replace_file(temp, name)
        except OSError as exc:
            raise SessionFileError(name, f"cannot be saved ({exc.strerror or exc})") from exc
        finally:
            if os.path.exists(temp):
                os.remove(temp)

    def close(self) -> None:
        """Detach: fold the write-ahead log into the file and leave it self-contained.

        While another writer (capture) still has the file open it stays in WAL mode.
        """
        with translated(self.path):
            try:
                self._conn.execute("PRAGMA journal_mode=DELETE")
            except sqlite3.OperationalError:
                pass  # another connection holds it: it stays a WAL database, which is fine
            finally:
                self._conn.close()
