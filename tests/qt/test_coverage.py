"""The coverage matrix: model under qtmodeltester, verdict glyphs and totals, filters, clicks."""

from __future__ import annotations

from functools import cache

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from inspector.core.destinations import DestinationConfig, Subscription, default_config
from inspector.core.evaluation import Evaluation, Verdict, evaluate
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord, read_path
from inspector.core.store import EventStore
from inspector.qt.coverage import CoverageFilterProxy, CoverageModel, CoverageView, VerdictRole

DEMO = "resources/demo/session.ndjson"
FIXED = len(CoverageModel.FIXED_HEADERS)


@cache
def demo_records() -> tuple[EventRecord, ...]:
    return tuple(r for r in read_path(DEMO) if not isinstance(r, BadRecord))


def demo_store() -> EventStore:
    store = EventStore()
    store.extend(demo_records())
    return store


def broken_config() -> DestinationConfig:
    """The presets plus a subscription whose trigger does not parse, and a disabled one."""
    base = default_config()
    subs = [
        *base.subscriptions,
        Subscription("Broken trigger", "sendTrackEvent", 'event = "Signed Up'),
        base.subscriptions[1].with_changes(name="Tracks (off)", enabled=False),
    ]
    return DestinationConfig(base.destination, base.settings, subs, base.page)


def verdict_cells(model: CoverageModel, j: int) -> list[Verdict | None]:
    return [model.index(i, FIXED + j).data(VerdictRole) for i in range(model.rowCount())]


def test_model_passes_qtmodeltester_while_the_store_grows_and_evaluations_change(
    qtmodeltester,
) -> None:  # type: ignore[no-untyped-def]
    store = EventStore()
    model = CoverageModel(store)
    qtmodeltester.check(model)
    records = demo_records()
    store.extend(records[:20])
    partial = evaluate(records[:10], default_config())
    model.set_evaluation(partial)  # covers fewer events than are loaded
    qtmodeltester.check(model)
    assert model.index(15, FIXED).data() is None
    store.extend(records[20:])
    model.set_evaluation(evaluate(records, default_config()))
    qtmodeltester.check(model)
    model.set_evaluation(evaluate(records, broken_config()))  # more columns
    qtmodeltester.check(model)
    assert model.columnCount() == FIXED + 5
    store.clear()
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount(), model.evaluation) == (0, FIXED, None)


def test_refresh_picks_up_verdicts_appended_while_evaluating(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    store = demo_store()
    full = evaluate(demo_records(), default_config())
    running = Evaluation(full.config, verdicts=full.verdicts[:30])
    model = CoverageModel(store)
    model.set_evaluation(running)
    qtmodeltester.check(model)
    assert model.evaluated_rows() == 30
    running.verdicts.extend(full.verdicts[30:])
    model.refresh()
    qtmodeltester.check(model)
    assert model.evaluated_rows() == len(store)
    assert [model.totals(j) for j in range(3)] == full.totals()


def test_default_config_shows_matched_glyphs_and_totals_in_the_headers() -> None:
    store = demo_store()
    evaluation = evaluate(demo_records(), default_config())
    model = CoverageModel(store)
    model.set_evaluation(evaluation)
    assert model.rowCount() == len(store) == 58
    for j, totals in enumerate(evaluation.totals()):
        assert verdict_cells(model, j) == [evaluation.verdict(i, j) for i in range(len(store))]
        header = model.headerData(FIXED + j, Qt.Orientation.Horizontal)
        name = evaluation.config.subscriptions[j].name
        assert header == f"{name}\n{totals[Verdict.DELIVERED]} ✓"
        tooltip = model.headerData(
            FIXED + j, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
        assert f"{totals[Verdict.NOT_MATCHED]} · not matched" in tooltip
    tracks = next(
        i for i, r in enumerate(store) if r.type == "track" and r.name == "Pricing Viewed"
    )
    cell = model.index(tracks, FIXED + 1)
    assert (cell.data(), cell.data(Qt.ItemDataRole.ToolTipRole)) == (
        "✓",
        "Send Track Event: matched",
    )
    assert model.index(tracks, FIXED).data() == "·"
    assert [model.index(tracks, c).data() for c in range(FIXED)] == [
        str(tracks + 1),
        "track",
        "Pricing Viewed",
    ]
    assert model.headerData(FIXED + 1, Qt.Orientation.Horizontal) == "Send Track Event\n37 ✓"


def test_broken_trigger_and_disabled_subscription_have_their_own_glyphs() -> None:
    store = demo_store()
    evaluation = evaluate(demo_records(), broken_config())
    model = CoverageModel(store)
    model.set_evaluation(evaluation)
    assert set(verdict_cells(model, 3)) == {Verdict.TRIGGER_ERROR}
    assert {model.index(i, FIXED + 3).data() for i in range(len(store))} == {"✕"}
    assert set(verdict_cells(model, 4)) == {Verdict.DISABLED}
    assert {model.index(i, FIXED + 4).data() for i in range(len(store))} == {"–"}
    header = model.headerData(FIXED + 3, Qt.Orientation.Horizontal)
    assert header == f"Broken trigger\n{len(store)} ✕"
    assert model.headerData(FIXED + 4, Qt.Orientation.Horizontal) == f"Tracks (off)\n{len(store)} –"
    tip = model.headerData(FIXED + 4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "disabled" in tip.splitlines()[0]


def test_proxy_filters_unmatched_rows_and_one_verdict_of_one_subscription(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    store = demo_store()
    evaluation = evaluate(demo_records(), default_config())
    model = CoverageModel(store)
    model.set_evaluation(evaluation)
    proxy = CoverageFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_only_unmatched(True)
    qtmodeltester.check(proxy)
    rows = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]
    assert rows == [i for i in range(len(store)) if evaluation.matches_nothing(i)]
    proxy.set_only_unmatched(False)
    proxy.set_subscription_filter(2, Verdict.DELIVERED)
    rows = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]
    assert [store[i].type for i in rows] == ["group"] * 3
    proxy.set_subscription_filter(None)
    assert proxy.rowCount() == len(store)


@pytest.fixture
def view(qtbot) -> CoverageView:  # type: ignore[no-untyped-def]
    widget = CoverageView(demo_store())
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.set_evaluation(evaluate(demo_records(), default_config()))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_only_unmatched_checkbox_filters_to_the_rows_matching_nothing(
    qtbot, view: CoverageView
) -> None:  # type: ignore[no-untyped-def]
    evaluation = view.model.evaluation
    assert evaluation is not None
    expected = [i for i in range(view.model.rowCount()) if evaluation.matches_nothing(i)]
    assert view.summary.text() == f"{len(expected)} of 58 events match no mapping"
    qtbot.mouseClick(view.only_unmatched, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert view.only_unmatched.isChecked()
    shown = [
        view.proxy.mapToSource(view.proxy.index(r, 0)).row() for r in range(view.proxy.rowCount())
    ]
    assert shown == expected
    assert view.summary.text().endswith(f"· {len(expected)} shown")
    qtbot.mouseClick(view.only_unmatched, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert view.table.model().rowCount() == 58


def test_clicking_a_cell_emits_the_event_row_and_subscription(qtbot, view: CoverageView) -> None:  # type: ignore[no-untyped-def]
    table = view.table
    index = view.table.model().index(6, FIXED + 1)
    rect = table.visualRect(index)
    with qtbot.waitSignal(view.event_activated) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [6, 1]
    with qtbot.waitSignal(view.event_activated) as blocker:
        qtbot.mouseClick(
            table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=table.visualRect(view.table.model().index(3, 2)).center(),
        )
    assert blocker.args == [3, -1]
    with qtbot.waitSignal(view.event_activated) as blocker:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == [3, -1]


# Popping a menu up raises it and grabs the keyboard, which the offscreen platform only warns about.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_clicking_a_header_offers_to_filter_by_verdict(qtbot, view: CoverageView) -> None:  # type: ignore[no-untyped-def]
    view.only_unmatched.setChecked(False)
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(FIXED + 2) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    menu = view.header_menu
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Only ✓ matched (3)", "Only · not matched (55)"]
    menu.actions()[0].trigger()
    menu.close()
    assert view.table.model().rowCount() == 3
    assert view.filter_button.isVisible()
    assert view.filter_button.text().startswith("Send Group Data: ✓ matched")
    qtbot.mouseClick(view.filter_button, Qt.MouseButton.LeftButton)
    assert view.table.model().rowCount() == 58
    assert not view.filter_button.isVisible()


def test_model_stops_listening_when_the_view_is_deleted(qtbot) -> None:  # type: ignore[no-untyped-def]
    store = demo_store()
    widget = CoverageView(store)
    assert len(store.inserted) == 1
    widget.deleteLater()
    qtbot.waitUntil(lambda: not store.inserted)
    assert not store.changed and not store.reset


def test_summary_follows_a_growing_store_and_a_running_evaluation(qtbot) -> None:  # type: ignore[no-untyped-def]
    store = EventStore()
    widget = CoverageView(store)
    qtbot.addWidget(widget)
    assert widget.summary.text() == "No events loaded"
    records = demo_records()
    store.extend(records[:40])
    full = evaluate(records, default_config())
    running = Evaluation(full.config, verdicts=full.verdicts[:20])
    widget.set_evaluation(running)
    unmatched = sum(full.matches_nothing(i) for i in range(20))
    assert (
        widget.summary.text()
        == f"{unmatched} of 20 events match no mapping (40 loaded, evaluating…)"
    )
    store.extend(records[40:])
    running.verdicts.extend(full.verdicts[20:])
    widget.refresh()
    unmatched = sum(full.matches_nothing(i) for i in range(len(records)))
    assert widget.summary.text() == f"{unmatched} of {len(records)} events match no mapping"
    assert widget.model.unmatched_rows() == unmatched


def test_colours_follow_a_dark_palette() -> None:
    model = CoverageModel(demo_store())
    model.set_evaluation(evaluate(demo_records(), default_config()))
    cell = model.index(1, FIXED + 1)
    light = cell.data(Qt.ItemDataRole.ForegroundRole)
    model.set_dark(True)
    dark = cell.data(Qt.ItemDataRole.ForegroundRole)
    assert light.lightness() < dark.lightness()
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, FIXED + 1).data(Qt.ItemDataRole.BackgroundRole) is None  # not matched
