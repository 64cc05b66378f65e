"""The store adapter: listeners added and removed for their owner, the compact table setup."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from inspector.core.loaders import read_bytes
from inspector.core.store import EventStore
from inspector.qt.event_model import EventTableModel
from inspector.qt.store_adapter import (
    StoreSubscription,
    activate_on_enter,
    setup_compact_table,
)


def _store(count: int) -> EventStore:
    store = EventStore()
    text = "\n".join(f'{{"type": "track", "event": "E{i}"}}' for i in range(count))
    store.extend(read_bytes(text.encode(), "t.ndjson", kind="file"))
    return store


def test_subscription_adds_only_the_listeners_given_and_detach_removes_them() -> None:
    store, owner, calls = EventStore(), QObject(), []
    subscription = StoreSubscription(store, owner, changed=lambda f, last: calls.append((f, last)))
    assert (len(store.inserted), len(store.changed), len(store.reset)) == (0, 1, 0)
    store.extend(_store(2))
    store.replace(1, store[0])
    assert calls == [(1, 1)]
    subscription.detach()
    subscription.detach()  # a second time is harmless
    assert not store.changed


def test_the_event_model_stops_listening_when_it_is_deleted(qtbot) -> None:  # type: ignore[no-untyped-def]
    store = _store(3)
    model = EventTableModel(store)
    assert model.rowCount() == 3
    assert (len(store.inserted), len(store.changed), len(store.reset)) == (1, 1, 1)
    model.deleteLater()
    qtbot.waitUntil(lambda: not store.inserted)
    assert not store.changed and not store.reset


def test_compact_table_and_enter_activation(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = EventTableModel(_store(3))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    setup_compact_table(table, name="t", accessible_name="T", row_height=19, select_rows=False)
    assert table.objectName() == "t" and table.accessibleName() == "T"
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectItems
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    rows = table.verticalHeader()
    assert rows.isHidden() and rows.defaultSectionSize() == 19
    assert rows.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    activated: list[int] = []
    activate_on_enter(table, lambda index: activated.append(index.row()))
    table.setCurrentIndex(model.index(2, 1))
    qtbot.keyClick(table, Qt.Key.Key_Enter)
    assert activated == [2]
