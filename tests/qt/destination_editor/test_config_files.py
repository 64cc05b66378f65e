"""Import and export: the app's format, Segment's Public API shape, errors shown inline."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from inspector.core.destinations import load_config


def test_import_public_api_subscriptions(editor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "segment.json"
    path.write_text(
        json.dumps(
            {
                "destination": "actions-jimo",
                "settings": {"projectId": "from-segment"},
                "subscriptions": {
                    "data": {
                        "subscriptions": [
                            {
                                "name": "Signed up",
                                "actionSlug": "sendTrackEvent",
                                "trigger": 'event = "Signed Up"',
                                "enabled": False,
                                "settings": {"event_name": {"@path": "$.event"}},
                            }
                        ]
                    }
                },
            }
        )
    )
    assert editor.import_from(path)
    config = editor.config()
    assert config.settings["projectId"] == "from-segment"
    [sub] = config.subscriptions
    assert (sub.name, sub.enabled, sub.mapping) == (
        "Signed up",
        False,
        {"event_name": {"@path": "$.event"}},
    )
    assert editor.settings.inputs["projectId"].text() == "from-segment"
    assert editor.panel.trigger.text() == 'event = "Signed Up"'
    assert editor.toolbar.message.text() == "Imported segment.json: 1 mapping."
    editor.undo_stack.undo()
    assert len(editor.config().subscriptions) == 3


def test_export_round_trip(editor, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    editor.select_subscription(2)
    editor.subscriptions.duplicate_button.click()
    path = tmp_path / "out.json"
    assert editor.export_to(path)
    assert load_config(path) == editor.config()
    assert f"Exported to {path}" in editor.toolbar.message.text()


def test_import_errors_are_shown_not_raised(editor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = editor.config()
    bad = tmp_path / "bad.json"
    bad.write_text('{"subscriptions": [{"actionSlug": "nope"}]}')
    assert not editor.import_from(bad)
    message = editor.toolbar.message
    assert message.isVisible()
    assert "Could not import bad.json" in message.text()
    assert "unknown action 'nope'" in message.text()
    assert not editor.import_from(tmp_path / "missing.json")
    assert "cannot read config" in message.text()
    bad.write_text("{")
    assert not editor.import_from(bad)
    assert "invalid JSON" in message.text()
    assert editor.config() == before


def test_export_error_is_shown(editor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert not editor.export_to(tmp_path / "no-such-dir" / "out.json")
    assert "Could not export" in editor.toolbar.message.text()


def test_buttons_ask_for_a_file_then_import_and_export(
    editor, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "picked.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(editor.toolbar.export_button, Qt.MouseButton.LeftButton)
    assert load_config(path) == editor.config()
    editor.subscriptions.remove_button.click()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(editor.toolbar.import_button, Qt.MouseButton.LeftButton)
    assert len(editor.config().subscriptions) == 3
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    qtbot.mouseClick(editor.toolbar.import_button, Qt.MouseButton.LeftButton)
    assert len(editor.config().subscriptions) == 3


def test_exporting_with_the_button_keeps_the_changes_so_they_are_saved(
    editor, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    editor.subscriptions.remove_button.click()
    assert not editor.undo_stack.isClean()
    path = tmp_path / "kept.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(editor.toolbar.export_button, Qt.MouseButton.LeftButton)
    assert load_config(path) == editor.config() and editor.undo_stack.isClean()
