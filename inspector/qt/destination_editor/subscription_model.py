"""List model over a config's subscriptions: name, action, enabled (checkable), trigger state."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from inspector.core.destinations import DestinationDef, Subscription
from inspector.core.fql import parse

__all__ = ["SubscriptionListModel", "SubscriptionRole"]

Index = QModelIndex | QPersistentModelIndex
SubscriptionRole = Qt.ItemDataRole.UserRole + 1
_DISABLED = QColor("#8a8a8a")
_BROKEN = QColor("#b3261e")


class SubscriptionListModel(QAbstractListModel):
    """One row per subscription, in config order.

    The model never edits subscriptions itself: ticking a row calls ``on_toggle(row, enabled)``
    and the editor answers with a new config (undoable), which comes back through ``show``.
    """

    def __init__(
        self, on_toggle: Callable[[int, bool], None] | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._subs: list[Subscription] = []
        self._dest: DestinationDef | None = None
        self._on_toggle = on_toggle

    def show(self, dest: DestinationDef, subs: Sequence[Subscription]) -> None:
        """Show ``subs``; rows whose subscription changed are updated in place."""
        subs = list(subs)
        if dest is not self._dest or len(subs) != len(self._subs):
            self.beginResetModel()
            self._dest, self._subs = dest, subs
            self.endResetModel()
            return
        old, self._subs = self._subs, subs
        for row, (before, after) in enumerate(zip(old, subs, strict=True)):
            if before != after:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)

    def subscription(self, row: int) -> Subscription:
        return self._subs[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._subs)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._subs):
            return None
        sub = self._subs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return sub.name or "(unnamed)"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if sub.enabled else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(sub)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not parse(sub.trigger).ok:
                return _BROKEN
            return None if sub.enabled else _DISABLED
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._tooltip(sub)
        if role == SubscriptionRole:
            return sub
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        enabled = Qt.CheckState(value) == Qt.CheckState.Checked
        if self._on_toggle is not None:
            self._on_toggle(index.row(), enabled)
        return True

    def _tooltip(self, sub: Subscription) -> str:
        action = self._dest.action(sub.action) if self._dest else None
        title = action.title if action else sub.action
        state = "enabled" if sub.enabled else "disabled"
        trigger = parse(sub.trigger)
        note = "" if trigger.ok else " — the trigger does not parse: it never matches"
        return f"{title} · {state} · {sub.trigger or '(no trigger)'}{note}"
