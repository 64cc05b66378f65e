"""Menu actions for comparing configs and exporting: Tools → Compare, File → Export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import orjson
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu

from inspector import __version__
from inspector.core.destinations import DestinationConfig, load_config
from inspector.core.errors import InspectorError
from inspector.core.events import EventRecord
from inspector.core.export import (
    captured_requests_har,
    curl_commands,
    is_bundle,
    read_bundle,
    write_bundle,
    write_ndjson,
)
from inspector.core.inspection import inspect
from inspector.core.workbench import Workbench
from inspector.qt.compare_dialog import CompareDialog
from inspector.qt.export_dialog import BundleDialog

__all__ = ["CompareExportActions"]

T = TypeVar("T")


class CompareExportActions(QObject):
    """Adds the actions to ``window``'s menus; each works on ``workbench``'s events and config.

    ``notify(text)`` tells the user of an error in one sentence (successes go to the status
    bar); ``jump_to(row, subscription)`` shows an event; ``load_config`` adopts a bundle's
    config; ``session_file()`` is the session file the window records into, if any: the HAR
    export reads its captured requests (without it, the user picks a session file).
    """

    def __init__(
        self,
        window: QMainWindow,
        workbench: Workbench,
        notify: Callable[[str], None],
        jump_to: Callable[[int, int], None] | None = None,
        load_config: Callable[[DestinationConfig], None] | None = None,
        session_file: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(window)
        self._window, self._wb, self._notify, self._jump = window, workbench, notify, jump_to
        self._load_config = load_config or workbench.set_config
        self._session_file = session_file or (lambda: None)
        self.dialogs: list[CompareDialog] = []
        self.busy = 0  # exports running in worker threads
        self._build_menus()
        workbench.load_started.connect(self._config_of_bundle)

    def set_session_file(self, session_file: Callable[[], str | None]) -> None:
        """Where the HAR export reads captured requests from (None from it: the user picks)."""
        self._session_file = session_file

    def _config_of_bundle(self, _name: str) -> None:
        """Opening a repro bundle brings its destination config along with its events."""
        job = self._wb.load_job
        path = next((p for p in (job.paths if job else ()) if is_bundle(p)), None)
        if path is None:
            return
        try:
            bundle = read_bundle(path)
        except InspectorError as exc:
            self._notify(str(exc))
            return
        self._load_config(bundle.config)
        made_by = bundle.manifest.get("app", "an unknown version")
        self._window.statusBar().showMessage(
            f"Repro bundle made by {made_by}: its destination config is loaded", 8000
        )

    def _build_menus(self) -> None:
        bar = self._window.menuBar()
        menus = {a.text(): a for a in bar.actions()}
        file_menu = menus["&File"].menu() if "&File" in menus else bar.addMenu("&File")
        export = QMenu("E&xport", self._window)
        self.export_all = self._add(export, "All events as &NDJSON…", lambda: self.ndjson(False))
        self.export_filtered = self._add(
            export, "&Filtered events as NDJSON…", lambda: self.ndjson(True)
        )
        self.export_har = self._add(export, "Captured requests as &HAR…", self.har)
        self.export_curl = self._add(export, "Jimo Cloud requests as &curl…", self.curl)
        export.addSeparator()
        self.export_bundle = self._add(export, "Redacted repro &bundle…", self.bundle)
        assert isinstance(file_menu, QMenu)
        close = next((a for a in file_menu.actions() if a.text() == "&Close all events"), None)
        file_menu.insertMenu(close, export) if close else file_menu.addMenu(export)
        if close is not None:
            file_menu.insertSeparator(close)
        tools = QMenu("&Tools", self._window)
        self.compare_action = self._add(tools, "&Compare with config…", self.compare)
        self.compare_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        help_action = menus.get("&Help")
        bar.insertMenu(help_action, tools) if help_action else bar.addMenu(tools)

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _events(self, filtered: bool = False) -> list[EventRecord]:
        events = list(self._wb.store.events())
        if not filtered:
            return events
        result = self._wb.filter_result
        return [r for i, r in enumerate(events) if result.passes(i, r)]

    def _edited(self, filtered: bool = False) -> int:
        """How many of the exported events are what-if edits, not what was loaded."""
        session = self._wb.session
        if not session.edited_count or not filtered:
            return session.edited_count
        result, store = self._wb.filter_result, self._wb.store
        edited = (i for i in range(len(store)) if session.is_edited(i))
        return sum(1 for i in edited if result.passes(i, store[i]))

    def _save_name(self, title: str, name: str, kinds: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self._window, title, name, kinds)
        return path

    # -- compare ------------------------------------------------------------------------------
    def compare(self) -> CompareDialog | None:
        path, _ = QFileDialog.getOpenFileName(
            self._window, "Compare with config", "", "Destination configs (*.json);;All (*)"
        )
        return self.compare_with(path) if path else None

    def compare_with(self, path: str) -> CompareDialog | None:
        """Open a comparison of the session: its config before, the file's after."""
        try:
            other = load_config(path)
        except InspectorError as exc:
            self._notify(f"Cannot compare: {exc}")
            return None
        dialog = CompareDialog(self._window)
        if self._jump is not None:
            jump = self._jump
            dialog.view.event_activated.connect(lambda row: jump(row, -1))
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        dialog.show()
        labels = ("Current config", Path(path).name)
        dialog.compare(self._events(), self._wb.config, other, labels, fresh_sdk=self._wb.fresh_sdk)
        edited = self._edited()
        if edited:  # the comparison runs on the events as the window shows them
            dialog.setWindowTitle(f"{dialog.windowTitle()} ({_count(edited, 'edited event')})")
        return dialog

    def _forget(self, dialog: CompareDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    # -- export -------------------------------------------------------------------------------
    def ndjson(self, filtered: bool, path: str | None = None) -> int:
        path = path or self._save_name("Export events", "events.ndjson", "NDJSON (*.ndjson)")
        if not path:
            return 0
        events = self._events(filtered)
        what = _count(len(events), "event") + _edited_note(self._edited(filtered))
        written = self._write(path, lambda out: write_ndjson(events, out), what)
        return len(events) if written else 0

    def har(self, session: str | None = None, path: str | None = None) -> bool:
        session = session or self._session_file()
        if session is None:
            session, _ = QFileDialog.getOpenFileName(
                self._window, "Session file with captured requests", "",
                "Session files (*.jimo-session);;All (*)",
            )  # fmt: skip
        if not session:
            return False
        try:
            har = captured_requests_har(session, __version__)
        except InspectorError as exc:
            self._notify(str(exc))
            return False
        path = path or self._save_name("Export HAR", "capture.har", "HAR (*.har)")
        if not path:
            return False
        entries = len(har["log"]["entries"])
        return bool(
            self._write(path, lambda out: out.write(orjson.dumps(har)), _count(entries, "request"))
        )

    def curl(self, path: str | None = None) -> bool:
        """Jimo Cloud requests as a shell script of curl commands (inspected off the GUI thread)."""
        config, fresh = self._wb.config, self._wb.fresh_sdk
        if config.destination != "actions-jimo-cloud":
            self._notify("No Jimo Cloud request to export: the destination is Jimo (Actions).")
            return False
        path = path or self._save_name("Export curl commands", "jimo-requests.sh", "Shell (*.sh)")
        if not path:
            return False
        events, edited = self._events(), _edited_note(self._edited())

        def work() -> list[str]:
            return list(curl_commands(inspect(events, config, fresh_sdk=fresh)))

        def done(commands: list[str]) -> None:
            if not commands:
                self._notify("No Jimo Cloud request to export: no event is delivered.")
                return
            text = "#!/bin/sh\n# The API key is masked: put yours in place of ****.\n\n"
            data = (text + "".join(f"{c}\n\n" for c in commands)).encode()
            what = _count(len(commands), "curl command") + edited
            self._write(path, lambda out: out.write(data), what)

        self._background("Inspecting for curl commands", work, done)
        return True

    def bundle(self, path: str | None = None, dialog: BundleDialog | None = None) -> bool:
        """Ask for the paths to mask and a file, then write the bundle off the GUI thread."""
        dialog = dialog or BundleDialog(self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        path = path or self._save_name("Save repro bundle", "jimo-repro.zip", "Zip (*.zip)")
        if not path:
            return False
        events, config, paths = self._events(), self._wb.config, dialog.paths()
        fresh, edited = self._wb.fresh_sdk, _edited_note(self._edited())

        def work() -> dict[str, Any]:
            return write_bundle(
                path, events, config, app_version=__version__, pii_paths=paths, fresh_sdk=fresh
            )

        def done(manifest: dict[str, Any]) -> None:
            saved = _count(manifest["events"], "event") + edited
            self._window.statusBar().showMessage(f"Saved a repro bundle of {saved} to {path}", 8000)

        self._background("Writing the repro bundle", work, done)
        return True

    def _background(self, what: str, work: Callable[[], T], done: Callable[[T], None]) -> None:
        self.busy += 1
        self._window.statusBar().showMessage(f"{what}…")

        def finished(value: T | None, error: BaseException | None) -> None:
            self.busy -= 1
            if error is not None:
                reason = error.strerror if isinstance(error, OSError) else None
                self._notify(f"{what} failed: {reason or error}")
            else:
                done(value)  # type: ignore[arg-type]

        self._wb.runner.run_in_thread(work, finished, what)

    def _write(self, path: str, write: Callable[..., object], what: str) -> bool:
        try:
            with open(path, "wb") as out:
                write(out)
        except OSError as exc:
            self._notify(f"{path}: {exc.strerror or exc}")
            return False
        self._window.statusBar().showMessage(f"Exported {what} to {path}", 8000)
        return True


def _edited_note(edited: int) -> str:
    """`` (1 edited)`` after a count that includes what-if edits; nothing otherwise."""
    return f" ({edited:,} edited)" if edited else ""


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
