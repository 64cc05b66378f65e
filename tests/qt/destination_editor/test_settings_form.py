"""Settings: required values, switching between Jimo (Actions) and Jimo Cloud."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QMessageBox

from tests.qt.dialogs import answer_next_dialog

LEFT = Qt.MouseButton.LeftButton


def test_settings_form_shows_jimo_fields_with_labels(editor) -> None:  # type: ignore[no-untyped-def]
    inputs = editor.settings.inputs
    assert list(inputs) == ["projectId", "refetchExperiencesOnTraitsUpdate", "manualInit"]
    assert isinstance(inputs["projectId"], QLineEdit)
    assert inputs["projectId"].text() == "demo-project-id"
    assert isinstance(inputs["manualInit"], QCheckBox)
    assert inputs["manualInit"].text() == "Initialize only for identified users"
    assert inputs["projectId"].accessibleName() == "Id"


def test_typed_project_id_and_ticked_option_reach_the_config(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    project = editor.settings.inputs["projectId"]
    project.selectAll()
    qtbot.keyClicks(project, "p-123")
    assert editor.config().settings["projectId"] == "p-123"
    with qtbot.waitSignal(editor.config_changed) as blocker:
        qtbot.mouseClick(editor.settings.inputs["manualInit"], LEFT)
    assert blocker.args[0].settings == {
        "projectId": "p-123",
        "manualInit": True,
        "refetchExperiencesOnTraitsUpdate": False,
    }


def test_empty_project_id_is_an_inline_error_and_the_last_value_stays(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    project = editor.settings.inputs["projectId"]
    project.selectAll()
    qtbot.keyClick(project, Qt.Key.Key_Backspace)
    error = editor.settings.errors["projectId"]
    assert error.isVisible()
    assert error.text() == "Id is required. The last value, 'demo-project-id', stays in use."
    assert editor.config().settings["projectId"] == "demo-project-id"
    qtbot.keyClicks(project, "p-9")
    assert not error.isVisible()
    assert editor.config().settings["projectId"] == "p-9"


def test_switch_to_jimo_cloud_and_back(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    combo = editor.settings.destination_combo
    editor.settings.inputs["projectId"].selectAll()
    qtbot.keyClicks(editor.settings.inputs["projectId"], "kept")
    answer_next_dialog(qtbot, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(editor.config_changed) as blocker:
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    cloud = blocker.args[0]
    assert cloud.destination == "actions-jimo-cloud"
    assert [s.action for s in cloud.subscriptions] == ["sendUserdata"]
    assert list(editor.settings.inputs) == ["apiKey"]
    api_key = editor.settings.inputs["apiKey"]
    assert isinstance(api_key, QLineEdit)
    assert api_key.echoMode() == QLineEdit.EchoMode.Password
    assert editor.settings.errors["apiKey"].text() == "API Key is required."
    qtbot.keyClicks(api_key, "secret")
    assert editor.config().settings == {"apiKey": "secret"}
    assert "secret" not in editor.settings.errors["apiKey"].text()
    assert editor.subscriptions.action_combo.count() == 1
    answer_next_dialog(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: editor.config().destination == "actions-jimo")
    assert editor.config().settings["projectId"] == "kept"
    assert len(editor.config().subscriptions) == 3
