"""Quitting with unsaved what-if edits or config changes asks first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox

__all__ = ["QuitGuard", "advice"]


def advice(changes: list[str]) -> str:
    """How to keep each kind of change listed (``unsaved_changes``' wording), in a sentence each."""
    ways = []
    if any("edited event" in change for change in changes):
        ways.append(
            "Edited events live only in this window: File → Export → All events as NDJSON… "
            "writes them out."
        )
    if any("destination config" in change for change in changes):
        ways.append("Export the destination config (Ctrl+E) to keep the destination changes.")
    return " ".join(ways)


class QuitGuard:
    """Asks before ``window`` closes while ``changes()`` lists something that would be lost.

    The question is asked without a nested event loop: the close is refused, and a confirmed
    answer closes the window again.
    """

    def __init__(self, window: QMainWindow, changes: Callable[[], list[str]]) -> None:
        self._window = window
        self._changes = changes
        self._confirmed = False
        self._handed_over = False
        self.question: QMessageBox | None = None

    def hand_over(self) -> None:
        """Another guard now decides about closing (session files ask Save / Don't Save)."""
        self._handed_over = True

    def request_quit(self) -> None:
        """Quit (Ctrl+Q): closes now, or once the user confirms."""
        if self._handed_over or self._confirmed or not self._changes():
            self._window.close()
            return
        self._ask()

    def allow_close(self, event: QCloseEvent) -> bool:
        """For ``closeEvent``: False (the event ignored, the question shown) while unconfirmed.

        Only a close the user started from the window system is held here; a close from code
        (tests, the app shutting down) goes through.
        """
        if self._handed_over or self._confirmed or not event.spontaneous() or not self._changes():
            return True
        event.ignore()
        self._ask()
        return False

    def _ask(self) -> None:
        if self.question is not None:
            self.question.raise_()
            return
        changes = self._changes()
        box = QMessageBox(self._window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Quit Jimo Inspector")
        box.setText(f"Quit and lose {' and '.join(changes)}?")
        box.setInformativeText(advice(changes))
        box.setStandardButtons(
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.button(QMessageBox.StandardButton.Discard).setText("Quit without saving")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(self._answered)
        self.question = box
        box.open()

    def _answered(self, result: int) -> None:
        self.question = None
        if result == QMessageBox.StandardButton.Discard:
            self._confirmed = True
            self._window.close()
