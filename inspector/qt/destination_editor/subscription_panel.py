"""One subscription in detail: name, enabled, then its trigger above its mapping."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector.core.destinations import DestinationDef, Subscription
from inspector.qt.destination_editor._text_marks import UndoKeysToEditor
from inspector.qt.destination_editor.mapping_editor import MappingEditor
from inspector.qt.destination_editor.trigger_editor import TriggerEditor

__all__ = ["SubscriptionPanel"]

NOTHING_SELECTED = "No mapping selected. Add one, or select one in the list."


class SubscriptionPanel(QWidget):
    """Edits the selected subscription; emits each change as the subscription's new value.

    Signals:
        edited(object, str, str): the new ``Subscription``, an undo text, and a merge key for
            typed edits ("" for one-off edits such as the enabled box).
    """

    edited = Signal(object, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName("Mapping name")
        self.name_edit.installEventFilter(UndoKeysToEditor(self))
        self.name_edit.textEdited.connect(
            lambda text: self._emit("Rename mapping", "name", name=text)
        )
        self.enabled_box = QCheckBox("Ena&bled", self)
        self.enabled_box.setToolTip("A disabled mapping is kept but never runs")
        self.enabled_box.toggled.connect(
            lambda on: self._emit("Enable mapping" if on else "Disable mapping", "", enabled=on)
        )
        self.trigger = TriggerEditor(self)
        self.trigger.trigger_edited.connect(
            lambda text: self._emit("Edit trigger", "trigger", trigger=text)
        )
        self.mapping = MappingEditor(self)
        self.mapping.mapping_edited.connect(self._on_mapping_edited)
        self.placeholder = QLabel(NOTHING_SELECTED, self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setVisible(False)
        self._sub: Subscription | None = None
        self._lay_out()

    def _lay_out(self) -> None:
        name_label = QLabel("&Name", self)
        name_label.setBuddy(self.name_edit)
        top = QHBoxLayout()
        top.addWidget(name_label)
        top.addWidget(self.name_edit, 1)
        top.addWidget(self.enabled_box)
        trigger_box = QGroupBox("Trigger", self)
        QVBoxLayout(trigger_box).addWidget(self.trigger)
        mapping_box = QGroupBox("Mapping", self)
        QVBoxLayout(mapping_box).addWidget(self.mapping)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(trigger_box)
        self.splitter.addWidget(mapping_box)
        # the trigger, its warnings and the clause-by-clause explanation need the height more
        # than the mapping form, which scrolls
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([500, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.placeholder, 1)
        self._detail = (name_label, self.name_edit, self.enabled_box, self.splitter)

    def show_subscription(self, dest: DestinationDef, sub: Subscription | None) -> None:
        """Show ``sub`` (``None``: nothing is selected)."""
        self._sub = sub
        for widget in self._detail:
            widget.setVisible(sub is not None)
        self.placeholder.setVisible(sub is None)
        if sub is None:
            return
        if self.name_edit.text() != sub.name:
            self.name_edit.setText(sub.name)
        self.enabled_box.blockSignals(True)
        self.enabled_box.setChecked(sub.enabled)
        self.enabled_box.blockSignals(False)
        self.trigger.show_trigger(sub.trigger)
        self.mapping.show_mapping(dest.action(sub.action), sub.mapping)

    def set_event(self, event: dict[str, Any] | None, row: int | None = None) -> None:
        self.trigger.set_event(event, row)

    def _on_mapping_edited(self, mapping: dict[str, Any], typed: bool) -> None:
        if typed:
            self._emit("Edit mapping", "mapping", mapping=mapping)
        else:
            self._emit("Reset mapping to defaults", "", mapping=mapping)

    def _emit(self, text: str, merge_key: str, **changes: Any) -> None:
        if self._sub is not None:
            self.edited.emit(self._sub.with_changes(**changes), text, merge_key)
