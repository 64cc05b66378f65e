"""The event table model: qtmodeltester, and rows following the store."""

from __future__ import annotations

import json

from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan, Qt

from inspector.core.loaders import read_bytes
from inspector.core.store import EventStore
from inspector.qt.event_model import EventTableModel
from tests.factories import make_event


def _records(*events: dict[str, object]) -> list:  # type: ignore[type-arg]
    return read_bytes("\n".join(json.dumps(e) for e in events).encode(), "t.ndjson", kind="file")


def test_model_passes_qtmodeltester_while_rows_are_appended_and_reset(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    store = EventStore()
    model = EventTableModel(store)
    qtmodeltester.check(model)
    store.extend(_records(make_event(event="A"), make_event("identify", userId="u9")))
    store.extend(_records(make_event("page", name="Pricing")))
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    store.clear()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_columns_show_time_type_name_user_and_source() -> None:
    store = EventStore()
    model = EventTableModel(store)
    store.extend(
        _records(
            make_event(event="Order Completed", userId="u1", timestamp="2026-11-20T09:12:40.123Z")
        )
    )
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["1", "11-20 09:12:40", "track", "Order Completed", "u1", "", "t.ndjson:1"]
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Event / name"


def test_warnings_are_marked_and_explained_in_the_tooltip() -> None:
    store = EventStore()
    model = EventTableModel(store)
    store.extend(_records({"event": "No type"}))
    assert model.index(0, 3).data().startswith("⚠")
    assert 'no "type"' in model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)


def test_every_role_of_a_cell_comes_in_one_call_and_matches_data() -> None:
    """A view asks a cell's roles together (multiData): the answers are data()'s, role by role."""
    store = EventStore()
    model = EventTableModel(store, edited=lambda row: row == 1)
    store.extend(_records(make_event(event="A", userId="u1"), make_event("identify", userId="u2")))
    roles = [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
    ]
    for row in range(2):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in roles:
                slot = QModelRoleData(role)
                model.multiData(index, QModelRoleDataSpan(slot))
                assert slot.data() == index.data(role)
    assert model.index(1, 0).data() == "2*"  # edited: the number is starred, in italics
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).italic()


def test_indexes_outside_the_rows_or_columns_are_invalid() -> None:
    store = EventStore()
    model = EventTableModel(store)
    store.extend(_records(make_event(event="A")))
    assert model.index(0, 6).isValid()
    assert not model.index(1, 0).isValid()
    assert not model.index(0, 7).isValid()
    assert not model.index(-1, 0).isValid()
    assert not model.index(0, 0, model.index(0, 0)).isValid()  # a table: no children
