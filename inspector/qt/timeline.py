"""The session timeline: the simulated Jimo SDK state over the events, with hazards marked."""

from __future__ import annotations

import html
import json
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
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
from PySide6.QtGui import QBrush, QColor, QFont, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.destinations import get_destination
from inspector.core.evaluation import Evaluation, TimelineEntry
from inspector.core.events import EventRecord
from inspector.core.sdk_sessions import BrowserStates, browser_of
from inspector.core.store import EventStore
from inspector.qt.store_adapter import StoreSubscription, activate_on_enter, setup_compact_table
from inspector.qt.verdict_style import palette_is_dark

__all__ = ["TimelineModel", "TimelineView", "CLOUD_PLACEHOLDER"]

Index = QModelIndex | QPersistentModelIndex

CLOUD_PLACEHOLDER = "Jimo Cloud has no browser SDK: nothing to simulate."
_NO_EVALUATION = "No evaluated events yet: load a file to follow the Jimo SDK through it."
_ROW_HEIGHT = 22
_HAZARDS_LISTED = 6  # under the table, in full; the rest only in their rows
_HAZARD_LINES_SHOWN = 3  # lines of that list in sight (it scrolls)
_ATTRIBUTES_SHOWN = 120  # characters of "k=v, …" before eliding; the tooltip has the JSON

# column header, and the state keys whose change makes the cell bold
_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("#", ()),
    ("Event", ()),
    ("Browser", ()),
    ("Initialised", ("initialized",)),
    ("User ID", ("userId",)),
    ("Email", ("email",)),
    ("Attributes", ("attributes",)),
    ("Group", ("groupId", "groupTraits")),
    ("Hazards", ()),
)
_HAZARDS = len(_COLUMNS) - 1
_BROWSER, _INITIALISED, _USER, _EMAIL, _ATTRIBUTES, _GROUP = range(2, 8)
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


def _data(record: EventRecord) -> dict[str, Any]:
    return record.data


def _lines_height(label: QLabel, lines: int) -> int:
    """The height ``lines`` lines of rich text take in ``label`` (whole lines, none cut)."""
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    doc.setHtml("<br>".join("⚠ x" for _ in range(lines)))
    return int(doc.size().height()) + 2 * label.margin()


def _event_index(entry: TimelineEntry) -> int:
    return entry.event_index


def _entries_of(evaluation: Evaluation | None) -> Sequence[TimelineEntry]:
    """The entries to show: a running evaluation's list is copied (it still grows), a finished
    one's read-only blocks are shared (copying a million entries stalls the window)."""
    if evaluation is None:
        return []
    timeline = evaluation.timeline
    return list(timeline) if isinstance(timeline, list) else timeline


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
        # a finished evaluation's entries are shared (they never change); a running one's copied
        self._entries: Sequence[TimelineEntry] = []
        self._browsers: dict[int, str | None] = {}  # event index -> its browser, once asked
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
        self._browsers.clear()  # an edit can change an event's anonymousId
        # entries are in event order: the rows of events first..last, found by bisection
        top = bisect_left(self._entries, first, key=_event_index)
        bottom = bisect_right(self._entries, last, key=_event_index)
        if top < bottom:
            self.dataChanged.emit(self.index(top, 1), self.index(bottom - 1, 1))

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
        self._browsers.clear()
        self._entries = _entries_of(evaluation)
        self.endResetModel()

    def refresh(self) -> None:
        """Append the entries the running evaluation added since the last call."""
        timeline = self._evaluation.timeline if self._evaluation is not None else []
        if len(timeline) > len(self._entries):
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, len(timeline) - 1)
            if not isinstance(timeline, list):
                self._entries = timeline
            elif isinstance(self._entries, list):
                self._entries.extend(timeline[first:])
            else:
                self._entries = [*self._entries, *timeline[first:]]
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

    def browser(self, event_index: int) -> str | None:
        """The anonymousId of the browser whose SDK page the event met (per-browser sessions)."""
        if event_index not in self._browsers:
            events = self._store.events()
            if event_index >= len(events):
                return None
            self._browsers[event_index] = browser_of(events, event_index, _data)
        return self._browsers[event_index]

    def _display(self, entry: TimelineEntry, column: int) -> str:
        state = entry.state
        if column == 0:
            return str(entry.event_index + 1)
        if column == 1:
            return self.event_text(entry.event_index)
        if column == _BROWSER:
            return self.browser(entry.event_index) or "—"
        if column == _INITIALISED:
            return "yes" if state.get("initialized") else "no"
        if column == _USER:
            return _value(state.get("userId"))
        if column == _EMAIL:
            return _value(state.get("email"))
        if column == _ATTRIBUTES:
            return _compact(state.get("attributes"))
        if column == _GROUP:
            return _value(state.get("groupId"))
        # Codes, not sentences: they stay readable in a narrow column; the sentences are in the
        # tooltip and in the view's hazard list.
        return f"⚠ {', '.join(hazard.code for hazard in entry.hazards)}" if entry.hazards else ""

    def _tooltip(self, entry: TimelineEntry, column: int) -> str | None:
        state = entry.state
        if column == _BROWSER:
            browser = self.browser(entry.event_index)
            return f"Browser (anonymousId) {browser}" if browser else None
        if column == _ATTRIBUTES:
            return _pretty(state.get("attributes"))
        if column == _GROUP:
            return _pretty(state.get("groupTraits"))
        if column == _HAZARDS and entry.hazards:
            return "\n\n".join(f"⚠ {h.code}\n{h.message}" for h in entry.hazards)
        if column == _INITIALISED and state.get("manualInit"):
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
        # at most a few lines high, scrolled beyond: the table above keeps its rows in sight
        self.hazard_scroll = QScrollArea(self)
        self.hazard_scroll.setWidget(self.hazard_list)
        self.hazard_scroll.setWidgetResizable(True)
        self.hazard_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.hazard_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hazard_scroll.setMaximumHeight(_lines_height(self.hazard_list, _HAZARD_LINES_SHOWN))
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
        for column, width in enumerate((36, 150, 110, 64, 96, 150, 140, 64)):
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
        layout.addWidget(self.hazard_scroll)
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
            self.hazard_scroll.hide()
            return
        self.stack.setCurrentWidget(self.table)
        final = evaluation.final_state
        several = isinstance(final, BrowserStates) and final.browsers > 1
        self.table.setColumnHidden(_BROWSER, not several)  # one page: no browser to tell apart
        self.summary.setText(self._summary_text(evaluation))
        self.summary.show()
        self.hazard_list.setText(self._hazard_text(evaluation))
        self.hazard_list.setVisible(bool(evaluation.hazards))
        self.hazard_scroll.setVisible(bool(evaluation.hazards))

    def _summary_text(self, evaluation: Evaluation) -> str:
        """Which SDK sessions are in force, where the session ended up, how many hazards."""
        final = evaluation.final_state
        browsers = final.browsers if isinstance(final, BrowserStates) else 1
        if evaluation.fresh_sdk:
            parts = ["Every event meets a fresh SDK page: no session state to follow"]
        elif browsers > 1:
            parts = [f"One SDK page per browser: {browsers:,} browsers (anonymousIds)"]
        else:
            state = evaluation.timeline[-1].state if evaluation.timeline else {}
            parts = ["One SDK page session"]
            parts.append("Jimo initialised" if state.get("initialized") else "Jimo not initialised")
            user = state.get("userId")
            parts.append(f"user {user}" if user else "anonymous user")
            if state.get("groupId"):
                parts.append(f"group {state['groupId']}")
        count = len(evaluation.hazards)
        parts.append(f"{count:,} hazard{'' if count == 1 else 's'}" if count else "no hazards")
        return " · ".join(parts)

    def _hazard_text(self, evaluation: Evaluation) -> str:
        lines = [
            f'⚠ <a href="{h.event_index}">#{h.event_index + 1} '
            f"{html.escape(self.model.event_text(h.event_index))}</a> "
            f"<b>{html.escape(h.code)}</b>: {html.escape(h.message)}"
            for h in evaluation.hazards[:_HAZARDS_LISTED]
        ]
        if len(evaluation.hazards) > _HAZARDS_LISTED:
            lines.append(f"… and {len(evaluation.hazards) - _HAZARDS_LISTED:,} more in the table")
        return "<br>".join(lines)

    def _emit_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.event_activated.emit(self.model.entry(index.row()).event_index)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_dark(palette_is_dark(self.palette()))
        super().changeEvent(event)
