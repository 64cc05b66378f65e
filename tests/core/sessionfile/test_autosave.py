"""Autosave and crash restore, with real processes: one killed with SIGKILL, one that quits."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.core.errors import SessionFileError
from inspector.core.sessionfile import (
    DATA_DIR_ENV,
    Autosave,
    autosave_dir,
    discard_orphan,
    find_orphans,
    read_session,
)
from inspector.core.sessionfile._autosave import process_alive
from tests.conftest import ROOT

OWNER = """
import json, sys
from inspector.core.events import EventRecord, EventSource
from inspector.core.sessionfile import Autosave, SessionContent
records = [EventRecord.from_dict({"type": "track", "event": f"E{n}"}, EventSource("paste"))
           for n in range(3)]
autosave = Autosave()
autosave.save(SessionContent(records, ui_state={"selection": 1}), title="pasted events")
print(autosave.path, flush=True)
if sys.argv[1] == "quit":
    autosave.discard()
else:
    sys.stdin.read()  # wait to be killed
"""


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    return tmp_path


@pytest.fixture
def owner(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", OWNER, "wait"],
        cwd=ROOT,
        env={**os.environ, DATA_DIR_ENV: str(data_dir)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.close()
    proc.stdout.close()


def _autosave_path(proc: subprocess.Popen[str]) -> Path:
    assert proc.stdout is not None
    return Path(proc.stdout.readline().strip())


def test_autosaves_live_in_the_data_directory(data_dir: Path) -> None:
    assert autosave_dir() == data_dir / "autosave"
    assert Autosave().path.parent == data_dir / "autosave"


def test_a_running_owner_keeps_its_autosave_and_a_killed_one_leaves_an_orphan(
    owner: subprocess.Popen[str],
) -> None:
    path = _autosave_path(owner)
    assert path.parent == autosave_dir() and path.exists()
    assert find_orphans() == []  # its owner still runs

    os.kill(owner.pid, signal.SIGKILL)
    owner.wait(timeout=10)
    [orphan] = find_orphans()
    assert (orphan.path, orphan.pid, orphan.events) == (path, owner.pid, 3)
    assert orphan.title == "pasted events" and orphan.problem is None

    restored = Autosave.claim(orphan)
    data = read_session(restored.path)
    assert [r.name for r in data.records] == ["E0", "E1", "E2"]
    assert data.ui_state == {"selection": 1}
    assert find_orphans() == []  # claimed: this process owns it now
    with pytest.raises(SessionFileError, match="restored by another window"):
        Autosave.claim(orphan)
    restored.discard()
    assert list(autosave_dir().iterdir()) == []


def test_a_clean_quit_removes_the_autosave(data_dir: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", OWNER, "quit"],
        cwd=ROOT,
        env={**os.environ, DATA_DIR_ENV: str(data_dir)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert Path(out.stdout.strip()).parent == autosave_dir()
    assert list(autosave_dir().iterdir()) == []
    assert find_orphans() == []


def test_a_damaged_orphan_is_listed_with_its_problem_and_can_be_discarded(data_dir: Path) -> None:
    folder = autosave_dir()
    folder.mkdir(parents=True)
    dead = folder / "autosave-999999999-abc.jimo-session"
    dead.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    [orphan] = find_orphans()
    assert orphan.path == dead and orphan.problem is not None and "truncated" in orphan.problem
    discard_orphan(orphan)
    assert not dead.exists()


def test_process_alive_tells_a_running_process_from_a_reaped_or_reused_one() -> None:
    assert process_alive(os.getpid())
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait(timeout=30)
    assert not process_alive(proc.pid)
    if Path("/proc/self/stat").exists():
        assert not process_alive(os.getppid(), started="not its start time")


def test_half_written_autosaves_a_crash_left_are_removed_once_stale(data_dir: Path) -> None:
    folder = autosave_dir()
    folder.mkdir(parents=True)
    stale = folder / ".saving-abc.jimo-session"
    fresh = folder / ".saving-def.jimo-session"
    for path in (stale, fresh):
        path.write_bytes(b"SQLite format 3\x00")
    old = stale.stat().st_mtime - 2 * 3600
    os.utime(stale, (old, old))
    assert find_orphans() == []
    assert not stale.exists() and fresh.exists()  # a save under way is left alone
