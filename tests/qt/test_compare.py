"""Compare with config… and the Export menu, driven through the window's menus and clicks."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QListWidget

from inspector.core.destinations import DestinationConfig, load_config
from inspector.core.events import EventRecord
from inspector.core.export import write_bundle
from inspector.core.loaders import read_path
from inspector.core.sessionfile import connect, create_schema
from inspector.qt.compare_dialog import CompareDialog
from inspector.qt.export_dialog import BundleDialog
from inspector.qt.main_window import MainWindow
from inspector.resources import DEMO_CONFIG, DEMO_SESSION
from tests.qt.conftest import settle


def _action(window: MainWindow, menu_title: str, text: str) -> QAction:
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    pending = [menus[menu_title]]
    while pending:
        menu = pending.pop()
        for action in menu.actions():  # type: ignore[union-attr]
            if action.text() == text:
                return action
            if action.menu() is not None:
                pending.append(action.menu())
    raise AssertionError(f"no action {text!r} under {menu_title}")


def _edited_config(tmp_path: Path) -> Path:
    config = json.loads(DEMO_CONFIG.read_text())
    config["subscriptions"][1]["mapping"]["event_name"] = {"@path": "$.properties.name"}
    config["subscriptions"][0]["trigger"] = 'type = "identify" and traits.plan = "pro"'
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(config))
    return path


def _click_row(qtbot, items: QListWidget, row: int, double: bool = False) -> None:  # type: ignore[no-untyped-def]
    rect = items.visualItemRect(items.item(row))
    items.scrollToItem(items.item(row))
    rect = items.visualItemRect(items.item(row))
    point = rect.center() if rect.isValid() else QPoint(5, 5)
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    click(items.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _open_comparison(
    window: MainWindow,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    path: Path,  # type: ignore[no-untyped-def]
) -> CompareDialog:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    _action(window, "&Tools", "&Compare with config…").trigger()
    dialog = window.compare_export.dialogs[-1]
    qtbot.waitUntil(lambda: not dialog.view.running, timeout=20000)
    return dialog


def test_comparing_lists_the_differing_events_with_both_sides_marked(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _open_comparison(demo_window, qtbot, monkeypatch, _edited_config(tmp_path))
    view = dialog.view
    summary = view.summary.text()
    assert "43 of 58 events differ" in summary
    assert "Send Track Event: 37 payloads change" in summary
    assert "Send User Data: 6 events no longer match" in summary
    assert view.event_list.count() == 43
    row = next(
        i
        for i in range(view.event_list.count())
        if view.event_list.item(i).text().startswith("#5 ")
    )
    _click_row(qtbot, view.event_list, row)
    assert view.subscription.currentText() == "Send User Data"
    before, after = view.before_text.toPlainText(), view.after_text.toPlainText()
    assert '"verdict": "matched"' in before and '"payload"' in before
    assert '"verdict": "not matched"' in after and '"payload"' not in after
    marked = [s.cursor.selectedText() for s in view.before_text.extraSelections()]
    assert any(text.startswith('"verdict"') for text in marked)

    track_row = next(
        i
        for i in range(view.event_list.count())
        if view.event_list.item(i).text().startswith("#2 ")
    )
    _click_row(qtbot, view.event_list, track_row)
    assert view.subscription.currentText() == "Send Track Event"
    assert 'payload event_name: "Pricing Viewed" → missing' in view.changes_label.text()
    before_marks = [s.cursor.selectedText() for s in view.before_text.extraSelections()]
    assert '"event_name": "Pricing Viewed"' in before_marks
    _click_row(qtbot, view.event_list, track_row, double=True)
    assert demo_window.current_row() == 1


def test_escape_cancels_a_running_comparison_and_keeps_what_was_compared(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    dialog = CompareDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # as when the user looks at it
    qtbot.waitUntil(dialog.isActiveWindow)
    events = [r for r in read_path(DEMO_SESSION) if isinstance(r, EventRecord)] * 50
    before = load_config(DEMO_CONFIG)
    dialog.compare(events, before, load_config(_edited_config(tmp_path)), ("A", "B"))
    assert dialog.view.running
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.view.running
    assert "cancelled after" in dialog.view.summary.text() and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the next Esc closes it
    assert not dialog.isVisible()


def test_a_broken_config_is_one_message(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"destination": "nope"}')
    assert demo_window.compare_export.compare_with(str(bad)) is None
    assert demo_window.message_bar.label.text().startswith("Cannot compare: ")


def test_export_filtered_events_as_ndjson(  # type: ignore[no-untyped-def]
    demo_window: MainWindow,
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    run_until: Callable[..., None],
) -> None:
    target = tmp_path / "identify.ndjson"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    edit = demo_window.events.filter_edit
    qtbot.keyClicks(edit, 'type = "identify"')
    edit.apply()
    settle(demo_window, run_until)
    _action(demo_window, "&File", "&Filtered events as NDJSON…").trigger()
    loaded = [r for r in read_path(target) if isinstance(r, EventRecord)]
    assert loaded and {r.type for r in loaded} == {"identify"}
    _action(demo_window, "&File", "All events as &NDJSON…").trigger()
    assert len([r for r in read_path(target) if isinstance(r, EventRecord)]) == 58


def test_curl_export_says_why_not_in_device_mode(  # type: ignore[no-untyped-def]
    demo_window: MainWindow,
) -> None:
    _action(demo_window, "&File", "Jimo Cloud requests as &curl…").trigger()
    assert "No Jimo Cloud request" in demo_window.message_bar.label.text()


def test_curl_export_writes_the_cloud_requests_key_masked(  # type: ignore[no-untyped-def]
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    run_until: Callable[..., None],
) -> None:
    key = "sk_live_0123456789abcdef"
    cloud = {"destination": "actions-jimo-cloud", "settings": {"apiKey": key}}
    window.load_config(DestinationConfig.from_json(cloud))
    window.open_files([str(DEMO_SESSION)])
    run_until(lambda: not window.workbench.loading and window.model.rowCount() == 58)
    target = tmp_path / "requests.sh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _action(window, "&File", "Jimo Cloud requests as &curl…").trigger()
    run_until(lambda: window.compare_export.busy == 0)
    script = target.read_text()
    assert script.startswith("#!/bin/sh") and script.count("curl -X POST") >= 5
    assert key not in script and "Bearer ****cdef" in script
    settle(window, run_until)


def test_bundle_dialog_adds_a_path_and_the_bundle_masks_it(  # type: ignore[no-untyped-def]
    demo_window: MainWindow, qtbot, tmp_path: Path, run_until: Callable[..., None]
) -> None:
    dialog = BundleDialog(demo_window)
    qtbot.addWidget(dialog)
    target = tmp_path / "repro.zip"

    def fill_in() -> None:
        qtbot.keyClicks(dialog.new_path, "traits.name")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    assert demo_window.compare_export.bundle(str(target), dialog)
    run_until(lambda: demo_window.compare_export.busy == 0)
    assert demo_window.statusBar().currentMessage().startswith("Saved a repro bundle of 58 events")
    assert dialog.paths()[-1] == "traits.name"
    with zipfile.ZipFile(target) as zf:
        events = zf.read("events.ndjson").decode()
    assert "Ana López" not in events and "ana.lopez@acme.io" not in events
    assert len([r for r in read_path(target) if isinstance(r, EventRecord)]) == 58


def test_opening_a_repro_bundle_loads_its_events_and_its_config(  # type: ignore[no-untyped-def]
    window: MainWindow, tmp_path: Path, run_until: Callable[..., None]
) -> None:
    config = load_config(DEMO_CONFIG)
    renamed = config.with_subscription(0, config.subscriptions[0].with_changes(name="Users"))
    events = [r for r in read_path(DEMO_SESSION) if isinstance(r, EventRecord)]
    bundle = tmp_path / "repro.zip"
    write_bundle(bundle, events, renamed, app_version="0.1.0")
    window.open_files([str(bundle)])
    run_until(lambda: not window.workbench.loading and window.model.rowCount() == 58)
    assert window.workbench.config.subscriptions[0].name == "Users"
    assert window.statusBar().currentMessage().startswith("Repro bundle made by jimo-inspector")


def test_har_export_reads_the_captured_requests_of_a_session_file(  # type: ignore[no-untyped-def]
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, target = tmp_path / "capture.jimo-session", tmp_path / "capture.har"
    conn = connect(str(session))
    create_schema(conn, "0.1.0")
    body = json.dumps({"type": "track", "event": "Signed Up", "messageId": "m-1"})
    conn.execute(
        "INSERT INTO requests(received_at, method, path, headers, body, status) "
        "VALUES (1764000000, 'POST', '/v1/t', '{}', ?, 200)",
        (body.encode(),),
    )
    conn.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(session), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _action(window, "&File", "Captured requests as &HAR…").trigger()
    loaded = [r for r in read_path(target) if isinstance(r, EventRecord)]
    assert [r.message_id for r in loaded] == ["m-1"]
    assert window.statusBar().currentMessage() == f"Exported 1 request to {target}"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    _action(window, "&File", "Captured requests as &HAR…").trigger()  # not a session file
    assert "cannot read captured requests" in window.message_bar.label.text()


def test_exports_and_compare_say_they_include_what_if_edits(  # type: ignore[no-untyped-def]
    demo_window: MainWindow,
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    run_until: Callable[..., None],
) -> None:
    window = demo_window
    window.edit_event(3, {**window.workbench.store[3].data, "event": "EDITED"})
    settle(window, run_until)
    target = tmp_path / "all.ndjson"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _action(window, "&File", "All events as &NDJSON…").trigger()
    assert window.statusBar().currentMessage() == f"Exported 58 events (1 edited) to {target}"
    edit = window.events.filter_edit
    qtbot.keyClicks(edit, 'type = "identify"')
    edit.apply()
    settle(window, run_until)
    _action(window, "&File", "&Filtered events as NDJSON…").trigger()
    assert "(1 edited)" not in window.statusBar().currentMessage()  # the edit is a track
    other = tmp_path / "other.json"
    other.write_text(DEMO_CONFIG.read_text())
    dialog = window.compare_export.compare_with(str(other))
    assert dialog is not None and dialog.windowTitle().endswith("(1 edited event)")
    dialog.reject()
