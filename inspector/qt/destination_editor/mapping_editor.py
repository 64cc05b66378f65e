"""The mapping editor: the action's fields one by one, or the whole mapping as JSON."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from inspector.core.destinations import ActionDef
from inspector.core.mapping import validate_mapping
from inspector.qt.destination_editor._field_values import UNSET
from inspector.qt.destination_editor.field_form import MappingFieldForm
from inspector.qt.destination_editor.mapping_json import MappingJsonEditor

__all__ = ["MappingEditor"]


class MappingEditor(QWidget):
    """Two views of one mapping, kept in step; validation comes from ``validate_mapping``.

    Signals:
        mapping_edited(dict, bool): the new mapping, and whether it was typed (false for
            "Reset to defaults", which is one step of its own).
    """

    mapping_edited = Signal(dict, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action_label = QLabel(self)
        self.action_label.setWordWrap(True)
        self.reset_button = QPushButton("Reset to defaults", self)
        self.reset_button.setToolTip(
            "Map every field as Segment does for a new mapping of this action"
        )
        self.reset_button.clicked.connect(self._reset)
        self.fields = MappingFieldForm(self)
        self.json = MappingJsonEditor(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Mapping views")
        self.tabs.addTab(self.fields, "Fields")
        self.tabs.addTab(self.json, "JSON")
        self.tabs.setTabToolTip(0, "Each field of the action on its own line")
        self.tabs.setTabToolTip(1, "The whole mapping, directives included, as JSON")
        self._mapping: dict[str, Any] = {}
        self._action: ActionDef | None = None
        self.fields.field_edited.connect(self._on_field_edited)
        self.json.mapping_edited.connect(lambda mapping: self.mapping_edited.emit(mapping, True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.action_label, 1)
        header.addWidget(self.reset_button)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def show_mapping(self, action: ActionDef | None, mapping: dict[str, Any]) -> None:
        """Show ``mapping`` for ``action`` in both views, with its validation issues."""
        self._mapping, self._action = mapping, action
        self.reset_button.setEnabled(action is not None and mapping != action.default_mapping())
        issues = validate_mapping(mapping)
        if action is None:
            self.action_label.setText("")
        else:
            self.action_label.setText(f"<b>{action.title}</b> — {action.description}")
        self.fields.show_fields(action, mapping, issues)
        self.json.show_mapping(mapping, issues)

    def _reset(self) -> None:
        if self._action is not None:
            self.mapping_edited.emit(self._action.default_mapping(), False)

    def _on_field_edited(self, key: str, value: Any) -> None:
        mapping = dict(self._mapping)
        if value is UNSET:
            mapping.pop(key, None)
        else:
            mapping[key] = value
        self.mapping_edited.emit(mapping, True)
