"""The main window: wires the panels to the workbench. Logic lives in the core and the panels."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent, QGuiApplication

from inspector.core.destinations import DestinationConfig, load_config, save_config
from inspector.core.errors import InspectorError
from inspector.core.evaluation import Evaluation
from inspector.core.filtering import EventFilter
from inspector.core.loaders import BadRecord
from inspector.core.tasks import TaskOwner
from inspector.core.workbench import FilterResult, Workbench
from inspector.qt.loading import counts_text
from inspector.qt.menus import MainMenus, remember_recent
from inspector.qt.selected_event import SelectedEvent
from inspector.qt.window_layout import WindowLayout

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
        self.selected = SelectedEvent(workbench, self)
        self._shown: Evaluation | None = None
        self._connect_views()
        self._connect_workbench()
        self._connect_menus()
        self.restore_layout(self.settings)
        self._update_counts()

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
        self.files_dropped.connect(self.open_files)

    def _connect_workbench(self) -> None:
        wb = self.workbench
        for view in (self.model, self.coverage, self.timeline):
            wb.evaluation_changed.connect(view.set_evaluation)
        wb.evaluation_changed.connect(self._on_evaluation)
        wb.evaluation_progress.connect(
            lambda done, total: self.eval_label.setText(f"Evaluating {done:,}/{total:,}…")
        )
        wb.events_appended.connect(self._on_appended)
        wb.bad_added.connect(self._on_bad)
        wb.config_changed.connect(lambda _config: self.selected.refresh())
        wb.event_edited.connect(self.selected.edited)
        wb.cleared.connect(self._on_cleared)
        wb.filter_changed.connect(self._on_filtered)
        wb.load_started.connect(lambda name: self.progress.start(f"Loading {name}…"))
        wb.load_progress.connect(self.progress.update_bytes)
        wb.load_error.connect(self.message_bar.show_message)
        wb.load_finished.connect(self._on_load_finished)

    def _connect_menus(self) -> None:
        menus = self.menus
        menus.open_requested.connect(self.open_files)
        menus.paste_requested.connect(self.paste_events)
        menus.import_requested.connect(self.import_config)
        menus.export_requested.connect(self.export_config)
        menus.clear_requested.connect(self.clear_events)
        menus.cancel_requested.connect(self.workbench.cancel_loading)
        menus.find_requested.connect(self._focus_filter)
        menus.tab_requested.connect(self.tabs.setCurrentIndex)
        menus.bottom_panel_toggled.connect(self.bottom_tabs.setVisible)
        menus.fresh_sdk_toggled.connect(self.workbench.set_fresh_sdk)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
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
        self.destination.set_config(config)
        self.workbench.set_config(config)

    def import_config(self, path: str) -> bool:
        try:
            self.load_config(load_config(path))
        except InspectorError as exc:
            self.message_bar.show_message(f"Could not import the config: {exc}")
            return False
        return True

    def export_config(self, path: str) -> bool:
        try:
            save_config(self.workbench.config, path)
        except OSError as exc:
            self.message_bar.show_message(f"Could not export the config: {exc.strerror or exc}")
            return False
        return True

    # -- following the workbench --------------------------------------------------------------
    def _on_evaluation(self, evaluation: Evaluation | None) -> None:
        shown, self._shown = self._shown, evaluation
        if evaluation is not None:
            # an evaluation of appended events leaves the rows before them as they were
            unchanged = len(shown.verdicts) if shown and evaluation.extends(shown) else 0
            if not unchanged:
                self.events.refresh()
            hazards = len(evaluation.hazards)
            self.eval_label.setText(f"{hazards} hazard(s)" if hazards else "")
            self._update_counts()
            self.selected.evaluated(unchanged)

    def apply_filter(self, flt: EventFilter) -> None:
        self.events.show_filter_error(flt)
        self.workbench.set_filter(flt)

    def _on_filtered(self, result: FilterResult) -> None:
        self.events.set_filter(result.filter, result.accepted)
        self._update_counts()

    def _on_appended(self, first: int, _last: int) -> None:
        if self.current_row() < 0:
            self.select_row(first)
        self._update_counts()

    def _on_bad(self, bad: Sequence[BadRecord]) -> None:
        self.skipped_list.addItems([str(b) for b in bad])
        self.bottom_tabs.setTabText(1, f"Skipped records ({len(self.workbench.store.bad):,})")

    def _on_cleared(self) -> None:
        self.events.rows_reset()
        self.skipped_list.clear()
        self.bottom_tabs.setTabText(1, "Skipped records")
        self.selected.show(-1)
        self._update_counts()

    def _on_load_finished(self, cancelled: bool) -> None:
        if not self.workbench.loading:
            self.progress.finish()
        self._update_counts("cancelled" if cancelled else "")

    def _update_counts(self, note: str = "") -> None:
        self.counts_label.setText(counts_text(self.workbench, self.events.visible_rows(), note))

    # -- loading ------------------------------------------------------------------------------
    def open_files(self, paths: Sequence[str]) -> asyncio.Task[None]:
        """Load files in the background; returns the task (tests await it)."""
        remember_recent(self.settings, paths)
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
        self.statusBar().showMessage(f"Pasted {count} event(s)", 4000)
        return count

    def clear_events(self) -> None:
        self.workbench.clear()
