"""Acknowledged = stored: the session file, its failures (503), reopening it, the port."""

from __future__ import annotations

import socket
import sqlite3
import threading
from pathlib import Path

import httpx
import pytest

from inspector.core.capture import CaptureError, CaptureServer, CaptureSettings
from inspector.core.capture._paths import new_session_path
from tests.core.capture.conftest import Capture, start_capture
from tests.factories import make_event


def test_a_full_session_file_answers_503_and_tells_the_user(capture: Capture) -> None:
    assert capture.client.post("/v1/t", json=make_event()).status_code == 200
    # a page limit on the writer's own connection fails commits exactly like a full disk
    writer_conn = capture.server._writer._store.conn  # type: ignore[union-attr]  # noqa: SLF001
    pages = writer_conn.execute("PRAGMA page_count").fetchone()[0]
    writer_conn.execute(f"PRAGMA max_page_count={pages}")
    big = make_event(properties={"text": "x" * 30_000})
    response = capture.client.post("/v1/t", json=big)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert "database or disk is full" in response.json()["message"]
    assert capture.storage_errors and "could not be written" in capture.storage_errors[0]
    assert len(capture.stored()) == 1
    writer_conn.execute("PRAGMA max_page_count=1073741823")
    assert capture.client.post("/v1/t", json=big).status_code == 200  # recovers once it can
    assert len(capture.stored()) == 2
    assert [r.name for r in capture.records] == ["Signed Up", "Signed Up"]


def test_a_session_file_that_cannot_be_created_is_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    server = CaptureServer(CaptureSettings(port=0, session=str(blocker / "s.jimo-session")))
    with pytest.raises(CaptureError, match=r"^cannot open the session file .*s\.jimo-session: "):
        server.start()
    assert not server.running


def test_another_sqlite_database_is_not_taken_for_a_session_file(tmp_path: Path) -> None:
    other = tmp_path / "app.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
    server = CaptureServer(CaptureSettings(port=0, session=str(other)))
    with pytest.raises(CaptureError, match="is an SQLite database but not a session file"):
        server.start()


def test_a_port_in_use_is_one_sentence(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = CaptureServer(CaptureSettings(port=port, session=str(tmp_path / "s.jimo-session")))
        with pytest.raises(CaptureError) as caught:
            server.start()
    assert str(caught.value) == f"port {port} on 127.0.0.1 is already in use"
    assert not server.running


def test_reopening_a_session_appends_and_remembers_message_ids(tmp_path: Path) -> None:
    first = start_capture(tmp_path)
    first.client.post("/v1/batch", json={"batch": [make_event(messageId="m-1"), make_event()]})
    first.server.stop()
    again = start_capture(tmp_path)
    try:
        again.client.post("/v1/t", json=make_event(messageId="m-1"))
        assert again.client.get("/_inspector/summary").json()["duplicates"] == 1
        assert again.rows("SELECT id FROM requests ORDER BY id") == [(1,), (2,)]
        assert again.rows("SELECT request_id FROM events ORDER BY seq") == [(1,), (1,), (2,)]
    finally:
        again.server.stop()


def test_requests_waiting_together_are_committed_together(capture: Capture) -> None:
    """Many concurrent single-event requests: all stored, in fewer transactions than requests."""
    commits = 0
    writer = capture.server._writer  # noqa: SLF001
    assert writer is not None
    original = writer._store.write  # noqa: SLF001

    def counting(jobs: list[object]) -> None:
        nonlocal commits
        commits += 1
        original(jobs)  # type: ignore[arg-type]

    writer._store.write = counting  # type: ignore[method-assign]  # noqa: SLF001
    url = capture.server.url

    def post(n: int) -> None:
        with httpx.Client(base_url=url) as client:
            for k in range(25):
                assert client.post("/v1/t", json=make_event(event=f"E{n}-{k}")).status_code == 200

    threads = [threading.Thread(target=post, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(capture.stored()) == 200
    assert commits < 200


def test_without_a_session_a_new_file_goes_to_the_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JIMO_INSPECTOR_DATA_DIR", str(tmp_path / "data"))
    first, second = new_session_path(), new_session_path()
    Path(first).touch()
    third = new_session_path()
    assert Path(first).parent == tmp_path / "data" / "captures"
    assert first.endswith(".jimo-session") and first == second
    assert third != first


def test_a_new_session_file_takes_the_next_requests_and_the_old_one_is_kept(
    capture: Capture, tmp_path: Path
) -> None:
    old_path = capture.server.session_path
    capture.client.post("/v1/t", json=make_event(event="Before"))
    new_path = capture.server.new_session(str(tmp_path / "next.jimo-session"))
    assert capture.server.session_path == new_path
    capture.client.post("/v1/t", json=make_event(event="After"))
    capture.client.post("/v1/t", content=b"[]")

    def names(path: str) -> list[tuple[object, ...]]:
        conn = sqlite3.connect(path)
        try:
            query = "SELECT json_extract(CAST(raw AS TEXT), '$.event'), request_id FROM events"
            return conn.execute(query).fetchall()
        finally:
            conn.close()

    assert names(old_path) == [("Before", 1)]
    assert names(new_path) == [("After", 1)]
    summary = capture.client.get("/_inspector/summary").json()
    assert (summary["accepted"], summary["rejected"]) == (1, 1)


def test_an_unexpected_failure_while_storing_answers_503_and_the_writer_goes_on(
    capture: Capture,
) -> None:
    writer = capture.server._writer  # noqa: SLF001
    assert writer is not None
    original = writer._store.write  # noqa: SLF001
    calls = 0

    def failing_once(jobs: list[object]) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("boom")
        original(jobs)  # type: ignore[arg-type]

    writer._store.write = failing_once  # type: ignore[method-assign]  # noqa: SLF001
    response = capture.client.post("/v1/t", json=make_event())
    assert response.status_code == 503
    assert "could not be written (boom)" in response.json()["message"]
    assert capture.client.post("/v1/t", json=make_event()).status_code == 200
    assert len(capture.stored()) == 1
