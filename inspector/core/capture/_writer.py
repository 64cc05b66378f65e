"""The one writer of a capture's session file: group commits on its own thread.

Every request's events wait here until they are durable (WAL, ``synchronous=FULL``). The
writer takes all the requests waiting at that moment and commits them in one transaction, then
answers them all: one fsync for many requests is what lets single-event clients (analytics.js
posts one request per event) reach thousands of requests per second.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

import orjson

from inspector import __version__
from inspector.core.capture._errors import CaptureError, StorageError
from inspector.core.errors import InspectorError
from inspector.core.events import EventRecord
from inspector.core.foreground import FOREGROUND
from inspector.core.loaders import BadRecord
from inspector.core.message_ids import message_hash
from inspector.core.sessionfile._schema import (
    APPLICATION_ID,
    EventRow,
    connect,
    create_schema,
    insert_events,
)

__all__ = [
    "FileStore",
    "RequestRow",
    "SessionWriter",
    "Sink",
    "Store",
    "WriteJob",
    "history",
    "insert_jobs",
    "open_session_file",
]

Sink = Callable[[Sequence[EventRecord], Sequence[BadRecord]], None]
"""Told of committed events and skipped records (writer thread), e.g. ``append_threadsafe``."""

_log = logging.getLogger(__name__)
_MAX_GROUP_EVENTS = 20_000  # bounds one transaction (and the time its requests wait)


@dataclass(slots=True)
class RequestRow:
    """One ``requests`` row: what arrived and what it was answered."""

    id: int
    received_at: float
    method: str
    path: str
    headers: str
    status: int
    reason: str | None = None
    body: bytes | None = None
    retry_count: int | None = None
    write_key: str | None = None


@dataclass(slots=True)
class WriteJob:
    """A request to store: its row, its events, the records skipped from it."""

    request: RequestRow
    records: list[EventRecord] = field(default_factory=list)
    bad: list[BadRecord] = field(default_factory=list)
    waiter: object = None
    """Whatever the submitter needs to find its answer again (the server's future)."""


Notify = Callable[[list[WriteJob], StorageError | None], None]


class Store(Protocol):
    """Where the writer commits: its own connection to a file, or the window's session file."""

    @property
    def path(self) -> str: ...

    def history(self) -> tuple[int, set[int]]:
        """The next free request id and the messageId hashes already stored."""
        ...

    def write(self, jobs: list[WriteJob]) -> None:
        """Store the jobs in one durable transaction (raise when it failed, nothing stored)."""
        ...

    def close(self) -> None: ...


class FileStore:
    """A session file of the capture's own, written through its own connection."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    def history(self) -> tuple[int, set[int]]:
        return history(self.conn)

    def write(self, jobs: list[WriteJob]) -> None:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            insert_jobs(conn, jobs)
            conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            _log.exception("rolling back the session file failed")

    def close(self) -> None:
        self.conn.close()


@dataclass(frozen=True, slots=True)
class _Switch:
    conn: sqlite3.Connection
    path: str


def history(conn: sqlite3.Connection) -> tuple[int, set[int]]:
    """A session file's next free request id and the messageId hashes it holds."""
    last = conn.execute("SELECT coalesce(max(id), 0) FROM requests").fetchone()[0]
    rows = conn.execute("SELECT json_extract(CAST(raw AS TEXT), '$.messageId') FROM events")
    return last + 1, {h for (m,) in rows if (h := message_hash(m))}


def open_session_file(path: str) -> sqlite3.Connection:
    """Open or create a session file for appending; CaptureError if it cannot be one."""
    try:
        conn = connect(path)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables and app_id != APPLICATION_ID:
            conn.close()
            raise CaptureError(f"{path} is an SQLite database but not a session file")
        create_schema(conn, __version__)
    except sqlite3.Error as exc:
        raise CaptureError(f"cannot open the session file {path}: {exc}") from exc
    return conn


class SessionWriter:
    """Commits write jobs in arrival order on a thread of its own.

    Args:
        path: the session file (created when missing), unless ``store`` is given.
        notify: called on the writer thread once per group with its jobs, after the commit
            (error ``None``) or after a failed one (a :class:`StorageError`).
        sink: told of the committed events and skipped records of each group.
        store: where to commit instead of a file of its own (the window's session file).
    """

    def __init__(
        self, path: str, notify: Notify, sink: Sink | None = None, store: Store | None = None
    ) -> None:
        self._notify = notify
        self._sink = sink
        self._queue: queue.SimpleQueue[list[WriteJob] | _Switch | None] = queue.SimpleQueue()
        self._store: Store = store or FileStore(open_session_file(path), path)
        self._thread = threading.Thread(target=self._run, name="capture-writer", daemon=True)

    @property
    def path(self) -> str:
        return self._store.path

    def history(self) -> tuple[int, set[int]]:
        """The next free request id and the messageId hashes already stored (before start)."""
        return self._store.history()

    def switch(self, conn: sqlite3.Connection, path: str) -> None:
        """From now on write to ``conn`` (jobs queued before this call go to the old file)."""
        self._queue.put(_Switch(conn, path))

    def start(self) -> None:
        self._thread.start()

    def submit(self, *jobs: WriteJob) -> None:
        """Queue jobs (any thread), in order; ``notify`` tells when they are stored.

        Handing over several at once wakes the writer thread once for all of them.
        """
        self._queue.put(list(jobs))

    def close(self) -> None:
        """Commit what is queued, then stop the thread and close the file."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        self._store.close()

    def _run(self) -> None:
        pending: list[WriteJob] | _Switch | None = None
        while True:
            item = pending if pending is not None else self._queue.get()
            pending = None
            if item is None:
                break
            if isinstance(item, _Switch):
                self._store.close()
                self._store = FileStore(item.conn, item.path)
                continue
            jobs = list(item)
            events = sum(len(j.records) for j in jobs)
            while events < _MAX_GROUP_EVENTS:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if not isinstance(more, list):
                    pending = more  # a stop or a switch: after this group is committed
                    if more is None:
                        self._queue.put(None)
                    break
                jobs.extend(more)
                events += sum(len(j.records) for j in more)
            if jobs:
                FOREGROUND.pass_through()  # building the rows holds the GIL: not while the
                self._commit(jobs)  # window repaints

    def _commit(self, jobs: list[WriteJob]) -> None:
        try:
            self._store.write(jobs)
        except Exception as exc:  # whatever it is, the waiting requests get an answer (503)
            if not isinstance(exc, (sqlite3.Error, InspectorError)):
                _log.exception("storing captured events failed")
            error = StorageError(f"the session file {self.path} could not be written ({exc})")
            self._notify(jobs, error)
            return
        if self._sink is not None:  # before the answers: a client told 200 finds it shown
            records = [r for j in jobs for r in j.records]
            bad = [b for j in jobs for b in j.bad]
            try:
                self._sink(records, bad)
            except Exception:  # a failing listener must not stop the storing
                _log.exception("the capture listener failed")
        self._notify(jobs, None)


def insert_jobs(conn: sqlite3.Connection, jobs: list[WriteJob]) -> None:
    """Insert the jobs' request rows, events and skipped records (inside a transaction).

    A request id already taken in the file (another writer, or a file changed under the
    capture) is replaced by the next free one, in the job's events and records too.
    """
    _renumber(conn, jobs)
    conn.executemany(
        "INSERT INTO requests(id, received_at, method, path, headers, body, status, "
        "reason, retry_count, write_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_request_values(j.request) for j in jobs],
    )
    insert_events(conn, (_event_row(r, j.request) for j in jobs for r in j.records))
    conn.executemany(
        "INSERT INTO bad_records(source, reason, raw, received_at, request_id) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (b.source.label, b.reason, None, j.request.received_at, j.request.id)
            for j in jobs
            for b in j.bad
        ],
    )


def _renumber(conn: sqlite3.Connection, jobs: list[WriteJob]) -> None:
    last = conn.execute("SELECT coalesce(max(id), 0) FROM requests").fetchone()[0]
    if not jobs or min(j.request.id for j in jobs) > last:
        return
    for job in jobs:
        last += 1
        job.request.id = last
        for record in job.records:
            record.source = replace(record.source, entry=last)
        job.bad = [replace(b, source=replace(b.source, entry=last)) for b in job.bad]


def _request_values(r: RequestRow) -> tuple[object, ...]:
    return (
        r.id,
        r.received_at,
        r.method,
        r.path,
        r.headers,
        r.body,
        r.status,
        r.reason,
        r.retry_count,
        r.write_key,
    )


def _event_row(record: EventRecord, request: RequestRow) -> EventRow:
    source = record.source
    return EventRow(
        raw=record.raw,
        origin=source.kind,
        received_at=request.received_at,
        path=source.path,
        entry=source.entry,
        item=source.item,
        write_key=record.write_key,
        warnings=orjson.dumps(list(record.warnings)).decode(),
        request_id=request.id,
    )
