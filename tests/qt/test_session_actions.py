"""Session files in the window: save and reopen, crash restore, bad files as one sentence."""

from __future__ import annotations

import asyncio
import gc
import hashlib
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from inspector.core.destinations import load_config
from inspector.core.events import EventRecord, EventSource
from inspector.core.sessionfile import (
    DATA_DIR_ENV,
    FORMAT_VERSION,
    SessionContent,
    autosave_dir,
    find_orphans,
    read_session,
    write_session,
)
from inspector.core.tasks import TaskOwner
from inspector.core.workbench import AsyncioRunner, Workbench
from inspector.qt.main_window import MainWindow
from inspector.qt.session_actions import SessionActions
from inspector.resources import DEMO_CONFIG, DEMO_SESSION
from tests.factories import make_event
from tests.qt.conftest import settle
from tests.qt.test_main_window import _drop

Opened = tuple[MainWindow, SessionActions]


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def open_window(
    qtbot, loop: asyncio.AbstractEventLoop, tmp_path: Path
) -> Iterator[Callable[[], Opened]]:  # type: ignore[no-untyped-def]
    """Make windows with their session actions, as the app does (closed at the end)."""
    made: list[tuple[MainWindow, SessionActions, TaskOwner]] = []

    def make() -> Opened:
        settings = QSettings(str(tmp_path / f"settings{len(made)}.ini"), QSettings.Format.IniFormat)
        tasks = TaskOwner()
        window = MainWindow(Workbench(runner=AsyncioRunner(loop)), tasks, settings)
        actions = SessionActions(window)
        actions.start()
        window.show()
        made.append((window, actions, tasks))
        return window, actions

    # As in the app: no automatic collection, which could start in a loader or writer thread
    # and destroy Qt objects there.
    gc.disable()
    try:
        yield make
        for window, actions, tasks in made:
            if not window.isHidden():
                actions.close()  # a clean quit, without the question about unsaved changes
                window.close()
            window.deleteLater()
            loop.run_until_complete(tasks.shutdown())
    finally:
        gc.enable()
        gc.collect()


def _save_as(actions: SessionActions, path: Path, run_until, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))
    actions.save_as_action.trigger()
    run_until(
        lambda: (
            actions.document.path == str(path)
            and "save" not in " ".join(actions.window.tasks.running)
        )
    )


def test_save_and_reopen_brings_back_events_edits_config_and_selection(  # type: ignore[no-untyped-def]
    open_window, run_until, qtbot, monkeypatch, tmp_path: Path
) -> None:
    window, actions = open_window()
    window.load_config(load_config(DEMO_CONFIG))
    window.open_files([str(DEMO_SESSION)])
    run_until(lambda: not window.workbench.loading and window.model.rowCount() == 58)
    settle(window, run_until)
    # what-if edit of event 3, through the editor as a user types it
    window.select_row(3)
    edited = dict(window.workbench.store[3].data, event="Typed In The Editor")
    window.event_editor.editor.setPlainText(json.dumps(edited, indent=2))
    window.event_editor.commit()
    assert window.workbench.is_edited(3)
    window.select_row(7)
    window.tabs.setCurrentIndex(1)
    saved = tmp_path / "mine.jimo-session"
    _save_as(actions, saved, run_until, monkeypatch)
    assert window.windowTitle() == "mine.jimo-session[*] — Jimo Inspector"
    assert list(autosave_dir().glob("*.jimo-session")) == []  # saved: the autosave is gone

    again, _ = open_window()
    assert again.windowTitle() == "[*]Jimo Inspector"  # nothing open, nothing saved
    _drop(again, saved)
    run_until(lambda: again.model.rowCount() == 58 and again.current_row() == 7)
    assert again.windowTitle() == "mine.jimo-session[*] — Jimo Inspector"
    assert again.workbench.store[3].name == "Typed In The Editor"
    assert again.workbench.is_edited(3) and not again.workbench.is_edited(2)
    assert again.workbench.config == window.workbench.config
    assert again.tabs.currentIndex() == 1
    assert again.bottom_tabs.tabText(1) == "Skipped records (3)"


def test_ctrl_s_on_a_saved_session_writes_the_window_state(  # type: ignore[no-untyped-def]
    open_window, run_until, qtbot, monkeypatch, tmp_path: Path
) -> None:
    window, actions = open_window()
    window.paste_events("\n".join(json.dumps(make_event(event=f"E{n}")) for n in range(4)))
    saved = tmp_path / "s.jimo-session"
    _save_as(actions, saved, run_until, monkeypatch)
    window.select_row(2)
    window.statusBar().clearMessage()  # Save as said "Saved" too
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    run_until(lambda: "Saved s.jimo-session" in window.statusBar().currentMessage())
    assert read_session(saved).ui_state["selection"] == 2
    window.clear_events()  # Close all: the saved file stays as it was, a new session starts
    assert window.windowTitle() == "[*]Jimo Inspector"
    assert actions.document.path is None and len(read_session(saved).records) == 4


def _orphan(folder: Path, names: list[str]) -> Path:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait(timeout=30)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"autosave-{dead.pid}-x.jimo-session"
    records = [EventRecord.from_dict(make_event(event=n), EventSource("paste")) for n in names]
    meta = {"owner_pid": str(dead.pid), "title": "pasted"}
    write_session(path, SessionContent(records, ui_state={"selection": 1}), meta=meta)
    return path


def test_after_a_crash_the_window_offers_to_restore_and_restores(  # type: ignore[no-untyped-def]
    open_window, run_until, qtbot
) -> None:
    _orphan(autosave_dir(), ["Lost", "Found"])
    window, actions = open_window()
    dialog = actions.offer_restore()
    assert dialog is not None and dialog.list.count() == 1
    assert dialog.list.item(0).text().startswith("pasted: 2 events")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    run_until(lambda: window.model.rowCount() == 2 and window.current_row() == 1)
    assert [r.name for r in window.workbench.store.events()] == ["Lost", "Found"]
    assert find_orphans() == []  # this window owns it now
    window.paste_events(json.dumps(make_event(event="After")))
    assert actions.document.autosave is not None
    actions.document.flush()
    assert len(read_session(actions.document.autosave.path).records) == 3


def test_no_offer_when_nothing_crashed(open_window) -> None:  # type: ignore[no-untyped-def]
    _, actions = open_window()
    assert actions.offer_restore() is None


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _session_file(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    records = [EventRecord.from_dict(make_event(), EventSource("file", "e.ndjson", 1))]
    write_session(path, SessionContent(records * 50))
    return path


def _too_new(tmp_path: Path) -> Path:
    path = _session_file(tmp_path, "new.jimo-session")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={FORMAT_VERSION + 1}")
    conn.close()
    return path


def _truncated(tmp_path: Path) -> Path:
    path = _session_file(tmp_path, "cut.jimo-session")
    path.write_bytes(path.read_bytes()[:6000])
    return path


def _other_db(tmp_path: Path) -> Path:
    path = tmp_path / "other.jimo-session"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(
    ("make", "sentence"),
    [
        (_too_new, "this session file was written by a newer version of Jimo Inspector"),
        (_truncated, "the session file is damaged or truncated and cannot be read"),
        (_other_db, "this SQLite database is not a Jimo Inspector session file"),
    ],
)
def test_a_bad_session_file_is_one_sentence_in_the_window(  # type: ignore[no-untyped-def]
    open_window, run_until, tmp_path: Path, make, sentence: str
) -> None:
    path = make(tmp_path)
    before = _digest(path)
    window, actions = open_window()
    _drop(window, path)
    run_until(lambda: window.message_bar.isVisible())
    text = window.message_bar.label.text()
    assert text.startswith(f"{path}: {sentence}") and "\n" not in text
    assert window.model.rowCount() == 0 and _digest(path) == before
    assert actions.document.path is None


def test_a_locked_session_file_is_one_sentence_in_the_window(  # type: ignore[no-untyped-def]
    open_window, run_until, tmp_path: Path, monkeypatch
) -> None:
    from inspector.core.sessionfile import _open

    monkeypatch.setattr(_open, "READ_TIMEOUT", 0.05)
    path = _session_file(tmp_path, "busy.jimo-session")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        window, _ = open_window()
        _drop(window, path)
        run_until(lambda: window.message_bar.isVisible())
        assert window.message_bar.label.text() == (
            f"{path}: the session file is locked by another program; close it there and retry"
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_closing_the_window_removes_the_autosave_of_an_unsaved_session(open_window) -> None:  # type: ignore[no-untyped-def]
    window, actions = open_window()
    window.paste_events(json.dumps(make_event()))
    assert len(list(autosave_dir().glob("*.jimo-session"))) == 1
    window.close()
    assert list(autosave_dir().glob("*.jimo-session")) == [] and find_orphans() == []


def _edited_window(open_window) -> Opened:  # type: ignore[no-untyped-def]
    window, actions = open_window()
    window.paste_events(json.dumps(make_event(event="Before")))
    window.workbench.edit_event(0, make_event(event="After"))
    return window, actions


def test_closing_an_edited_unsaved_session_asks_first(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, actions = _edited_window(open_window)
    window.close()
    assert window.isVisible()  # not closed: asked first
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    assert box.windowTitle() == "Save the session?"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert window.isVisible() and len(list(autosave_dir().glob("*.jimo-session"))) == 1

    window.close()
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert list(autosave_dir().glob("*.jimo-session")) == []


def test_quit_on_an_edited_unsaved_session_asks_once(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, actions = _edited_window(open_window)
    quit_action = next(
        a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+Q"
    )
    quit_action.trigger()
    qtbot.wait(20)
    shown = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert [box.windowTitle() for box in shown] == ["Save the session?"]  # one question
    qtbot.mouseClick(shown[0].button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert not [w for w in window.findChildren(QMessageBox) if w.isVisible()]


def test_save_when_closing_saves_then_closes(  # type: ignore[no-untyped-def]
    open_window, qtbot, qapp, run_until, monkeypatch, tmp_path: Path
) -> None:
    # the window closes while the loop runs: the test's loop must not quit with it
    qapp.setQuitOnLastWindowClosed(False)
    window, actions = _edited_window(open_window)
    target = tmp_path / "kept.jimo-session"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.close()
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    try:
        run_until(lambda: not window.isVisible())
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert [r.name for r in read_session(target).records] == ["After"]


def test_restoring_while_a_load_runs_keeps_the_load_out_of_the_restored_file(  # type: ignore[no-untyped-def]
    open_window, run_until, qtbot
) -> None:
    _orphan(autosave_dir(), ["Lost", "Found"])
    window, actions = open_window()
    window.open_files([str(DEMO_SESSION)])  # as at start: the demo loads
    dialog = actions.offer_restore()
    assert dialog is not None
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    run_until(lambda: window.model.rowCount() == 2 and not window.workbench.loading)
    actions.document.flush()
    assert actions.document.autosave is not None
    restored = read_session(actions.document.autosave.path)
    assert [r.name for r in restored.records] == ["Lost", "Found"]


def test_filter_and_sdk_mode_come_back_with_the_session(  # type: ignore[no-untyped-def]
    open_window, run_until, qtbot, monkeypatch, tmp_path: Path
) -> None:
    window, actions = open_window()
    window.paste_events(
        "\n".join(json.dumps(make_event(t)) for t in ("track", "page", "track", "identify"))
    )
    qtbot.keyClicks(window.events.filter_edit, 'type = "track"')
    window.events.filter_edit.apply()
    run_until(lambda: window.events.visible_rows() == 2)
    _sdk_sessions_action(window, "event").trigger()
    assert window.workbench.fresh_sdk
    saved = tmp_path / "f.jimo-session"
    _save_as(actions, saved, run_until, monkeypatch)

    again, _ = open_window()
    _drop(again, saved)
    run_until(lambda: again.model.rowCount() == 4 and again.events.visible_rows() == 2)
    assert again.events.filter_edit.toPlainText() == 'type = "track"'
    assert again.workbench.sdk_sessions == "event"
    assert _sdk_sessions_action(again, "event").isChecked()
    assert not _sdk_sessions_action(again, "browser").isChecked()


def _sdk_sessions_action(window: MainWindow, mode: str) -> QAction:
    """View → SDK sessions → the choice for ``mode`` (browser, page, event)."""
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert isinstance(view, QMenu)
    sdk = next(a.menu() for a in view.actions() if a.text() == "&SDK sessions")
    assert isinstance(sdk, QMenu)
    return next(a for a in sdk.actions() if a.data() == mode)


def _saved_session(tmp_path: Path, names: list[str]) -> Path:
    path = tmp_path / "other.jimo-session"
    records = [EventRecord.from_dict(make_event(event=n), EventSource("paste")) for n in names]
    write_session(path, SessionContent(records))
    return path


def test_a_session_file_replaces_a_session_with_nothing_to_lose(  # type: ignore[no-untyped-def]
    open_window, run_until, tmp_path: Path
) -> None:
    window, actions = open_window()
    window.open_files([str(DEMO_SESSION)])  # loaded, not changed: still on disk
    run_until(lambda: window.model.rowCount() == 58 and not window.workbench.loading)
    other = _saved_session(tmp_path, ["X", "Y"])
    assert actions.open_paths([str(other)]) is None  # no question
    run_until(lambda: window.model.rowCount() == 2)
    assert window.windowTitle() == "other.jimo-session[*] — Jimo Inspector"


def test_a_session_file_over_changed_work_asks_to_replace_or_add(  # type: ignore[no-untyped-def]
    open_window, run_until, qtbot, tmp_path: Path
) -> None:
    window, actions = _edited_window(open_window)
    other = _saved_session(tmp_path, ["X", "Y"])
    box = actions.open_paths([str(other)])
    assert box is not None and box.isVisible()
    add = next(b for b in box.buttons() if b.text() == "Add its events")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    run_until(lambda: window.model.rowCount() == 3 and not window.workbench.loading)
    assert window.workbench.is_edited(0)  # this session goes on, with the file's events added

    box = actions.open_paths([str(other)])
    assert box is not None
    replace = next(b for b in box.buttons() if b.text() == "Replace")
    qtbot.mouseClick(replace, Qt.MouseButton.LeftButton)
    run_until(lambda: window.model.rowCount() == 2)
    assert [r.name for r in window.workbench.store.events()] == ["X", "Y"]


def test_opening_a_big_session_can_be_cancelled(  # type: ignore[no-untyped-def]
    open_window, run_until, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "big.jimo-session"
    record = EventRecord.from_dict(make_event(pad="x" * 500), EventSource("paste"))
    write_session(path, SessionContent([record] * 60_000))
    window, actions = open_window()
    window.paste_events(json.dumps(make_event(event="Mine")))
    actions.open_paths([str(path)])
    run_until(lambda: window.progress.isVisible())
    qtbot.mouseClick(window.progress.cancel_button, Qt.MouseButton.LeftButton)
    run_until(lambda: not actions.busy)
    assert "cancelled" in window.statusBar().currentMessage()
    assert [r.name for r in window.workbench.store.events()] == ["Mine"]  # nothing replaced
    assert actions.document.path is None  # still recording into its own autosave
    window.paste_events(json.dumps(make_event(event="Later")))
    actions.document.flush()
    assert actions.document.autosave is not None
    names = [r.name for r in read_session(actions.document.autosave.path).records]
    assert names == ["Mine", "Later"]
