"""The main window's menus and shortcuts: each menu command is a signal the window connects."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QObject, QSettings, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from inspector import __version__
from inspector.qt.sdk_sessions_menu import build_sdk_sessions_menu
from inspector.resources import DEMO_SESSION

__all__ = ["MainMenus", "remember_recent", "recent_files"]

FILE_FILTER = "Event files (*.json *.ndjson *.jsonl *.har *.gz *.txt *.jimo-session);;All files (*)"
CONFIG_FILTER = "Destination config (*.json);;All files (*)"
MAX_RECENT = 10
SHORTCUTS = (
    ("Ctrl+O", "Open event files"), ("Ctrl+Shift+V", "Paste events from the clipboard"),
    ("Ctrl+S / Ctrl+Shift+S", "Save the session / save it as"),
    ("Ctrl+F", "Filter events (text or FQL)"), ("Up / Down", "Previous / next event"),
    ("Ctrl+1 / 2 / 3", "Inspector / Coverage / Destination"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo an edit"),
    ("Esc", "Cancel loading"), ("Ctrl+I / Ctrl+E", "Import / export the destination config"),
    ("Ctrl+F in the event editor", "Find in the event JSON"), ("Ctrl+Q", "Quit"),
)  # fmt: skip

Key = QKeySequence | QKeySequence.StandardKey | str | None


class MainMenus(QObject):
    """File, Edit, View and Help menus on ``window``'s menu bar.

    Dialogs (file choosers, About) are shown here; what to do is left to whoever connects.

    Signals:
        open_requested(list): files to open (chosen, recent, or the demo session).
        paste_requested(): paste events from the clipboard.
        import_requested(str) / export_requested(str): a destination config file.
        clear_requested(): close all events.
        find_requested(): focus the event filter.
        cancel_requested(): cancel loading.
        tab_requested(int): show the Inspector (0), Coverage (1) or Destination (2) tab.
        bottom_panel_toggled(bool): show or hide the timeline and skipped records.
        sdk_sessions_chosen(str): which SDK page each event meets: browser, page or event.
        quit_requested(): quit (Ctrl+Q).
    """

    open_requested = Signal(list)
    paste_requested = Signal()
    import_requested = Signal(str)
    export_requested = Signal(str)
    clear_requested = Signal()
    find_requested = Signal()
    cancel_requested = Signal()
    tab_requested = Signal(int)
    bottom_panel_toggled = Signal(bool)
    sdk_sessions_chosen = Signal(str)
    quit_requested = Signal()

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        bar = window.menuBar()
        self._build_file(bar.addMenu("&File"))
        edit = bar.addMenu("&Edit")
        self._add(edit, "&Find events…", self.find_requested.emit, QKeySequence.StandardKey.Find)
        self._add(edit, "Cancel loading", self.cancel_requested.emit, "Esc")
        self._build_view(bar.addMenu("&View"))
        help_menu = self.help_menu = bar.addMenu("&Help")
        self._add(help_menu, "&Keyboard shortcuts", self._shortcuts)
        self._add(help_menu, "&About Jimo Inspector", self._about)

    def _add(
        self, menu: QMenu, text: str, slot: Callable[[], object] | SignalInstance, key: Key = None
    ) -> QAction:
        action = QAction(text, self._window)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _toggle(self, menu: QMenu, text: str, signal: SignalInstance, key: Key = None) -> QAction:
        action = self._add(menu, text, lambda: None, key)
        action.setCheckable(True)
        action.toggled.connect(signal)
        return action

    def _build_file(self, file: QMenu) -> None:
        self.open_action = self._add(
            file, "&Open…", self._open_dialog, QKeySequence.StandardKey.Open
        )
        self.recent_menu = file.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._add(file, "Open the &demo session", lambda: self._open([str(DEMO_SESSION)]))
        self.paste_action = self._add(
            file, "&Paste events", self.paste_requested.emit, "Ctrl+Shift+V"
        )
        file.addSeparator()
        self._add(file, "&Import destination config…", self._import_dialog, "Ctrl+I")
        self._add(file, "&Export destination config…", self._export_dialog, "Ctrl+E")
        file.addSeparator()
        self._add(file, "&Close all events", self.clear_requested.emit, "Ctrl+Shift+W")
        self._add(file, "&Quit", self.quit_requested.emit, "Ctrl+Q")

    def _build_view(self, view: QMenu) -> None:
        for i, name in enumerate(("&Inspector", "&Coverage matrix", "&Destination")):
            self._add(view, name, partial(self.tab_requested.emit, i), f"Ctrl+{i + 1}")
        view.addSeparator()
        panel = self._toggle(
            view, "Timeline and skipped records", self.bottom_panel_toggled, "Ctrl+B"
        )
        panel.setChecked(True)
        view.addSeparator()
        self.sdk_sessions = build_sdk_sessions_menu(view.addMenu("&SDK sessions"), self._window)
        self.sdk_sessions.triggered.connect(lambda a: self.sdk_sessions_chosen.emit(a.data()))

    # -- files ------------------------------------------------------------------------------
    def _open(self, paths: Sequence[str]) -> None:
        self.open_requested.emit(list(paths))

    def _open_dialog(self) -> None:
        start = str(self._settings.value("files/last_dir", os.path.expanduser("~")))
        paths, _ = QFileDialog.getOpenFileNames(
            self._window, "Open event files", start, FILE_FILTER
        )
        if paths:
            self._settings.setValue("files/last_dir", os.path.dirname(paths[0]))
            self._open(paths)

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = [p for p in recent_files(self._settings) if os.path.exists(p)]
        for path in recent:
            menu.addAction(path, partial(self._open, [path]))
        if not recent:
            menu.addAction("No recent files").setEnabled(False)

    def _import_dialog(self) -> None:
        title = "Import destination config"
        path, _ = QFileDialog.getOpenFileName(self._window, title, "", CONFIG_FILTER)
        if path:
            self.import_requested.emit(path)

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._window, "Export destination config", "jimo-config.json", CONFIG_FILTER
        )
        if path:
            self.export_requested.emit(path)

    # -- help -------------------------------------------------------------------------------
    def _about(self) -> None:
        QMessageBox.about(
            self._window,
            "About Jimo Inspector",
            f"<h3>Jimo Inspector {__version__}</h3>"
            "<p>See what Segment would send to Jimo: trigger verdicts clause by clause, payloads, "
            "Jimo SDK commands and HTTP requests, event by event.</p>"
            "<p>Triggers, mappings and validation follow Segment's own runtime "
            "(<code>@segment/destination-subscriptions</code>, "
            "<code>@segment/actions-core</code>).</p>",
        )

    def _shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td><b>{k}</b></td><td>&nbsp;&nbsp;{v}</td></tr>" for k, v in SHORTCUTS
        )
        QMessageBox.information(self._window, "Keyboard shortcuts", f"<table>{rows}</table>")


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value("files/recent", [])
    if isinstance(value, str):
        return [value]
    return [str(p) for p in value] if isinstance(value, list | tuple) else []


def remember_recent(settings: QSettings, paths: Sequence[str]) -> None:
    """Put ``paths`` first in the recent files (each file once; the demo session never)."""
    absolute = [os.path.abspath(p) for p in paths if os.path.abspath(p) != str(DEMO_SESSION)]
    recent = [p for p in recent_files(settings) if p not in absolute]
    settings.setValue("files/recent", (absolute + recent)[:MAX_RECENT])
