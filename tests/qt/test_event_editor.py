"""The event editor as a newcomer meets it: undo clears stale errors and edits; find in JSON."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from inspector.qt.main_window import MainWindow


def _type_at_end_of_first_line(window: MainWindow, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = window.event_editor.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfLine)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, text)


def _undo(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = window.event_editor.editor
    while editor.document().isUndoAvailable():
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_undo_clears_a_parse_error_it_made_stale(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    window.select_row(12)
    panel = window.event_editor
    _type_at_end_of_first_line(window, qtbot, "oops")
    qtbot.waitUntil(lambda: "Not valid JSON" in panel.status.text(), timeout=5000)
    assert panel.editor.extraSelections()
    _undo(window, qtbot)
    qtbot.waitUntil(lambda: "Not valid JSON" not in panel.status.text(), timeout=5000)
    assert panel.status.text() == ""
    assert not panel.editor.extraSelections()
    assert not panel.revert_button.isEnabled()


def test_undo_back_to_the_loaded_event_is_no_longer_an_edit(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    window.select_row(12)
    panel = window.event_editor
    _type_at_end_of_first_line(window, qtbot, ' "note": "what if",')
    qtbot.waitUntil(lambda: window.workbench.is_edited(12), timeout=5000)
    assert panel.status.text().startswith("Edited")
    assert window.model.index(12, 0).data() == "13*"
    _undo(window, qtbot)
    qtbot.waitUntil(lambda: not window.workbench.is_edited(12), timeout=5000)
    assert panel.status.text() == ""
    assert not panel.revert_button.isEnabled()
    assert window.model.index(12, 0).data() == "13"


def test_ctrl_f_in_the_editor_finds_in_the_event_json(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    window.select_row(12)
    panel = window.event_editor
    panel.editor.setFocus()
    qtbot.keyClick(panel.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.find_bar.isVisible() and panel.find_bar.edit.hasFocus()
    assert not window.events.filter_edit.hasFocus()  # the filter keeps its own Ctrl+F elsewhere
    qtbot.keyClicks(panel.find_bar.edit, "order")
    text = panel.editor.toPlainText()
    total = text.lower().count("order")
    assert total > 1
    assert panel.find_bar.count.text() == f"1 of {total}"
    assert panel.editor.textCursor().selectedText().lower() == "order"
    first = panel.editor.textCursor().selectionStart()
    qtbot.keyClick(panel.find_bar.edit, Qt.Key.Key_Return)
    assert panel.find_bar.count.text() == f"2 of {total}"
    assert panel.editor.textCursor().selectionStart() > first
    qtbot.keyClick(panel.find_bar.edit, Qt.Key.Key_Escape)
    assert not panel.find_bar.isVisible()
    assert panel.editor.hasFocus()
