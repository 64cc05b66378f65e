"""File → Save session / Save session as, opening session files, autosave and crash restore.

The open session is always kept in a file (see :mod:`inspector.core.sessionfile`): an autosave
until the user saves it, then the user's ``.jimo-session``. Events and edits reach the file as
they happen; the window's state (selection, filter, tab) is written on a timer and on save.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from inspector.core.cancel import CancelToken
from inspector.core.errors import InspectorError, LoadCancelled
from inspector.core.sessionfile import (
    SUFFIX,
    Orphan,
    SessionData,
    SessionDocument,
    SessionKeeper,
    find_orphans,
    is_sqlite_file,
    read_session,
)
from inspector.qt.menus import remember_recent
from inspector.qt.restore_dialog import RestoreDialog

if TYPE_CHECKING:
    from inspector.qt.main_window import MainWindow

__all__ = ["SessionActions", "SESSION_FILTER"]

T = TypeVar("T")

SESSION_FILTER = f"Jimo Inspector sessions (*{SUFFIX});;All files (*)"
STATE_INTERVAL_MS = 3000
"""How often the window's state (selection, filter, tab) is written when it changed."""


class SessionActions(QObject):
    """The session's file, for one window: save, save as, open, autosave, restore.

    Signals:
        write_failed(str): writing the session file failed (one sentence, shown in the window).
        title_changed(str): the session's name (file name or ``Untitled session``).
        file_changed(str): the session is now recorded into this file (after start, Save as,
            open, restore): another writer of the same file (capture) follows it.
    """

    write_failed = Signal(str)
    title_changed = Signal(str)
    file_changed = Signal(str)

    def __init__(self, window: MainWindow, document: SessionDocument | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.document = document or SessionDocument(on_error=self._failed_in_thread)
        self.keeper = SessionKeeper(window.workbench, self.document, self.ui_state)
        self.write_failed.connect(window.message_bar.show_message)
        self.title_changed.connect(
            lambda _title: window.title.session_file(
                self.document.title if self.document.saved else None
            )
        )
        window.quit_guard.hand_over()  # closing asks here, knowing what the file already holds
        self.save_action = self._action(
            "&Save session", self.save, QKeySequence(QKeySequence.StandardKey.Save)
        )
        self.save_as_action = self._action(
            "Save session &as…", self.save_as, QKeySequence("Ctrl+Shift+S")
        )
        self._menus()[0].insertSeparator(self.save_action)  # saving apart from opening
        self._last_state: dict[str, Any] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(STATE_INTERVAL_MS)
        self._timer.timeout.connect(self.write_state_if_changed)
        self._timer.start()
        self.busy = False
        self._may_close = False
        # files to open (chosen, recent, dropped) come here first: a session file reopens
        window.menus.open_requested.disconnect(window.opener.request)
        window.files_dropped.disconnect(window.opener.request)
        window.menus.open_requested.connect(self.open_paths)
        window.files_dropped.connect(self.open_paths)
        window.installEventFilter(self)  # the window closing is a clean quit
        window.workbench.cleared.connect(self._retitle)  # Close all: a new, untitled session

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is not self.window or event.type() != QEvent.Type.Close:
            return False
        if self._ask_before_closing():
            event.ignore()
            self.ask_to_save()
            return True
        self.close()
        return False

    def _ask_before_closing(self) -> bool:
        unsaved = not self.document.saved and self.document.recorder is not None
        return unsaved and self.keeper.has_changes and not self._may_close

    def ask_to_save(self) -> QMessageBox:
        """Closing an unsaved session the user changed: Save, Don't Save or Cancel."""
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Save the session?",
            "This session has changes that are not saved in a session file. "
            "Save it before closing?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            self.window,
        )
        box.setDefaultButton(buttons.Save)
        box.finished.connect(lambda _code: self._answered(box.standardButton(box.clickedButton())))
        box.open()
        return box

    def _answered(self, button: QMessageBox.StandardButton) -> None:
        if button == QMessageBox.StandardButton.Discard:
            self._may_close = True
            self.window.close()
        elif button == QMessageBox.StandardButton.Save:
            self.window.tasks.spawn(self._save_then_close(), name="save session and close")

    async def _save_then_close(self) -> None:
        if await self.save_as():
            self._may_close = True
            self.window.close()

    # -- set-up -------------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: QKeySequence) -> QAction:
        """An action in the File menu, after the ways of opening (before its first separator)."""
        action = QAction(text, self.window)
        action.setShortcut(shortcut)
        action.triggered.connect(lambda: self.window.tasks.spawn(slot(), name=text))
        file_menu = self._menus()[0]
        separator = next((a for a in file_menu.actions() if a.isSeparator()), None)
        if separator is None:
            file_menu.addAction(action)
        else:
            file_menu.insertAction(separator, action)
        return action

    def _menus(self) -> list[QMenu]:
        found = [a.menu() for a in self.window.menuBar().actions()]
        return [m for m in found if isinstance(m, QMenu)]

    def start(self) -> None:
        """Begin with a new, untitled (autosaved) session."""
        self._try(self.document.start_unsaved)
        self._retitle()

    def _failed_in_thread(self, error: InspectorError) -> None:
        # from the writer thread: the signal is queued to the window's thread
        self.write_failed.emit(f"The session is no longer being saved: {error}")

    def _try(self, work: Any) -> bool:
        try:
            work()
        except InspectorError as exc:
            self.window.message_bar.show_message(str(exc))
            return False
        return True

    def _retitle(self) -> None:
        self.title_changed.emit(self.document.title)
        path = self.document.recording_path
        if path is not None:
            self.file_changed.emit(path)

    async def _in_thread(self, work: Callable[[], T], name: str) -> T:
        """Run ``work`` in a worker thread (the workbench's runner) and await its result."""
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()

        def done(value: T | None, error: BaseException | None) -> None:
            if future.done():
                return
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(value)  # type: ignore[arg-type]

        self.window.workbench.runner.run_in_thread(work, done, name)
        return await future

    # -- window state -------------------------------------------------------------------------
    def ui_state(self) -> dict[str, Any]:
        """What reopening restores besides events, edits and config: selection, filter, tab."""
        window = self.window
        return {
            "selection": window.current_row(),
            "filter": window.events.filter_edit.toPlainText(),
            "tab": window.tabs.currentIndex(),
            "sdk_sessions": window.workbench.sdk_sessions,
        }

    def apply_ui_state(self, state: dict[str, Any]) -> None:
        window = self.window
        mode = state.get("sdk_sessions")
        if mode in ("browser", "page", "event"):
            window.workbench.set_sdk_sessions(mode)
            self._check_sdk_sessions()
        text = state.get("filter")
        if isinstance(text, str) and text:
            window.events.filter_edit.setPlainText(text)
            window.events.filter_edit.apply()
        tab = state.get("tab")
        if isinstance(tab, int) and 0 <= tab < window.tabs.count():
            window.tabs.setCurrentIndex(tab)
        row = state.get("selection")
        if isinstance(row, int) and row >= 0:
            window.select_row(row)

    def write_state_if_changed(self) -> None:
        state = self.ui_state()
        if state != self._last_state and self.document.recorder is not None:
            self._last_state = state
            self.keeper.save_state()

    # -- saving -------------------------------------------------------------------------------
    async def save(self) -> bool:
        """Ctrl+S: a saved session is already on disk, so this writes the window state and
        waits for the last changes; an unsaved one asks where to save it."""
        if not self.document.saved:
            return await self.save_as()
        self.keeper.save_state()
        try:
            await self._in_thread(self.document.flush, name="save session")
        except InspectorError as exc:
            self.window.message_bar.show_message(str(exc))
            return False
        self.window.statusBar().showMessage(f"Saved {self.document.title}", 4000)
        return True

    async def save_as(self, path: str | None = None) -> bool:
        """Ctrl+Shift+S: copy the session to a new file and go on in that file."""
        target = path if path is not None else self._ask_save_path()
        if not target:
            return False
        if not target.endswith(SUFFIX) and path is None:
            target += SUFFIX
        self.keeper.save_state()
        self.busy = True
        try:
            await self._in_thread(lambda: self.document.save_as(target), name="save session as")
        except InspectorError as exc:
            self.window.message_bar.show_message(str(exc))
            return False
        finally:
            self.busy = False
        self._retitle()
        self.window.statusBar().showMessage(f"Saved {self.document.title}", 4000)
        return True

    def _ask_save_path(self) -> str:
        start = os.path.join(
            str(self.window.settings.value("files/last_dir", os.path.expanduser("~"))),
            "session" + SUFFIX,
        )
        path, _ = QFileDialog.getSaveFileName(self.window, "Save session", start, SESSION_FILTER)
        return path

    # -- opening ------------------------------------------------------------------------------
    def open_paths(self, paths: Sequence[str]) -> QMessageBox | None:
        """Open files: one session file reopens as it was (events, edits, config, window
        state) in place of the window's session; anything else is loaded as events.

        When the window's session is unsaved and changed, the user chooses first: replace it,
        add the file's events to it, or cancel (the question box is returned).
        """
        if len(paths) != 1 or not is_sqlite_file(paths[0]):
            self.window.opener.request(paths)  # events: replace or add, as for any file
            return None
        if self._would_lose_work():
            return self._ask_replace(paths[0])
        self.window.tasks.spawn(self.open_session(paths[0]), name="open session")
        return None

    def _would_lose_work(self) -> bool:
        """Replacing the session loses something: it is unsaved and was changed (files loaded
        into it are still on disk; a saved session is in its file)."""
        if len(self.window.workbench) == 0 or self.document.saved:
            return False
        return self.keeper.has_changes

    def _ask_replace(self, path: str) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Open the session?",
            f"Open {os.path.basename(path)} in place of this session? This session's changes "
            "are not saved in a session file.",
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        replace = box.addButton("Replace", QMessageBox.ButtonRole.DestructiveRole)
        add = box.addButton("Add its events", QMessageBox.ButtonRole.AcceptRole)

        def answered() -> None:
            if box.clickedButton() is replace:
                self.window.tasks.spawn(self.open_session(path), name="open session")
            elif box.clickedButton() is add:
                self.window.open_files([path])

        box.finished.connect(answered)
        box.open()
        return box

    async def open_session(self, path: str) -> bool:
        """Reopen a saved session: events, edits, config and the window's state."""
        window = self.window
        remember_recent(window.settings, [path])
        window.progress.start(f"Opening {os.path.basename(path)}…")
        runner = window.workbench.runner

        def report(done: int, total: int) -> None:  # in the reading thread
            runner.call_soon_threadsafe(lambda: window.progress.update_bytes(done, total))

        self.busy = True
        self._replacing()
        token = CancelToken()
        for cancel in (window.progress.cancel_requested, window.menus.cancel_requested):
            cancel.connect(token.cancel)  # the Cancel button or Esc stops reading

        def read_and_attach() -> SessionData:
            data = read_session(path, progress=report, cancel=token)
            self.document.attach(path)  # counts the file's events: off the window's thread
            return data

        try:
            data = await self._in_thread(read_and_attach, name="open session")
        except LoadCancelled:
            self.keeper.resume()
            window.statusBar().showMessage(f"Opening {os.path.basename(path)} cancelled", 4000)
            return False
        except InspectorError as exc:
            self.keeper.resume()
            window.message_bar.show_message(str(exc))
            return False
        finally:
            for cancel in (window.progress.cancel_requested, window.menus.cancel_requested):
                cancel.disconnect(token.cancel)
            self.busy = False
            window.progress.finish()
        self._show(data)
        return True

    def _replacing(self) -> None:
        """A session file is about to replace the window's session: stop what feeds it."""
        self.window.workbench.cancel_loading()
        self.keeper.pause()

    def _show(self, data: SessionData) -> None:
        if data.config is not None:
            self.window.destination.reset_config(data.config)
        self.keeper.adopt(data)
        self._check_sdk_sessions()
        self.apply_ui_state(data.ui_state)
        self._last_state = self.ui_state()
        for note in data.notes:
            self.window.message_bar.show_message(note)
        if data.removed_secrets:
            names = ", ".join(data.removed_secrets)
            self.window.statusBar().showMessage(
                f"Secrets are not kept in session files: enter {names} again to send", 8000
            )
        self._retitle()

    def _check_sdk_sessions(self) -> None:
        mode = self.window.workbench.sdk_sessions
        for action in self.window.menus.sdk_sessions.actions():
            action.setChecked(action.data() == mode)

    # -- crash restore ------------------------------------------------------------------------
    def offer_restore(self) -> RestoreDialog | None:
        """At start: list the sessions of windows that did not quit, to restore one (modeless)."""
        orphans = find_orphans()
        if not orphans:
            return None
        dialog = RestoreDialog(orphans, self.window)
        dialog.accepted.connect(
            lambda: (
                dialog.chosen is not None
                and self.window.tasks.spawn(self.restore(dialog.chosen), name="restore session")
            )
        )
        dialog.open()
        return dialog

    async def restore(self, orphan: Orphan) -> bool:
        """Reopen an unsaved session a crashed window left; it goes on being autosaved."""
        self._replacing()
        try:
            data = await self._in_thread(lambda: self.document.restore(orphan), name="restore")
        except InspectorError as exc:
            self.keeper.resume()
            self.window.message_bar.show_message(str(exc))
            return False
        self._show(data)
        return True

    # -- quitting -----------------------------------------------------------------------------
    def close(self) -> None:
        """A clean quit: the last changes are written and an unsaved session's autosave goes."""
        self._timer.stop()
        self.keeper.write_held()
        self.keeper.save_state()
        try:
            self.document.close()
        except InspectorError:
            pass  # quitting: nothing left to tell the user with
