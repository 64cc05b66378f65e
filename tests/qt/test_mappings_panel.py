"""The Mappings panel as a newcomer meets it: selection across events, tabs, hazards, copying."""

from __future__ import annotations

import json
import shlex

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QPlainTextEdit

from inspector.core.destinations import DestinationConfig
from inspector.core.evaluation import Verdict
from inspector.qt.main_window import MainWindow
from tests.qt.conftest import settle
from tests.qt.dialogs import answer_next_dialog


def _click_row(view: QAbstractItemView, row: int, qtbot, column: int = 1) -> None:  # type: ignore[no-untyped-def]
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _selected_mapping(window: MainWindow) -> str:
    model = window.mappings.model
    rows = window.mappings.table.selectionModel().selectedRows()
    assert len(rows) == 1
    return str(model.index(rows[0].row(), 1).data())


def _row_of(window: MainWindow, name: str) -> int:
    model = window.mappings.model
    return next(r for r in range(model.rowCount()) if model.index(r, 1).data() == name)


def test_the_first_matched_mapping_is_selected_until_the_user_picks_one(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, qtbot
) -> None:
    window = demo_window
    _click_row(window.events.table, 3, qtbot)  # track "Signed Up"
    assert _selected_mapping(window) == "Send Track Event"
    _click_row(window.events.table, 4, qtbot)  # identify
    assert _selected_mapping(window) == "Send User Data"
    # a subscription the user chose stays selected, matched or not
    _click_row(window.mappings.table, _row_of(window, "Big orders"), qtbot)
    _click_row(window.events.table, 5, qtbot)  # group
    assert _selected_mapping(window) == "Big orders"
    assert window.mappings.explanation.summary.text().startswith("Does not match")


def test_the_third_tab_follows_the_destination_mode(
    demo_window: MainWindow, qtbot, run_until
) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    tabs = window.mappings.tabs
    window.select_row(0)  # a page: nothing matches in device mode either
    assert tabs.tabText(2) == "Jimo SDK"
    combo = window.destination.settings.destination_combo
    cloud = combo.findData("actions-jimo-cloud")
    combo.setCurrentIndex(cloud)
    answer_next_dialog(qtbot, QMessageBox.StandardButton.Yes)
    combo.activated.emit(cloud)
    run_until(
        lambda: window.workbench.config.destination == "actions-jimo-cloud"
    )  # what picking it in the list does
    settle(window, run_until)
    _click_row(window.events.table, 0, qtbot)
    result = window.mappings.current_result()
    assert result is not None and result.request is None  # this result sends no request
    assert tabs.tabText(2) == "Request"
    assert "no request" in window.mappings.jimo.toPlainText()
    assert "Jimo SDK" not in window.mappings.jimo_label.text()


def test_every_hazard_that_holds_at_an_event_is_listed(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window  # manualInit is on
    for row in (1, 3):  # two tracks before any identify
        _click_row(window.events.table, row, qtbot)
        _click_row(window.mappings.table, _row_of(window, "Send Track Event"), qtbot)
        problems = window.mappings.problems.toPlainText()
        assert "track reached Jimo before any identify" in problems, row
        assert "not initialised" in problems, row
        assert window.mappings.tabs.tabText(3).startswith("Problems (")
    _click_row(window.events.table, 12, qtbot)  # after the identify
    assert "before any identify" not in window.mappings.problems.toPlainText()


def test_sdk_commands_wrap_instead_of_running_off_the_view(demo_window: MainWindow) -> None:
    assert demo_window.mappings.jimo.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth


def test_every_copy_button_confirms_what_it_copied(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    _click_row(window.events.table, 12, qtbot)  # Order Completed
    _click_row(window.mappings.table, _row_of(window, "Big orders"), qtbot)
    panel = window.mappings
    button = next(
        b for b in panel.findChildren(type(panel.curl_button)) if b.text() == "Copy payload"
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == panel.payload.toPlainText()
    assert button.text() == "Copied ✓"
    assert window.statusBar().currentMessage().startswith("Copied the payload to the clipboard")
    qtbot.waitUntil(lambda: button.text() == "Copy payload", timeout=5000)


def test_the_mappings_list_shows_every_subscription_without_scrolling(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, qtbot
) -> None:
    window = demo_window
    _click_row(window.events.table, 12, qtbot)
    table = window.mappings.table
    assert table.model().rowCount() == 8
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() == 0, timeout=2000)
    last = table.visualRect(table.model().index(7, 0))
    assert last.bottom() <= table.viewport().height()
    # the split stays the user's once they move it
    splitter = window.mappings.splitter
    splitter.moveSplitter(60, 1)
    moved = splitter.sizes()
    _click_row(window.events.table, 4, qtbot)
    qtbot.wait(20)
    assert splitter.sizes() == moved


def test_a_repeated_message_id_reads_not_delivered_everywhere(  # type: ignore[no-untyped-def]
    window: MainWindow, run_until, qtbot, tmp_path
) -> None:
    track = {"type": "track", "event": "Signed Up", "messageId": "dup", "userId": "u1"}
    path = tmp_path / "retries.ndjson"
    path.write_text("\n".join(json.dumps(e) for e in (track, track)) + "\n")
    window.open_files([str(path)])
    run_until(lambda: not window.workbench.loading and window.model.rowCount() == 2)
    settle(window, run_until)
    _click_row(window.events.table, 1, qtbot)
    row = _row_of(window, "Send Track Event")
    model = window.mappings.model
    assert model.index(row, 0).data() == "○ matched, not delivered"
    assert "same messageId as event 1" in model.index(row, 3).data()
    _click_row(window.mappings.table, row, qtbot)
    assert "same messageId as event 1" in window.mappings.problems.toPlainText()
    assert "No problems" not in window.mappings.problems.toPlainText()
    chips = dict(window.model.chips(1))
    assert chips and all(Verdict(v) is Verdict.NOT_DELIVERED for v in chips.values())
    assert dict(window.model.chips(0))["Track Event"] == Verdict.DELIVERED
    coverage = window.coverage.model
    column = next(c for c in range(coverage.columnCount()) if coverage.subscription_of(c) == row)
    assert coverage.index(1, column).data().startswith("○")


def test_curl_copies_masked_with_a_confirmation_or_with_the_key_on_request(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, run_until, qtbot
) -> None:
    window = demo_window
    cloud = DestinationConfig.from_json(
        {"destination": "actions-jimo-cloud", "settings": {"apiKey": "sk_live_0123456789wxyz"}}
    )
    window.load_config(cloud)
    settle(window, run_until)
    _click_row(window.events.table, 4, qtbot)  # an identify: a request is sent
    panel = window.mappings
    qtbot.mouseClick(panel.curl_button, Qt.MouseButton.LeftButton)
    masked = QGuiApplication.clipboard().text()
    assert "Bearer ****wxyz" in masked and "sk_live" not in masked
    message = window.statusBar().currentMessage()
    assert message.startswith("Copied the request as a curl command") and "masked" in message
    assert panel.curl_key_button.isEnabled()
    qtbot.mouseClick(panel.curl_key_button, Qt.MouseButton.LeftButton)
    words = shlex.split(QGuiApplication.clipboard().text().replace("\\\n", " "))
    assert "Authorization: Bearer sk_live_0123456789wxyz" in words
    assert "keep it private" in window.statusBar().currentMessage()


def test_a_retried_call_leaves_the_simulated_sdk_as_the_first_left_it(  # type: ignore[no-untyped-def]
    window: MainWindow, run_until, qtbot, tmp_path
) -> None:
    first = {"type": "identify", "userId": "user-a", "messageId": "m-a", "anonymousId": "b1"}
    second = {"type": "identify", "userId": "user-b", "messageId": "m-b", "anonymousId": "b1"}
    track = {"type": "track", "event": "Signed Up", "messageId": "m-t", "anonymousId": "b1"}
    path = tmp_path / "retried.ndjson"
    path.write_text("\n".join(json.dumps(e) for e in (first, second, first, track)) + "\n")
    window.open_files([str(path)])
    run_until(lambda: not window.workbench.loading and window.model.rowCount() == 4)
    settle(window, run_until)
    timeline = window.timeline
    assert [timeline.model.entry(r).event_index for r in range(timeline.model.rowCount())] == [
        0,
        1,
    ]  # the retry (event 3) changed nothing in the browser
    assert "user user-b" in timeline.summary.text()
    _click_row(window.events.table, 2, qtbot)
    assert "same messageId as event 1" in window.mappings.problems.toPlainText()
