"""Skipped records and files that did not load: the list, and a raw record, its error marked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.core.loaders import BadRecord
from inspector.core.raw_lines import raw_record
from inspector.qt.json_view import monospace

__all__ = ["SkippedRecordsView"]

_RecordRole = Qt.ItemDataRole.UserRole + 1


class SkippedRecordsView(QWidget):
    """A list of what could not be used; clicking one shows its raw text, error marked.

    Signals:
        count_changed(int): entries were added or cleared.
    """

    count_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Skipped records")
        self.list.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.raw = QPlainTextEdit(self)
        self.raw.setReadOnly(True)
        self.raw.setFont(monospace())
        self.raw.setAccessibleName("Skipped record as in the file")
        self.raw.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        detail = QWidget(self)
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.where)
        column.addWidget(self.raw, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setSizes([420, 580])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._show(None)

    # -- input --------------------------------------------------------------------------------
    def add_records(self, bad: Sequence[BadRecord]) -> None:
        for record in bad:
            item = QListWidgetItem(str(record))
            item.setData(_RecordRole, record)
            self.list.addItem(item)
        self.count_changed.emit(self.count())

    def add_file_problem(self, name: str, message: str) -> None:
        """A whole file that could not be read (empty, not events, unreadable)."""
        item = QListWidgetItem(f"⚠ {name}: {message}")
        item.setForeground(QColor("#c62828"))
        item.setData(_RecordRole, None)
        self.list.addItem(item)
        self.count_changed.emit(self.count())

    def clear(self) -> None:
        self.list.clear()
        self._show(None)
        self.count_changed.emit(0)

    def count(self) -> int:
        return self.list.count()

    # -- detail -------------------------------------------------------------------------------
    def _show(self, item: QListWidgetItem | None) -> None:
        self.raw.setExtraSelections([])
        record = item.data(_RecordRole) if item is not None else None
        if item is None:
            self.where.setText("Click a skipped record to see it as it is in the file.")
            self.raw.clear()
            return
        if not isinstance(record, BadRecord):
            self.where.setText(item.text())
            self.raw.clear()
            return
        raw = raw_record(record)
        if raw is None:
            self.where.setText(f"{record}. The record's text cannot be read back from its source.")
            self.raw.clear()
            return
        where = f"{record.source.label}"
        if raw.column is not None:
            where += f", column {raw.column + 1}"
        self.where.setText(f"<b>{_html(where)}</b>: {_html(record.reason)}")
        self.raw.setPlainText(raw.text + ("\n… (cut)" if raw.truncated else ""))
        if raw.column is not None:
            self._mark(min(raw.column, max(len(raw.text) - 1, 0)))

    def _mark(self, column: int) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(239, 83, 80, 120))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#d32f2f"))
        cursor = QTextCursor(self.raw.document())
        cursor.setPosition(column)
        cursor.setPosition(column + 1, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        self.raw.setExtraSelections([selection])
        caret = QTextCursor(self.raw.document())
        caret.setPosition(column)
        self.raw.setTextCursor(caret)
        self.raw.ensureCursorVisible()

    def marked_text(self) -> str:
        """The characters marked as the error (for tests and accessibility)."""
        selections = self.raw.extraSelections()
        return selections[0].cursor.selectedText() if selections else ""


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
