"""The window's live capture: a toolbar and a Capture menu over one :class:`CaptureServer`.

Captured events reach the window through the workbench (``append_threadsafe``: at most one
append per ``append_interval``, however fast they come); this module starts and stops the
server, shows its address and received-per-second figure, keeps the event list on the newest
event unless the user scrolled or picked one, and starts a new session file when the events are
cleared. Given the window's session, events are stored once, in the session's own file (autosave
or the user's file).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractSlider, QLabel, QMenu, QToolBar

from inspector.core.capture import (
    DEFAULT_PORT,
    CaptureError,
    CaptureServer,
    CaptureSettings,
    RecordedStore,
    Routes,
)
from inspector.core.workbench import Workbench
from inspector.qt.capture_dialogs import LOOPBACK_WARNING, CaptureSettingsDialog, ConnectDialog
from inspector.qt.main_window import MainWindow
from inspector.qt.session_actions import SessionActions

__all__ = ["CaptureControl"]


class CaptureControl(QObject):
    """Start/stop, address, rate, How to connect, Pause view; the server's lifetime.

    Signals:
        storage_failed(str): the session file could not be written (emitted from the writer
            thread; delivered on the GUI thread).
        running_changed(bool): the capture started or stopped.
    """

    storage_failed = Signal(str)
    running_changed = Signal(bool)

    def __init__(
        self,
        window: MainWindow,
        workbench: Workbench,
        settings: QSettings | None = None,
        routes: Routes = (),
        session: SessionActions | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.routes = routes
        """Pages served on the capture's address besides the tracking API."""
        self.workbench = workbench
        self.settings = settings or window.settings
        self.server: CaptureServer | None = None
        self.write_key: str | None = None  # in memory only: never written to settings
        self._received_before = 0
        self._rate = 0
        self._scrolled_away = False
        self._build_actions()
        self._build_toolbar()
        self._build_menu()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.store: RecordedStore | None = None
        self._kept_shown = 0
        """With the window's session: events are stored in its file (autosave or the user's),
        once, by the capture; the session keeps them when it is closed unsaved."""
        if session is not None:
            document = session.document
            self.store = RecordedStore(lambda: document.recorder)
            session.keeper.leave_to_writer("capture")
            document.keep_unsaved = self.store.keep
            session.file_changed.connect(lambda _path: self._show_state())
        self.storage_failed.connect(self._on_storage_failed)
        workbench.events_appended.connect(self._on_appended)
        workbench.cleared.connect(self._on_cleared)
        window.events.table.verticalScrollBar().actionTriggered.connect(self._on_scrolled)
        self._show_state()

    # -- widgets ------------------------------------------------------------------------------
    def _action(self, text: str, slot: object, key: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.start_action = self._action("Start capture", self.toggle, "Ctrl+R")
        self.start_action.setToolTip("Receive events from Segment clients (Ctrl+R)")
        self.connect_action = self._action("How to connect…", self.show_connect_dialog)
        self.copy_action = self._action("Copy address", self.copy_address)
        self.settings_action = self._action("Capture settings…", self.edit_settings)
        self.pause_action = self._action("Pause view", lambda: None, "Ctrl+Shift+P")
        self.pause_action.setCheckable(True)
        self.pause_action.setToolTip(
            "Stop following the newest event (events are still received and stored)"
        )
        self.pause_action.toggled.connect(lambda _on: self._show_state())

    def _build_toolbar(self) -> None:
        bar = QToolBar("Capture", self.window)
        bar.setObjectName("captureToolbar")
        bar.setMovable(False)
        bar.addAction(self.start_action)
        self.address_label = QLabel(bar)
        self.address_label.setAccessibleName("Capture address")
        self.address_label.setContentsMargins(8, 0, 8, 0)
        self.rate_label = QLabel(bar)
        self.rate_label.setAccessibleName("Events received")
        bar.addWidget(self.address_label)
        bar.addWidget(self.rate_label)
        bar.addSeparator()
        bar.addAction(self.connect_action)
        bar.addAction(self.pause_action)
        self.toolbar = bar
        self.window.addToolBar(bar)

    def _build_menu(self) -> None:
        menu = QMenu("&Capture", self.window)
        for action in (self.start_action, self.copy_action, self.connect_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.pause_action)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        bar = self.window.menuBar()
        help_menu = next((a for a in bar.actions() if a.text() == "&Help"), None)
        if help_menu is not None:
            bar.insertMenu(help_menu, menu)
        else:
            bar.addMenu(menu)
        self.menu = menu

    # -- running ------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    def capture_settings(self) -> CaptureSettings:
        host = str(self.settings.value("capture/host", "127.0.0.1")) or "127.0.0.1"
        text = str(self.settings.value("capture/port", DEFAULT_PORT))
        port = int(text) if text.isdigit() and int(text) <= 65535 else DEFAULT_PORT
        return CaptureSettings(host=host, port=port, write_key=self.write_key)

    def toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    def start(self, settings: CaptureSettings | None = None) -> bool:
        """Start capturing into a new session file; False (and a message) if it cannot."""
        if self.running:
            return True
        chosen = settings or self.capture_settings()
        server = CaptureServer(
            chosen,
            sink=self.workbench.append_threadsafe,
            on_storage_error=self.storage_failed.emit,
            routes=self.routes,
            store=self.store,
        )
        try:
            server.start()
        except CaptureError as exc:
            self.window.message_bar.show_message(f"Could not start the capture: {exc}.")
            return False
        self.server = server
        self._received_before = self._rate = 0
        self._scrolled_away = False
        if not chosen.loopback:
            self.window.message_bar.show_message(LOOPBACK_WARNING.format(host=chosen.host))
        self._timer.start()
        self._show_state()
        self.running_changed.emit(True)
        return True

    def stop(self) -> None:
        """Stop the server: requests under way are answered and stored first."""
        server, self.server = self.server, None
        if server is None:
            return
        server.stop()
        self._timer.stop()
        self._show_state(stopped=server)
        self.running_changed.emit(False)

    # -- actions ------------------------------------------------------------------------------
    def copy_address(self) -> None:
        if self.server is not None:
            QGuiApplication.clipboard().setText(self.server.url)

    def connect_dialog(self) -> ConnectDialog:
        url = self.server.url if self.server is not None else self._planned_url()
        start = None if self.running else self._start_from_dialog
        return ConnectDialog(url, self.write_key, self.window, start)

    def _start_from_dialog(self) -> str | None:
        return self.server.url if self.start() and self.server is not None else None

    def show_connect_dialog(self) -> None:
        self.connect_dialog().exec()

    def edit_settings(self) -> None:
        dialog = CaptureSettingsDialog(self.capture_settings(), self.window)
        if not dialog.exec():
            return
        chosen = dialog.chosen()
        self.settings.setValue("capture/host", chosen.host)
        self.settings.setValue("capture/port", chosen.port)
        self.write_key = chosen.write_key
        if self.running:  # a new address or key takes effect at once
            self.stop()
            self.start()

    def _planned_url(self) -> str:
        chosen = self.capture_settings()
        return f"http://{chosen.host}:{chosen.port or DEFAULT_PORT}"

    # -- following the capture ----------------------------------------------------------------
    @property
    def following(self) -> bool:
        """The list keeps the newest event in view: not paused, not scrolled, none picked."""
        row = self.window.current_row()
        return (
            not self.pause_action.isChecked()
            and not self._scrolled_away
            and row in (-1, self.window.views.auto_row)  # or the one the window picked itself
        )

    def _on_appended(self, _first: int, _last: int) -> None:
        # at once, in the append's own turn of the loop: the rows and the scroll are painted
        # together, once (the workbench appends a capture's events a few times a second)
        if self.running and self.following:
            self.window.events.table.scrollToBottom()

    def _on_scrolled(self, _action: int) -> None:
        bar = self.window.events.table.verticalScrollBar()
        QTimer.singleShot(0, lambda: self._set_scrolled(bar))

    def _set_scrolled(self, bar: QAbstractSlider) -> None:
        self._scrolled_away = bar.value() < bar.maximum()  # back at the bottom: follow again
        self._show_state()

    def _on_cleared(self) -> None:
        self._scrolled_away = False
        kept = self._newly_kept()
        if self.server is not None and self.running:
            try:
                path = self.server.new_session()
            except CaptureError as exc:
                self.window.message_bar.show_message(f"Could not start a new session file: {exc}.")
                return
            if kept:
                path = f"a new session (the captured events so far are kept in {kept})"
            self.window.statusBar().showMessage(f"Capturing into {path}", 8000)
        elif kept:
            self.window.statusBar().showMessage(f"The captured events are kept in {kept}", 8000)
        self._show_state()

    def _newly_kept(self) -> str:
        """Where the session just closed was kept (unsaved, holding captured events), or ''."""
        if self.store is None or len(self.store.kept) <= self._kept_shown:
            return ""
        self._kept_shown = len(self.store.kept)
        return self.store.kept[-1]

    def _on_storage_failed(self, message: str) -> None:
        self.window.message_bar.show_message(
            f"Captured events are being refused (503): {message}. "
            "Clients will send them again; free some disk space."
        )

    # -- status -------------------------------------------------------------------------------
    def _tick(self) -> None:
        """Once a second: how many events arrived since the last tick."""
        if self.server is not None:
            received = self.server.stats.accepted
            self._rate = max(0, received - self._received_before)
            self._received_before = received
        self._show_rate()

    def _show_rate(self) -> None:
        if self.server is None:
            return
        stats = self.server.stats
        text = f"{self._rate:,} events/s · {stats.accepted:,} received"
        if stats.rejected:
            text += f" · {stats.rejected:,} rejected"
        if not self.following:
            text += " · view paused" if self.pause_action.isChecked() else " · not following"
        self.rate_label.setText(text)

    def _show_state(self, stopped: CaptureServer | None = None) -> None:
        server = self.server
        self.start_action.setText("Stop capture" if server else "Start capture")
        self.copy_action.setEnabled(server is not None)
        if server is not None:
            host_note = "" if server.settings.loopback else "  ⚠ reachable from the network"
            self.address_label.setText(
                f'<span style="color:#c62828">●</span> Capturing on {server.url}{host_note}'
            )
            self.address_label.setToolTip(f"Session file: {server.session_path}")
            self._show_rate()
        elif stopped is not None:
            self.address_label.setText("Capture stopped")
            self.address_label.setToolTip(f"Session file: {stopped.session_path}")
        else:
            self.address_label.setText("Not capturing")
            self.rate_label.setText("")
