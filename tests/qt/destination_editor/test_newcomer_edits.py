"""Destination edits a newcomer trips on: switching destination, adding, duplicated mappings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from inspector.qt.destination_editor import DestinationEditor
from tests.qt.conftest import settle
from tests.qt.dialogs import answer_next_dialog


def _pick_destination(editor: DestinationEditor, slug: str) -> None:
    combo = editor.settings.destination_combo
    row = combo.findData(slug)
    combo.setCurrentIndex(row)
    combo.activated.emit(row)  # what choosing it in the drop-down does


def test_switching_destination_asks_first_and_says_undo_brings_them_back(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = editor.config()
    seen = answer_next_dialog(qtbot, QMessageBox.StandardButton.Cancel)
    _pick_destination(editor, "actions-jimo-cloud")
    qtbot.waitUntil(lambda: bool(seen))
    assert "replace" in seen[0] and "Ctrl+Z" in seen[0]
    qtbot.wait(20)
    assert editor.config() == before
    assert editor.settings.destination_combo.currentData() == before.destination
    answer_next_dialog(qtbot, QMessageBox.StandardButton.Yes)
    _pick_destination(editor, "actions-jimo-cloud")
    qtbot.waitUntil(lambda: editor.config().destination == "actions-jimo-cloud")
    editor.undo_action.trigger()
    assert editor.config() == before


def test_an_added_mapping_is_selected_and_a_duplicate_trigger_is_flagged(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    subs = editor.subscriptions
    assert not subs.lint_label.isVisible()
    subs.action_combo.setCurrentIndex(subs.action_combo.findData("sendTrackEvent"))
    qtbot.mouseClick(subs.add_button, Qt.MouseButton.LeftButton)
    added = len(editor.config().subscriptions) - 1
    assert editor.selected_index() == added
    assert subs.current_row() == added
    assert subs.view.selectionModel().isRowSelected(added)
    assert subs.lint_label.isVisible()
    assert "sent 2 times" in subs.lint_label.text()
    assert "Send Track Event" in subs.lint_label.text()


def test_in_the_window_what_was_added_stays_selected(demo_window, qtbot, run_until) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    window.select_row(4)  # an identify: the Mappings panel selects Send User Data
    window.tabs.setCurrentIndex(2)
    subs = window.destination.subscriptions
    subs.action_combo.setCurrentIndex(subs.action_combo.findData("sendTrackEvent"))
    qtbot.mouseClick(subs.add_button, Qt.MouseButton.LeftButton)
    added = len(window.destination.config().subscriptions) - 1
    settle(window, run_until)  # the window re-evaluates and refreshes the Mappings panel
    assert window.destination.selected_index() == added
    assert subs.view.selectionModel().isRowSelected(added)
    assert "sent 2 times" in subs.lint_label.text()
