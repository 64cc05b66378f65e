"""Opening a session file safely: recognise it, check its version, and name what is wrong.

Reading opens the database read-only (``mode=ro``), so looking at a file never changes it.
Every failure becomes one :class:`SessionFileError` sentence naming the file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from inspector.core.errors import (
    NotASession,
    SessionCorrupt,
    SessionFileError,
    SessionLocked,
    SessionTooNew,
)
from inspector.core.sessionfile._schema import APPLICATION_ID, FORMAT_VERSION
from inspector.core.signatures import SQLITE_MAGIC, starts_with

__all__ = [
    "SQLITE_MAGIC",
    "SESSION_TABLES",
    "is_sqlite_file",
    "open_for_reading",
    "check_session",
    "translated",
]

SESSION_TABLES = frozenset({"meta", "events", "edits", "bad_records", "requests", "state"})
READ_TIMEOUT = 2.0
"""Seconds to wait for a writer's lock before saying the file is locked."""


def is_sqlite_file(path: str | os.PathLike[str]) -> bool:
    """Whether the file starts with SQLite's header (a session file, or another database)."""
    return starts_with(path, SQLITE_MAGIC)


@contextmanager
def translated(path: str) -> Iterator[None]:
    """Turn SQLite's exceptions inside the block into one-sentence session file errors."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise SessionLocked(
                path, "the session file is locked by another program; close it there and retry"
            ) from exc
        if "full" in text:
            raise SessionFileError(path, "the disk is full") from exc
        if "readonly" in text or "read-only" in text:
            raise SessionFileError(path, "the session file cannot be written here") from exc
        if "unable to open" in text:
            raise SessionFileError(path, "the session file cannot be opened") from exc
        raise SessionCorrupt(path, f"the session file is damaged ({exc})") from exc
    except sqlite3.DatabaseError as exc:  # "file is not a database", "disk image is malformed"
        raise SessionCorrupt(
            path, "the session file is damaged or truncated and cannot be read"
        ) from exc


def _check_file(path: str) -> None:
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError as exc:
        raise SessionFileError(path, "no such file") from exc
    except OSError as exc:
        raise SessionFileError(path, exc.strerror or str(exc)) from exc
    if size == 0:
        raise SessionCorrupt(path, "the session file is empty")
    if head != SQLITE_MAGIC:
        if SQLITE_MAGIC.startswith(head):
            raise SessionCorrupt(path, "the session file is truncated")
        raise NotASession(path, "this is not a Jimo Inspector session file")


def open_for_reading(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """A read-only connection to a checked session file (see :func:`check_session`)."""
    name = os.fspath(path)
    _check_file(name)
    uri = f"{Path(name).absolute().as_uri()}?mode=ro"  # as_uri escapes "?" and "#"
    with translated(name):
        conn = sqlite3.connect(uri, uri=True, timeout=READ_TIMEOUT, check_same_thread=False)
    try:
        check_session(conn, name)
    except BaseException:
        conn.close()
        raise
    return conn


def check_session(conn: sqlite3.Connection, path: str) -> None:
    """Raise unless ``conn`` is a session file this version can read."""
    with translated(path):
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if app_id != APPLICATION_ID:
        raise NotASession(path, "this SQLite database is not a Jimo Inspector session file")
    if version > FORMAT_VERSION:
        raise SessionTooNew(
            path,
            f"this session file was written by a newer version of Jimo Inspector "
            f"(format {version}; this version reads up to {FORMAT_VERSION}); update to open it",
        )
    missing = SESSION_TABLES - tables
    if missing:
        raise SessionCorrupt(
            path, f"the session file is damaged: table {sorted(missing)[0]!r} is missing"
        )
