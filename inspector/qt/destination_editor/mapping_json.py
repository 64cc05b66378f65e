"""The mapping as JSON text: syntax errors and directive problems underlined where they are."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from inspector.core.jsonpaths import head_span, locate_paths
from inspector.core.mapping import MappingIssue
from inspector.qt.destination_editor._text_marks import UndoKeysToEditor, underline
from inspector.qt.json_view import JsonHighlighter, monospace, pretty_json

__all__ = ["MappingJsonEditor", "decode_mapping"]

_ERROR_STYLE = "color: #b3261e;"
_OK_STYLE = "color: #1e7b34;"


class MappingDecodeError(ValueError):
    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def decode_mapping(text: str) -> dict[str, Any]:
    """The mapping object ``text`` holds.

    Raises:
        MappingDecodeError: with a readable message (line and column) and the offset.
    """
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        where = f"Line {exc.lineno}, column {exc.colno}"
        raise MappingDecodeError(f"{where}: {exc.msg}", exc.pos) from None
    except ValueError as exc:
        raise MappingDecodeError(str(exc), 0) from None
    if not isinstance(value, dict):
        start = len(text) - len(text.lstrip())
        raise MappingDecodeError("The mapping must be a JSON object ({ … })", start)
    return value


class MappingJsonEditor(QWidget):
    """A highlighted JSON editor with a message line under it.

    Signals:
        mapping_edited(dict): the text was changed and decodes to an object.
    """

    mapping_edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("mapping-json")
        self.text_edit.setAccessibleName("Mapping JSON")
        self.text_edit.setFont(monospace())
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text_edit.setTabChangesFocus(True)
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self.highlighter = JsonHighlighter(self.text_edit.document(), dark=dark)
        self._undo_keys = UndoKeysToEditor(self)
        self.text_edit.installEventFilter(self._undo_keys)
        self.text_edit.textChanged.connect(self._on_text_changed)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Mapping status")
        self._showing = False
        self._decode_error: MappingDecodeError | None = None
        self._issues: list[MappingIssue] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.message)

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def show_mapping(self, mapping: dict[str, Any], issues: Sequence[MappingIssue]) -> None:
        """Show ``mapping``; text that already decodes to it keeps the user's layout."""
        try:
            same = decode_mapping(self.text()) == mapping
        except MappingDecodeError:
            same = False
        if not same:
            self._showing = True
            try:
                self.text_edit.setPlainText(pretty_json(mapping))
            finally:
                self._showing = False
            self._decode_error = None
        self._issues = list(issues)
        self._refresh()

    def _on_text_changed(self) -> None:
        if self._showing:
            return
        try:
            mapping = decode_mapping(self.text())
        except MappingDecodeError as exc:
            self._decode_error = exc
            self._refresh()
            return
        self._decode_error = None
        self.mapping_edited.emit(mapping)
        self._refresh()

    def _refresh(self) -> None:
        error = self._decode_error
        if error is not None:
            self._say(f"✗ {error.message}. The last valid mapping stays in use.", _ERROR_STYLE)
            underline(self.text_edit, [(error.position, error.position + 1)])
            return
        text = self.text()
        paths = locate_paths(text) if self._issues else {}
        marks = [head_span(text, issue.location, paths) for issue in self._issues]
        underline(self.text_edit, [mark for mark in marks if mark is not None])
        if self._issues:
            lines = [f"✗ {issue.message}" for issue in self._issues]
            self._say("\n".join(lines), _ERROR_STYLE)
        else:
            self._say("✓ Every directive is valid.", _OK_STYLE)

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
