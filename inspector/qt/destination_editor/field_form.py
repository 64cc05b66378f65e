"""Field-by-field entry: one row per action field with its label, description and value line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from inspector.core.destinations import ActionDef, FieldDef
from inspector.core.mapping import MappingIssue
from inspector.qt.destination_editor._field_values import UNSET, field_text, parse_field_text
from inspector.qt.destination_editor._text_marks import UndoKeysToEditor
from inspector.qt.json_view import monospace

__all__ = ["MappingFieldForm", "FIELD_HELP"]

FIELD_HELP = (
    "Write $.path to read from the event, a JSON value (true, 12, a directive) or plain "
    "text. An empty line leaves the field out."
)
_HINT_STYLE = "color: palette(placeholder-text);"
_ERROR_STYLE = "color: #b3261e;"


def _type_text(spec: FieldDef) -> str:
    kind = spec.get("type", "string")
    return f"{kind}, required" if spec.get("required") else kind


class MappingFieldForm(QScrollArea):
    """The action's fields, each edited as one line; other mapping keys are kept as they are.

    Signals:
        field_edited(str, object): a field's new mapping value (``UNSET``: remove the key).
    """

    field_edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Mapping fields")
        self._body = QWidget()
        self._help = QLabel(FIELD_HELP, self._body)
        self._help.setWordWrap(True)
        self._help.setStyleSheet(_HINT_STYLE)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(self._body)
        layout.addWidget(self._help)
        layout.addLayout(self._form)
        layout.addStretch(1)
        self.setWidget(self._body)
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._action: ActionDef | None = None
        self._undo_keys = UndoKeysToEditor(self)

    def show_fields(
        self, action: ActionDef | None, mapping: dict[str, Any], issues: Sequence[MappingIssue]
    ) -> None:
        """Show ``mapping``'s value of each of ``action``'s fields, and the issues under each."""
        if action is not self._action:
            self._build(action)
        for key, edit in self.inputs.items():
            value = mapping.get(key, UNSET)
            if parse_field_text(edit.text()) != value:
                edit.blockSignals(True)
                edit.setText(field_text(value))
                edit.setCursorPosition(0)
                edit.blockSignals(False)
            edit.setToolTip(field_text(value) or "not mapped")
            messages = [i.message for i in issues if _within(i.location, key)]
            self.errors[key].setText("\n".join(f"✗ {m}" for m in messages))
            self.errors[key].setVisible(bool(messages))

    def _build(self, action: ActionDef | None) -> None:
        self._action = action
        while self._form.rowCount():
            self._form.removeRow(0)
        self.inputs.clear()
        self.errors.clear()
        for key, spec in (action.fields if action else {}).items():
            self._add_row(key, spec)

    def _add_row(self, key: str, spec: FieldDef) -> None:
        label = spec.get("label", key)
        description = spec.get("description", "")
        edit = QLineEdit(self._body)
        edit.setObjectName(f"field-{key}")
        edit.setFont(monospace())
        edit.setAccessibleName(label)
        edit.setAccessibleDescription(description)
        edit.setPlaceholderText("not mapped")
        edit.installEventFilter(self._undo_keys)
        edit.textEdited.connect(
            lambda text, k=key: self.field_edited.emit(k, parse_field_text(text))
        )
        hint = QLabel(f"{description} ({key}: {_type_text(spec)})", self._body)
        hint.setWordWrap(True)
        hint.setStyleSheet(_HINT_STYLE)
        error = QLabel(self._body)
        error.setWordWrap(True)
        error.setStyleSheet(_ERROR_STYLE)
        error.setVisible(False)
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(edit)
        box.addWidget(hint)
        box.addWidget(error)
        caption = QLabel(f"{label}{' *' if spec.get('required') else ''}", self._body)
        caption.setBuddy(edit)
        caption.setToolTip(description)
        self._form.addRow(caption, box)
        self.inputs[key], self.errors[key] = edit, error


def _within(location: str, key: str) -> bool:
    return location == key or location.startswith(f"{key}.")
