"""The list of subscriptions with their verdict for the selected event."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from inspector.core.evaluation import Verdict, verdict_of
from inspector.core.inspection import EventInspection, SubscriptionResult, numbered_from_one
from inspector.qt.verdict_style import palette_is_dark, verdict_brush, verdict_colour, verdict_text

__all__ = ["VerdictListModel"]

Index = QModelIndex | QPersistentModelIndex


def summary(result: SubscriptionResult) -> str:
    """A few words on what happened beyond the verdict."""
    if result.trigger_error:
        return result.trigger_error
    if not result.matched:
        return ""
    if result.duplicate_of is not None:
        return f"dropped: same messageId as event {result.duplicate_of + 1}"
    if result.dropped is not None:
        return f"dropped: {result.dropped.split(':')[0]}"
    if result.mapping_error:
        return f"mapping error: {result.mapping_error}"
    if result.perform_error:
        return result.perform_error
    if result.errors:
        return f"{len(result.errors)} validation message(s)"
    if result.request is not None:
        return f"{result.request.method} {result.request.url}"
    if result.commands:
        return f"{len(result.commands)} SDK command(s)"
    return "; ".join(numbered_from_one(note) for note in result.notes)


class VerdictListModel(QAbstractTableModel):
    """Rows: subscriptions in config order. Columns: verdict, name, action, summary."""

    HEADERS = ("Verdict", "Mapping", "Action", "What happened")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._results: list[SubscriptionResult] = []

    def set_inspection(self, inspection: EventInspection | None) -> None:
        self.beginResetModel()
        self._results = list(inspection.results) if inspection is not None else []
        self.endResetModel()

    def result(self, row: int) -> SubscriptionResult | None:
        return self._results[row] if 0 <= row < len(self._results) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._results)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._results)):
            return None
        result = self._results[index.row()]
        verdict = verdict_of(result)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (verdict_text(verdict), result.subscription, result.action, summary(result))[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return verdict_colour(verdict, palette_is_dark())
        if role == Qt.ItemDataRole.BackgroundRole and verdict is not Verdict.NOT_MATCHED:
            return verdict_brush(verdict, palette_is_dark())
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                f"{result.subscription}: {verdict.label}",
                summary(result),
                *map(numbered_from_one, result.notes),
            ]
            return "\n".join(line for line in lines if line)
        return None
