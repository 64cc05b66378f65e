"""Saving a session and reading it back: events, edits with history, config, window state."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from inspector.core.destinations import default_config
from inspector.core.errors import SessionFileError
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord, read_bytes, read_path
from inspector.core.sessionfile import (
    APPLICATION_ID,
    AttachedSession,
    EditEntry,
    SessionContent,
    read_session,
    write_session,
)
from tests.factories import make_event
from tests.sessionfiles import DATA_HAR, cloud_config


def _load(path: Path) -> tuple[list[EventRecord], list[BadRecord]]:
    items = list(read_path(path))
    return (
        [i for i in items if isinstance(i, EventRecord)],
        [i for i in items if isinstance(i, BadRecord)],
    )


@pytest.fixture
def events_file(tmp_path: Path) -> Path:
    lines = [json.dumps(make_event(event=f"E{n}")) for n in range(5)]
    lines.insert(2, "{broken")
    path = tmp_path / "events.ndjson"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_events_come_back_in_arrival_order_with_source_raw_bytes_and_arrival(
    tmp_path: Path, events_file: Path
) -> None:
    records, bad = _load(events_file)
    records += _load(DATA_HAR)[0]
    pasted = [
        i for i in read_bytes(json.dumps(make_event("page")).encode()) if isinstance(i, EventRecord)
    ]
    records += pasted
    arrivals = [1000.0 + n for n in range(len(records))]
    saved = tmp_path / "s.jimo-session"
    write_session(saved, SessionContent(records, bad=bad, arrivals=arrivals))

    data = read_session(saved)
    assert [r.raw for r in data.records] == [r.raw for r in records]
    assert [r.source for r in data.records] == [r.source for r in records]
    assert [r.source.kind for r in data.records][-1] == "paste"
    assert {r.source.kind for r in data.records} >= {"file", "har", "paste"}
    assert [(r.type, r.name, r.user, r.write_key, r.warnings) for r in data.records] == [
        (r.type, r.name, r.user, r.write_key, r.warnings) for r in records
    ]
    assert list(data.arrivals) == arrivals
    assert [str(b) for b in data.bad] == [str(b) for b in bad] != []
    assert data.originals == {} and data.history == {}


def test_edits_keep_their_history_and_the_current_version_wins(tmp_path: Path) -> None:
    records, _ = _load(_ndjson(tmp_path, [make_event(event=f"E{n}") for n in range(3)]))
    first = json.dumps(make_event(event="First try")).encode()
    second = json.dumps(make_event(event="Second try")).encode()
    edits = [
        EditEntry(1, first, 10.0),
        EditEntry(2, first, 11.0),
        EditEntry(1, second, 12.0),
        EditEntry(2, None, 13.0),  # reverted
    ]
    saved = tmp_path / "s.jimo-session"
    write_session(saved, SessionContent(records, edits=edits))

    data = read_session(saved)
    assert [r.name for r in data.records] == ["E0", "Second try", "E2"]
    assert data.records[1].source == records[1].source  # an edit stays where it came from
    assert data.originals == {1: data.originals[1]} and data.originals[1].raw == records[1].raw
    assert data.history[1] == [EditEntry(1, first, 10.0), EditEntry(1, second, 12.0)]
    assert data.history[2] == [EditEntry(2, first, 11.0), EditEntry(2, None, 13.0)]


def test_from_current_records_originals_and_one_edit_per_edited_event(tmp_path: Path) -> None:
    records, _ = _load(_ndjson(tmp_path, [make_event(event=f"E{n}") for n in range(3)]))
    edited = EventRecord.from_dict(make_event(event="Changed"), records[0].source)
    current = [edited, records[1], records[2]]
    saved = tmp_path / "s.jimo-session"
    write_session(saved, SessionContent.from_current(current, {0: records[0]}))

    data = read_session(saved)
    assert [r.raw for r in data.records] == [r.raw for r in current]
    assert data.originals[0].raw == records[0].raw


def test_config_is_saved_without_secrets_and_ui_state_comes_back(tmp_path: Path) -> None:
    config = cloud_config("sk_live_very_secret")
    ui = {"selection": 2, "filter": 'type = "track"', "tab": 1, "sdk": "fresh"}
    saved = tmp_path / "s.jimo-session"
    write_session(saved, SessionContent([], config=config, ui_state=ui, fresh_sdk=True))

    assert b"sk_live_very_secret" not in saved.read_bytes()
    data = read_session(saved)
    assert data.config is not None
    assert data.config.destination == "actions-jimo-cloud"
    assert "apiKey" not in data.config.settings
    assert data.config.subscriptions == config.subscriptions
    assert data.removed_secrets == ("apiKey",)
    assert data.ui_state == ui and data.fresh_sdk is True


def test_device_mode_config_round_trips_whole(tmp_path: Path) -> None:
    config = default_config()
    saved = tmp_path / "s.jimo-session"
    write_session(saved, SessionContent([], config=config))
    data = read_session(saved)
    assert data.config == config and data.removed_secrets == () and data.fresh_sdk is False


def test_save_replaces_the_old_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    saved = tmp_path / "s.jimo-session"
    one = _load(_ndjson(tmp_path, [make_event(event="One")]))[0]
    two = _load(_ndjson(tmp_path, [make_event(event="Two"), make_event(event="Three")]))[0]
    write_session(saved, SessionContent(one))
    write_session(saved, SessionContent(two))
    assert [r.name for r in read_session(saved).records] == ["Two", "Three"]
    assert sorted(os.listdir(tmp_path)) == ["events.ndjson", "s.jimo-session"]


def test_a_save_that_fails_midway_leaves_the_old_file_intact(tmp_path: Path) -> None:
    saved = tmp_path / "s.jimo-session"
    one = _load(_ndjson(tmp_path, [make_event(event="One")]))[0]
    write_session(saved, SessionContent(one))
    before = saved.read_bytes()

    class Exploding(list[EventRecord]):
        def __iter__(self):  # type: ignore[no-untyped-def]
            yield one[0]
            raise OSError(28, "No space left on device")

    with pytest.raises(SessionFileError, match=r"s\.jimo-session: cannot be saved \(No space"):
        write_session(saved, SessionContent(Exploding(one * 3)))
    assert saved.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["events.ndjson", "s.jimo-session"]


def test_saved_file_is_one_self_contained_file_and_wal_while_attached(tmp_path: Path) -> None:
    saved = tmp_path / "s.jimo-session"
    write_session(saved, SessionContent([]))
    assert _journal_mode(saved) == "delete"
    attached = AttachedSession(saved)
    assert _journal_mode(saved) == "wal"
    attached.close()
    assert _journal_mode(saved) == "delete"
    assert sorted(os.listdir(tmp_path)) == ["s.jimo-session"]


def _journal_mode(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def test_attached_session_takes_appends_edits_and_state_as_they_happen(tmp_path: Path) -> None:
    records, _ = _load(_ndjson(tmp_path, [make_event(event=f"E{n}") for n in range(3)]))
    saved = tmp_path / "s.jimo-session"
    attached = AttachedSession.create(saved, SessionContent(records[:1]))
    try:
        attached.append(records[1:], [5.0, 6.0])
        edited = EventRecord.from_dict(make_event(event="Edited"), records[2].source)
        attached.record_edit(2, edited)
        attached.save_state(default_config(), {"selection": 2}, False)
        # a reader sees everything while the file is still attached
        data = read_session(saved)
    finally:
        attached.close()
    assert [r.name for r in data.records] == ["E0", "E1", "Edited"]
    assert list(data.arrivals)[1:] == [5.0, 6.0]
    assert data.ui_state == {"selection": 2} and data.config == default_config()
    with pytest.raises(IndexError):
        AttachedSession(saved).record_edit(3, None)


def test_save_as_copies_an_attached_session_atomically(tmp_path: Path) -> None:
    records, _ = _load(_ndjson(tmp_path, [make_event(event=f"E{n}") for n in range(3)]))
    attached = AttachedSession.create(tmp_path / "a.jimo-session", SessionContent(records))
    try:
        attached.record_edit(0, None)
        attached.copy_to(tmp_path / "b.jimo-session")
    finally:
        attached.close()
    copy = read_session(tmp_path / "b.jimo-session")
    assert [r.raw for r in copy.records] == [r.raw for r in records]
    assert copy.history[0][0].raw is None


def _ndjson(tmp_path: Path, events: list[dict[str, object]]) -> Path:
    path = tmp_path / "events.ndjson"
    path.write_text("".join(json.dumps(e) + "\n" for e in events))
    return path


def test_edits_find_their_event_when_sequence_numbers_have_gaps(tmp_path: Path) -> None:
    records, _ = _load(_ndjson(tmp_path, [make_event(event=f"E{n}") for n in range(4)]))
    saved = tmp_path / "s.jimo-session"
    edit = json.dumps(make_event(event="E3 edited")).encode()
    write_session(saved, SessionContent(records, edits=[EditEntry(3, edit, 1.0)]))
    conn = sqlite3.connect(saved)
    conn.execute("UPDATE events SET seq = seq + 10 WHERE seq >= 3")  # a writer that skipped
    conn.execute("UPDATE edits SET seq = seq + 10")
    conn.commit()
    conn.close()
    data = read_session(saved)
    assert [r.name for r in data.records] == ["E0", "E1", "E2", "E3 edited"]
    assert list(data.history) == [3]


SAVER = """
import sys
from inspector.core.events import EventRecord, EventSource
from inspector.core.sessionfile import SessionContent, write_session
record = EventRecord.from_dict({"type": "track", "event": "New", "pad": "x" * 900},
                               EventSource("paste"))
print("saving", flush=True)
while True:  # save over the file again and again until killed
    write_session(sys.argv[1], SessionContent([record] * 100_000))
"""


def test_a_process_killed_mid_save_leaves_the_old_or_the_new_file_whole(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    saved = tmp_path / "s.jimo-session"
    old, _ = _load(_ndjson(tmp_path, [make_event(event="Old")]))
    write_session(saved, SessionContent(old))
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(saved)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "saving\n"
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".saving-*")) and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.05)  # well inside writing the temporary file
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        assert proc.stdout is not None
        proc.stdout.close()
    names = {r.name for r in read_session(saved).records}
    assert names in ({"Old"}, {"New"})


def test_attached_edits_reach_events_another_writer_appended_and_files_with_gaps(
    tmp_path: Path,
) -> None:
    from inspector.core.sessionfile import EventRow, connect, insert_events

    records, _ = _load(_ndjson(tmp_path, [make_event(event=f"E{n}") for n in range(3)]))
    saved = tmp_path / "s.jimo-session"
    write_session(saved, SessionContent(records))
    conn = sqlite3.connect(saved)
    conn.execute("DELETE FROM events WHERE seq = 2")  # a gap: E1 is gone
    conn.commit()
    conn.close()
    attached = AttachedSession(saved)
    other = connect(str(saved))  # another writer of the same file (a capture server)
    try:
        captured = json.dumps(make_event(event="Captured")).encode()
        other.execute("BEGIN IMMEDIATE")
        insert_events(other, [EventRow(captured, "capture", 5.0)])
        other.execute("COMMIT")
        edited = EventRecord.from_dict(make_event(event="Captured, edited"), records[0].source)
        attached.record_edit(2, edited)  # the third event now: the captured one
        attached.record_edit(
            1, EventRecord.from_dict(make_event(event="E2 edited"), records[2].source)
        )
        with pytest.raises(IndexError):
            attached.record_edit(3, None)
    finally:
        other.close()
        attached.close()
    assert [r.name for r in read_session(saved).records] == ["E0", "E2 edited", "Captured, edited"]


def test_capture_requests_are_summarised_and_their_events_keep_their_origin(
    tmp_path: Path,
) -> None:
    from inspector.core.sessionfile import EventRow, connect, insert_events

    saved = tmp_path / "s.jimo-session"
    write_session(saved, SessionContent([]))
    conn = connect(str(saved))  # as the capture server writes
    conn.execute("BEGIN IMMEDIATE")
    for rid, (status, at) in enumerate([(200, 10.0), (200, 11.0), (400, 12.5)], start=1):
        conn.execute(
            "INSERT INTO requests(id, received_at, method, path, status) VALUES (?, ?, ?, ?, ?)",
            (rid, at, "POST", "/v1/batch", status),
        )
    event = json.dumps(make_event(event="Captured")).encode()
    insert_events(conn, [EventRow(event, "capture", 10.0, path="/v1/batch", request_id=1)])
    conn.execute("COMMIT")
    conn.close()
    data = read_session(saved)
    assert (data.requests.count, dict(data.requests.by_status)) == (3, {200: 2, 400: 1})
    assert (data.requests.first_at, data.requests.last_at) == (10.0, 12.5)
    assert data.records[0].source.kind == "capture" and data.records[0].name == "Captured"


def test_arrival_times_must_match_the_events(tmp_path: Path) -> None:
    records, _ = _load(_ndjson(tmp_path, [make_event(event=f"E{n}") for n in range(2)]))
    with pytest.raises(ValueError, match="1 arrival times for 2 events"):
        SessionContent(records, arrivals=[1.0])
    attached = AttachedSession.create(tmp_path / "s.jimo-session", SessionContent([]))
    try:
        with pytest.raises(ValueError):
            attached.append(records, [1.0, 2.0, 3.0])
    finally:
        attached.close()
