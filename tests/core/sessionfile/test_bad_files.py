"""Bad session files: each is one clear sentence, never a traceback, and never changed."""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.core.errors import (
    NotASession,
    SessionCorrupt,
    SessionFileError,
    SessionLocked,
    SessionTooNew,
)
from inspector.core.events import EventRecord, EventSource
from inspector.core.sessionfile import (
    FORMAT_VERSION,
    AttachedSession,
    SessionContent,
    _open,
    iter_session,
    read_session,
    write_session,
)
from tests.factories import make_event


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def session(tmp_path: Path) -> Path:
    records = [
        EventRecord.from_dict(make_event(event=f"Event {n}"), EventSource("file", "e.ndjson", n))
        for n in range(1, 301)
    ]
    path = tmp_path / "good.jimo-session"
    write_session(path, SessionContent(records, ui_state={"tab": 0}))
    return path


def _assert_one_sentence(error: SessionFileError, path: Path) -> None:
    text = str(error)
    assert text.startswith(f"{path}: ")
    assert "\n" not in text and "Traceback" not in text
    assert text.count(". ") == 0  # one sentence


def _fails(path: Path, kind: type[SessionFileError]) -> SessionFileError:
    before = _digest(path)
    with pytest.raises(kind) as caught:
        read_session(path)
    _assert_one_sentence(caught.value, path)
    assert _digest(path) == before
    return caught.value


def test_newer_format_version_asks_to_update(session: Path) -> None:
    conn = sqlite3.connect(session)
    conn.execute(f"PRAGMA user_version={FORMAT_VERSION + 1}")
    conn.close()
    error = _fails(session, SessionTooNew)
    assert "newer version of Jimo Inspector" in str(error)
    with pytest.raises(SessionTooNew):
        AttachedSession(session)  # nor will it be written to
    assert "update" in str(error)


def test_a_file_locked_by_another_program_is_reported_as_locked(
    session: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_open, "READ_TIMEOUT", 0.05)
    holder = sqlite3.connect(session, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
        error = _fails(session, SessionLocked)
        assert "locked by another program" in str(error)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(read_session(session).records) == 300  # fine once released


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_a_truncated_file_is_damaged(session: Path, keep: float) -> None:
    data = session.read_bytes()
    session.write_bytes(data[: int(len(data) * keep)])
    error = _fails(session, SessionCorrupt)
    assert "damaged" in str(error) or "truncated" in str(error)


def test_a_header_cut_short_is_truncated_and_an_empty_file_is_empty(session: Path) -> None:
    session.write_bytes(session.read_bytes()[:9])
    assert "truncated" in str(_fails(session, SessionCorrupt))
    session.write_bytes(b"")
    assert "empty" in str(_fails(session, SessionCorrupt))


def _flipped(path: Path, seed: int) -> Iterator[Path]:
    data = path.read_bytes()
    rng = random.Random(seed)
    for n in range(40):
        damaged = bytearray(data)
        start = rng.randrange(100, len(data))  # past the header: inside the pages
        for k in range(start, min(start + 16, len(data))):
            damaged[k] ^= 0xFF
        out = path.with_name(f"flipped-{n}.jimo-session")
        out.write_bytes(bytes(damaged))
        yield out


def test_flipped_bytes_give_a_session_error_or_a_readable_session_never_a_crash(
    session: Path,
) -> None:
    outcomes = set()
    for path in _flipped(session, seed=7):
        before = _digest(path)
        try:
            data = read_session(path)
            outcomes.add("read")
            assert len(data.records) <= 300
        except SessionFileError as exc:
            _assert_one_sentence(exc, path)
            outcomes.add(type(exc).__name__)
        assert _digest(path) == before
    assert "SessionCorrupt" in outcomes  # some damage is detected, not silently read


def test_a_damaged_event_inside_a_readable_file_is_kept_and_flagged(session: Path) -> None:
    data = session.read_bytes()
    marker = b'"event":"Event 150"'
    assert data.count(marker) == 1
    session.write_bytes(data.replace(marker, b'"event":"Event 150\x00'.ljust(len(marker), b"}")))
    records = read_session(session).records
    assert len(records) == 300
    assert any("damaged" in w for w in records[149].warnings)


def test_another_sqlite_database_is_not_a_session(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE events (id INTEGER, what TEXT)")
    conn.execute("INSERT INTO events VALUES (1, 'x')")
    conn.commit()
    conn.close()
    assert "not a Jimo Inspector session" in str(_fails(other, NotASession))
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).execute("VACUUM").connection.close()
    _fails(empty, NotASession)


def test_a_file_that_is_not_sqlite_is_not_a_session(tmp_path: Path) -> None:
    text = tmp_path / "events.jimo-session"
    text.write_text(json.dumps(make_event()))
    _fails(text, NotASession)
    with pytest.raises(NotASession):
        list(iter_session(text))


def test_a_missing_file_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(SessionFileError, match="no such file"):
        read_session(tmp_path / "gone.jimo-session")


def test_reading_leaves_a_saved_session_byte_for_byte_and_adds_no_files(session: Path) -> None:
    before = _digest(session)
    read_session(session)
    list(iter_session(session))
    assert _digest(session) == before
    assert sorted(p.name for p in session.parent.iterdir()) == ["good.jimo-session"]
