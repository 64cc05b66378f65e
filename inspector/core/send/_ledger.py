"""The send ledger: which delivery went out, which arrived, in the session file or its own file.

One row per delivery (target, URL, messageId, subscription). A row is written "sending" and
committed before the first attempt; it becomes "delivered" after a 2xx, "failed" after the
last refused attempt, "aborted" when cancelled in flight (the server may have it) or
"cancelled" when it never left. Outcomes are committed in groups: a crash can lose the last
group, which leaves those rows "sending"; the next run sends them again and flags them as
possible duplicates, so nothing is lost and every possible duplicate is named.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass

import orjson

from inspector.core.send._model import Attempt, UnitKey
from inspector.core.sessionfile._schema import connect

__all__ = ["Ledger", "LedgerEntry", "LEDGER_SCHEMA", "UNSETTLED", "default_ledger_path"]

LEDGER_SCHEMA = """
CREATE TABLE IF NOT EXISTS send_ledger (
    target TEXT NOT NULL,
    url TEXT NOT NULL,
    message_id TEXT NOT NULL,
    subscription TEXT NOT NULL,
    state TEXT NOT NULL,
    possible_duplicate INTEGER NOT NULL DEFAULT 0,
    status INTEGER,
    reason TEXT,
    attempts TEXT NOT NULL DEFAULT '[]',
    first_sent_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (target, url, message_id, subscription)
) WITHOUT ROWID
"""

UNSETTLED = frozenset({"sending", "aborted"})
"""States where the server may have the request: a resend is a possible duplicate."""


def default_ledger_path() -> str:
    """The per-user ledger, for sends of events that do not come from a session file."""
    import platformdirs

    folder = platformdirs.user_data_path("jimo-inspector")
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / "send-ledger.sqlite")


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    state: str
    possible_duplicate: bool
    status: int | None
    reason: str | None
    attempts: int


class Ledger:
    """A ledger on an SQLite file; thread-safe (one lock) so commits can run off the loop."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._conn = connect(path)
        self._conn.execute(LEDGER_SCHEMA)
        self._lock = threading.Lock()
        self._pending: list[tuple[object, ...]] = []

    def close(self) -> None:
        with self._lock:
            self._flush_locked()
            self._conn.close()

    def entries(self, target: str) -> dict[UnitKey, LedgerEntry]:
        """Every row of a target, for the skip/resend decision."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT url, message_id, subscription, state, possible_duplicate, status, "
                "reason, attempts FROM send_ledger WHERE target = ?",
                (target,),
            ).fetchall()
        return {
            UnitKey(target, r[0], r[1], r[2]): LedgerEntry(
                r[3], bool(r[4]), r[5], r[6], len(orjson.loads(r[7]))
            )
            for r in rows
        }

    def mark_sending(self, keys: Iterable[tuple[UnitKey, bool]]) -> None:
        """Write "sending" rows (with their possible-duplicate flag) and commit them now."""
        now = time.time()
        rows = [
            (k.target, k.url, k.message_id, k.subscription, int(dup), now, now) for k, dup in keys
        ]
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.executemany(
                "INSERT INTO send_ledger(target, url, message_id, subscription, state, "
                "possible_duplicate, first_sent_at, updated_at) "
                "VALUES (?, ?, ?, ?, 'sending', ?, ?, ?) "
                "ON CONFLICT DO UPDATE SET state = 'sending', "
                "possible_duplicate = possible_duplicate OR excluded.possible_duplicate, "
                "updated_at = excluded.updated_at",
                rows,
            )
            self._conn.execute("COMMIT")

    def record(
        self,
        key: UnitKey,
        state: str,
        status: int | None,
        reason: str | None,
        attempts: list[Attempt],
    ) -> None:
        """Queue an outcome; it is written at the next ``flush``."""
        timeline = orjson.dumps([a.to_json() for a in attempts]).decode()
        row = (state, status, reason, timeline, time.time(), *_key_tuple(key))
        with self._lock:
            self._pending.append(row)

    @property
    def pending(self) -> int:
        return len(self._pending)

    def flush(self) -> None:
        """Commit every queued outcome in one transaction."""
        with self._lock:
            self._flush_locked()

    def _flush_locked(self) -> None:
        if not self._pending:
            return
        rows, self._pending = self._pending, []
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._conn.executemany(
                "UPDATE send_ledger SET state = ?, status = ?, reason = ?, attempts = ?, "
                "updated_at = ? WHERE target = ? AND url = ? AND message_id = ? "
                "AND subscription = ?",
                rows,
            )
            self._conn.execute("COMMIT")
        except sqlite3.Error:
            self._conn.execute("ROLLBACK")
            self._pending = rows + self._pending
            raise


def _key_tuple(key: UnitKey) -> tuple[str, str, str, str]:
    return (key.target, key.url, key.message_id, key.subscription)
