"""Find inside a text view: a bar with the search text, "n of m", next and previous.

The view's own Ctrl+F opens it (a ``ShortcutOverride`` keeps the window's Ctrl+F, which
focuses the event filter, from taking the key while the view has focus).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

__all__ = ["FindBar"]

MAX_MARKED = 1_000


def _tool_button(parent: QWidget, text: str, tip: str) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip.split(" (")[0])
    return button


class FindBar(QWidget):
    """Finds text in ``view`` (case-insensitive); Enter: next, Shift+Enter: previous, Esc: close.

    ``selections`` are the marks of every match, for the owner to merge with its own extra
    selections.

    Signals:
        marks_changed: ``selections`` changed.
    """

    marks_changed = Signal()

    def __init__(self, view: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName("Find in event")
        self.edit.setPlaceholderText("Find in event (Enter: next, Shift+Enter: previous)")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setAccessibleName("Find result")
        self.prev_button = _tool_button(self, "↑", "Previous match (Shift+Enter)")
        self.next_button = _tool_button(self, "↓", "Next match (Enter)")
        close = _tool_button(self, "✕", "Close (Esc)")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.edit, self.count, self.prev_button, self.next_button, close):
            row.addWidget(widget, 1 if widget is self.edit else 0)
        self.edit.textChanged.connect(lambda: self.find_next(from_start=True))
        self.next_button.clicked.connect(lambda: self.find_next())
        self.prev_button.clicked.connect(lambda: self.find_next(backward=True))
        close.clicked.connect(self.close_bar)
        self.edit.installEventFilter(self)
        view.installEventFilter(self)
        self.selections: list[QTextEdit.ExtraSelection] = []
        self.hide()

    def open(self) -> None:
        """Show the bar with the view's selected text (if any) and focus it."""
        selected = self.view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.find_next(from_start=True)

    def close_bar(self) -> None:
        self.hide()
        self.selections = []
        self.marks_changed.emit()
        self.view.setFocus()

    def refresh(self) -> None:
        """The view's text changed: mark the matches again (while the bar is open)."""
        if self.isVisible():
            self._mark_all(self.edit.text())

    def find_next(self, *, backward: bool = False, from_start: bool = False) -> bool:
        """Move to the next (or previous) match; wraps around. False when there is none."""
        needle = self.edit.text()
        self._mark_all(needle)
        if not needle:
            self.count.setText("")
            return False
        doc = self.view.document()
        cursor = self.view.textCursor()
        if from_start:
            cursor.setPosition(cursor.selectionStart())
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = doc.find(needle, cursor, flags)
        if found.isNull():  # wrap around
            start = QTextCursor(doc)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = doc.find(needle, start, flags)
        if found.isNull():
            self.count.setText("no match")
            self.edit.setStyleSheet("background: #fdecea;")
            return False
        self.edit.setStyleSheet("")
        self.view.setTextCursor(found)
        self.view.ensureCursorVisible()
        self._show_count(found)
        return True

    def _mark_all(self, needle: str) -> None:
        self.selections = []
        if needle:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(255, 235, 59, 110))
            doc = self.view.document()
            cursor = doc.find(needle, 0)
            while not cursor.isNull() and len(self.selections) < MAX_MARKED:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                self.selections.append(selection)
                cursor = doc.find(needle, cursor)
        self.marks_changed.emit()

    def _show_count(self, found: QTextCursor) -> None:
        starts = [s.cursor.selectionStart() for s in self.selections]
        where = starts.index(found.selectionStart()) + 1 if found.selectionStart() in starts else 0
        total = f"{len(starts):,}" + ("+" if len(starts) >= MAX_MARKED else "")
        self.count.setText(f"{where:,} of {total}" if where else f"{total} matches")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.view and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Find):
                event.accept()  # the view takes Ctrl+F: it arrives as a key press below
                return True
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Find):
                self.open()
                return True
        if watched is self.edit and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                event.accept()  # Esc closes the bar, not what the window binds it to
                return True
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._on_bar_key(event)
        return False

    def _on_bar_key(self, event: QKeyEvent) -> bool:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.find_next(backward=shift)
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        return False
