"""The loading strip in the status bar: progress, Cancel, and a message bar for file errors."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QToolButton, QWidget

from inspector.core.workbench import Workbench

__all__ = ["LoadProgress", "MessageBar", "counts_text"]


class LoadProgress(QWidget):
    """A progress bar with a Cancel button; hidden when nothing loads.

    Signals:
        cancel_requested: the user pressed Cancel (or Esc while loading).
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setFixedWidth(220)
        self.bar.setAccessibleName("Loading progress")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel loading")
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def start(self, text: str) -> None:
        self.bar.setValue(0)
        self.bar.setFormat(f"{text} %p%")
        self.show()

    def update_bytes(self, done: int, total: int) -> None:
        self.bar.setValue(int(1000 * done / total) if total else 0)

    def finish(self) -> None:
        self.hide()


class MessageBar(QWidget):
    """A dismissable line above the content for errors that need no dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setAccessibleName("Dismiss message")
        close.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.setAutoFillBackground(True)
        self.setStyleSheet("MessageBar { background: #fdecea; } QLabel { color: #7a1c12; }")
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()


def counts_text(workbench: Workbench, shown: int, note: str = "") -> str:
    """The status bar's summary: events (shown of all), skipped, matching nothing, a note."""
    total, bad = len(workbench), len(workbench.store.bad)
    text = f"{total:,} events" if shown == total else f"{shown:,} of {total:,} events shown"
    if bad:
        text += f" · {bad:,} skipped"
    evaluation = workbench.evaluation
    if evaluation is not None and evaluation.complete:
        text += f" · {evaluation.nothing_matched:,} match no mapping"
    return text + (f" · loading {note}" if note else "")
