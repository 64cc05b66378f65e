"""Reading session files back: events in arrival order, edits, config and window state."""

from __future__ import annotations

import bisect
import gc
import os
import sqlite3
from array import array
from collections.abc import Callable, Iterator
from typing import Any

import orjson

from inspector.core.cancel import CancelToken
from inspector.core.destinations import DestinationConfig
from inspector.core.errors import ConfigError
from inspector.core.events import EventRecord, EventSource
from inspector.core.loaders import BadRecord
from inspector.core.sessionfile._content import EditEntry, RequestsSummary, SessionData
from inspector.core.sessionfile._open import open_for_reading, translated

__all__ = ["read_session", "iter_session", "read_meta"]

RowProgress = Callable[[int, int], None]
"""Called as ``progress(events_read, total_events)``."""

_EVENTS = (
    "SELECT seq, raw, origin, path, line, entry, item, write_key, warnings, received_at "
    "FROM events ORDER BY seq"
)


def read_session(
    path: str | os.PathLike[str],
    *,
    progress: RowProgress | None = None,
    cancel: CancelToken | None = None,
) -> SessionData:
    """Read a whole session file (read-only: the file is never modified).

    Raises:
        SessionFileError: one sentence on why the file cannot be read (too new, locked,
            damaged, not a session file).
        LoadCancelled: ``cancel`` was set.
    """
    name = os.fspath(path)
    conn = open_for_reading(name)
    collecting = gc.isenabled()
    gc.disable()  # a million new acyclic records would set off full collections for nothing
    try:
        with translated(name):
            return _read_all(conn, name, progress, cancel)
    finally:
        conn.close()
        if collecting:
            gc.enable()


def iter_session(
    path: str | os.PathLike[str],
    *,
    progress: RowProgress | None = None,
    cancel: CancelToken | None = None,
) -> Iterator[EventRecord | BadRecord]:
    """Stream a session's events in arrival order, edited ones as edited, then its skipped
    records: what the loaders yield for a session file."""
    name = os.fspath(path)
    conn = open_for_reading(name)
    try:
        with translated(name):
            current = {seq: raw for seq, raw, _ in _edit_rows(conn)}
            total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            for done, row in enumerate(conn.execute(_EVENTS), start=1):
                if done % 1024 == 1:
                    _tick(done, total, progress, cancel)
                record, _ = _record(row, name)
                edited = current.get(row[0], None) if current else None
                yield _edited(record, edited) if edited is not None else record
            yield from _bad_records(conn)
            _tick(total, total, progress, None)
    finally:
        conn.close()


def read_meta(path: str | os.PathLike[str]) -> dict[str, str]:
    """The ``meta`` table of a session file (format, writer, creation time, autosave owner)."""
    name = os.fspath(path)
    conn = open_for_reading(name)
    try:
        with translated(name):
            return dict(conn.execute("SELECT key, value FROM meta"))
    finally:
        conn.close()


def _tick(done: int, total: int, progress: RowProgress | None, cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.check()
    if progress is not None:
        progress(done, total)


def _read_all(
    conn: sqlite3.Connection,
    name: str,
    progress: RowProgress | None,
    cancel: CancelToken | None,
) -> SessionData:
    total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    records: list[EventRecord] = []
    arrivals: array[float] = array("d")
    for index, row in enumerate(conn.execute(_EVENTS)):
        if index % 1024 == 0:
            _tick(index, total, progress, cancel)
        record, at = _record(row, name)
        records.append(record)
        arrivals.append(at)
    history, originals = _apply_edits(conn, records)
    state = dict(conn.execute("SELECT key, value FROM state"))
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    config, notes = _config(state.get("config"))
    _tick(total, total, progress, None)
    return SessionData(
        path=name,
        records=records,
        originals=originals,
        history=history,
        arrivals=arrivals,
        bad=list(_bad_records(conn)),
        config=config,
        ui_state=_json_object(state.get("ui")),
        fresh_sdk=state.get("fresh_sdk") == "true",
        requests=_requests(conn),
        created_by=meta.get("created_by", ""),
        removed_secrets=tuple(_json_list(state.get("removed_secrets"))),
        notes=notes,
    )


def _record(row: tuple[Any, ...], name: str) -> tuple[EventRecord, float]:
    seq, raw, origin, path, line, entry, item, write_key, warnings, at = row
    source = EventSource(origin, path, line, entry, item)
    raw = bytes(raw)
    try:
        data = orjson.loads(raw)
        if not isinstance(data, dict):
            raise TypeError
    except (orjson.JSONDecodeError, TypeError):
        # bytes damaged inside the file: keep the event, visibly, rather than lose the rest
        data = {}
        warnings = orjson.dumps([f"event {seq} of {name} is damaged: its JSON does not parse"])
    record = EventRecord.from_dict(
        data, source, write_key=write_key, warnings=tuple(_json_list(warnings)), raw=raw
    )
    return record, float(at)


def _edited(original: EventRecord, raw: bytes) -> EventRecord:
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return original
    if not isinstance(data, dict):
        return original
    return EventRecord.from_dict(
        data, original.source, write_key=original.write_key, warnings=original.warnings, raw=raw
    )


def _edit_rows(conn: sqlite3.Connection) -> Iterator[tuple[int, bytes | None, float]]:
    """Every edit in the order made; the last one per event wins (``None``: reverted)."""
    latest: dict[int, tuple[int, bytes | None, float]] = {}
    for seq, raw, at in conn.execute("SELECT seq, raw, edited_at FROM edits ORDER BY id"):
        latest[seq] = (seq, None if raw is None else bytes(raw), at)
    return (row for row in latest.values() if row[1] is not None)


def _apply_edits(
    conn: sqlite3.Connection, records: list[EventRecord]
) -> tuple[dict[int, list[EditEntry]], dict[int, EventRecord]]:
    history: dict[int, list[EditEntry]] = {}
    index_of = _index_of(conn)
    for seq, raw, at in conn.execute("SELECT seq, raw, edited_at FROM edits ORDER BY id"):
        index = index_of(seq)
        if 0 <= index < len(records):
            entry = EditEntry(index, None if raw is None else bytes(raw), float(at))
            history.setdefault(index, []).append(entry)
    originals: dict[int, EventRecord] = {}
    for index, entries in history.items():
        last = entries[-1].raw
        if last is not None:
            originals[index] = records[index]
            records[index] = _edited(records[index], last)
    return history, originals


def _index_of(conn: sqlite3.Connection) -> Callable[[int], int]:
    """Event index from ``seq`` (the number of events before it; -1: no such event)."""
    first, last, count = conn.execute("SELECT min(seq), max(seq), count(*) FROM events").fetchone()
    if count == 0:
        return lambda _seq: -1
    if last - first + 1 == count:  # no gaps: the usual case
        return lambda seq: seq - first if first <= seq <= last else -1
    seqs = [row[0] for row in conn.execute("SELECT seq FROM events ORDER BY seq")]

    def search(seq: int) -> int:
        at = bisect.bisect_left(seqs, seq)
        return at if at < len(seqs) and seqs[at] == seq else -1

    return search


def _bad_records(conn: sqlite3.Connection) -> Iterator[BadRecord]:
    for label, reason in conn.execute("SELECT source, reason FROM bad_records ORDER BY id"):
        yield BadRecord(EventSource("file", label), reason)


def _requests(conn: sqlite3.Connection) -> RequestsSummary:
    by_status = dict(conn.execute("SELECT status, count(*) FROM requests GROUP BY status"))
    count, first, last = conn.execute(
        "SELECT count(*), min(received_at), max(received_at) FROM requests"
    ).fetchone()
    return RequestsSummary(count, by_status, first, last)


def _config(text: str | None) -> tuple[DestinationConfig | None, list[str]]:
    if text is None:
        return None, []
    try:
        return DestinationConfig.from_json(orjson.loads(text)), []
    except (orjson.JSONDecodeError, ConfigError) as exc:
        return None, [f"the saved destination config could not be used ({exc})"]


def _json_object(text: str | None) -> dict[str, Any]:
    try:
        value = orjson.loads(text or "{}")
    except orjson.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def _json_list(text: str | bytes | None) -> list[str]:
    if not text or text == "[]":
        return []
    try:
        value = orjson.loads(text or "[]")
    except orjson.JSONDecodeError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []
