"""Capture in the window: start with a click, real posts arrive as rows, follow, pause, clear."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path
from time import monotonic, sleep

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractSlider, QWidget

from inspector.qt.capture_control import CaptureControl
from inspector.qt.main_window import MainWindow
from tests.factories import make_event


@pytest.fixture
def capture(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[CaptureControl]:
    monkeypatch.setenv("JIMO_INSPECTOR_DATA_DIR", str(tmp_path / "data"))
    window.settings.setValue("capture/port", 0)  # any free port
    control = CaptureControl(window, window.workbench)
    yield control
    control.stop()


def _click(qtbot, control: CaptureControl) -> None:  # type: ignore[no-untyped-def]
    button = control.toolbar.widgetForAction(control.start_action)
    assert isinstance(button, QWidget)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _post_batch(url: str, count: int, start: int = 0) -> None:
    batch = [make_event(event=f"Event {n}") for n in range(start, start + count)]
    assert httpx.post(f"{url}/v1/batch", json={"batch": batch}).status_code == 200


def test_start_capture_with_a_click_and_see_posted_events_arrive(
    window: MainWindow,
    capture: CaptureControl,
    qtbot,
    run_until: Callable[..., None],  # type: ignore[no-untyped-def]
) -> None:
    _click(qtbot, capture)
    assert capture.running and capture.server is not None
    url = capture.server.url
    assert capture.address_label.text().endswith(f"</span> Capturing on {url}")
    assert capture.start_action.text() == "Stop capture"
    assert [a.text() for a in window.menuBar().actions()][-2:] == ["&Capture", "&Help"]

    _post_batch(url, 3)
    assert httpx.post(f"{url}/v1/t", content=b"[]").status_code == 400
    run_until(lambda: window.model.rowCount() == 3 and window.skipped.list.count() == 1)
    names = [window.model.record(r).name for r in range(3)]
    assert names == ["Event 0", "Event 1", "Event 2"]
    assert window.model.index(0, 6).data() == "capture #1 /v1/batch [1]"  # request 1, item 1
    skipped = window.skipped.list.item(0).text()
    assert skipped == "/v1/t#entry 2: the request body is an array, not an object"

    capture._tick()  # noqa: SLF001 - the once-a-second refresh, without waiting a second
    assert capture.rate_label.text().startswith("3 events/s · 3 received · 1 rejected")

    session = capture.server.session_path
    _click(qtbot, capture)
    assert not capture.running
    assert capture.address_label.text() == "Capture stopped"
    stored = sqlite3.connect(session).execute("SELECT count(*) FROM events").fetchone()
    assert stored == (3,)


def test_the_list_follows_the_newest_until_the_user_picks_an_event(
    window: MainWindow,
    capture: CaptureControl,
    qtbot,
    run_until: Callable[..., None],  # type: ignore[no-untyped-def]
) -> None:
    assert capture.start()
    assert capture.server is not None
    url = capture.server.url
    bar = window.events.table.verticalScrollBar()
    _post_batch(url, 200)
    run_until(lambda: window.model.rowCount() == 200)
    run_until(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    assert capture.following

    _post_batch(url, 100, start=200)
    run_until(lambda: window.model.rowCount() == 300)
    run_until(lambda: bar.value() == bar.maximum())

    # the user scrolls up: the list stays where they put it
    bar.triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
    run_until(lambda: not capture.following)
    _post_batch(url, 50, start=300)
    run_until(lambda: window.model.rowCount() == 350)
    assert bar.value() == 0
    # back at the bottom, it follows again
    bar.triggerAction(QAbstractSlider.SliderAction.SliderToMaximum)
    run_until(lambda: capture.following)

    # picking an event stops the following too
    window.select_row(10)
    _post_batch(url, 50, start=350)
    run_until(lambda: window.model.rowCount() == 400)
    assert window.current_row() == 10
    assert not capture.following
    assert bar.value() < bar.maximum()


def test_pause_view_stops_following_but_events_are_still_stored(
    window: MainWindow, capture: CaptureControl, run_until: Callable[..., None]
) -> None:
    assert capture.start()
    assert capture.server is not None
    capture.pause_action.trigger()
    assert capture.pause_action.isChecked() and not capture.following
    bar = window.events.table.verticalScrollBar()
    _post_batch(capture.server.url, 200)
    run_until(lambda: window.model.rowCount() == 200)
    assert bar.value() == 0
    capture._tick()  # noqa: SLF001
    assert capture.rate_label.text().endswith("view paused")


def test_clear_goes_on_into_a_new_session_file(
    window: MainWindow, capture: CaptureControl, run_until: Callable[..., None]
) -> None:
    assert capture.start()
    assert capture.server is not None
    first = capture.server.session_path
    _post_batch(capture.server.url, 2)
    run_until(lambda: window.model.rowCount() == 2)
    window.clear_events()
    assert capture.server.session_path != first
    _post_batch(capture.server.url, 1, start=2)
    run_until(lambda: window.model.rowCount() == 1)
    count = "SELECT count(*) FROM events"
    assert sqlite3.connect(first).execute(count).fetchone() == (2,)
    assert sqlite3.connect(capture.server.session_path).execute(count).fetchone() == (1,)


def test_how_to_connect_shows_the_real_address_and_copies_it(
    window: MainWindow,
    capture: CaptureControl,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    capture.write_key = "wk-gui"
    assert capture.start()
    assert capture.server is not None
    dialog = capture.connect_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles == [
        "analytics.js snippet",
        "analytics.js (npm)",
        "analytics-python",
        "analytics-node",
        "curl",
    ]
    npm = dialog.pages[1]
    assert f'cdnURL: "{capture.server.url}"' in npm.code.toPlainText()
    assert 'writeKey: "wk-gui"' in npm.code.toPlainText()
    qtbot.mouseClick(npm.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == npm.code.toPlainText()
    assert npm.copy_button.text() == "Copied"
    # the expected key is enforced
    assert httpx.post(f"{capture.server.url}/v1/t", json=make_event()).status_code == 401


def test_a_port_in_use_is_a_message_not_a_crash(
    window: MainWindow, capture: CaptureControl
) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        window.settings.setValue("capture/port", taken.getsockname()[1])
        assert not capture.start()
    assert not capture.running
    assert window.message_bar.label.text().startswith("Could not start the capture: port ")
    assert capture.start_action.text() == "Start capture"


def test_settings_dialog_warns_about_a_host_others_can_reach(qtbot) -> None:  # type: ignore[no-untyped-def]
    from inspector.core.capture import CaptureSettings
    from inspector.qt.capture_dialogs import CaptureSettingsDialog

    dialog = CaptureSettingsDialog(CaptureSettings(port=9000))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.warning.isVisible()
    dialog.host_edit.clear()
    qtbot.keyClicks(dialog.host_edit, "0.0.0.0")
    assert dialog.warning.isVisible()
    assert dialog.warning.text().startswith("Listening on 0.0.0.0: anyone who can reach")
    qtbot.keyClicks(dialog.key_edit, "wk-1")
    chosen = dialog.chosen()
    assert (chosen.host, chosen.port, chosen.write_key) == ("0.0.0.0", 9000, "wk-1")
    assert not chosen.loopback
    dialog.host_edit.setText("localhost")
    assert not dialog.warning.isVisible()


def test_how_to_connect_says_a_stopped_capture_is_stopped_and_starts_it(
    window: MainWindow,
    capture: CaptureControl,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    dialog = capture.connect_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert "stopped" in dialog.intro.text()
    assert "The capture listens on" not in dialog.intro.text()
    assert dialog.start_button.isVisible()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert capture.running and capture.server is not None
    assert f"listens on <b>{capture.server.url}</b>" in dialog.intro.text()
    assert not dialog.start_button.isVisible()
    assert capture.server.url in dialog.pages[-1].code.toPlainText()  # the real port, not 8765
    assert httpx.post(f"{capture.server.url}/v1/t", json=make_event()).status_code == 200


def test_captured_requests_as_har_exports_the_running_capture_without_asking(
    window: MainWindow,
    capture: CaptureControl,
    run_until,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import json

    from PySide6.QtWidgets import QFileDialog

    from inspector.app import wire_har_export
    from tests.qt.test_menus import _action

    wire_har_export(window, capture)
    assert capture.start() and capture.server is not None
    _post_batch(capture.server.url, 3)
    run_until(lambda: len(window.workbench) == 3)

    def no_open_dialog(*_a: object, **_k: object) -> tuple[str, str]:
        raise AssertionError("asked for a session file")

    target = tmp_path / "capture.har"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", no_open_dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _action(window, "Captured requests as &HAR…").trigger()
    assert len(json.loads(target.read_text())["log"]["entries"]) == 1
    assert "Exported 1 request" in window.statusBar().currentMessage()


def test_captured_events_sent_without_a_timestamp_show_their_arrival_time(
    window: MainWindow,
    capture: CaptureControl,
    run_until,  # type: ignore[no-untyped-def]
) -> None:
    assert capture.start() and capture.server is not None
    event = {"type": "track", "event": "From curl", "userId": "u1"}  # as the README's curl sends
    assert httpx.post(f"{capture.server.url}/v1/track", json=event).status_code == 200
    run_until(lambda: window.model.rowCount() == 1)
    received = window.workbench.store[0].data["receivedAt"]
    assert window.model.index(0, 1).data()  # the Time column is not blank
    assert window.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == received


def test_a_burst_reaches_the_list_in_a_few_appends_and_every_event_shows_after_it(
    window: MainWindow, capture: CaptureControl, run_until: Callable[..., None]
) -> None:
    """A capture's events are appended a few times a second, not once per request: the list
    repaints less often while clients post, and shows every event, in order, once they stop."""
    appends: list[float] = []
    window.workbench.events_appended.connect(lambda _first, _last: appends.append(monotonic()))
    assert capture.start()
    assert capture.server is not None
    url = capture.server.url

    def post() -> None:  # 40 requests, one every 10 ms, while the window's loop runs
        with httpx.Client() as client:
            for n in range(40):
                batch = [make_event(event=f"Event {n * 5 + i}") for i in range(5)]
                assert client.post(f"{url}/v1/batch", json={"batch": batch}).status_code == 200
                sleep(0.01)

    poster = threading.Thread(target=post)
    poster.start()
    run_until(lambda: not poster.is_alive() and window.model.rowCount() == 200)
    poster.join()
    names = [window.model.record(r).name for r in range(200)]
    assert names == [f"Event {n}" for n in range(200)]
    interval = window.workbench.append_interval
    assert len(appends) >= 2
    gaps = [round(b - a, 3) for a, b in pairwise(appends)]
    assert all(g >= interval * 0.9 for g in gaps), gaps
    bar = window.events.table.verticalScrollBar()
    run_until(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())  # the newest shows
    assert window.current_row() == 0  # the window picked the first event, off screen now
    assert capture.following
    assert window.counts_label.text().startswith("200 events")


def test_the_first_captured_event_is_picked_and_its_verdicts_follow_a_turn_later(
    window: MainWindow, capture: CaptureControl, run_until: Callable[..., None]
) -> None:
    """The window splits showing the event it picked itself over two turns of the loop."""
    shown: list[object] = []
    original = window.mappings.show_inspection

    def show_inspection(inspection, data) -> None:  # type: ignore[no-untyped-def]
        shown.append(inspection)
        original(inspection, data)

    window.mappings.show_inspection = show_inspection  # type: ignore[method-assign]
    verdicts_when_picked: list[int] = []
    window.events.current_changed.connect(lambda _row: verdicts_when_picked.append(len(shown)))
    assert capture.start()
    assert capture.server is not None
    _post_batch(capture.server.url, 3)
    run_until(lambda: window.current_row() == 0 and bool(shown))
    assert verdicts_when_picked == [0]  # the event editor first, the verdicts a turn later
    assert capture.following
