"""The subscription list: add, duplicate, remove, reorder, enable, and the 50 limit."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle

from inspector.core.destinations import MAX_SUBSCRIPTIONS, Subscription

LEFT = Qt.MouseButton.LeftButton


def _names(editor) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.name for s in editor.config().subscriptions]


def test_add_uses_the_chosen_action_and_selects_it(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    subs = editor.subscriptions
    subs.action_combo.setCurrentIndex(subs.action_combo.findData("sendTrackEvent"))
    with qtbot.waitSignal(editor.subscription_selected) as selected:
        qtbot.mouseClick(subs.add_button, LEFT)
    added = editor.config().subscriptions[-1]
    assert (added.name, added.action, added.trigger) == (
        "Send Track Event",
        "sendTrackEvent",
        'type = "track"',
    )
    assert added.mapping["event_name"] == {"@path": "$.event"}
    assert selected.args == [3]
    assert subs.current_row() == 3
    assert subs.count_label.text() == "4 of 50 mappings"


def test_duplicate_remove_and_move(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    subs = editor.subscriptions
    qtbot.mouseClick(subs.duplicate_button, LEFT)
    assert _names(editor) == [
        "Send User Data",
        "Send User Data (copy)",
        "Send Track Event",
        "Send Group Data",
    ]
    assert editor.selected_index() == 1
    qtbot.mouseClick(subs.down_button, LEFT)
    assert _names(editor)[2] == "Send User Data (copy)"
    assert editor.selected_index() == 2
    qtbot.mouseClick(subs.up_button, LEFT)
    qtbot.mouseClick(subs.up_button, LEFT)
    assert _names(editor)[0] == "Send User Data (copy)"
    assert not subs.up_button.isEnabled()
    qtbot.mouseClick(subs.remove_button, LEFT)
    assert _names(editor) == ["Send User Data", "Send Track Event", "Send Group Data"]


def test_keyboard_reorder_and_delete_in_the_list(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = editor.subscriptions.view
    view.setFocus()
    editor.select_subscription(0)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _names(editor)[:2] == ["Send Track Event", "Send User Data"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert _names(editor) == ["Send Track Event", "Send Group Data"]


def test_enable_and_disable_from_the_list_and_the_panel(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = editor.subscriptions.view
    rect = view.visualRect(editor.subscriptions.model.index(1, 0))
    # the check box sits at the left edge of the row
    point = QPoint(
        rect.left() + view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) // 2 + 3,
        rect.center().y(),
    )
    qtbot.mouseClick(view.viewport(), LEFT, pos=point)
    assert editor.config().subscriptions[1].enabled is False
    editor.select_subscription(1)
    assert not editor.panel.enabled_box.isChecked()
    qtbot.mouseClick(editor.panel.enabled_box, LEFT)
    assert editor.config().subscriptions[1].enabled is True


def test_the_add_button_disables_at_fifty_with_an_explanation(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    sub = Subscription("S", "sendTrackEvent", 'type = "track"')
    editor.set_config(replace(editor.config(), subscriptions=[sub] * (MAX_SUBSCRIPTIONS - 1)))
    subs = editor.subscriptions
    assert subs.add_button.isEnabled()
    qtbot.mouseClick(subs.add_button, LEFT)
    assert len(editor.config().subscriptions) == MAX_SUBSCRIPTIONS
    assert not subs.add_button.isEnabled()
    assert not subs.duplicate_button.isEnabled()
    assert subs.limit_label.isVisible()
    assert "at most 50 mappings" in subs.limit_label.text()
    assert "at most 50 mappings" in subs.add_button.toolTip()
    qtbot.mouseClick(subs.remove_button, LEFT)
    assert subs.add_button.isEnabled()
    assert not subs.limit_label.isVisible()


def test_reset_to_presets(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(editor.subscriptions.remove_button, LEFT)
    qtbot.mouseClick(editor.subscriptions.remove_button, LEFT)
    assert len(editor.config().subscriptions) == 1
    qtbot.mouseClick(editor.toolbar.reset_button, LEFT)
    assert _names(editor) == ["Send User Data", "Send Track Event", "Send Group Data"]
    assert editor.toolbar.message.text() == "Reset to presets: 3 mappings. Ctrl+Z undoes it."


def test_selection_signal_fires_once_per_change(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen = []
    editor.subscription_selected.connect(seen.append)
    qtbot.mouseClick(editor.subscriptions.add_button, LEFT)
    view = editor.subscriptions.view
    rect = view.visualRect(editor.subscriptions.model.index(2, 0))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    assert seen == [3, 2]
    assert editor.panel.name_edit.text() == "Send Group Data"


def test_removing_every_mapping_shows_a_placeholder(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        qtbot.mouseClick(editor.subscriptions.remove_button, LEFT)
    assert editor.config().subscriptions == []
    assert editor.selected_index() == -1
    assert editor.panel.placeholder.isVisible()
    assert not editor.panel.splitter.isVisible()
    assert not editor.subscriptions.remove_button.isEnabled()
    qtbot.mouseClick(editor.subscriptions.add_button, LEFT)
    assert editor.selected_index() == 0
    assert editor.panel.splitter.isVisible()


def test_space_toggles_the_selected_mapping(editor, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = editor.subscriptions.view
    view.setFocus()
    editor.select_subscription(2)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert editor.config().subscriptions[2].enabled is False
    assert editor.undo_stack.undoText() == "Disable Send Group Data"
