"""The event list as a newcomer meets it: stale filters, widths, sorting, right-click menu."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from inspector.core.evaluation import Verdict
from inspector.core.foreground import FOREGROUND
from inspector.qt.event_model import MAPPINGS_COLUMN
from inspector.qt.events_panel import ChipsDelegate
from inspector.qt.main_window import MainWindow
from inspector.qt.verdict_style import verdict_colour
from tests.factories import make_event
from tests.qt.conftest import settle


def _type_filter(window: MainWindow, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    edit = window.events.filter_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_an_invalid_filter_says_the_list_shows_the_last_valid_one(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, qtbot
) -> None:
    window = demo_window
    _type_filter(window, qtbot, 'event = "Order Completed" and properties.total > 200')
    shown = window.events.visible_rows()
    assert 0 < shown < 58
    _type_filter(window, qtbot, 'event = "Order Completed" and (')
    label = window.events.error_label
    assert label.isVisibleTo(window)
    assert "still shows the last valid filter" in label.text()
    assert "properties.total > 200" in label.text()
    assert window.events.visible_rows() == shown


def test_a_half_typed_comparison_is_reported_instead_of_hiding_every_event(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, qtbot
) -> None:
    window = demo_window
    for text in ("properties.total > ", 'type = "track" and', "type = "):
        _type_filter(window, qtbot, text)
        assert window.events.visible_rows() == 58, text
        label = window.events.error_label
        assert label.isVisibleTo(window) and "finish the expression" in label.text(), text


def test_match_nothing_leaves_the_number_column_as_wide_as_it_was(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, qtbot
) -> None:
    window = demo_window
    header = window.events.table.horizontalHeader()
    before = [header.sectionSize(c) for c in range(header.count() - 1)]
    check = window.events.unmatched_check
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert window.events.visible_rows() < 58
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert window.events.visible_rows() == 58
    assert [header.sectionSize(c) for c in range(header.count() - 1)] == before


def test_counts_have_thousands_separators(window: MainWindow, run_until, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "many.ndjson"
    path.write_text("\n".join(json.dumps(make_event("page")) for _ in range(1_200)) + "\n")
    window.open_files([str(path)])
    run_until(lambda: not window.workbench.loading and window.model.rowCount() == 1_200)
    settle(window, run_until)
    assert "1,200 of 1,200 events match no mapping" in window.coverage.summary.text()
    assert "1,200 events" in window.counts_label.text()


def _click_header(window: MainWindow, qtbot, column: int) -> None:  # type: ignore[no-untyped-def]
    header = window.events.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _types(window: MainWindow) -> list[str]:
    model = window.events.table.model()
    return [model.index(r, 2).data() for r in range(model.rowCount())]


def test_clicking_a_header_sorts_the_view_only(demo_window: MainWindow, qtbot, run_until) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    session_types = _types(window)
    _click_header(window, qtbot, 2)  # Type, ascending
    types = _types(window)
    assert types == sorted(session_types)
    table = window.events.table
    table.setCurrentIndex(table.model().index(0, 0))
    first = session_types.index(sorted(session_types)[0])
    assert first > 0
    assert window.current_row() == first  # the session's numbering, not the view's
    assert table.model().index(0, 0).data() == str(first + 1)
    assert window.workbench.store[0].type == session_types[0]  # the session keeps its order
    _click_header(window, qtbot, 2)  # descending
    assert _types(window) == sorted(session_types, reverse=True)
    _click_header(window, qtbot, 2)  # back to the session order
    assert _types(window) == session_types
    assert window.current_row() == first


def _menu_action(menu: QMenu, starts: str):  # type: ignore[no-untyped-def]
    return next(a for a in menu.actions() if a.text().startswith(starts))


# Popping a menu up raises it and grabs the keyboard, which the offscreen platform only warns about.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_right_click_menu_copies_and_filters(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    table = window.events.table
    index = table.model().index(12, 3)  # Order Completed, on its name
    table.customContextMenuRequested.emit(table.visualRect(index).center())
    menu = window.events.menu.last_menu
    assert menu is not None and window.current_row() == 12
    _menu_action(menu, "Copy event JSON").trigger()
    assert json.loads(QGuiApplication.clipboard().text()) == window.workbench.store[12].data
    assert "Copied the event" in window.statusBar().currentMessage()
    _menu_action(menu, "Copy messageId").trigger()
    assert QGuiApplication.clipboard().text() == window.workbench.store[12].message_id
    _menu_action(menu, "Filter by").trigger()
    assert window.events.filter_edit.toPlainText() == 'event = "Order Completed"'
    names = {window.model.index(r, 3).data() for r in range(58) if window.events.select_row(r)}
    assert names == {"Order Completed"}
    menu.close()


def test_an_event_edited_out_of_the_filter_says_why_it_is_still_listed(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, qtbot, run_until
) -> None:
    window = demo_window
    _type_filter(window, qtbot, 'type = "identify"')
    shown = window.events.visible_rows()
    first = window.events.source_row(window.events.table.model().index(0, 0))
    second = window.events.source_row(window.events.table.model().index(1, 0))
    window.events.select_row(first)
    window.edit_event(first, {**window.workbench.store[first].data, "type": "track"})
    settle(window, run_until)
    label = window.events.error_label
    assert window.events.visible_rows() == shown  # kept while it is being edited
    assert label.isVisibleTo(window)
    assert f"Event {first + 1} no longer matches the filter" in label.text()
    window.events.select_row(second)
    assert window.events.visible_rows() == shown - 1 and not label.isVisibleTo(window)


def test_a_filter_that_matches_nothing_says_so_in_the_list(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, qtbot
) -> None:
    window = demo_window
    hint = window.events.empty_hint
    assert not hint.isVisibleTo(window)
    _type_filter(window, qtbot, 'event = "no such event"')
    assert window.events.visible_rows() == 0
    assert hint.isVisibleTo(window)
    assert (
        hint.text() == "No event matches 'event = \"no such event\"'. Esc in the filter clears it."
    )
    qtbot.keyClick(window.events.filter_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.events.visible_rows() == 58, timeout=3000)
    assert not hint.isVisibleTo(window)


def test_a_repaint_asks_each_cell_once_and_draws_chips_from_a_cache(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Every call into Python while painting waits for the GIL if a worker thread holds it:
    one call per cell (all its roles at once), and chips drawn once per distinct set."""
    window = demo_window
    table, model = window.events.table, window.model
    window.select_row(12)  # two chips: "Track Event" and "Big orders"
    table.scrollTo(model.index(12, 0))
    calls = {"multiData": 0, "data": 0}
    for name in calls:
        original = getattr(model, name)

        def counted(*args, _name=name, _original=original):  # type: ignore[no-untyped-def]
            calls[_name] += 1
            return _original(*args)

        monkeypatch.setattr(model, name, counted)
    delegate = table.itemDelegateForColumn(MAPPINGS_COLUMN)
    assert isinstance(delegate, ChipsDelegate)
    image = table.viewport().grab().toImage()
    first, last = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
    last = last if last >= 0 else model.rowCount() - 1
    rows = last - first + 1
    assert rows <= calls["multiData"] <= (rows + 1) * model.columnCount()  # a row may peek in
    assert calls["data"] <= rows + 1  # one role at a time: only the chips, once per row
    distinct = {tuple(model.chips(r)) for r in range(first, last + 1) if model.chips(r)}
    assert len(delegate._pixmaps) == len(distinct)  # noqa: SLF001
    table.viewport().grab()
    assert len(delegate._pixmaps) == len(distinct)  # noqa: SLF001 - repainted from the cache
    # the chips are really there: the "matched" green fills part of row 12's mappings cell
    cell = table.visualRect(model.index(12, MAPPINGS_COLUMN))
    green = verdict_colour(Verdict.DELIVERED).rgb()
    y = cell.center().y()
    row_pixels = [image.pixel(x, y) for x in range(cell.left(), min(cell.right(), image.width()))]
    assert row_pixels.count(green) > 20


def test_worker_threads_are_held_at_the_gate_while_the_window_repaints(
    demo_window: MainWindow, run_until, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    seen: list[bool] = []
    delegate = window.events.table.itemDelegateForColumn(MAPPINGS_COLUMN)
    original = delegate.paint

    def paint(*args):  # type: ignore[no-untyped-def]
        seen.append(FOREGROUND.is_open)
        original(*args)

    monkeypatch.setattr(delegate, "paint", paint)
    window.events.table.viewport().update()
    run_until(lambda: bool(seen))
    assert not any(seen)  # closed for the whole repaint
    assert FOREGROUND.is_open  # and open again after it


def test_worker_threads_are_held_at_the_gate_while_a_picked_event_is_shown(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    seen: list[bool] = []
    original = window.mappings.show_inspection

    def show_inspection(*args):  # type: ignore[no-untyped-def]
        seen.append(FOREGROUND.is_open)
        original(*args)

    monkeypatch.setattr(window.mappings, "show_inspection", show_inspection)
    window.select_row(12)
    assert seen == [False]
    assert FOREGROUND.is_open
