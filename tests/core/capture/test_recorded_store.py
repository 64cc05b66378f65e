"""Capturing through a session's recorder: the file it records into now, ids unique per file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest

from inspector.core.capture import CaptureServer, CaptureSettings, RecordedStore
from inspector.core.capture._writer import RequestRow, WriteJob
from inspector.core.errors import SessionFileError
from inspector.core.events import EventRecord, EventSource
from inspector.core.sessionfile import AttachedSession, SessionContent, SessionRecorder
from tests.factories import make_event


def _recorder(path: Path, names: tuple[str, ...] = ()) -> SessionRecorder:
    records = [EventRecord.from_dict(make_event(event=n), EventSource("paste")) for n in names]
    return SessionRecorder(AttachedSession.create(path, SessionContent(records)))


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_events_go_to_the_recorder_file_of_the_moment_with_ids_free_in_that_file(
    tmp_path: Path,
) -> None:
    current = [_recorder(tmp_path / "a.jimo-session", ("Loaded before",))]
    store = RecordedStore(lambda: current[0])
    captured: list[EventRecord] = []
    server = CaptureServer(
        CaptureSettings(port=0),
        sink=lambda records, _bad: captured.extend(records),
        store=store,
    )
    url = server.start()
    try:
        assert server.session_path == str(tmp_path / "a.jimo-session")
        for n in range(3):
            assert httpx.post(f"{url}/v1/t", json=make_event(event=f"A{n}")).status_code == 200
        # the session moves to another file that already holds capture requests 1 to 5
        other = _recorder(tmp_path / "b.jimo-session")
        other.write_now(
            lambda conn: conn.executemany(
                "INSERT INTO requests(id, received_at, method, path, headers, status) "
                "VALUES (?, 0, 'POST', '/v1/t', '{}', 200)",
                [(n,) for n in range(1, 6)],
            )
        )
        old, current[0] = current[0], other
        old.close()
        batch = {"batch": [make_event(event="B0"), make_event(event="B1")]}
        assert httpx.post(f"{url}/v1/batch", json=batch).status_code == 200
    finally:
        server.stop()
        current[0].close()
    a_events = _rows(tmp_path / "a.jimo-session", "SELECT origin, entry FROM events ORDER BY seq")
    assert a_events == [("paste", None), ("capture", 1), ("capture", 2), ("capture", 3)]
    b_requests = _rows(tmp_path / "b.jimo-session", "SELECT id FROM requests ORDER BY id")
    assert b_requests == [(n,) for n in range(1, 7)]
    b_events = _rows(tmp_path / "b.jimo-session", "SELECT entry, item FROM events ORDER BY seq")
    assert b_events == [(6, 1), (6, 2)]  # the capture's request 4 took the free id 6
    assert [r.source.entry for r in captured] == [1, 2, 3, 6, 6]  # what the window shows
    assert store.stored_in == {str(tmp_path / "a.jimo-session"), str(tmp_path / "b.jimo-session")}


def test_a_closed_recorder_refuses_work_instead_of_waiting_forever(tmp_path: Path) -> None:
    recorder = _recorder(tmp_path / "c.jimo-session")
    recorder.close()
    assert recorder.closed
    with pytest.raises(SessionFileError, match="closed"):
        recorder.write_now(lambda conn: conn.execute("SELECT 1").fetchone())


def test_without_a_session_file_the_capture_answers_503(tmp_path: Path) -> None:
    server = CaptureServer(CaptureSettings(port=0), store=RecordedStore(lambda: None))
    with pytest.raises(Exception, match="no session file"):
        server.start()


def test_a_write_that_met_a_recorder_closed_under_it_goes_to_the_new_one(tmp_path: Path) -> None:
    old, new = _recorder(tmp_path / "old.jimo-session"), _recorder(tmp_path / "new.jimo-session")
    old.close()  # Clear: the window's session moved on while the capture held the old recorder
    handed = iter([old])
    store = RecordedStore(lambda: next(handed, new))
    record = EventRecord.from_dict(make_event(), EventSource("capture", "/v1/t", entry=1))
    try:
        store.write([WriteJob(RequestRow(1, 0.0, "POST", "/v1/t", "{}", 200), [record])])
    finally:
        new.close()
    assert _rows(tmp_path / "new.jimo-session", "SELECT origin, entry FROM events") == [
        ("capture", 1)
    ]
    assert store.stored_in == {str(tmp_path / "new.jimo-session")}
