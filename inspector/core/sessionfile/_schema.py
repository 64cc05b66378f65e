"""The session file's SQLite schema: one place that creates, recognises and versions it.

A session file (``.jimo-session``) is a plain SQLite database in WAL mode. Its tables:

==============  ===================================================================
``meta``        format version, the app version that wrote it, creation time
``events``      every event as received, in arrival order (``seq``), with its source
``requests``    capture: one row per HTTP request (status, reason, headers, body)
``bad_records`` records that could not be used, with their position and reason
``edits``       what-if edits, a row per edit (``raw`` NULL = reverted to the original)
``state``       destination config without secrets, window state, SDK session mode
==============  ===================================================================

Other modules may add tables of their own (the send ledger does) with
``CREATE TABLE IF NOT EXISTS``; a reader ignores tables it does not know.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "APPLICATION_ID",
    "FORMAT_VERSION",
    "SCHEMA",
    "EventRow",
    "connect",
    "create_schema",
    "insert_events",
]

APPLICATION_ID = 0x4A494D4F  # "JIMO": PRAGMA application_id tells a session file from other SQLite
FORMAT_VERSION = 1  # PRAGMA user_version; a file with a higher number was written by a newer app

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS requests (
    id INTEGER PRIMARY KEY,
    received_at REAL NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    headers TEXT NOT NULL DEFAULT '{}',
    body BLOB,
    status INTEGER NOT NULL,
    reason TEXT,
    retry_count INTEGER,
    write_key TEXT
);
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY,
    raw BLOB NOT NULL,
    origin TEXT NOT NULL,
    path TEXT NOT NULL DEFAULT '',
    line INTEGER,
    entry INTEGER,
    item INTEGER,
    write_key TEXT,
    warnings TEXT NOT NULL DEFAULT '[]',
    received_at REAL NOT NULL,
    request_id INTEGER REFERENCES requests(id)
);
CREATE TABLE IF NOT EXISTS bad_records (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    raw BLOB,
    received_at REAL NOT NULL,
    request_id INTEGER REFERENCES requests(id)
);
CREATE TABLE IF NOT EXISTS edits (
    id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL REFERENCES events(seq),
    raw BLOB,
    edited_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS edits_by_event ON edits(seq, id);
CREATE TABLE IF NOT EXISTS state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


@dataclass(frozen=True, slots=True)
class EventRow:
    """One ``events`` row to insert; ``origin`` is the EventSource kind (file, har, capture…)."""

    raw: bytes
    origin: str
    received_at: float
    path: str = ""
    line: int | None = None
    entry: int | None = None
    item: int | None = None
    write_key: str | None = None
    warnings: str = "[]"
    request_id: int | None = None


def connect(path: str, *, timeout: float = 5.0) -> sqlite3.Connection:
    """Open (or create) a database with the session file's pragmas: WAL, synchronous=FULL.

    ``synchronous=FULL`` makes a committed transaction durable before ``commit`` returns,
    which is what lets the capture server answer 200 only for events that are on disk.
    """
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def create_schema(conn: sqlite3.Connection, app_version: str) -> None:
    """Make ``conn`` a session file of this format (idempotent on a session file)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={FORMAT_VERSION}")
        conn.execute(
            "INSERT OR IGNORE INTO meta(key, value) VALUES "
            "('format', ?), ('created_by', ?), ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ'))",
            (str(FORMAT_VERSION), f"jimo-inspector {app_version}"),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def insert_events(conn: sqlite3.Connection, rows: Iterable[EventRow]) -> None:
    """Append rows inside the caller's transaction (``seq`` numbers follow arrival)."""
    conn.executemany(
        "INSERT INTO events(raw, origin, path, line, entry, item, write_key, warnings, "
        "received_at, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                r.raw,
                r.origin,
                r.path,
                r.line,
                r.entry,
                r.item,
                r.write_key,
                r.warnings,
                r.received_at,
                r.request_id,
            )
            for r in rows
        ),
    )
