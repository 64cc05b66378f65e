"""Undo and redo: every edit is one step; typing in one field merges into one step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from inspector.core.destinations import DestinationConfig, default_config
from tests.qt.dialogs import answer_next_dialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_typing_is_one_step_and_keys_undo_and_redo_it(editor, qtbot, retype) -> None:  # type: ignore[no-untyped-def]
    original = editor.config()
    edit = editor.panel.trigger.text_edit
    with qtbot.waitSignal(editor.config_changed):
        retype(edit, 'type = "identify" and userId != null')
    typed = editor.config()
    assert editor.undo_stack.count() == 1
    with qtbot.waitSignal(editor.config_changed) as blocker:
        qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert blocker.args[0] == original
    assert edit.toPlainText() == 'type = "identify"'
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.config() == typed
    assert edit.toPlainText() == 'type = "identify" and userId != null'


def test_undo_within_the_debounce_emits_nothing(editor, qtbot, retype) -> None:  # type: ignore[no-untyped-def]
    seen = []
    editor.config_changed.connect(seen.append)
    retype(editor.panel.trigger.text_edit, "event = 1")
    editor.undo_stack.undo()
    qtbot.wait(400)
    assert seen == []


def test_list_edits_undo_with_their_selection(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor.select_subscription(1)
    editor.subscriptions.remove_button.click()
    assert len(editor.config().subscriptions) == 2
    editor.subscriptions.view.setFocus()
    qtbot.keyClick(editor.subscriptions.view, Qt.Key.Key_Z, CTRL)
    assert len(editor.config().subscriptions) == 3
    assert editor.selected_index() == 1
    assert editor.subscriptions.current_row() == 1
    assert editor.redo_action.toolTip() == "Redo Remove Send Track Event (Ctrl+Shift+Z)"
    editor.undo_stack.redo()
    assert [s.name for s in editor.config().subscriptions] == ["Send User Data", "Send Group Data"]


def test_undo_buttons_follow_the_stack(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert not editor.toolbar.undo_button.isEnabled()
    editor.subscriptions.duplicate_button.click()
    assert editor.toolbar.undo_button.isEnabled()
    qtbot.mouseClick(editor.toolbar.undo_button, Qt.MouseButton.LeftButton)
    assert editor.config() == default_config()
    assert editor.toolbar.redo_button.isEnabled()


def test_reset_config_replaces_and_clears_history(editor) -> None:  # type: ignore[no-untyped-def]
    editor.subscriptions.duplicate_button.click()
    seen = []
    editor.config_changed.connect(seen.append)
    editor.reset_config(default_config())
    assert editor.undo_stack.count() == 0
    assert editor.config() == default_config()
    assert editor.subscriptions.model.rowCount() == 3
    assert seen == []


def test_ctrl_z_in_a_line_input_undoes_through_the_editor(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    project = editor.settings.inputs["projectId"]
    project.setFocus()
    project.selectAll()
    qtbot.keyClicks(project, "p-1")
    email = editor.panel.mapping.fields.inputs["email"]
    email.setFocus()
    email.selectAll()
    qtbot.keyClicks(email, "$.e")
    assert editor.undo_stack.count() == 2
    qtbot.keyClick(email, Qt.Key.Key_Z, CTRL)
    assert editor.config().subscriptions[0].mapping["email"] == {"@path": "$.traits.email"}
    assert email.text() == "$.traits.email"
    qtbot.keyClick(email, Qt.Key.Key_Z, CTRL)
    assert editor.config() == default_config()
    assert project.text() == "demo-project-id"
    qtbot.keyClick(email, Qt.Key.Key_Y, CTRL)
    assert editor.config().settings["projectId"] == "p-1"


def test_every_emitted_config_is_valid(editor, qtbot, retype) -> None:  # type: ignore[no-untyped-def]
    seen = []
    editor.config_changed.connect(seen.append)
    editor.subscriptions.duplicate_button.click()
    retype(editor.panel.mapping.json.text_edit, '{"userId": ')
    retype(editor.panel.trigger.text_edit, "type = (")
    editor.settings.inputs["projectId"].selectAll()
    qtbot.keyClick(editor.settings.inputs["projectId"], Qt.Key.Key_Backspace)
    answer_next_dialog(qtbot, QMessageBox.StandardButton.Yes)
    editor.switch_destination("actions-jimo-cloud")
    qtbot.waitUntil(lambda: editor.config().destination == "actions-jimo-cloud")
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    qtbot.wait(400)
    assert len(seen) >= 4
    for config in seen:
        assert DestinationConfig.from_json(config.to_json()) == config
        assert config.settings.get("projectId", "x") != ""
