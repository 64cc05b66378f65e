"""Capture in the window stores each event once, in the window's session file (autosave, then
the user's file), durably before the 200, across Save as in the middle of a burst and Clear."""

from __future__ import annotations

import asyncio
import gc
import json
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from inspector.cli import main
from inspector.core.sessionfile import DATA_DIR_ENV
from inspector.core.tasks import TaskOwner
from inspector.core.workbench import AsyncioRunner, Workbench
from inspector.qt.capture_control import CaptureControl
from inspector.qt.main_window import MainWindow
from inspector.qt.session_actions import SessionActions
from tests.factories import make_event
from tests.qt.test_main_window import _drop

Opened = tuple[MainWindow, SessionActions, CaptureControl]


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def open_window(
    qtbot, loop: asyncio.AbstractEventLoop, tmp_path: Path
) -> Iterator[Callable[[], Opened]]:  # type: ignore[no-untyped-def]
    """Windows with their session actions and capture, wired as the app does."""
    made: list[Opened] = []

    def make() -> Opened:
        settings = QSettings(str(tmp_path / f"settings{len(made)}.ini"), QSettings.Format.IniFormat)
        settings.setValue("capture/port", 0)  # any free port
        window = MainWindow(Workbench(runner=AsyncioRunner(loop)), TaskOwner(), settings)
        actions = SessionActions(window)
        actions.start()
        control = CaptureControl(window, window.workbench, session=actions)
        window.show()
        made.append((window, actions, control))
        return window, actions, control

    gc.disable()  # as in the app: collections never start in a writer thread
    try:
        yield make
        for window, actions, control in made:
            control.stop()
            if not window.isHidden():
                actions.close()
                window.close()
            window.deleteLater()
            loop.run_until_complete(window.tasks.shutdown())
    finally:
        gc.enable()
        gc.collect()


def _ids_in(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT json_extract(CAST(raw AS TEXT), '$.messageId') FROM events ORDER BY seq"
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def _client(url: str, name: str, acked: list[str], stop: threading.Event) -> None:
    """Posts single events and batches of three until told to stop; keeps what got a 200."""
    with httpx.Client(base_url=url, timeout=30) as client:
        n = 0
        while not stop.is_set() or n < 12:
            events = [
                make_event(event=f"{name} {n + k}", messageId=f"{name}-{n + k}-{uuid.uuid4()}")
                for k in range(1 if n % 2 else 3)
            ]
            if len(events) == 1:
                response = client.post("/v1/t", json=events[0])
            else:
                response = client.post("/v1/batch", json={"batch": events})
            assert response.status_code == 200, response.text
            acked.extend(e["messageId"] for e in events)
            n += len(events)


def test_save_as_in_the_middle_of_a_burst_keeps_every_acknowledged_event_once(  # type: ignore[no-untyped-def]
    open_window, run_until, monkeypatch, tmp_path: Path, capsys
) -> None:
    window, actions, control = open_window()
    autosave = actions.document.recording_path
    assert autosave is not None
    assert control.start()
    assert control.server is not None
    assert control.server.session_path == autosave  # the window's own file, not another
    url = control.server.url
    stop = threading.Event()
    acked: dict[str, list[str]] = {f"c{i}": [] for i in range(4)}
    clients = [
        threading.Thread(target=_client, args=(url, name, ids, stop)) for name, ids in acked.items()
    ]
    for client in clients:
        client.start()
    try:
        run_until(lambda: window.model.rowCount() >= 40, timeout=30)
        saved = tmp_path / "burst.jimo-session"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
        actions.save_as_action.trigger()  # in a worker thread, while the clients go on
        run_until(lambda: actions.document.path == str(saved), timeout=30)
        after_save = sum(len(ids) for ids in acked.values())
        run_until(lambda: sum(len(ids) for ids in acked.values()) >= after_save + 40, timeout=30)
    finally:
        stop.set()
        for client in clients:
            client.join(60)
    total = sum(len(ids) for ids in acked.values())
    run_until(lambda: window.model.rowCount() == total, timeout=30)
    control.stop()
    actions.document.flush()

    in_file = _ids_in(saved)
    assert sorted(in_file) == sorted(i for ids in acked.values() for i in ids)  # each once
    for ids in acked.values():  # each client's events in the order it sent them
        assert [i for i in in_file if i in set(ids)] == ids
    shown = [window.workbench.store[i].message_id for i in range(window.model.rowCount())]
    assert shown == in_file  # the window's order is the file's (edits find their event)
    assert not Path(autosave).exists()  # the autosave went with Save as
    assert control.server is None

    status = main(["inspect", str(saved)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 0
    assert [line["messageId"] for line in lines] == in_file
    assert lines[0]["source"].startswith(("/v1/batch#entry ", "/v1/t#entry "))  # as before

    again, _, _ = open_window()
    _drop(again, saved)
    run_until(lambda: again.model.rowCount() == total, timeout=30)
    reopened = [again.workbench.store[i].message_id for i in range(total)]
    assert reopened == in_file
    assert again.model.index(0, 6).data().startswith("capture #")


def test_events_captured_after_save_go_to_the_saved_file_and_clear_keeps_it(  # type: ignore[no-untyped-def]
    open_window, run_until, monkeypatch, tmp_path: Path, data_dir: Path
) -> None:
    window, actions, control = open_window()
    assert control.start()
    assert control.server is not None
    url = control.server.url
    first = make_event(event="Before clear")
    assert httpx.post(f"{url}/v1/track", json=first).status_code == 200
    run_until(lambda: window.model.rowCount() == 1)
    autosave = Path(actions.document.recording_path or "")
    assert _ids_in(autosave) == [first["messageId"]]  # stored before the 200, once

    window.clear_events()  # a new session; the captured one is kept
    assert control.server.session_path == actions.document.recording_path
    assert control.server.session_path != str(autosave)
    kept = list((data_dir / "captures").glob("*.jimo-session"))
    assert [_ids_in(p) for p in kept] == [[first["messageId"]]]
    assert f"kept in {kept[0]}" in window.statusBar().currentMessage()

    second = make_event(event="After clear")
    assert httpx.post(f"{url}/v1/batch", json={"batch": [second]}).status_code == 200
    run_until(lambda: window.model.rowCount() == 1)
    assert window.model.index(0, 6).data() == "capture #1 /v1/batch [1]"  # numbered afresh
    assert _ids_in(Path(control.server.session_path)) == [second["messageId"]]

    actions.close()  # quitting an unsaved session that holds captured events keeps them too
    kept = sorted((data_dir / "captures").glob("*.jimo-session"), key=lambda p: p.stat().st_mtime)
    assert [_ids_in(p) for p in kept] == [[first["messageId"]], [second["messageId"]]]
    assert httpx.post(f"{url}/v1/t", json=make_event()).status_code == 503  # nowhere to store
