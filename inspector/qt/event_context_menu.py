"""The event list's right-click menu: copy the event, its messageId or payload; filter; coverage."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from inspector.core.events import EventRecord
from inspector.qt.clipboard import copy_text
from inspector.qt.json_view import pretty_json

if TYPE_CHECKING:
    from inspector.qt.events_panel import EventsPanel

__all__ = ["EventContextMenu", "PayloadSource", "filter_for"]

PayloadSource = Callable[[int], tuple[str, str] | None]
"""Event row -> (mapping name, payload text) for the mapping selected in the window."""


def _quoted(value: str) -> str | None:
    # FQL strings have no escapes: pick a quote the value does not hold
    for quote in ('"', "'"):
        if quote not in value:
            return f"{quote}{value}{quote}"
    return None


def filter_for(record: EventRecord, column: int) -> str:
    """A filter keeping events that share this event's value in ``column``."""
    data = record.data
    field, value = "messageId", record.message_id
    if column == 2:
        field, value = "type", record.type
    elif column == 3 and record.type == "track":
        field, value = "event", str(data.get("event", ""))
    elif column == 3:
        field, value = "name", str(data.get("name", ""))
    elif column == 4 and isinstance(data.get("userId"), str):
        field, value = "userId", data["userId"]
    elif column == 4:
        field, value = "anonymousId", str(data.get("anonymousId", ""))
    elif column == 6:
        return record.source.path or record.source.label
    quoted = _quoted(value)
    return f"{field} = {quoted}" if quoted is not None else value


class EventContextMenu(QObject):
    """Builds and shows the menu for the row under the mouse.

    Signals:
        coverage_requested(int): show this event in the coverage matrix.
    """

    coverage_requested = Signal(int)

    def __init__(self, panel: EventsPanel, payload_source: PayloadSource | None = None) -> None:
        super().__init__(panel)
        self.panel = panel
        self.payload_source = payload_source
        self.last_menu: QMenu | None = None

    def build(self, row: int, column: int) -> QMenu:
        """The menu for event ``row`` (as the session numbers it), opened on ``column``."""
        panel = self.panel
        record = panel.model.record(row)
        menu = QMenu(panel)
        menu.addAction("Copy event JSON", lambda: self._copy(pretty_json(record.data), "the event"))
        message_id = menu.addAction(
            "Copy messageId", lambda: self._copy(record.message_id, "the messageId")
        )
        message_id.setEnabled(bool(record.message_id))
        payload = self.payload_source(row) if self.payload_source is not None else None
        copy_payload = menu.addAction(
            f"Copy payload of “{payload[0]}”" if payload else "Copy payload",
            lambda: self._copy(payload[1], f"the payload of {payload[0]}") if payload else None,
        )
        copy_payload.setEnabled(payload is not None)
        if payload is None:
            copy_payload.setToolTip("No mapping selected for this event produces a payload")
        menu.addSeparator()
        text = filter_for(record, column)
        menu.addAction(f"Filter by {_short(text)}", lambda: panel.filter_by(text))
        menu.addAction("Show in coverage", lambda: self.coverage_requested.emit(row))
        menu.setToolTipsVisible(True)
        return menu

    def popup_at(self, table: QTableView, pos: QPoint) -> None:
        index = table.indexAt(pos)
        row = self.panel.source_row(index)
        if row < 0:
            return
        self.panel.select_row(row)
        self.last_menu = menu = self.build(row, index.column())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(table.viewport().mapToGlobal(pos))

    def _copy(self, text: str, what: str) -> None:
        anchor: QWidget = self.panel
        copy_text(text, what, anchor)


def _short(text: str) -> str:
    return text if len(text) <= 48 else text[:47] + "…"
