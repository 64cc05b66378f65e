"""Table model over the core's EventStore: one row per event, appended in chunks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from inspector.core.evaluation import Evaluation, Verdict
from inspector.core.events import EventRecord
from inspector.core.store import EventStore
from inspector.qt.store_adapter import StoreTableModel

__all__ = ["EventTableModel", "RecordRole", "VerdictsRole", "MAPPINGS_COLUMN", "duplicate_warning"]

Index = QModelIndex | QPersistentModelIndex
RecordRole = Qt.ItemDataRole.UserRole + 1
VerdictsRole = Qt.ItemDataRole.UserRole + 2
"""``[(short subscription name, Verdict value), …]`` for the mappings worth a chip."""
MAPPINGS_COLUMN = 5
SOURCE_COLUMN = 6
# trigger errors are not chipped: they would sit on every row; the matrix and panel show them
_CHIP_VERDICTS = frozenset({Verdict.DELIVERED, Verdict.NOT_DELIVERED, Verdict.INVALID})

_TYPE_COLOURS = {
    "track": "#2f7dd1",
    "identify": "#2e9d5b",
    "page": "#8a5cd1",
    "screen": "#c26a1b",
    "group": "#b8860b",
    "alias": "#6b7a8f",
}


def _short_time(stamp: str) -> str:
    # "2026-11-20T09:12:40.123Z" -> "11-20 09:12:40"; anything else is shown as it is
    if len(stamp) >= 19 and stamp[4] == "-" and stamp[10] in "T ":
        return f"{stamp[5:10]} {stamp[11:19]}"
    return stamp


class EventTableModel(StoreTableModel):
    """Columns: #, time, type, event/name, user, mappings, source; rows follow the store.

    ``set_evaluation`` supplies the verdicts behind the mapping chips; ``edited`` (a callable
    row -> bool, given at construction) marks events changed by what-if editing.
    """

    HEADERS = ("#", "Time", "Type", "Event / name", "User", "Mappings", "Source")

    def __init__(
        self,
        store: EventStore,
        parent: Any = None,
        *,
        edited: Callable[[int], bool] = lambda _row: False,
    ) -> None:
        super().__init__(store, parent)
        self._evaluation: Evaluation | None = None
        self._chip_names: list[str] = []
        self.edited = edited

    def set_evaluation(self, evaluation: Evaluation | None) -> None:
        old, self._evaluation = self._evaluation, evaluation
        subs = evaluation.config.subscriptions if evaluation is not None else []
        self._chip_names = [_short(s.name) for s in subs]
        # appended events only: the rows evaluated before keep their chips and flags
        extension = old is not None and evaluation is not None and evaluation.extends(old)
        first = len(old.verdicts) if old is not None and extension else 0
        if extension and self._rows > first:  # whole rows: filters test them again
            top, bottom = self.index(first, 0), self.index(self._rows - 1, self.columnCount() - 1)
            self.dataChanged.emit(top, bottom)
        elif self._rows > first:
            top, bottom = (
                self.index(first, MAPPINGS_COLUMN),
                self.index(self._rows - 1, MAPPINGS_COLUMN),
            )
            self.dataChanged.emit(top, bottom, [VerdictsRole, Qt.ItemDataRole.ToolTipRole])

    def chips(self, row: int) -> list[tuple[str, int]]:
        ev = self._evaluation
        if ev is None or row >= len(ev.verdicts):
            return []
        return [
            (self._chip_names[j], code)
            for j, code in enumerate(ev.verdicts[row])
            if code in _CHIP_VERDICTS and j < len(self._chip_names)
        ]

    def touch(self, row: int) -> None:
        """Tell views (and filter proxies) that ``row`` should be looked at again."""
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _duplicate_of(self, row: int) -> int | None:
        return self._evaluation.duplicates.get(row) if self._evaluation is not None else None

    def warnings(self, row: int) -> list[str]:
        """The event's load warnings, plus a duplicate messageId found by the evaluation."""
        found = list(self._store[row].warnings)
        first = self._duplicate_of(row)
        if first is not None:
            found.append(duplicate_warning(first))
        return found

    def record(self, row: int) -> EventRecord:
        return self._store[row]

    def sort_key(self, row: int, column: int) -> tuple[Any, ...]:
        """What column ``column`` sorts ``row`` by (numbers as numbers, text without case)."""
        if column == 0:
            return (row,)
        rec = self._store[row]
        if column == 1:
            return (rec.timestamp,)
        if column == 2:
            return (rec.type,)
        if column == 3:
            return (rec.name.casefold(),)
        if column == 4:
            return (rec.user.casefold(),)
        if column == MAPPINGS_COLUMN:
            chips = self.chips(row)
            return (-len(chips), [name for name, _ in chips])
        source = rec.source
        return (source.path, source.entry or 0, source.line or 0, source.item or 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.HEADERS):
                return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not (0 <= row < self._rows):
            return None
        return self._value(row, self._store[row], index.column(), role)

    def multiData(  # noqa: N802 - Qt override
        self,
        index: Index,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,  # noqa: N803
    ) -> None:
        """Every role a view asks of one cell in one call.

        A delegate asks seven roles per cell; answered one ``data()`` call each, a repaint
        would take the GIL hundreds of times and wait for it whenever a worker thread (the
        capture, an evaluation) holds it.
        """
        slots: Iterable[QModelRoleData] = (
            (roleDataSpan,) if isinstance(roleDataSpan, QModelRoleData) else roleDataSpan  # type: ignore[assignment]
        )
        row = index.row()
        if not index.isValid() or not (0 <= row < self._rows):
            for slot in slots:
                slot.clearData()
            return
        rec, col = self._store[row], index.column()
        for slot in slots:
            slot.setData(self._value(row, rec, col, slot.role()))

    def _value(self, row: int, rec: EventRecord, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, rec, col)
        if role == VerdictsRole:
            return self.chips(row) if col == MAPPINGS_COLUMN else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, rec, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and rec.type in _TYPE_COLOURS:
            return _colour(rec.type)
        if role == RecordRole:
            return rec
        if role == Qt.ItemDataRole.FontRole and col == 0 and self.edited(row):
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _tooltip(self, row: int, rec: EventRecord, col: int) -> str | None:
        if col == MAPPINGS_COLUMN:
            chips = self.chips(row)
            return "\n".join(f"{n}: {Verdict(v).label}" for n, v in chips) or "no mapping matched"
        if col == SOURCE_COLUMN:
            return rec.source.label
        warnings = self.warnings(row)
        if warnings:
            return "\n".join(f"⚠ {w}" for w in warnings)
        return rec.timestamp if col == 1 else None

    def _display(self, row: int, rec: EventRecord, col: int) -> str:
        if col == 0:
            return f"{row + 1}*" if self.edited(row) else str(row + 1)
        if col == 1:
            return _short_time(rec.timestamp)
        if col == 2:
            return rec.type or "?"
        if col == 3:
            return (
                f"⚠ {rec.name}" if rec.warnings or self._duplicate_of(row) is not None else rec.name
            )
        if col == 4:
            return rec.user
        if col == MAPPINGS_COLUMN:
            return ""
        return rec.source.display_label


@cache
def _colour(event_type: str) -> QColor:
    return QColor(_TYPE_COLOURS[event_type])


def _short(name: str) -> str:
    name = name.removeprefix("Send ")
    return name if len(name) <= 16 else name[:15] + "…"


def duplicate_warning(first: int) -> str:
    return (
        f"same messageId as event {first + 1}: Segment deduplicates on messageId, "
        "so only the first of them reaches Jimo"
    )
