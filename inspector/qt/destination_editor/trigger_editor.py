"""The trigger editor: FQL text with its parse error, lint warnings and verdict for the event."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.fql import LintWarning, Trigger, parse
from inspector.qt.destination_editor._text_marks import (
    WARNING_COLOUR,
    Mark,
    UndoKeysToEditor,
    underline,
)
from inspector.qt.explanation_view import ExplanationView
from inspector.qt.json_view import monospace

__all__ = ["TriggerEditor", "error_text"]

_OK_STYLE = "color: #1e7b34;"
_ERROR_STYLE = "color: #b3261e;"
SuggestionRole = Qt.ItemDataRole.UserRole + 1


def error_text(trigger: Trigger) -> str:
    """The inline status line: the parse error with its 1-based column, or "parses"."""
    error = trigger.error
    if error is None:
        return "✓ The trigger parses."
    where = f"Column {error.position + 1}: " if error.position is not None else ""
    return f"✗ {where}{error.message}. Until it parses, this mapping never matches."


def _warning_text(warning: LintWarning) -> str:
    where = f"Column {warning.position + 1}: " if warning.position is not None else ""
    return f"⚠ {where}{warning.message}"


class TriggerEditor(QWidget):
    """Edits one subscription's trigger. Nothing here decides a verdict: ``fql`` does.

    Signals:
        trigger_edited(str): the user changed the text (typed, or applied a lint rewrite).
    """

    trigger_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("trigger-text")
        self.text_edit.setAccessibleName("Trigger")
        self.text_edit.setFont(monospace())
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText('e.g. type = "track" and event = "Signed Up"')
        lines = self.text_edit.fontMetrics().lineSpacing()
        self.text_edit.setFixedHeight(lines * 3 + 14)
        self._undo_keys = UndoKeysToEditor(self)
        self.text_edit.installEventFilter(self._undo_keys)
        self.text_edit.textChanged.connect(self._on_text_changed)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Trigger status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = QListWidget(self)
        self.warnings.setAccessibleName("Trigger warnings")
        self.warnings.setWordWrap(True)
        self.warnings.currentRowChanged.connect(self._on_warning_selected)
        self.warnings.itemSelectionChanged.connect(lambda: self._on_warning_selected(-1))
        self.warnings.itemActivated.connect(lambda _item: self.apply_suggestion())
        self.rewrite_button = QPushButton("Use &suggested rewrite", self)
        self.rewrite_button.setToolTip("Replace the trigger with the selected warning's rewrite")
        self.rewrite_button.clicked.connect(self.apply_suggestion)
        # The status line and the warnings list above already show the parse error and lint.
        self.explanation = ExplanationView(self, trigger_details=False)
        self._trigger = parse("")
        self._event: dict[str, Any] | None = None
        self._row: int | None = None
        self._showing = False
        self._lay_out()
        self._refresh()

    def _lay_out(self) -> None:
        fix_row = QHBoxLayout()
        fix_row.addStretch(1)
        fix_row.addWidget(self.rewrite_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.status)
        layout.addWidget(self.warnings)
        layout.addLayout(fix_row)
        layout.addWidget(self.explanation, 1)

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def show_trigger(self, text: str) -> None:
        """Show ``text`` (left alone when the editor already holds it: the cursor stays put)."""
        if text != self.text():
            self._showing = True
            try:
                self.text_edit.setPlainText(text)
            finally:
                self._showing = False
        self._refresh()

    def set_event(self, event: dict[str, Any] | None, row: int | None = None) -> None:
        """Explain the trigger against ``event`` (``row``: its place in the session)."""
        self._event, self._row = event, row
        self.explanation.show_explanation(self._trigger, event, row)

    def _on_text_changed(self) -> None:
        if self._showing:
            return
        self._refresh()
        self.trigger_edited.emit(self.text())

    def _refresh(self) -> None:
        self._trigger = trigger = parse(self.text())
        self.status.setText(error_text(trigger))
        self.status.setStyleSheet(_OK_STYLE if trigger.ok else _ERROR_STYLE)
        error = trigger.error
        warnings = trigger.lint()
        marks: list[Mark] = [
            (w.position, w.position + 1, WARNING_COLOUR) for w in warnings if w.position is not None
        ]
        if error is not None and error.position is not None:
            marks.append((error.position, error.position + 1))
        underline(self.text_edit, marks)
        self._show_warnings(warnings)
        self.explanation.show_explanation(trigger, self._event, self._row)

    def _show_warnings(self, warnings: list[LintWarning]) -> None:
        self.warnings.clear()
        for warning in warnings:
            item = QListWidgetItem(_warning_text(warning), self.warnings)
            item.setData(SuggestionRole, warning.suggestion)
            item.setForeground(WARNING_COLOUR)
            tip = warning.message
            if warning.suggestion:
                tip += f"\n\nSuggested rewrite:\n{warning.suggestion}"
            item.setToolTip(tip)
        self.warnings.setVisible(bool(warnings))
        self._fit_warnings()
        self._on_warning_selected(self.warnings.currentRow())

    def _fit_warnings(self) -> None:
        """As tall as its rows (up to five lines), so the explanation below keeps the room."""
        rows = sum(self.warnings.sizeHintForRow(r) for r in range(self.warnings.count()))
        limit = self.text_edit.fontMetrics().lineSpacing() * 5
        self.warnings.setFixedHeight(min(rows, limit) + 2 * self.warnings.frameWidth() + 2)

    def _suggestion(self) -> str | None:
        """The selected warning's rewrite; with none selected, the first warning that has one."""
        item = self.warnings.currentItem()
        if item is not None and item.isSelected():
            return item.data(SuggestionRole)  # type: ignore[no-any-return]
        items = (self.warnings.item(row) for row in range(self.warnings.count()))
        return next((i.data(SuggestionRole) for i in items if i.data(SuggestionRole)), None)

    def _on_warning_selected(self, _row: int) -> None:
        self.rewrite_button.setVisible(self.warnings.count() > 0)
        self.rewrite_button.setEnabled(bool(self._suggestion()))

    def apply_suggestion(self) -> None:
        """Replace the text with the warning's rewrite (one undoable edit)."""
        suggestion = self._suggestion()
        if suggestion:
            self.text_edit.setPlainText(suggestion)
