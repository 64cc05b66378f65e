"""What happened to each file of a load: every file's problem listed, only good files remembered."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import QSettings

from inspector.core.workbench import Workbench
from inspector.qt.loading import MessageBar
from inspector.qt.menus import remember_recent
from inspector.qt.skipped_view import SkippedRecordsView

__all__ = ["LoadReport"]


class LoadReport:
    """Follows a load of several files: each file that fails is listed in the message bar and
    under Skipped records; only the files that loaded go to Open Recent.
    """

    def __init__(
        self,
        workbench: Workbench,
        message_bar: MessageBar,
        skipped: SkippedRecordsView,
        settings: QSettings,
    ) -> None:
        self._bar, self._skipped, self._settings = message_bar, skipped, settings
        self._paths: list[str] = []
        self.failed: dict[str, str] = {}
        """Path -> why it did not load, for the files of the current load."""
        self._others: list[str] = []  # problems not tied to one of the paths
        workbench.load_error.connect(self.on_error)
        workbench.load_finished.connect(self.on_finished)

    def begin(self, paths: Sequence[str]) -> None:
        """A load of ``paths`` starts: the last load's problems are no longer news."""
        self._paths = list(paths)
        self.failed, self._others = {}, []
        self._bar.hide()

    def on_error(self, message: str) -> None:
        path = next((p for p in self._paths if message.startswith(f"{p}:")), None)
        if path is None:
            self._others.append(message)
            self._skipped.add_file_problem("", message)
        else:
            reason = message[len(path) + 1 :].strip()
            self.failed[path] = reason
            self._skipped.add_file_problem(os.path.basename(path), reason)
        self._bar.show_message(self.summary())

    def summary(self) -> str:
        lines = [f"{os.path.basename(p)}: {r}" for p, r in self.failed.items()] + self._others
        if len(lines) == 1:
            return lines[0]
        files = "file" if len(lines) == 1 else "files"
        listed = "\n".join(f"• {line}" for line in lines)
        return f"{len(lines)} {files} could not be loaded:\n{listed}"

    def on_finished(self, _cancelled: bool) -> None:
        loaded = [p for p in self._paths if p not in self.failed]
        if loaded:
            remember_recent(self._settings, loaded)
