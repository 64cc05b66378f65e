"""The mapping editor: JSON with underlined problems, and field-by-field entry."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from inspector.qt.destination_editor import DEBOUNCE_MS


def _marks(edit) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in edit.extraSelections()]


def test_broken_directive_is_reported_and_underlined_where_it_is(editor, qtbot, retype) -> None:  # type: ignore[no-untyped-def]
    json_editor = editor.panel.mapping.json
    editor.panel.mapping.tabs.setCurrentWidget(json_editor)
    text = '{\n  "userId": {"@path": 3},\n  "email": {"@path": "$.traits.email"}\n}'
    retype(json_editor.text_edit, text)
    message = json_editor.message.text()
    assert "/userId/@path should be a string or a mapping directive but it is a number." in message
    start = text.index('"@path": 3')
    assert _marks(json_editor.text_edit) == [(start, start + len('"@path": 3'))]
    # A mapping with a bad directive is still a config: the inspection reports it per event.
    assert editor.config().subscriptions[0].mapping["userId"] == {"@path": 3}
    # The field form shows the same problem under the field.
    assert not editor.panel.mapping.fields.errors["userId"].isHidden()
    assert "/userId/@path" in editor.panel.mapping.fields.errors["userId"].text()


def test_json_that_does_not_parse_keeps_the_last_good_mapping(editor, qtbot, retype) -> None:  # type: ignore[no-untyped-def]
    before = editor.config()
    seen = []
    editor.config_changed.connect(seen.append)
    json_editor = editor.panel.mapping.json
    retype(json_editor.text_edit, '{"userId": {"@path": "$.userId"}}')
    qtbot.keyClick(json_editor.text_edit, Qt.Key.Key_Left)
    qtbot.keyClicks(json_editor.text_edit, ",")
    qtbot.wait(DEBOUNCE_MS + 100)
    assert "Line 1, column 34" in json_editor.message.text()
    assert "last valid mapping stays in use" in json_editor.message.text()
    assert _marks(json_editor.text_edit) == [(33, 34)]
    assert editor.config().subscriptions[0].mapping == {"userId": {"@path": "$.userId"}}
    assert editor.config().subscriptions[0].mapping != before.subscriptions[0].mapping
    assert seen[-1].subscriptions[0].mapping == {"userId": {"@path": "$.userId"}}


def test_json_that_is_not_an_object_is_refused_inline(editor, retype) -> None:  # type: ignore[no-untyped-def]
    before = editor.config()
    retype(editor.panel.mapping.json.text_edit, "[1, 2]")
    assert "must be a JSON object" in editor.panel.mapping.json.message.text()
    assert editor.config() == before


def test_fields_show_labels_descriptions_and_values(editor) -> None:  # type: ignore[no-untyped-def]
    fields = editor.panel.mapping.fields
    assert list(fields.inputs) == ["userId", "email", "traits"]
    email = fields.inputs["email"]
    assert email.text() == "$.traits.email"
    assert email.accessibleName() == "User email"
    assert email.accessibleDescription() == "The email of the user"


def test_field_edit_updates_the_mapping_and_the_json(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    email: QLineEdit = editor.panel.mapping.fields.inputs["email"]
    email.selectAll()
    with qtbot.waitSignal(editor.config_changed, timeout=DEBOUNCE_MS * 5) as blocker:
        qtbot.keyClicks(email, "$.context.traits.email")
    mapping = blocker.args[0].subscriptions[0].mapping
    assert mapping["email"] == {"@path": "$.context.traits.email"}
    assert json.loads(editor.panel.mapping.json.text())["email"] == {
        "@path": "$.context.traits.email"
    }


def test_emptying_a_field_leaves_it_out_and_literal_text_stays_text(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    fields = editor.panel.mapping.fields
    fields.inputs["traits"].selectAll()
    qtbot.keyClick(fields.inputs["traits"], "\b")
    assert "traits" not in editor.config().subscriptions[0].mapping
    fields.inputs["userId"].selectAll()
    qtbot.keyClicks(fields.inputs["userId"], "user 42")
    assert editor.config().subscriptions[0].mapping["userId"] == "user 42"


def test_json_edits_show_up_in_the_fields(editor, retype) -> None:  # type: ignore[no-untyped-def]
    retype(editor.panel.mapping.json.text_edit, '{"userId": "true", "email": {"@path": "$.e"}}')
    fields = editor.panel.mapping.fields
    assert fields.inputs["userId"].text() == '"true"'
    assert fields.inputs["email"].text() == "$.e"
    assert fields.inputs["traits"].text() == ""


def test_reset_mapping_to_the_action_defaults(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    mapping_editor = editor.panel.mapping
    assert not mapping_editor.reset_button.isEnabled()
    email = mapping_editor.fields.inputs["email"]
    email.selectAll()
    qtbot.keyClicks(email, "fixed@example.com")
    assert mapping_editor.reset_button.isEnabled()
    qtbot.mouseClick(mapping_editor.reset_button, Qt.MouseButton.LeftButton)
    assert editor.config().subscriptions[0].mapping["email"] == {"@path": "$.traits.email"}
    assert email.text() == "$.traits.email"
    assert editor.undo_stack.undoText() == "Reset mapping to defaults"
    assert not mapping_editor.reset_button.isEnabled()
