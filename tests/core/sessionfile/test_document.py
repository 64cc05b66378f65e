"""The open session's file: autosaved until saved, recorded from a writer thread, Save as."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.core.destinations import default_config
from inspector.core.errors import SessionFileError
from inspector.core.events import EventRecord, EventSource
from inspector.core.sessionfile import (
    AttachedSession,
    SessionContent,
    SessionDocument,
    SessionRecorder,
    find_orphans,
    read_session,
    write_session,
)
from tests.factories import make_event


def _records(names: list[str]) -> list[EventRecord]:
    return [EventRecord.from_dict(make_event(event=n), EventSource("paste")) for n in names]


def test_an_unsaved_session_is_recorded_into_its_autosave_then_saved_as(tmp_path: Path) -> None:
    autosaves = tmp_path / "autosave"
    doc = SessionDocument(autosaves)
    doc.start_unsaved()
    assert doc.recorder is not None and doc.autosave is not None and not doc.saved
    doc.recorder.append(_records(["A", "B"]))
    doc.recorder.record_edit(1, _records(["B edited"])[0])
    doc.recorder.save_state(default_config(), {"selection": 1}, False)
    doc.flush()
    autosave = read_session(doc.autosave.path)
    assert [r.name for r in autosave.records] == ["A", "B edited"]

    target = tmp_path / "mine.jimo-session"
    doc.save_as(target)
    assert doc.saved and doc.title == "mine.jimo-session"
    assert list(autosaves.iterdir()) == []  # saved: no autosave left
    doc.recorder.append(_records(["C"]))  # later changes go straight into the saved file
    doc.close()
    saved = read_session(target)
    assert [r.name for r in saved.records] == ["A", "B edited", "C"]
    assert saved.ui_state == {"selection": 1}


def test_opening_a_session_file_records_into_it(tmp_path: Path) -> None:
    path = tmp_path / "s.jimo-session"
    write_session(path, SessionContent(_records(["A"])))
    doc = SessionDocument(tmp_path / "autosave")
    data = doc.open(path)
    assert [r.name for r in data.records] == ["A"] and doc.path == str(path)
    assert doc.recorder is not None
    doc.recorder.append(_records(["B"]))
    doc.close()
    assert [r.name for r in read_session(path).records] == ["A", "B"]
    assert path.exists()  # closing a saved session keeps its file


def test_a_clean_close_removes_the_autosave_and_leaves_no_orphan(tmp_path: Path) -> None:
    doc = SessionDocument(tmp_path)
    doc.start_unsaved()
    assert len(list(tmp_path.glob("*.jimo-session"))) == 1
    doc.close()
    assert list(tmp_path.iterdir()) == [] and find_orphans(tmp_path) == []


def test_a_write_error_is_reported_once_and_raised_on_flush(tmp_path: Path) -> None:
    path = tmp_path / "s.jimo-session"
    write_session(path, SessionContent(_records(["A"])))
    errors: list[SessionFileError] = []
    recorder = SessionRecorder(AttachedSession(path), errors.append)
    recorder.record_edit(5, None)  # no such event
    recorder.record_edit(6, None)
    with pytest.raises(SessionFileError, match="could not be updated"):
        recorder.flush()
    recorder.close()
    assert len(errors) == 1 and str(errors[0]).startswith(str(path))


def test_save_as_onto_a_file_open_in_another_program_fails_and_recording_goes_on(
    tmp_path: Path,
) -> None:
    other = tmp_path / "other.jimo-session"
    write_session(other, SessionContent([]))
    holder = AttachedSession(other)  # the other program, mid-session (WAL in use)
    holder.append(_records(["theirs"]))
    doc = SessionDocument(tmp_path / "autosave")
    doc.start_unsaved()
    assert doc.recorder is not None
    doc.recorder.append(_records(["mine"]))
    try:
        with pytest.raises(SessionFileError, match="locked"):
            doc.save_as(other)
    finally:
        holder.close()
    assert [r.name for r in read_session(other).records] == ["theirs"]
    doc.recorder.append(_records(["more"]))
    doc.save_as(other)
    doc.close()
    assert [r.name for r in read_session(other).records] == ["mine", "more"]


def test_restoring_an_orphan_goes_on_recording_into_it(tmp_path: Path) -> None:
    import subprocess
    import sys

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait(timeout=30)
    orphan_path = tmp_path / f"autosave-{dead.pid}-x.jimo-session"
    write_session(orphan_path, SessionContent(_records(["A"])), meta={"owner_pid": str(dead.pid)})
    [orphan] = find_orphans(tmp_path)
    doc = SessionDocument(tmp_path)
    data = doc.restore(orphan)
    assert [r.name for r in data.records] == ["A"] and not doc.saved
    assert doc.autosave is not None and doc.recorder is not None
    doc.recorder.append(_records(["B"]))
    doc.flush()
    assert [r.name for r in read_session(doc.autosave.path).records] == ["A", "B"]
    assert find_orphans(tmp_path) == [] and not orphan_path.exists()
    doc.close()
    assert list(tmp_path.glob("*.jimo-session")) == []


def test_save_as_onto_its_own_file_just_saves(tmp_path: Path) -> None:
    path = tmp_path / "s.jimo-session"
    write_session(path, SessionContent(_records(["A"])))
    doc = SessionDocument(tmp_path / "autosave")
    doc.open(path)
    assert doc.recorder is not None
    doc.recorder.append(_records(["B"]))
    doc.save_as(path)
    assert doc.path == str(path)
    assert [r.name for r in read_session(path).records] == ["A", "B"]
    doc.close()


def test_save_as_into_a_missing_folder_is_one_sentence_and_recording_goes_on(
    tmp_path: Path,
) -> None:
    doc = SessionDocument(tmp_path / "autosave")
    doc.start_unsaved()
    assert doc.recorder is not None
    doc.recorder.append(_records(["A"]))
    target = tmp_path / "no such folder" / "s.jimo-session"
    with pytest.raises(SessionFileError, match=r"s\.jimo-session: cannot save here \("):
        doc.save_as(target)
    assert not doc.saved
    doc.recorder.append(_records(["B"]))
    doc.flush()
    assert doc.autosave is not None
    assert [r.name for r in read_session(doc.autosave.path).records] == ["A", "B"]
    doc.close()


def test_another_source_writes_through_the_recorder_in_order_and_follows_save_as(
    tmp_path: Path,
) -> None:
    import threading

    from inspector.core.sessionfile import EventRow, insert_events

    doc = SessionDocument(tmp_path / "autosave")
    doc.start_unsaved()
    recorder = doc.recorder
    assert recorder is not None

    def capture(name: str) -> int:
        def work(conn):  # type: ignore[no-untyped-def]
            conn.execute(
                "INSERT INTO requests(received_at, method, path, status) "
                "VALUES (1.0, 'POST', '/v1/t', 200)"
            )
            raw = json.dumps(make_event(event=name)).encode()
            insert_events(conn, [EventRow(raw, "capture", 1.0, path="/v1/t")])
            return int(conn.execute("SELECT max(seq) FROM events").fetchone()[0])

        return recorder.write_now(work)

    recorder.append(_records(["Pasted"]))
    seqs: list[int] = []
    worker = threading.Thread(target=lambda: seqs.append(capture("Captured")))
    worker.start()
    worker.join(10)
    assert seqs == [2]  # after what was queued before it, committed when write_now returned
    target = tmp_path / "saved.jimo-session"
    doc.save_as(target)
    capture("Captured after save")
    doc.close()
    data = read_session(target)
    assert [r.name for r in data.records] == ["Pasted", "Captured", "Captured after save"]
    assert data.requests.count == 2
