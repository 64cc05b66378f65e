"""The session timeline: model under qtmodeltester, identify/group changes, hazards, placeholder."""

from __future__ import annotations

from functools import cache

import pytest
from PySide6.QtCore import Qt

from inspector.core.destinations import DestinationConfig, default_config
from inspector.core.evaluation import Evaluation, evaluate
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord, read_path
from inspector.core.store import EventStore
from inspector.qt.timeline import CLOUD_PLACEHOLDER, TimelineModel, TimelineView

DEMO = "resources/demo/session.ndjson"
COLUMN = {name: i for i, name in enumerate(TimelineModel.HEADERS)}


@cache
def demo_records() -> tuple[EventRecord, ...]:
    return tuple(r for r in read_path(DEMO) if not isinstance(r, BadRecord))


@cache
def demo_evaluation() -> Evaluation:
    return evaluate(demo_records(), default_config())


def demo_store() -> EventStore:
    store = EventStore()
    store.extend(demo_records())
    return store


def cloud_config() -> DestinationConfig:
    return DestinationConfig.from_json(
        {"destination": "actions-jimo-cloud", "settings": {"apiKey": "k"}}
    )


def row_of(model: TimelineModel, event_index: int) -> int:
    return next(r for r in range(model.rowCount()) if model.entry(r).event_index == event_index)


def cell(model: TimelineModel, row: int, column: str, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    return model.index(row, COLUMN[column]).data(role)


def is_bold(model: TimelineModel, row: int, column: str) -> bool:
    font = cell(model, row, column, Qt.ItemDataRole.FontRole)
    return font is not None and font.bold()


def test_model_passes_qtmodeltester_while_the_timeline_grows(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    store = demo_store()
    model = TimelineModel(store)
    qtmodeltester.check(model)
    full = demo_evaluation()
    running = Evaluation(full.config, timeline=full.timeline[:3])
    model.set_evaluation(running)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    running.timeline.extend(full.timeline[3:])
    model.refresh()
    qtmodeltester.check(model)
    assert model.rowCount() == len(full.timeline)
    model.set_evaluation(full)
    qtmodeltester.check(model)
    store.clear()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_identify_and_group_changes_are_listed_with_the_changed_cells_bold() -> None:
    store = demo_store()
    model = TimelineModel(store)
    model.set_evaluation(demo_evaluation())
    events = [cell(model, r, "Event") for r in range(model.rowCount())]
    assert events[0] == "page Home"
    assert "identify ana.lopez@acme.io" in events and "group org_42" in events
    identify = row_of(model, next(i for i, r in enumerate(store) if r.type == "identify"))
    assert [cell(model, identify, c) for c in ("#", "User ID", "Email")] == [
        "5",
        "usr_8f2k1m",
        "ana.lopez@acme.io",
    ]
    assert [is_bold(model, identify, c) for c in ("User ID", "Email", "Attributes", "Group")] == [
        True,
        True,
        True,
        False,
    ]
    assert 'plan="growth"' in cell(model, identify, "Attributes")
    assert '"role": "admin"' in cell(model, identify, "Attributes", Qt.ItemDataRole.ToolTipRole)
    group = row_of(model, next(i for i, r in enumerate(store) if r.type == "group"))
    assert cell(model, group, "Group") == "org_42"
    assert is_bold(model, group, "Group") and not is_bold(model, group, "User ID")
    assert '"Acme Inc"' in cell(model, group, "Group", Qt.ItemDataRole.ToolTipRole)
    assert cell(model, 0, "Initialised") == "yes" and is_bold(model, 0, "Initialised")


def test_hazards_are_marked_on_the_event_where_they_arise() -> None:
    model = TimelineModel(demo_store())
    evaluation = demo_evaluation()
    model.set_evaluation(evaluation)
    hazard = evaluation.hazards[0]
    row = row_of(model, hazard.event_index)
    assert cell(model, row, "Hazards") == "⚠ anonymous-profile, track-before-identify"
    assert hazard.message in cell(model, row, "Hazards", Qt.ItemDataRole.ToolTipRole)
    assert cell(model, row, "Event", Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(model, 0, "Event", Qt.ItemDataRole.BackgroundRole) is None
    assert cell(model, 0, "Hazards") == ""


@pytest.fixture
def view(qtbot) -> TimelineView:  # type: ignore[no-untyped-def]
    widget = TimelineView(demo_store())
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_summary_tells_the_final_state(view: TimelineView) -> None:
    assert view.stack.currentWidget() is view.placeholder
    view.set_evaluation(demo_evaluation())
    assert view.stack.currentWidget() is view.table
    assert view.summary.text() == (
        "One SDK page session · Jimo initialised · user usr_5t6y7u · group org_99 · 2 hazards"
    )


def test_clicking_a_row_emits_its_event_index(qtbot, view: TimelineView) -> None:  # type: ignore[no-untyped-def]
    view.set_evaluation(demo_evaluation())
    table = view.table
    rect = table.visualRect(view.model.index(2, 3))
    with qtbot.waitSignal(view.event_activated) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [view.model.entry(2).event_index] == [4]
    with qtbot.waitSignal(view.event_activated) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == [5]


def test_jimo_cloud_shows_a_placeholder(view: TimelineView) -> None:
    view.set_evaluation(evaluate(demo_records(), cloud_config()))
    assert view.stack.currentWidget() is view.placeholder
    assert view.placeholder.text() == CLOUD_PLACEHOLDER
    assert view.placeholder.isVisible() and not view.table.isVisible()
    view.set_evaluation(demo_evaluation())
    assert view.table.isVisible()


def test_hazards_are_listed_in_full_under_the_table(view: TimelineView) -> None:
    evaluation = demo_evaluation()
    view.set_evaluation(evaluation)
    text = view.hazard_list.text()
    assert view.hazard_list.isVisible()
    for hazard in evaluation.hazards:
        assert (
            f'<a href="{hazard.event_index}">#{hazard.event_index + 1} track Pricing Viewed</a>'
            in text
        )
        assert f"<b>{hazard.code}</b>" in text


def test_model_stops_listening_when_the_view_is_deleted(qtbot) -> None:  # type: ignore[no-untyped-def]
    store = demo_store()
    widget = TimelineView(store)
    assert len(store.reset) == 1
    widget.deleteLater()
    qtbot.waitUntil(lambda: not store.reset)
    assert not store.changed


def test_an_edited_event_repaints_only_its_own_rows(qtbot) -> None:  # type: ignore[no-untyped-def]
    store = demo_store()
    model = TimelineModel(store)
    model.set_evaluation(demo_evaluation())
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom: changes.append((top.row(), bottom.row())))
    entry_row = model.rowCount() // 2
    edited = model.entry(entry_row).event_index
    store.replace(edited, store[edited])
    assert changes == [(entry_row, entry_row)]
    changes.clear()
    without = next(
        i
        for i in range(len(store))
        if all(model.entry(r).event_index != i for r in range(model.rowCount()))
    )
    store.replace(without, store[without])  # an event with no entry: nothing to repaint
    assert changes == []
