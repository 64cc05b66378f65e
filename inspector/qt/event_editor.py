"""The Event panel: the selected event as editable, highlighted JSON, plus its raw bytes.

Editing is for what-if debugging: the text is re-parsed after typing pauses and, when it is a
JSON object, announced so the session re-evaluates. Undo/redo are the editor's own (Ctrl+Z,
Ctrl+Shift+Z); "Revert" restores the event as loaded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.events import EventRecord
from inspector.core.jsonpaths import Span, locate_paths, path_at
from inspector.qt.json_view import JsonHighlighter, JsonView, monospace, pretty_json
from inspector.qt.verdict_style import palette_is_dark

__all__ = ["EventEditor"]

DEBOUNCE_MS = 400


def _selection(
    doc_cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat
) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(doc_cursor)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    selection.format = fmt
    return selection


def _tool_button(parent: QWidget, text: str, tip: str) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    return button


class EventEditor(QWidget):
    """Signals:
    edited(int, dict): the text of event ``row`` parsed to a changed JSON object (after a pause
        in typing, or before another event is shown).
    revert_requested(): the user asked for the event as loaded.
    path_selected(str): the cursor moved onto an event path ("" when on none).
    """

    edited = Signal(int, dict)
    revert_requested = Signal()
    path_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName("Event JSON (editable)")
        self.editor.setFont(monospace())
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.highlighter = JsonHighlighter(
            self.editor.document(), dark=palette_is_dark(self.palette())
        )
        self.raw = JsonView(self)
        self.raw.setAccessibleName("Event as received")
        self.raw.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.editor, "Event")
        self.tabs.addTab(self.raw, "Raw")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.undo_button = _tool_button(self, "Undo", "Undo the last edit (Ctrl+Z)")
        self.redo_button = _tool_button(self, "Redo", "Redo (Ctrl+Shift+Z)")
        self.revert_button = QPushButton("Revert to original", self)
        self.revert_button.setAccessibleName("Revert event to original")
        self.undo_button.clicked.connect(self.editor.undo)
        self.redo_button.clicked.connect(self.editor.redo)
        self.editor.undoAvailable.connect(self.undo_button.setEnabled)
        self.editor.redoAvailable.connect(self.redo_button.setEnabled)
        self.revert_button.clicked.connect(self.revert_requested)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.revert_button.setEnabled(False)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.redo_button)
        bar.addWidget(self.revert_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bar)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.commit)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.cursorPositionChanged.connect(self._on_cursor)
        self._loading = False
        self._shown: dict[str, Any] | None = None
        self._spans: dict[str, Span] = {}
        self._error_selection: list[QTextEdit.ExtraSelection] = []
        self._path_selection: list[QTextEdit.ExtraSelection] = []
        self._last_path = ""
        self.row = -1  # the event shown, so a pending edit lands on it even after a row change

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_dark(palette_is_dark(self.palette()))

    # -- showing ------------------------------------------------------------------------------
    def show_record(
        self,
        record: EventRecord | None,
        *,
        row: int = -1,
        edited: bool = False,
        warnings: list[str] | None = None,
    ) -> None:
        """Show ``record`` (None clears); keeps the cursor line when it is the same event."""
        if self._timer.isActive():
            self.commit()  # typing not yet applied belongs to the event shown until now
        self.row = row
        self._loading = True
        line = self.editor.textCursor().blockNumber()
        same = record is not None and self._shown is not None and record.data == self._shown
        if record is None:
            self.editor.clear()
            self.raw.clear()
            self.title.clear()
            self._shown = None
        elif not same:
            data = record.data
            self._shown = data
            self.editor.setPlainText(pretty_json(data))
            self.raw.setPlainText(record.raw.decode("utf-8", "replace"))
            block = self.editor.document().findBlockByNumber(line)
            if block.isValid() and line:
                self.editor.setTextCursor(QTextCursor(block))
        self._loading = False
        self._spans = locate_paths(self.editor.toPlainText())
        self._error_selection = []
        self._path_selection = []
        self._apply_selections()
        self.revert_button.setEnabled(edited)
        if record is not None:
            self._set_title(record, edited, record.warnings if warnings is None else warnings)
            self.status.setText("Edited: results show the changed event." if edited else "")

    def update_title(self, record: EventRecord, edited: bool, warnings: Sequence[str]) -> None:
        """Refresh the heading only (new warnings), leaving the text and any typing alone."""
        self._set_title(record, edited, warnings)

    def _set_title(self, record: EventRecord, edited: bool, warnings: Sequence[str]) -> None:
        warn = "".join(f"<br><span style='color:#b26a00'>⚠ {w}</span>" for w in warnings)
        tag = " <i>(edited)</i>" if edited else ""
        self.title.setText(
            f"<b>{record.type or '?'}</b> {record.name}{tag} "
            f"<span style='color:gray'>— {record.source.short_label}</span>{warn}"
        )
        self.title.setToolTip(record.source.label)

    # -- editing ------------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        if not self._loading:
            self._timer.start()

    def discard_pending(self) -> None:
        """Forget typing that has not been applied yet."""
        self._timer.stop()

    def commit(self) -> None:
        """Parse now (skipping the debounce); emits ``edited`` for a changed JSON object."""
        self._timer.stop()
        text = self.editor.toPlainText()
        self._spans = locate_paths(text)
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            self._show_parse_error(exc)
            return
        if not isinstance(value, dict):
            self.status.setText(
                "<span style='color:#c62828'>An event must be a JSON object.</span>"
            )
            return
        self._error_selection = []
        self._apply_selections()
        if value != self._shown:
            self._shown = value
            self.status.setText("Edited: results show the changed event.")
            self.revert_button.setEnabled(True)
            self.edited.emit(self.row, value)

    def _show_parse_error(self, exc: json.JSONDecodeError) -> None:
        self.status.setText(
            f"<span style='color:#c62828'>Not valid JSON (line {exc.lineno}, column {exc.colno}): "
            f"{exc.msg}. The results still show the last valid version.</span>"
        )
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#d32f2f"))
        end = min(exc.pos + 1, len(self.editor.toPlainText()))
        start = max(min(exc.pos, end - 1), 0)
        self._error_selection = [_selection(self.editor.textCursor(), start, end, fmt)]
        self._apply_selections()

    # -- provenance ---------------------------------------------------------------------------
    def highlight_paths(self, paths: Iterable[str]) -> list[str]:
        """Tint the given event paths; returns those found in the text (nearest parent if not)."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(255, 213, 79, 120))
        found: list[str] = []
        selections = []
        for path in paths:
            probe = path
            while probe and probe not in self._spans:
                probe = probe.rpartition(".")[0]
            span = self._spans.get(probe) if probe else None
            if span is not None:
                found.append(probe)
                selections.append(
                    _selection(self.editor.textCursor(), span.key_start, span.end, fmt)
                )
        self._path_selection = selections
        self._apply_selections()
        if selections:
            cursor = QTextCursor(selections[0].cursor)
            cursor.clearSelection()
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
        return found

    def _apply_selections(self) -> None:
        self.editor.setExtraSelections(self._path_selection + self._error_selection)

    def _on_cursor(self) -> None:
        if self._loading:
            return
        path = path_at(self._spans, self.editor.textCursor().position()) or ""
        if path != self._last_path:
            self._last_path = path
            self.path_selected.emit(path)
