"""The trigger editor: typed triggers reach the config, errors and warnings show inline."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector.qt.destination_editor import DEBOUNCE_MS
from inspector.qt.destination_editor._text_marks import WARNING_COLOUR
from tests.factories import make_event


def test_typed_trigger_reaches_config_changed_once_debounced(editor, qtbot, retype) -> None:  # type: ignore[no-untyped-def]
    seen = []
    editor.config_changed.connect(seen.append)
    editor.select_subscription(1)
    with qtbot.waitSignal(editor.config_changed, timeout=DEBOUNCE_MS * 5):
        retype(editor.panel.trigger.text_edit, 'type = "track" and event = "Signed Up"')
    assert len(seen) == 1
    assert seen[0].subscriptions[1].trigger == 'type = "track" and event = "Signed Up"'
    assert editor.config() is seen[0]


def test_unparsable_trigger_shows_error_with_column_and_underline(editor, retype) -> None:  # type: ignore[no-untyped-def]
    trigger = editor.panel.trigger
    retype(trigger.text_edit, 'type = "track" and (')
    assert trigger.status.text().startswith("✗ Column 20: this '(' is never closed")
    assert "never matches" in trigger.status.text()
    [mark] = trigger.text_edit.extraSelections()
    assert (mark.cursor.selectionStart(), mark.cursor.selectionEnd()) == (19, 20)
    # An unparsable trigger is a valid config: that subscription just never matches.
    assert editor.config().subscriptions[0].trigger == 'type = "track" and ('


def test_lint_warning_and_its_rewrite(editor, qtbot, retype) -> None:  # type: ignore[no-untyped-def]
    trigger = editor.panel.trigger
    retype(trigger.text_edit, 'type = "track" and event = "A" or event = "B"')
    texts = [trigger.warnings.item(i).text() for i in range(trigger.warnings.count())]
    assert any("'and' and 'or' are mixed" in text for text in texts)
    assert trigger.warnings.isVisible()
    assert trigger.rewrite_button.isEnabled()
    qtbot.mouseClick(trigger.rewrite_button, Qt.MouseButton.LeftButton)
    assert (
        editor.config().subscriptions[0].trigger
        == '(type = "track" and event = "A") or event = "B"'
    )


def test_explanation_shows_each_clause_against_the_event(editor, retype) -> None:  # type: ignore[no-untyped-def]
    trigger = editor.panel.trigger
    editor.set_event(make_event("track", event="Signed Up", properties={"total": 50}))
    retype(trigger.text_edit, 'type = "track" and properties.total > 100')
    rows = trigger.explanation.rows()
    assert rows[0][:3] == ["✓ pass", 'type = "track"', '"track"']
    assert rows[1][:3] == ["✗ fail", "properties.total > 100", "50"]
    assert trigger.explanation.summary.text().startswith("Does not match")
    editor.set_event(None)
    assert "Select an event" in trigger.explanation.summary.text()
    assert not trigger.explanation.tree.isVisible()


def test_explanation_follows_the_selected_subscription(editor) -> None:  # type: ignore[no-untyped-def]
    editor.set_event(make_event("identify"))
    assert editor.panel.trigger.explanation.summary.text().startswith("Matches")
    editor.select_subscription(1)
    assert editor.panel.trigger.text() == 'type = "track"'
    assert editor.panel.trigger.explanation.summary.text().startswith("Does not match")


def test_lint_positions_are_underlined_in_the_warning_colour(editor, retype) -> None:  # type: ignore[no-untyped-def]
    edit = editor.panel.trigger.text_edit
    retype(edit, "type = 'track'")
    [mark] = edit.extraSelections()
    assert mark.cursor.selectionStart() == 7
    assert mark.format.underlineColor() == WARNING_COLOUR
    assert editor.panel.trigger.status.text() == "✓ The trigger parses."
    assert "Column 8" in editor.panel.trigger.warnings.item(0).text()


def test_explanation_of_a_group_shows_the_group_and_its_clauses(editor, retype) -> None:  # type: ignore[no-untyped-def]
    editor.set_event(make_event("track", event="B"))
    retype(editor.panel.trigger.text_edit, 'type = "track" and (event = "A" or event = "B")')
    rows = [row[:3] for row in editor.panel.trigger.explanation.rows()]
    assert rows == [
        ["✓ pass", 'type = "track"', '"track"'],
        ["✓ pass", "( any of 2 )", ""],
        ["✗ fail", 'event = "A"', '"B"'],
        ["✓ pass", 'event = "B"', '"B"'],
    ]
    assert editor.panel.trigger.explanation.summary.text() == (
        "Matches the selected event, track “B” at 11-20 09:12:40 (all of 2 conditions must pass)."
    )
