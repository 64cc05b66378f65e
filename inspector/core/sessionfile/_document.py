"""Where the open session lives on disk: its own file once saved, an autosave until then.

The session is always attached to a file, so events, edits and window state reach the disk as
they happen: an unsaved session to an autosave in the user data directory (restored after a
crash), a saved one to the file the user chose. Save as copies the file and moves the recording
to the copy; the autosave is then removed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from inspector.core.sessionfile._attached import AttachedSession
from inspector.core.sessionfile._autosave import Autosave, Orphan
from inspector.core.sessionfile._content import SessionContent, SessionData
from inspector.core.sessionfile._read import read_session
from inspector.core.sessionfile._recorder import ErrorHandler, SessionRecorder

__all__ = ["SessionDocument"]


class SessionDocument:
    """The file side of the open session.

    ``path`` is the user's file (``None`` while unsaved); ``recorder`` takes the changes.
    Every method may raise :class:`SessionFileError` (one sentence).
    """

    def __init__(self, folder: Path | None = None, on_error: ErrorHandler | None = None) -> None:
        self._folder = folder
        self._on_error = on_error
        self.path: str | None = None
        self.autosave: Autosave | None = None
        self.recorder: SessionRecorder | None = None
        self.keep_unsaved: Callable[[str], str | None] | None = None
        """Asked, with the autosave's path, when an unsaved session is closed: a path to move
        the autosave to instead of removing it (it holds what exists nowhere else, such as
        captured events), or None."""

    @property
    def saved(self) -> bool:
        return self.path is not None

    @property
    def recording_path(self) -> str | None:
        """The file changes go to now: the user's file or the autosave (None: none yet)."""
        return self.recorder.path if self.recorder is not None else None

    @property
    def title(self) -> str:
        """The file's name, or ``Untitled session``."""
        return os.path.basename(self.path) if self.path else "Untitled session"

    def start_unsaved(self, content: SessionContent | None = None, title: str = "") -> None:
        """Begin a new unsaved session (autosaved), leaving the previous one."""
        self.close()
        autosave = Autosave(self._folder)
        autosave.save(content or SessionContent([]), title)
        self._attach(os.fspath(autosave.path), autosave)

    def restore(self, orphan: Orphan) -> SessionData:
        """Take over a crashed process's autosave and read it: the session goes on in it."""
        autosave = Autosave.claim(orphan)
        data = read_session(autosave.path)
        self.attach(autosave.path, autosave)
        return data

    def open(self, path: str | os.PathLike[str]) -> SessionData:
        """Read a session file and keep recording into it (it is the session's file now)."""
        data = read_session(path)
        self.attach(path)
        return data

    def attach(self, path: str | os.PathLike[str], autosave: Autosave | None = None) -> None:
        """Record into ``path`` from now on (read it first, in a worker thread if it is big):
        the user's file, or ``autosave`` (then the session counts as unsaved)."""
        self.close()
        self._attach(os.fspath(path), autosave)

    def save_as(self, target: str | os.PathLike[str]) -> None:
        """Copy the session to ``target`` (atomically) and record into it from now on."""
        name = os.fspath(target)
        if self.recorder is None:
            self.start_unsaved()
        assert self.recorder is not None
        if _same_file(name, self.recorder.path):
            self.recorder.flush()  # saving a file as itself: it is up to date once flushed
            return
        self.recorder.switch_to(name)
        if self.autosave is not None:
            self.autosave.discard()
            self.autosave = None
        self.path = name

    def flush(self) -> None:
        """Wait until every change so far is on disk (raises the recording's error)."""
        if self.recorder is not None:
            self.recorder.flush()

    def close(self) -> None:
        """Stop recording; an unsaved session's autosave is removed (a clean close)."""
        if self.recorder is not None:
            self.recorder.close()
            self.recorder = None
        if self.autosave is not None:
            keep = self.keep_unsaved
            target = keep(os.fspath(self.autosave.path)) if keep is not None else None
            if target is not None:
                _keep(self.autosave.path, target)
            else:
                self.autosave.discard()
            self.autosave = None
        self.path = None

    def _attach(self, path: str, autosave: Autosave | None) -> None:
        self.recorder = SessionRecorder(AttachedSession(path), self._on_error)
        self.autosave = autosave
        self.path = None if autosave is not None else path


def _keep(autosave: Path, target: str) -> None:
    """Move a closed autosave to ``target`` (it stops being one: no restore offer)."""
    try:
        os.replace(autosave, target)
    except OSError:
        pass  # left where it is: offered for restore after this process ends


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False
