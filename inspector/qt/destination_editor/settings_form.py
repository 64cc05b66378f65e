"""The destination switch and its settings form, built from the destination's field definitions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.core.destinations import DESTINATIONS, DestinationDef, FieldDef
from inspector.qt.destination_editor._text_marks import UndoKeysToEditor

__all__ = ["SettingsForm", "required_message"]

_ERROR_STYLE = "color: #b3261e;"
_HINT_STYLE = "color: palette(placeholder-text);"


def required_message(spec: FieldDef, kept: Any) -> str:
    """The inline error for an empty required setting, saying what stays in use."""
    text = f"{spec.get('label', 'This setting')} is required."
    if kept and spec.get("type") == "password":
        return f"{text} The last value stays in use."
    if kept:
        return f"{text} The last value, {kept!r}, stays in use."
    return text


class SettingsForm(QWidget):
    """Destination choice, then one row per setting: input, description and inline error.

    Signals:
        destination_requested(str): the user picked another destination (its slug).
        setting_edited(str, object, bool): ``key``, the new value, and whether it was typed
            (typed edits are debounced and merged into one undo step).
    """

    destination_requested = Signal(str)
    setting_edited = Signal(str, object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.destination_combo = QComboBox(self)
        self.destination_combo.setAccessibleName("Destination")
        for slug, dest in DESTINATIONS.items():
            self.destination_combo.addItem(dest.name, slug)
            row = self.destination_combo.count() - 1
            tip = f"{dest.name}: {dest.mode} mode. {dest.description}".strip()
            self.destination_combo.setItemData(row, tip, Qt.ItemDataRole.ToolTipRole)
        self.destination_combo.activated.connect(self._on_destination)
        self.mode_label = QLabel(self)
        self.mode_label.setWordWrap(True)
        self.mode_label.setStyleSheet(_HINT_STYLE)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.inputs: dict[str, QLineEdit | QCheckBox] = {}
        self.errors: dict[str, QLabel] = {}
        self._dest: DestinationDef | None = None
        self._settings: dict[str, Any] = {}
        self._undo_keys = UndoKeysToEditor(self)
        top = QFormLayout()
        top.addRow("&Destination", self.destination_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.mode_label)
        layout.addLayout(self._form)
        layout.addStretch(1)

    def show_settings(self, dest: DestinationDef, settings: dict[str, Any]) -> None:
        """Show ``dest``'s fields with ``settings``; typed text that already means it stays."""
        if dest is not self._dest:
            self._build(dest)
        # a switch the user then cancelled leaves the drop-down on the destination kept
        self.destination_combo.setCurrentIndex(self.destination_combo.findData(dest.slug))
        self._settings = dict(settings)
        for key, widget in self.inputs.items():
            value = settings.get(key)
            if isinstance(widget, QCheckBox):
                widget.blockSignals(True)
                widget.setChecked(bool(value))
                widget.blockSignals(False)
            elif widget.text().strip() != ("" if value is None else str(value)):
                widget.blockSignals(True)
                widget.setText("" if value is None else str(value))
                widget.blockSignals(False)
            self._check(key)

    def _build(self, dest: DestinationDef) -> None:
        self._dest = dest
        self.destination_combo.setCurrentIndex(self.destination_combo.findData(dest.slug))
        self.mode_label.setText(_mode_text(dest))
        while self._form.rowCount():
            self._form.removeRow(0)
        self.inputs.clear()
        self.errors.clear()
        for key, spec in dest.settings.items():
            self._add_row(key, spec)

    def _add_row(self, key: str, spec: FieldDef) -> None:
        label = spec.get("label", key)
        description = spec.get("description", "")
        widget: QLineEdit | QCheckBox
        if spec.get("type") == "boolean":
            widget = QCheckBox(label, self)
            widget.toggled.connect(lambda on, k=key: self.setting_edited.emit(k, on, False))
        else:
            widget = QLineEdit(self)
            if spec.get("type") == "password":
                widget.setEchoMode(QLineEdit.EchoMode.Password)
            widget.setPlaceholderText("required" if spec.get("required") else "optional")
            widget.textEdited.connect(lambda text, k=key: self._on_text(k, text))
            widget.installEventFilter(self._undo_keys)
        widget.setObjectName(f"setting-{key}")
        widget.setAccessibleName(label)
        widget.setAccessibleDescription(description)
        widget.setToolTip(f"{key}: {description}")
        hint = QLabel(description, self)
        hint.setWordWrap(True)
        hint.setStyleSheet(_HINT_STYLE)
        error = QLabel(self)
        error.setWordWrap(True)
        error.setStyleSheet(_ERROR_STYLE)
        error.setVisible(False)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(hint)
        box.addWidget(error)
        if isinstance(widget, QCheckBox):
            self._form.addRow(box)
        else:
            mark = " *" if spec.get("required") else ""
            caption = QLabel(f"{label}{mark}", self)
            caption.setBuddy(widget)
            self._form.addRow(caption, box)
        self.inputs[key], self.errors[key] = widget, error

    def _on_text(self, key: str, text: str) -> None:
        self._check(key)
        value = text.strip()
        spec = self._dest.settings[key] if self._dest else {}
        if value or not spec.get("required"):
            self.setting_edited.emit(key, value or None, True)

    def _check(self, key: str) -> None:
        """Show the inline error for an empty required setting."""
        widget, error = self.inputs[key], self.errors[key]
        spec = self._dest.settings[key] if self._dest else {}
        empty = isinstance(widget, QLineEdit) and not widget.text().strip()
        required = empty and spec.get("required")
        message = required_message(spec, self._settings.get(key)) if required else ""
        error.setText(message)
        error.setVisible(bool(message))
        widget.setProperty("invalid", bool(message))

    def _on_destination(self, row: int) -> None:
        slug = self.destination_combo.itemData(row)
        if self._dest is not None and slug != self._dest.slug:
            self.destination_requested.emit(slug)


def _mode_text(dest: DestinationDef) -> str:
    if dest.mode == "device":
        return "Device mode: the Jimo SDK runs in the browser and receives each mapped event."
    return "Cloud mode: Segment's servers send each mapped event to Jimo's API."
