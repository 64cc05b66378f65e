"""The window as a newcomer meets it: titles, hints, file problems, replace or add, quitting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QTextBrowser

from inspector.qt.main_window import MainWindow
from inspector.qt.menus import recent_files
from inspector.resources import DEMO_SESSION
from tests.factories import make_event
from tests.qt.conftest import settle
from tests.qt.dialogs import answer_next_dialog


def _menu_action(window: MainWindow, menu: str, text: str):  # type: ignore[no-untyped-def]
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu:
            for action in top.menu().actions():
                if action.text().replace("&", "").startswith(text):
                    return action
    raise LookupError(text)


def test_close_all_leaves_no_hazard_count_and_shows_the_empty_hint(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, run_until
) -> None:
    window = demo_window
    assert "hazard" in window.eval_label.text()
    assert not window.events.empty_hint.isVisible()
    _menu_action(window, "File", "Close all events").trigger()
    settle(window, run_until)
    assert window.eval_label.text() == ""
    hint = window.events.empty_hint
    assert hint.isVisible()
    assert "Ctrl+O" in hint.text() and "Ctrl+Shift+V" in hint.text() and "Drop" in hint.text()


def test_the_title_names_the_file_and_marks_unsaved_edits(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, run_until
) -> None:
    window = demo_window
    assert window.windowTitle() == "demo session[*] — Jimo Inspector"
    assert not window.isWindowModified()
    window.select_row(3)
    window.edit_event(3, {**window.workbench.store[3].data, "event": "Signed Up Twice"})
    assert window.isWindowModified()
    window.workbench.revert_event(3)
    assert not window.isWindowModified()
    _menu_action(window, "File", "Close all events").trigger()
    assert window.windowTitle() == "[*]Jimo Inspector"


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_every_file_that_fails_to_load_is_listed_and_not_remembered(  # type: ignore[no-untyped-def]
    window: MainWindow, run_until, tmp_path: Path
) -> None:
    request = {"method": "GET", "url": "https://example.com/", "headers": []}
    har = {"log": {"version": "1.2", "entries": [{"request": request, "response": {}}]}}
    paths = [
        _write(tmp_path, "empty.json", b""),
        _write(tmp_path, "picture.png", b"\x89PNG\r\n\x1a\n0000"),
        _write(tmp_path, "table.csv", b"a,b\n1,2\n"),
        _write(tmp_path, "no-segment.har", json.dumps(har).encode()),
        _write(tmp_path, "good.ndjson", json.dumps(make_event()).encode() + b"\n"),
    ]
    window.open_files(paths)
    run_until(lambda: not window.workbench.loading and len(window.workbench) == 1)
    bar = window.message_bar
    assert bar.isVisible()
    text = bar.label.text()
    assert text.startswith("4 files could not be loaded")
    for name in ("empty.json", "picture.png", "table.csv", "no-segment.har"):
        assert name in text
    assert "none of this HAR" in text
    listed = [window.skipped.list.item(i).text() for i in range(window.skipped.count())]
    assert len(listed) == 4 and any("no-segment.har" in line for line in listed)
    assert window.bottom_tabs.tabText(1) == "Skipped records (4)"
    assert recent_files(window.settings) == [paths[-1]]


def test_a_har_that_fails_to_load_says_why(window: MainWindow, run_until, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "capture.har", b'{"log": {"version": "1.2", "entries": []}}')
    window.open_files([path])
    run_until(lambda: not window.workbench.loading)
    assert window.message_bar.isVisible()
    assert window.message_bar.label.text().startswith("capture.har: ")
    assert recent_files(window.settings) == []


def test_opening_into_a_session_asks_replace_or_add(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, qtbot, run_until, tmp_path: Path
) -> None:
    window = demo_window
    other = _write(tmp_path, "other.ndjson", json.dumps(make_event()).encode() + b"\n")
    seen = answer_next_dialog(qtbot, QMessageBox.StandardButton.Cancel)
    window.menus.open_requested.emit([other])
    run_until(lambda: bool(seen))
    assert "Replace the 58 events" in seen[0]
    assert len(window.workbench) == 58
    # Add
    answer_add(qtbot)
    window.menus.open_requested.emit([other])
    run_until(lambda: len(window.workbench) == 59 and not window.workbench.loading)
    # the demo replaces, with its config
    window.destination.subscriptions.remove_button.click()
    assert len(window.workbench.config.subscriptions) == 7
    answer_replace(qtbot)
    _menu_action(window, "File", "Open the demo session").trigger()
    run_until(lambda: not window.workbench.loading and len(window.workbench) == 58)
    assert len(window.workbench.config.subscriptions) == 8
    assert window.workbench.store[0].source.path == str(DEMO_SESSION)


def _click_named(qtbot, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == name)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)
    return seen


def answer_add(qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    return _click_named(qtbot, "Add")


def answer_replace(qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    return _click_named(qtbot, "Replace")


def test_quitting_with_unsaved_edits_asks_first(demo_window: MainWindow, qtbot, run_until) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    window.select_row(3)
    window.edit_event(3, {**window.workbench.store[3].data, "event": "Edited"})
    seen = answer_next_dialog(qtbot, QMessageBox.StandardButton.Cancel)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen))
    assert "1 edited event" in seen[0]
    qtbot.wait(20)
    assert window.isVisible()
    answer_next_dialog(qtbot, QMessageBox.StandardButton.Discard)
    _menu_action(window, "File", "Quit").trigger()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_window_close_button_asks_too(demo_window: MainWindow) -> None:
    window = demo_window
    window.edit_event(3, {**window.workbench.store[3].data, "event": "Edited"})
    event = QCloseEvent()
    event.setAccepted(True)
    event.spontaneous = lambda: True  # type: ignore[method-assign]  # as from the window system
    assert not window.quit_guard.allow_close(event)
    assert not event.isAccepted() and window.quit_guard.question is not None
    window.quit_guard.question.reject()


# A document window is raised to the front, which the offscreen platform only warns about.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_help_shows_the_tutorial_and_the_inspect_contract(demo_window: MainWindow) -> None:
    window = demo_window
    for title, expected in (
        ("Using Jimo Inspector", "The Inspector tab"),
        ("The inspect output contract", '"delivered"'),
    ):
        _menu_action(window, "Help", title).trigger()
        dialog = window.help_docs.dialogs[title]
        assert dialog.isVisible()
        text = dialog.findChild(QTextBrowser, "helpText").toPlainText()
        assert expected in text
        dialog.close()


def test_clicking_a_skipped_record_in_the_window_shows_it(  # type: ignore[no-untyped-def]
    window: MainWindow, run_until, tmp_path: Path, qtbot
) -> None:
    path = _write(tmp_path, "some.ndjson", b'{"type": "track", "event": "A"}\n{"type": oops}\n')
    window.open_files([path])
    run_until(lambda: not window.workbench.loading and window.skipped.count() == 1)
    window.bottom_tabs.setCurrentIndex(1)
    view = window.skipped
    rect = view.list.visualItemRect(view.list.item(0))
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.raw.toPlainText() == '{"type": oops}'
    assert view.marked_text() == "o"


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_event_menu_copies_the_payload_and_shows_the_event_in_coverage(  # type: ignore[no-untyped-def]
    demo_window: MainWindow,
) -> None:
    window = demo_window
    table = window.events.table
    index = table.model().index(12, 3)  # Order Completed
    table.customContextMenuRequested.emit(table.visualRect(index).center())
    menu = window.events.menu.last_menu
    assert menu is not None
    payload = next(a for a in menu.actions() if a.text().startswith("Copy payload"))
    assert payload.isEnabled()
    payload.trigger()
    result = window.mappings.current_result()
    assert result is not None and result.payload is not None
    assert json.loads(QGuiApplication.clipboard().text()) == result.payload
    next(a for a in menu.actions() if a.text() == "Show in coverage").trigger()
    menu.close()
    assert window.tabs.currentIndex() == 1
    assert window.coverage.table.currentIndex().row() == 12


def test_each_browser_gets_its_own_sdk_page_and_the_timeline_says_so(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, run_until
) -> None:
    window = demo_window  # several browsers, manualInit on
    header = window.timeline.summary
    browsers = {r.data.get("anonymousId") for r in window.workbench.store.events()} - {None}
    assert len(browsers) > 1
    assert header.text().startswith(f"One SDK page per browser: {len(browsers)} browsers")
    hazards = {(h.event_index, h.code) for h in window.workbench.evaluation.hazards}
    second = next(
        i for i, r in enumerate(window.workbench.store.events())
        if r.data.get("anonymousId", "").startswith("b7e2") and r.type == "track"
    )  # fmt: skip
    assert (second, "track-before-identify") in hazards  # the second browser's own page
    _menu_action(window, "View", "SDK sessions")  # the menu is there
    sessions = window.menus.sdk_sessions
    page = next(a for a in sessions.actions() if a.data() == "page")
    page.trigger()
    settle(window, run_until)
    assert header.text().startswith("One SDK page session · ")
    hazards = {(h.event_index, h.code) for h in window.workbench.evaluation.hazards}
    assert (second, "track-before-identify") not in hazards
    window.select_row(second)
    assert "before any identify" not in window.mappings.problems.toPlainText()


def test_the_timeline_says_which_browser_each_row_belongs_to(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, run_until
) -> None:
    window = demo_window  # several browsers: one SDK page each
    table, model = window.timeline.table, window.timeline.model
    column = model.HEADERS.index("Browser")
    assert not table.isColumnHidden(column)
    events = window.workbench.store.events()
    seen = set()
    for row in range(model.rowCount()):
        index = model.entry(row).event_index
        own = events[index].data.get("anonymousId")
        shown = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        if own:
            assert shown == f"Browser (anonymousId) {own}"
        seen.add(shown)
    assert len(seen) > 1  # the rows of several browsers are told apart
    page = next(a for a in window.menus.sdk_sessions.actions() if a.data() == "page")
    page.trigger()
    settle(window, run_until)
    assert table.isColumnHidden(column)  # one page for the whole file: no browser to tell


def test_the_hazard_list_leaves_the_timeline_rows_in_sight(demo_window: MainWindow) -> None:
    window = demo_window  # 1440 x 900, eight hazards under the timeline
    window.show()
    table = window.timeline.table
    assert len(window.workbench.evaluation.hazards) > 6
    rows_in_sight = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert rows_in_sight >= 4


def test_the_quit_question_advises_what_keeps_each_change(demo_window: MainWindow) -> None:
    window = demo_window
    window.edit_event(3, {**window.workbench.store[3].data, "event": "Edited"})
    window.quit_guard.request_quit()
    box = window.quit_guard.question
    assert box is not None
    assert box.text() == "Quit and lose 1 edited event?"
    assert "All events as NDJSON" in box.informativeText()
    assert "destination config" not in box.informativeText()
    box.reject()
