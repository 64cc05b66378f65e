"""The window title: which session or file is open, and ``*`` while there are unsaved changes."""

from __future__ import annotations

import os
from collections.abc import Sequence

import shiboken6
from PySide6.QtWidgets import QMainWindow

from inspector.core.workbench import Workbench
from inspector.qt.destination_editor import DestinationEditor
from inspector.resources import DEMO_SESSION

__all__ = ["WindowTitle", "APP_NAME", "unsaved_changes"]

APP_NAME = "Jimo Inspector"


def unsaved_changes(workbench: Workbench, destination: DestinationEditor) -> list[str]:
    """What would be lost on quitting, in a few words each ([] when nothing)."""
    changes = []
    edited = workbench.session.edited_count
    if edited:
        changes.append(f"{edited:,} edited event{'' if edited == 1 else 's'}")
    if not destination.undo_stack.isClean():
        changes.append("changes to the destination config")
    return changes


class WindowTitle:
    """Keeps ``window``'s title on "<what is open>[*] — Jimo Inspector".

    What is open: the demo session, a file's name, "N files", "pasted events" — or nothing.
    """

    def __init__(
        self, window: QMainWindow, workbench: Workbench, destination: DestinationEditor
    ) -> None:
        self._window, self._workbench, self._destination = window, workbench, destination
        self._sources: list[str] = []
        self._pasted = False
        self._session_file: str | None = None
        workbench.cleared.connect(self._on_cleared)
        workbench.event_edited.connect(lambda _row: self.update())
        workbench.events_appended.connect(lambda _first, _last: self.update())
        destination.undo_stack.cleanChanged.connect(lambda _clean: self.update())
        self.update()

    def opened(self, paths: Sequence[str]) -> None:
        """Files are being opened into the session."""
        for path in paths:
            name = "demo session" if os.path.abspath(path) == str(DEMO_SESSION) else path
            if name not in self._sources:
                self._sources.append(name)
        self.update()

    def session_file(self, name: str | None) -> None:
        """The session is kept in the user's file ``name`` (``None``: not saved in one).

        A saved session is written as it changes, so it is named and never marked modified.
        """
        self._session_file = name
        self.update()

    def pasted(self) -> None:
        self._pasted = True
        self.update()

    def _on_cleared(self) -> None:
        self._sources, self._pasted = [], False
        self.update()

    def subject(self) -> str:
        if self._session_file:
            return self._session_file
        if not len(self._workbench) and not self._sources:
            return ""
        names = [os.path.basename(s) for s in self._sources]
        if self._pasted:
            names.append("pasted events")
        if len(names) == 1:
            return names[0]
        return f"{names[0]} and {len(names) - 1} more" if names else "events"

    def update(self) -> None:
        if not shiboken6.isValid(self._window):
            return  # the window is being destroyed; its undo stack still signals as it goes
        subject = self.subject()
        self._window.setWindowTitle(f"{subject}[*] — {APP_NAME}" if subject else f"[*]{APP_NAME}")
        unsaved = not self._session_file and unsaved_changes(self._workbench, self._destination)
        self._window.setWindowModified(bool(unsaved))
