"""Autosave of unsaved sessions, and finding the ones a crashed process left behind.

An unsaved session is saved now and then to ``<user data dir>/autosave/`` (``platformdirs``;
``JIMO_INSPECTOR_DATA_DIR`` overrides the data directory). Each autosave records its owner's
process id (and, where the system tells, the process's start time, so a reused id is not
mistaken for the owner). A clean quit removes the autosave; at start, autosaves whose owner is
gone are *orphans* the app offers to restore. Restoring claims an orphan by renaming it, so two
windows starting together never both restore the same one.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from inspector.core.errors import SessionFileError
from inspector.core.sessionfile._content import SessionContent
from inspector.core.sessionfile._read import read_meta
from inspector.core.sessionfile._write import write_session

__all__ = [
    "DATA_DIR_ENV",
    "Autosave",
    "Orphan",
    "autosave_dir",
    "data_dir",
    "discard_orphan",
    "find_orphans",
    "process_alive",
]

DATA_DIR_ENV = "JIMO_INSPECTOR_DATA_DIR"
_PREFIX = "autosave-"
_SUFFIX = ".jimo-session"


def data_dir() -> Path:
    """The user data directory (``JIMO_INSPECTOR_DATA_DIR`` when set)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("jimo-inspector", appauthor=False))


def autosave_dir() -> Path:
    return data_dir() / "autosave"


@dataclass(frozen=True, slots=True)
class Orphan:
    """An autosave whose process is gone: what the restore offer lists."""

    path: Path
    pid: int
    saved_at: float
    title: str
    events: int
    problem: str | None = None
    """Why the file cannot be restored (damaged…), or None."""


class Autosave:
    """This process's autosave of one unsaved session."""

    def __init__(self, folder: Path | None = None, *, path: Path | None = None) -> None:
        self.folder = folder if folder is not None else autosave_dir()
        name = f"{_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:12]}{_SUFFIX}"
        self.path = path if path is not None else self.folder / name

    @classmethod
    def claim(cls, orphan: Orphan) -> Autosave:
        """Take an orphan over (before restoring it): it becomes this process's autosave.

        Raises:
            SessionFileError: another process claimed it first, or it cannot be renamed.
        """
        autosave = cls(orphan.path.parent)
        try:
            os.rename(orphan.path, autosave.path)
        except FileNotFoundError as exc:
            raise SessionFileError(str(orphan.path), "it was restored by another window") from exc
        except OSError as exc:
            raise SessionFileError(str(orphan.path), exc.strerror or str(exc)) from exc
        if orphan.problem is None:
            from inspector.core.sessionfile._attached import AttachedSession

            attached = AttachedSession(autosave.path)
            try:
                attached.set_meta(owner_meta(orphan.title))
            finally:
                attached.close()
        return autosave

    def save(self, content: SessionContent, title: str = "") -> None:
        """Write the whole session (atomically) with this process as its owner."""
        self.folder.mkdir(parents=True, exist_ok=True)
        write_session(self.path, content, meta=owner_meta(title))

    def discard(self) -> None:
        """Remove the autosave (the session was saved, closed, or the app quit cleanly)."""
        for path in (self.path, *(Path(f"{self.path}{s}") for s in ("-wal", "-shm"))):
            path.unlink(missing_ok=True)


def owner_meta(title: str = "") -> dict[str, str]:
    pid = os.getpid()
    return {
        "owner_pid": str(pid),
        "owner_started": _start_token(pid),
        "autosaved_at": repr(time.time()),
        "title": title,
    }


def find_orphans(folder: Path | None = None) -> list[Orphan]:
    """Autosaves whose owning process is gone, newest first."""
    folder = folder if folder is not None else autosave_dir()
    if not folder.is_dir():
        return []
    _remove_stale_temporaries(folder)
    found = []
    for path in folder.glob(f"{_PREFIX}*{_SUFFIX}"):
        orphan = _orphan(path)
        if orphan is not None:
            found.append(orphan)
    return sorted(found, key=lambda o: o.saved_at, reverse=True)


STALE_SECONDS = 3600.0
"""A half-written autosave this old was left by a crash mid-save (saves take seconds)."""


def _remove_stale_temporaries(folder: Path) -> None:
    now = time.time()
    for path in folder.glob(".saving-*.jimo-session"):
        try:
            if now - path.stat().st_mtime > STALE_SECONDS:
                path.unlink()
        except OSError:
            pass  # another window is finishing it, or it is gone already


def discard_orphan(orphan: Orphan) -> None:
    """Delete an orphan the user chose not to restore."""
    try:
        orphan.path.unlink()
    except FileNotFoundError:
        pass


def _orphan(path: Path) -> Orphan | None:
    pid = _pid_from_name(path.name)
    try:
        meta = read_meta(path)
    except SessionFileError as exc:
        if process_alive(pid):
            return None  # still being written by its owner
        return Orphan(path, pid, _last_written(path), "", 0, exc.message)
    pid = int(meta.get("owner_pid", pid))
    if process_alive(pid, meta.get("owner_started", "")):
        return None
    return Orphan(
        path,
        pid,
        _last_written(path),
        meta.get("title", ""),
        _count(path),
    )


def _last_written(path: Path) -> float:
    """When the autosave last changed: its write-ahead log holds the latest writes."""
    times = [path.stat().st_mtime]
    wal = Path(f"{path}-wal")
    if wal.exists():
        times.append(wal.stat().st_mtime)
    return max(times)


def _count(path: Path) -> int:
    from inspector.core.sessionfile._open import open_for_reading

    conn = open_for_reading(path)
    try:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        conn.close()


def _pid_from_name(name: str) -> int:
    try:
        return int(name[len(_PREFIX) :].split("-", 1)[0])
    except ValueError:
        return -1


def process_alive(pid: int, started: str = "") -> bool:
    """Whether process ``pid`` runs (and, when ``started`` is known, is the same process)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, owned by another user
    stat = _proc_stat(pid)
    if stat is None:
        return True  # no /proc (macOS): the id alone has to do
    state, start = stat
    return state != "Z" and (not started or start == started)


def _start_token(pid: int) -> str:
    stat = _proc_stat(pid)
    return "" if stat is None else stat[1]


def _proc_stat(pid: int) -> tuple[str, str] | None:
    """(state, start time in clock ticks since boot) from ``/proc/<pid>/stat``."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[-1].split()  # the command name may hold spaces and ')'
    return (fields[0], fields[19]) if len(fields) > 19 else None


def _windows_alive(pid: int) -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    kernel = ctypes.windll.kernel32
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel.CloseHandle(handle)
