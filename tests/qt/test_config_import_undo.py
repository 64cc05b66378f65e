"""File → Import destination config is an undoable edit: it never silently drops unsaved edits."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from inspector.qt.main_window import MainWindow
from tests.qt.conftest import settle
from tests.qt.test_menus import _action


def test_importing_over_unsaved_edits_can_be_undone(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, qtbot, run_until, monkeypatch, tmp_path: Path
) -> None:
    window = demo_window
    editor = window.destination
    window.tabs.setCurrentWidget(editor)
    before = len(editor.config().subscriptions)
    qtbot.mouseClick(editor.subscriptions.duplicate_button, Qt.MouseButton.LeftButton)
    edited = editor.config()
    assert len(edited.subscriptions) == before + 1 and window.isWindowModified()
    path = tmp_path / "only-identifies.json"
    sub = {"name": "Only identifies", "actionSlug": "sendUserData", "trigger": 'type = "identify"'}
    path.write_text(json.dumps({"destination": "actions-jimo", "subscriptions": [sub]}))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    _action(window, "&Import destination config…").trigger()
    settle(window, run_until)
    assert [s.name for s in window.workbench.config.subscriptions] == ["Only identifies"]
    assert editor.toolbar.undo_button.isEnabled() and window.isWindowModified()
    qtbot.mouseClick(editor.toolbar.undo_button, Qt.MouseButton.LeftButton)
    settle(window, run_until)
    assert editor.config() == edited
    assert window.workbench.config == edited
