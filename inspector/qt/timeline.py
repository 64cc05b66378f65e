"""The session timeline: the simulated Jimo SDK state over the events, with hazards marked."""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.destinations import get_destination
from inspector.core.evaluation import Evaluation, TimelineEntry
from inspector.core.store import EventStore
from inspector.qt.store_adapter import StoreSubscription, activate_on_enter, setup_compact_table
from inspector.qt.verdict_style import palette_is_dark

__all__ = ["TimelineModel", "TimelineView", "CLOUD_PLACEHOLDER"]

Index = QModelIndex | QPersistentModelIndex

CLOUD_PLACEHOLDER = "Jimo Cloud has no browser SDK: nothing to simulate."
_NO_EVALUATION = "No evaluated events yet: load a file to follow the Jimo SDK through it."
_ROW_HEIGHT = 22
_HAZARDS_LISTED = 6  # under the table, in full; the rest only in their rows
_ATTRIBUTES_SHOWN = 120  # characters of "k=v, …" before eliding; the tooltip has the JSON

# column header, and the state keys whose change makes the cell bold
_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("#", ()),
    ("Event", ()),
    ("Initialised", ("initialized",)),
    ("User ID", ("userId",)),
    ("Email", ("email",)),
    ("Attributes", ("attributes",)),
    ("Group", ("groupId", "groupTraits")),
    ("Hazards", ()),
)
_HAZARDS = len(_COLUMNS) - 1
_HAZARD_TINT = ("#fff3d6", "#4a3a12")  # light, dark


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if value == "":
        return '""'
    return str(value)


def _compact(mapping: Any) -> str:
    if not isinstance(mapping, dict) or not mapping:
        return "—"
    text = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in mapping.items())
    return text if len(text) <= _ATTRIBUTES_SHOWN else text[: _ATTRIBUTES_SHOWN - 1] + "…"


def _pretty(value: Any) -> str | None:
    if not value:
        return None
    return json.dumps(value, indent=2, ensure_ascii=False)


def _is_cloud(evaluation: Evaluation) -> bool:
    return get_destination(evaluation.config.destination).mode == "cloud"


class TimelineModel(QAbstractTableModel):
    """One row per timeline entry: where the simulated Jimo profile changed or a hazard arose.

    Events come from the store (for their type and name); the entries from the evaluation.
    """

    HEADERS = tuple(header for header, _keys in _COLUMNS)

    def __init__(self, store: EventStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._evaluation: Evaluation | None = None
        self._entries: list[TimelineEntry] = []
        self._dark = palette_is_dark()
        self._bold = QFont()
        self._bold.setBold(True)
        self._subscription = StoreSubscription(
            store, self, changed=self._on_changed, reset=self._on_reset
        )

    def detach(self) -> None:
        """Stop listening to the store (also done when the model is deleted)."""
        self._subscription.detach()

    def _on_changed(self, first: int, last: int) -> None:
        rows = [r for r, e in enumerate(self._entries) if first <= e.event_index <= last]
        if rows:
            self.dataChanged.emit(self.index(rows[0], 1), self.index(rows[-1], 1))

    def _on_reset(self, _first: int, _last: int) -> None:
        self.set_evaluation(None)  # the entries pointed at events that are gone

    @property
    def evaluation(self) -> Evaluation | None:
        return self._evaluation

    def set_evaluation(self, evaluation: Evaluation | None) -> None:
        """Show ``evaluation``'s timeline (``None``: nothing)."""
        if evaluation is not None and evaluation.extends(self._evaluation):
            self._evaluation = evaluation  # appended events: their entries follow the others
            self.refresh()
            return
        self.beginResetModel()
        self._evaluation = evaluation
        self._entries = list(evaluation.timeline) if evaluation is not None else []
        self.endResetModel()

    def refresh(self) -> None:
        """Append the entries the running evaluation added since the last call."""
        timeline = self._evaluation.timeline if self._evaluation is not None else []
        if len(timeline) > len(self._entries):
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, len(timeline) - 1)
            self._entries.extend(timeline[first:])
            self.endInsertRows()

    def set_dark(self, dark: bool) -> None:
        """Use the hazard tint for a dark (or light) palette."""
        if dark != self._dark:
            self._dark = dark
            if self._entries:
                last = self.index(len(self._entries) - 1, len(_COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)

    def entry(self, row: int) -> TimelineEntry:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(_COLUMNS):
                return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry, column = self._entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.FontRole and set(_COLUMNS[column][1]) & set(entry.changed):
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and entry.hazards:
            return QBrush(QColor(_HAZARD_TINT[1 if self._dark else 0]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def event_text(self, event_index: int) -> str:
        """The event's type and name, as the Event column shows it."""
        if event_index >= len(self._store):
            return "?"
        record = self._store[event_index]
        return f"{record.type or '?'} {record.name}".rstrip()

    def _display(self, entry: TimelineEntry, column: int) -> str:
        state = entry.state
        if column == 0:
            return str(entry.event_index + 1)
        if column == 1:
            return self.event_text(entry.event_index)
        if column == 2:
            return "yes" if state.get("initialized") else "no"
        if column == 3:
            return _value(state.get("userId"))
        if column == 4:
            return _value(state.get("email"))
        if column == 5:
            return _compact(state.get("attributes"))
        if column == 6:
            return _value(state.get("groupId"))
        # Codes, not sentences: they stay readable in a narrow column; the sentences are in the
        # tooltip and in the view's hazard list.
        return f"⚠ {', '.join(hazard.code for hazard in entry.hazards)}" if entry.hazards else ""

    def _tooltip(self, entry: TimelineEntry, column: int) -> str | None:
        state = entry.state
        if column == 5:
            return _pretty(state.get("attributes"))
        if column == 6:
            return _pretty(state.get("groupTraits"))
        if column == _HAZARDS and entry.hazards:
            return "\n\n".join(f"⚠ {h.code}\n{h.message}" for h in entry.hazards)
        if column == 2 and state.get("manualInit"):
            return "manualInit is on: the SDK waits for jimoInit"
        return None


class TimelineView(QWidget):
    """The timeline table with a one-line summary of the final state, or a placeholder.

    Signals:
        event_activated(int): a row was clicked or Enter pressed on it; carries the event's
            row in the store.
    """

    event_activated = Signal(int)

    def __init__(self, store: EventStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TimelineModel(store, self)
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Session summary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.hazard_list = QLabel(self)
        self.hazard_list.setAccessibleName("Hazards")
        self.hazard_list.setWordWrap(True)
        self.hazard_list.setTextFormat(Qt.TextFormat.RichText)
        self.hazard_list.linkActivated.connect(lambda link: self.event_activated.emit(int(link)))
        self.placeholder = QLabel(_NO_EVALUATION, self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)  # drawn in the palette's muted text colour
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_compact_table(
            self.table,
            name="timelineTable",
            accessible_name="Jimo SDK timeline",
            row_height=_ROW_HEIGHT,
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((36, 150, 64, 96, 150, 140, 64)):
            header.resizeSection(column, width)
        activate_on_enter(self.table, self._emit_activated)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.hazard_list)
        self.model.modelReset.connect(self._update)
        self.model.rowsInserted.connect(self._update)
        self._update()

    def set_evaluation(self, evaluation: Evaluation | None) -> None:
        """Show ``evaluation``'s timeline, or the placeholder (none yet, or Jimo Cloud)."""
        self.model.set_evaluation(evaluation)

    def refresh(self) -> None:
        """Pick up the entries the running evaluation added since the last call."""
        self.model.refresh()
        self._update()

    def _update(self) -> None:
        evaluation = self.model.evaluation
        cloud = evaluation is not None and _is_cloud(evaluation)
        if evaluation is None or cloud:
            self.placeholder.setText(CLOUD_PLACEHOLDER if cloud else _NO_EVALUATION)
            self.stack.setCurrentWidget(self.placeholder)
            for label in (self.summary, self.hazard_list):
                label.clear()
                label.hide()
            return
        self.stack.setCurrentWidget(self.table)
        self.summary.setText(self._summary_text(evaluation))
        self.summary.show()
        self.hazard_list.setText(self._hazard_text(evaluation))
        self.hazard_list.setVisible(bool(evaluation.hazards))

    def _summary_text(self, evaluation: Evaluation) -> str:
        if evaluation.fresh_sdk:
            parts = ["Every event meets a fresh SDK page: no session state to follow"]
        else:
            state = evaluation.timeline[-1].state if evaluation.timeline else {}
            parts = ["Jimo initialised" if state.get("initialized") else "Jimo not initialised"]
            user = state.get("userId")
            parts.append(f"user {user}" if user else "anonymous user")
            if state.get("groupId"):
                parts.append(f"group {state['groupId']}")
        count = len(evaluation.hazards)
        parts.append(f"{count} hazard{'' if count == 1 else 's'}" if count else "no hazards")
        return " · ".join(parts)

    def _hazard_text(self, evaluation: Evaluation) -> str:
        lines = [
            f'⚠ <a href="{h.event_index}">#{h.event_index + 1} '
            f"{html.escape(self.model.event_text(h.event_index))}</a> "
            f"<b>{html.escape(h.code)}</b>: {html.escape(h.message)}"
            for h in evaluation.hazards[:_HAZARDS_LISTED]
        ]
        if len(evaluation.hazards) > _HAZARDS_LISTED:
            lines.append(f"… and {len(evaluation.hazards) - _HAZARDS_LISTED} more in the table")
        return "<br>".join(lines)

    def _emit_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.event_activated.emit(self.model.entry(index.row()).event_index)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_dark(palette_is_dark(self.palette()))
        super().changeEvent(event)
