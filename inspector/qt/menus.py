"""The main window's menus, shortcuts, recent files, paste, config import/export and About."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from inspector import __version__
from inspector.core.destinations import load_config, save_config
from inspector.core.errors import InspectorError
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord, read_bytes
from inspector.resources import DEMO_SESSION

if TYPE_CHECKING:
    from inspector.qt.main_window import MainWindow

__all__ = ["build", "remember_recent", "paste_events", "import_config", "export_config"]

FILE_FILTER = "Event files (*.json *.ndjson *.jsonl *.har *.gz *.txt);;All files (*)"
CONFIG_FILTER = "Destination config (*.json);;All files (*)"
MAX_RECENT = 10


def _action(
    window: MainWindow, menu: QMenu, text: str, slot: object, shortcut: object = None
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)  # type: ignore[arg-type]
    action.triggered.connect(slot)  # type: ignore[arg-type]
    menu.addAction(action)
    return action


def build(window: MainWindow) -> None:
    bar = window.menuBar()
    file = bar.addMenu("&File")
    window.open_action = _action(
        window, file, "&Open…", lambda: _open_dialog(window), QKeySequence.StandardKey.Open
    )
    window.recent_menu = file.addMenu("Open &Recent")
    window.recent_menu.aboutToShow.connect(lambda: _fill_recent(window))
    _action(window, file, "Open the &demo session", lambda: window.open_files([str(DEMO_SESSION)]))
    window.paste_action = _action(
        window, file, "&Paste events", lambda: paste_events(window), QKeySequence("Ctrl+Shift+V")
    )
    file.addSeparator()
    _action(
        window,
        file,
        "&Import destination config…",
        lambda: _import_dialog(window),
        QKeySequence("Ctrl+I"),
    )
    _action(
        window,
        file,
        "&Export destination config…",
        lambda: _export_dialog(window),
        QKeySequence("Ctrl+E"),
    )
    file.addSeparator()
    _action(window, file, "&Close all events", window.clear_events, QKeySequence("Ctrl+Shift+W"))
    _action(window, file, "&Quit", window.close, QKeySequence.StandardKey.Quit)

    edit = bar.addMenu("&Edit")
    _action(window, edit, "&Find events…", _focus_filter(window), QKeySequence.StandardKey.Find)
    _action(window, edit, "Cancel loading", window.cancel_loading, QKeySequence("Esc"))

    view = bar.addMenu("&View")
    for i, name in enumerate(("&Inspector", "&Coverage matrix", "&Destination")):
        _action(
            window,
            view,
            name,
            lambda _=False, i=i: window.tabs.setCurrentIndex(i),
            QKeySequence(f"Ctrl+{i + 1}"),
        )
    view.addSeparator()
    panel = _action(
        window,
        view,
        "Timeline and skipped records",
        lambda on: window.bottom_tabs.setVisible(on),
        QKeySequence("Ctrl+B"),
    )
    panel.setCheckable(True)
    panel.setChecked(True)
    view.addSeparator()
    fresh = _action(window, view, "Fresh SDK for every event", lambda on: _set_fresh(window, on))
    fresh.setCheckable(True)
    fresh.setToolTip("Each event meets a newly initialised Jimo SDK instead of one page session")

    help_menu = bar.addMenu("&Help")
    _action(window, help_menu, "&Keyboard shortcuts", lambda: _shortcuts(window))
    _action(window, help_menu, "&About Jimo Inspector", lambda: _about(window))


def _focus_filter(window: MainWindow):  # type: ignore[no-untyped-def]
    def focus() -> None:
        window.tabs.setCurrentIndex(0)
        window.events.filter_edit.setFocus()
        window.events.filter_edit.selectAll()

    return focus


def _set_fresh(window: MainWindow, on: bool) -> None:
    window.session.fresh_sdk = on
    window.refresh_detail()
    window.schedule_evaluation()


# -- files --------------------------------------------------------------------------------
def _open_dialog(window: MainWindow) -> None:
    start = str(window.settings.value("files/last_dir", os.path.expanduser("~")))
    paths, _ = QFileDialog.getOpenFileNames(window, "Open event files", start, FILE_FILTER)
    if paths:
        window.settings.setValue("files/last_dir", os.path.dirname(paths[0]))
        window.open_files(paths)


def remember_recent(window: MainWindow, paths: Sequence[str]) -> None:
    absolute = [os.path.abspath(p) for p in paths if os.path.abspath(p) != str(DEMO_SESSION)]
    recent = [p for p in _recent(window) if p not in absolute]
    window.settings.setValue("files/recent", (absolute + recent)[:MAX_RECENT])


def _recent(window: MainWindow) -> list[str]:
    value = window.settings.value("files/recent", [])
    return [value] if isinstance(value, str) else list(value or [])


def _fill_recent(window: MainWindow) -> None:
    menu = window.recent_menu
    menu.clear()
    recent = [p for p in _recent(window) if os.path.exists(p)]
    for path in recent:
        menu.addAction(path, lambda p=path: window.open_files([p]))
    if not recent:
        menu.addAction("No recent files").setEnabled(False)


def paste_events(window: MainWindow, text: str | None = None) -> int:
    """Load events from the clipboard (an event, an array, NDJSON or a batch); returns how many."""
    data = (text if text is not None else QGuiApplication.clipboard().text()).strip()
    if not data:
        window.message_bar.show_message("The clipboard holds no text to read events from.")
        return 0
    try:
        items = read_bytes(data.encode("utf-8"), "clipboard")
    except InspectorError as exc:
        window.message_bar.show_message(f"Could not paste events: {exc}")
        return 0
    events = [i for i in items if isinstance(i, EventRecord)]
    first = len(window.store)
    window.store.extend(events)
    window.add_skipped([i for i in items if isinstance(i, BadRecord)])
    if events:
        window.select_row(first)
    window.statusBar().showMessage(f"Pasted {len(events)} event(s)", 4000)
    return len(events)


# -- destination config -------------------------------------------------------------------
def import_config(window: MainWindow, path: str) -> bool:
    try:
        config = load_config(path)
    except InspectorError as exc:
        window.message_bar.show_message(f"Could not import the config: {exc}")
        return False
    window.load_config(config)
    return True


def export_config(window: MainWindow, path: str) -> bool:
    try:
        save_config(window.session.config, path)
    except OSError as exc:
        window.message_bar.show_message(f"Could not export the config: {exc.strerror or exc}")
        return False
    return True


def _import_dialog(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, "Import destination config", "", CONFIG_FILTER)
    if path:
        import_config(window, path)


def _export_dialog(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window, "Export destination config", "jimo-config.json", CONFIG_FILTER
    )
    if path:
        export_config(window, path)


# -- help -----------------------------------------------------------------------------------
def _about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        "About Jimo Inspector",
        f"<h3>Jimo Inspector {__version__}</h3>"
        "<p>See what Segment would send to Jimo: trigger verdicts clause by clause, payloads, "
        "Jimo SDK commands and HTTP requests, event by event.</p>"
        "<p>Triggers, mappings and validation follow Segment's own runtime "
        "(<code>@segment/destination-subscriptions</code>, "
        "<code>@segment/actions-core</code>).</p>",
    )


def _shortcuts(window: MainWindow) -> None:
    rows = [
        ("Ctrl+O", "Open event files"), ("Ctrl+Shift+V", "Paste events from the clipboard"),
        ("Ctrl+F", "Filter events (text or FQL)"), ("Up / Down", "Previous / next event"),
        ("Ctrl+1 / 2 / 3", "Inspector / Coverage / Destination"),
        ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo an edit"),
        ("Esc", "Cancel loading"), ("Ctrl+I / Ctrl+E", "Import / export the destination config"),
    ]  # fmt: skip
    table = "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;&nbsp;{v}</td></tr>" for k, v in rows)
    QMessageBox.information(window, "Keyboard shortcuts", f"<table>{table}</table>")
