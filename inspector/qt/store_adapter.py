"""Qt models that follow the core's EventStore, and the compact table view that shows them."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from inspector.core.store import EventStore

__all__ = ["StoreSubscription", "StoreTableModel", "setup_compact_table", "activate_on_enter"]

Index = QModelIndex | QPersistentModelIndex
Listener = Callable[[int, int], None]
_Pairs = tuple[tuple[list[Listener], Listener], ...]


def _remove_listeners(pairs: _Pairs, *_: object) -> None:
    for listeners, fn in pairs:
        if fn in listeners:
            listeners.remove(fn)


class StoreSubscription:
    """Listeners added to an :class:`EventStore` for ``owner``, removed again when it goes away.

    Each of ``inserted``, ``changed`` and ``reset`` (a callable taking ``(first, last)``) is
    added to the store's list of that name; ``None`` leaves that list alone.
    """

    def __init__(
        self,
        store: EventStore,
        owner: QObject,
        *,
        inserted: Listener | None = None,
        changed: Listener | None = None,
        reset: Listener | None = None,
    ) -> None:
        wanted = ((store.inserted, inserted), (store.changed, changed), (store.reset, reset))
        self._pairs: _Pairs = tuple((lst, fn) for lst, fn in wanted if fn is not None)
        for listeners, fn in self._pairs:
            listeners.append(fn)
        # Captures the listener pairs, not the owner: it runs while the C++ object goes away.
        owner.destroyed.connect(partial(_remove_listeners, self._pairs))

    def detach(self) -> None:
        """Remove the listeners (harmless if they are already gone)."""
        _remove_listeners(self._pairs)


class StoreTableModel(QAbstractTableModel):
    """A table whose rows are the store's events: it follows appends, edits and clears.

    Subclasses give the columns and the data; :meth:`_store_cleared` lets them drop, inside the
    model reset, whatever described the old events.
    """

    def __init__(self, store: EventStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows = len(store)
        self._subscription = StoreSubscription(
            store,
            self,
            inserted=self._on_inserted,
            changed=self._on_changed,
            reset=self._on_reset,
        )

    def detach(self) -> None:
        """Stop listening to the store (also done when the model is deleted)."""
        self._subscription.detach()

    def _on_inserted(self, first: int, last: int) -> None:
        self.beginInsertRows(QModelIndex(), first, last)
        self._rows = last + 1
        self.endInsertRows()

    def _on_changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _on_reset(self, _first: int, _last: int) -> None:
        self.beginResetModel()
        self._rows = len(self._store)
        self._store_cleared()
        self.endResetModel()

    def _store_cleared(self) -> None:
        """Called inside the model reset that follows the store being cleared."""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own index() asks rowCount() and columnCount(): two calls into Python (and two
        # waits for the GIL while a worker thread runs) for every cell a view paints
        if parent.isValid() or not (0 <= row < self._rows and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)


def setup_compact_table(
    table: QTableView,
    *,
    name: str,
    accessible_name: str,
    row_height: int,
    select_rows: bool = True,
) -> None:
    """Make ``table`` a compact, single-selection view: fixed row height, no row numbers.

    Args:
        table: the view, with its model already set.
        name: its object name (for style sheets and tests).
        accessible_name: what screen readers call it.
        row_height: every row's height in pixels.
        select_rows: select whole rows (``False``: single cells).
    """
    table.setObjectName(name)
    table.setAccessibleName(accessible_name)
    behaviour = QAbstractItemView.SelectionBehavior
    table.setSelectionBehavior(behaviour.SelectRows if select_rows else behaviour.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(row_height)
    table.horizontalHeader().setHighlightSections(False)


class _EnterFilter(QObject):
    def __init__(self, table: QTableView, activate: Callable[[QModelIndex], None]) -> None:
        super().__init__(table)
        self._table = table
        self._activate = activate

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activate(self._table.currentIndex())
                return True
        return super().eventFilter(watched, event)


def activate_on_enter(table: QTableView, activate: Callable[[QModelIndex], None]) -> None:
    """Call ``activate(index)`` when a cell of ``table`` is clicked or Enter is pressed on it."""
    table.clicked.connect(activate)
    table.installEventFilter(_EnterFilter(table, activate))
