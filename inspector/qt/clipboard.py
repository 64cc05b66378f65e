"""Copying to the clipboard with visible feedback: a copy button and a one-call copy."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QPushButton, QWidget

__all__ = ["CopyButton", "copy_text", "FEEDBACK_MS"]

FEEDBACK_MS = 2_000


def copy_text(text: str, what: str, anchor: QWidget, note: str = "") -> str:
    """Put ``text`` on the clipboard and say so in the window's status bar; returns the message.

    Args:
        text: what to copy.
        what: a few words naming it ("payload", "event JSON").
        anchor: a widget of the window whose status bar shows the message.
        note: a sentence added to the message (e.g. that a key is masked).
    """
    QGuiApplication.clipboard().setText(text)
    lines = text.count("\n") + 1 if text else 0
    size = f"{lines:,} lines" if lines > 1 else f"{len(text):,} characters"
    message = f"Copied {what} to the clipboard ({size})." + (f" {note}" if note else "")
    window = anchor.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, FEEDBACK_MS * 2)
    return message


class CopyButton(QPushButton):
    """A button copying ``source()``; it reads "Copied ✓" for a moment after each click.

    Args:
        label: the button's text.
        what: what it copies, for the confirmation ("payload").
        source: returns the text to copy.
        note: returns a sentence to add to the confirmation ("" for none).
    """

    def __init__(
        self,
        label: str,
        what: str,
        source: Callable[[], str],
        parent: QWidget | None = None,
        note: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(label, parent)
        self.setAccessibleName(label)
        self._label, self._what, self._source, self._note = label, what, source, note
        self.last_message = ""
        self._restore = QTimer(self)
        self._restore.setSingleShot(True)
        self._restore.setInterval(FEEDBACK_MS)
        self._restore.timeout.connect(lambda: self.setText(self._label))
        self.clicked.connect(self.copy)

    def copy(self) -> None:
        self.last_message = copy_text(self._source(), self._what, self, self._note())
        self.setText("Copied ✓")
        self.setToolTip(self.last_message)
        self._restore.start()
