"""The event table model: qtmodeltester, and rows following the store."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

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
