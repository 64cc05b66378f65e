"""Writing session files: a whole session at once (atomically), or appends to an attached file.

A save writes a temporary file next to the target and renames it over the target only once it
is complete and on disk, so a crash or a full disk mid-save leaves the old file as it was.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import orjson

from inspector import __version__
from inspector.core.cancel import CancelToken
from inspector.core.destinations import DestinationConfig
from inspector.core.errors import SessionCorrupt, SessionFileError
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord
from inspector.core.sessionfile._content import EditEntry, SessionContent, config_without_secrets
from inspector.core.sessionfile._open import is_sqlite_file, translated
from inspector.core.sessionfile._schema import EventRow, create_schema, insert_events

__all__ = [
    "write_session",
    "event_rows",
    "write_state",
    "write_edits",
    "write_bad",
    "replace_file",
    "temp_beside",
]

BATCH = 10_000
SaveProgress = Callable[[int, int], None]
"""Called as ``progress(events_written, total_events)``."""


def event_rows(records: Iterable[EventRecord], arrivals: Iterable[float]) -> Iterator[EventRow]:
    """The ``events`` rows of records, with their arrival times."""
    for record, at in zip(records, arrivals, strict=False):
        src = record.source
        yield EventRow(
            raw=record.raw,
            origin=src.kind,
            received_at=at,
            path=src.path,
            line=src.line,
            entry=src.entry,
            item=src.item,
            write_key=record.write_key,
            warnings=orjson.dumps(list(record.warnings)).decode() if record.warnings else "[]",
        )


def write_edits(conn: sqlite3.Connection, edits: Iterable[EditEntry], first_seq: int = 1) -> None:
    """Append edit rows inside the caller's transaction (event ``index`` is ``seq - first_seq``)."""
    conn.executemany(
        "INSERT INTO edits(seq, raw, edited_at) VALUES (?, ?, ?)",
        ((e.index + first_seq, e.raw, e.edited_at) for e in edits),
    )


def write_bad(conn: sqlite3.Connection, bad: Iterable[BadRecord], at: float) -> None:
    """Append skipped records inside the caller's transaction."""
    conn.executemany(
        "INSERT INTO bad_records(source, reason, received_at) VALUES (?, ?, ?)",
        ((b.source.label, b.reason, at) for b in bad),
    )


def write_state(
    conn: sqlite3.Connection,
    config: DestinationConfig | None,
    ui_state: Mapping[str, Any],
    fresh_sdk: bool,
) -> None:
    """Store the config (without secrets), window state and SDK mode, replacing earlier ones."""
    values = {
        "ui": orjson.dumps(dict(ui_state)).decode(),
        "fresh_sdk": "true" if fresh_sdk else "false",
    }
    if config is not None:
        data, removed = config_without_secrets(config)
        values["config"] = orjson.dumps(data).decode()
        values["removed_secrets"] = orjson.dumps(removed).decode()
    conn.executemany("INSERT OR REPLACE INTO state(key, value) VALUES (?, ?)", values.items())


def write_session(
    path: str | os.PathLike[str],
    content: SessionContent,
    *,
    meta: Mapping[str, str] | None = None,
    progress: SaveProgress | None = None,
    cancel: CancelToken | None = None,
) -> None:
    """Write ``content`` as a session file at ``path``, replacing any file there atomically.

    Raises:
        SessionFileError: the file cannot be written (one sentence; the old file is intact).
        LoadCancelled: ``cancel`` was set; nothing was changed.
    """
    target = os.fspath(path)
    temp = temp_beside(target)
    try:
        with translated(target):
            _fill(temp, content, meta or {}, progress, cancel)
        replace_file(temp, target)
    except OSError as exc:
        _remove_quietly(temp)
        raise SessionFileError(target, f"cannot be saved ({exc.strerror or exc})") from exc
    except BaseException:
        _remove_quietly(temp)
        raise


def _fill(
    temp: str,
    content: SessionContent,
    meta: Mapping[str, str],
    progress: SaveProgress | None,
    cancel: CancelToken | None,
) -> None:
    # The temporary file needs no journal: until the rename it is nobody's session.
    conn = sqlite3.connect(temp, isolation_level=None)
    try:
        conn.execute("PRAGMA page_size=16384")  # ~1 KB events fill big pages with less slack
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        create_schema(conn, __version__)
        conn.execute("BEGIN")
        now = time.time()
        total = len(content.records)
        arrivals = content.arrivals if content.arrivals is not None else itertools.repeat(now)
        rows = event_rows(content.records, arrivals)
        for done in range(0, total, BATCH):
            if cancel is not None:
                cancel.check()
            insert_events(conn, itertools.islice(rows, BATCH))
            if progress is not None:
                progress(min(done + BATCH, total), total)
        write_edits(conn, content.edits)
        write_bad(conn, content.bad, now)
        write_state(conn, content.config, content.ui_state, content.fresh_sdk)
        conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", meta.items())
        conn.execute("COMMIT")
        # At rest a session is one self-contained file: a rollback journal, which leaves no
        # -wal/-shm files beside it when read. A writer attaching to it switches it to WAL.
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def temp_beside(target: str) -> str:
    """A new empty temporary file in ``target``'s folder, to be renamed over it once written.

    Raises:
        SessionFileError: the folder cannot be written (one sentence).
    """
    folder = os.path.dirname(os.path.abspath(target))
    try:
        fd, temp = tempfile.mkstemp(prefix=".saving-", suffix=".jimo-session", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise SessionFileError(target, f"cannot save here ({exc.strerror or exc})") from exc
    return temp


def replace_file(temp: str, target: str) -> None:
    """Flush ``temp`` to disk and rename it over ``target`` (atomic on one file system)."""
    try:
        _fsync(temp)
        _release(target)
        os.replace(temp, target)
        _fsync_folder(os.path.dirname(os.path.abspath(target)))
    except OSError as exc:
        raise SessionFileError(target, f"cannot be saved ({exc.strerror or exc})") from exc


def _release(target: str) -> None:
    """Fold a target's write-ahead log into it and remove it: left beside the new file, it
    would be replayed into it. Raises SessionLocked while another connection holds it."""
    if not os.path.exists(target + "-wal"):
        return
    if is_sqlite_file(target):
        try:
            with translated(target):
                conn = sqlite3.connect(target, timeout=0.5, isolation_level=None)
                try:
                    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
                    conn.execute("BEGIN EXCLUSIVE")
                    conn.execute("COMMIT")
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    conn.close()
        except SessionCorrupt:
            pass  # a damaged file being replaced: its log goes with it
    for suffix in ("-wal", "-shm"):
        _remove_quietly(target + suffix)


def _fsync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: str) -> None:
    if os.name != "posix":
        return  # Windows has no directory handles to flush; MoveFileEx is durable enough
    _fsync(folder)


def _remove_quietly(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
