"""Red wavy underlines in a plain-text editor, and text inputs that leave Ctrl+Z to the editor."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

__all__ = ["ERROR_COLOUR", "WARNING_COLOUR", "Mark", "underline", "UndoKeysToEditor"]

ERROR_COLOUR = QColor("#d32f2f")
WARNING_COLOUR = QColor("#c77c00")


Mark = tuple[int, int] | tuple[int, int, QColor]


def underline(edit: QPlainTextEdit, spans: Iterable[Mark], colour: QColor = ERROR_COLOUR) -> None:
    """Replace ``edit``'s extra selections with a wavy underline over each ``(start, end)``.

    A span may carry its own colour as a third item. An empty span (a position at the very
    end) widens to the character before it, so that "expected more text here" still shows.
    """
    size = len(edit.toPlainText())
    selections = []
    for mark in spans:
        start, end = mark[0], mark[1]
        colour_here = mark[2] if len(mark) == 3 else colour
        start, end = max(0, min(start, size)), max(0, min(end, size))
        if end <= start:
            start, end = (start, start + 1) if start < size else (max(0, size - 1), size)
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(colour_here)
        tint = QColor(colour_here)
        tint.setAlpha(28)
        fmt.setBackground(tint)
        selection.format = fmt
        cursor = QTextCursor(edit.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selections.append(selection)
    edit.setExtraSelections(selections)


class UndoKeysToEditor(QObject):
    """Event filter: Ctrl+Z / Ctrl+Shift+Z in a text input reach the editor's undo stack.

    Text inputs keep their own undo history and claim these keys first; the editor's history
    covers every edit (typing included, merged per field), so one history is less surprising.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(
                QKeySequence.StandardKey.Redo
            ):
                event.ignore()
                return True
        return False
