"""The main window: wires the panels to the workbench. Logic lives in the core and the panels."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent, QGuiApplication

from inspector.core.destinations import DestinationConfig
from inspector.core.errors import InspectorError
from inspector.core.filtering import EventFilter
from inspector.core.tasks import TaskOwner
from inspector.core.workbench import Workbench
from inspector.qt.compare_actions import CompareExportActions
from inspector.qt.config_actions import ConfigActions
from inspector.qt.file_opener import FileOpener
from inspector.qt.help_docs import HelpDocs
from inspector.qt.load_report import LoadReport
from inspector.qt.menus import MainMenus
from inspector.qt.quit_guard import QuitGuard
from inspector.qt.selected_event import SelectedEvent
from inspector.qt.window_layout import WindowLayout
from inspector.qt.window_title import WindowTitle, unsaved_changes
from inspector.qt.workbench_views import WorkbenchViews

__all__ = ["MainWindow"]


class MainWindow(WindowLayout):
    """Jimo Inspector's window over one :class:`Workbench`; the views follow its signals."""

    def __init__(
        self, workbench: Workbench, tasks: TaskOwner, settings: QSettings | None = None
    ) -> None:
        self.settings = settings or QSettings()
        super().__init__(workbench)
        self.workbench = workbench
        self.tasks = tasks
        self.menus = MainMenus(self, self.settings)
        self.config = ConfigActions(workbench, self.destination, self.message_bar.show_message)
        self.compare_export = CompareExportActions(
            self, workbench, self.message_bar.show_message, self.jump_to, self.config.load_config
        )
        self.selected = SelectedEvent(workbench, self)
        self.title = WindowTitle(self, workbench, self.destination)
        self.quit_guard = QuitGuard(self, lambda: unsaved_changes(workbench, self.destination))
        self.load_report = LoadReport(workbench, self.message_bar, self.skipped, self.settings)
        self.opener = FileOpener(self, workbench, self.open_files, self.config.load_demo_config)
        self.help_docs = HelpDocs(self, self.menus.help_menu)
        self.views = WorkbenchViews(workbench, self, self.selected)
        self._connect_views()
        self._connect_menus()
        self.restore_layout(self.settings)

    def _connect_views(self) -> None:
        wb = self.workbench
        self.events.current_changed.connect(self.selected.show)
        self.events.filter_edit.filter_changed.connect(self.apply_filter)
        self.event_editor.edited.connect(self.edit_event)
        self.event_editor.revert_requested.connect(self.selected.revert)
        self.event_editor.path_selected.connect(self.mappings.mark_fields_using)
        self.mappings.event_paths_requested.connect(self.event_editor.highlight_paths)
        self.mappings.subscription_selected.connect(self.destination.select_subscription)
        self.destination.config_changed.connect(wb.set_config)
        self.coverage.event_activated.connect(self.jump_to)
        self.timeline.event_activated.connect(lambda row: self.jump_to(row, -1))
        self.progress.cancel_requested.connect(wb.cancel_loading)
        self.files_dropped.connect(self.opener.request)
        self.events.menu.coverage_requested.connect(self.show_in_coverage)

    def _connect_menus(self) -> None:
        menus = self.menus
        menus.open_requested.connect(self.opener.request)
        menus.quit_requested.connect(self.quit_guard.request_quit)
        menus.paste_requested.connect(self.paste_events)
        menus.import_requested.connect(self.config.import_config)
        menus.export_requested.connect(self.config.export_config)
        menus.clear_requested.connect(self.clear_events)
        menus.cancel_requested.connect(self.workbench.cancel_loading)
        menus.find_requested.connect(self._focus_filter)
        menus.tab_requested.connect(self.tabs.setCurrentIndex)
        menus.bottom_panel_toggled.connect(self.bottom_tabs.setVisible)
        menus.sdk_sessions_chosen.connect(self.workbench.set_sdk_sessions)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.quit_guard.allow_close(event):
            return
        self.workbench.stop()
        self.save_layout(self.settings)
        self.model.detach()
        super().closeEvent(event)

    # -- the selected event -------------------------------------------------------------------
    def current_row(self) -> int:
        return self.events.current_row()

    def select_row(self, row: int) -> bool:
        return self.events.select_row(row)

    def jump_to(self, row: int, subscription: int) -> None:
        self.tabs.setCurrentIndex(0)
        if not self.select_row(row):
            self.events.filter_edit.clear()
            self.events.filter_edit.apply()
            self.select_row(row)
        if subscription >= 0:
            self.mappings.select_subscription(subscription)

    def apply_filter(self, flt: EventFilter) -> None:
        self.events.show_filter_error(flt)
        self.workbench.set_filter(flt)

    def _focus_filter(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.events.filter_edit.setFocus()
        self.events.filter_edit.selectAll()

    # -- editing ------------------------------------------------------------------------------
    def edit_event(self, row: int, data: dict[str, object]) -> None:
        """What-if edit of event ``row`` (the one the editor showed when the typing paused)."""
        self.workbench.edit_event(row, data)

    def load_config(self, config: DestinationConfig) -> None:
        """Adopt a config from outside the editor (import, start-up)."""
        self.config.load_config(config)

    def show_in_coverage(self, row: int) -> None:
        self.tabs.setCurrentIndex(1)
        self.coverage.show_event(row)

    # -- loading ------------------------------------------------------------------------------
    def open_files(self, paths: Sequence[str]) -> asyncio.Task[None]:
        """Load files in the background; returns the task (tests await it)."""
        self.load_report.begin(paths)
        self.title.opened(paths)
        name = f"load {len(paths)} file(s)"
        return self.tasks.spawn(self.workbench.load_files(list(paths)), name=name)

    def paste_events(self, text: str | None = None) -> int:
        """Add events from ``text`` or the clipboard (event, array, NDJSON, batch): how many."""
        data = text if text is not None else QGuiApplication.clipboard().text()
        if not data.strip():
            self.message_bar.show_message("The clipboard holds no text to read events from.")
            return 0
        first = len(self.workbench)
        try:
            count = self.workbench.paste(data)
        except InspectorError as exc:
            self.message_bar.show_message(f"Could not paste events: {exc}")
            return 0
        if count:
            self.select_row(first)
            self.title.pasted()
        self.statusBar().showMessage(f"Pasted {count} event(s)", 4000)
        return count

    def clear_events(self) -> None:
        self.workbench.clear()
