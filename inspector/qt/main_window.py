"""The main window: wires the panels to the session. Logic lives in the core and the panels."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.destinations import DestinationConfig
from inspector.core.errors import InspectorError
from inspector.core.filtering import EventFilter, filter_rows
from inspector.core.jobs import LoadJob, on_loop, run_in_thread
from inspector.core.loaders import BadRecord, CancelToken
from inspector.core.session import Session
from inspector.core.tasks import TaskOwner
from inspector.qt import menus
from inspector.qt.coverage import CoverageView
from inspector.qt.destination_editor import DestinationEditor
from inspector.qt.event_editor import EventEditor
from inspector.qt.event_model import EventTableModel
from inspector.qt.events_panel import EventsPanel
from inspector.qt.loading import LoadProgress, MessageBar
from inspector.qt.mappings_panel import MappingsPanel
from inspector.qt.timeline import TimelineView

__all__ = ["MainWindow"]

EVALUATE_DELAY_MS = 300
SYNC_FILTER_LIMIT = 20_000
"""Up to this many events a filter runs on the GUI thread; beyond, in a worker."""
STATE_KEY = "window-v3"
DETAIL_REPLAY_LIMIT = 2_048
"""Without a usable evaluation, show detail only for events this early (replay cost)."""


class MainWindow(QMainWindow):
    """Jimo Inspector's window: Events | Event | Mappings, plus Coverage and Destination tabs."""

    def __init__(
        self, session: Session, tasks: TaskOwner, settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.store = session.store
        self.tasks = tasks
        self.settings = settings or QSettings()
        self.job: LoadJob | None = None
        self._eval_token: CancelToken | None = None
        self._filter_token: CancelToken | None = None
        self.evaluating = False
        self.setWindowTitle("Jimo Inspector")
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self._build_views()
        self._connect()
        menus.build(self)
        self._restore_state()
        self._update_counts()

    # -- construction -------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.model = EventTableModel(self.store, self)
        self.model.edited = self.session.is_edited
        self.events = EventsPanel(self.model, self)
        self.event_editor = EventEditor(self)
        self.mappings = MappingsPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.events, self.event_editor, self.mappings):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([590, 330, 520])
        self.coverage = CoverageView(self.store, self)
        self.destination = DestinationEditor(self.session.config, self)
        self.timeline = TimelineView(self.store, self)
        self.skipped_list = QListWidget(self)
        self.skipped_list.setAccessibleName("Skipped records")
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setDocumentMode(True)
        self.bottom_tabs.addTab(self.timeline, "Session timeline")
        self.bottom_tabs.addTab(self.skipped_list, "Skipped records")
        self.inspector_split = QSplitter(Qt.Orientation.Vertical, self)
        self.inspector_split.setObjectName("inspectorSplitter")
        self.inspector_split.addWidget(self.splitter)
        self.inspector_split.addWidget(self.bottom_tabs)
        self.inspector_split.setStretchFactor(0, 3)
        self.inspector_split.setSizes([600, 230])
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.inspector_split, "Inspector")
        self.tabs.addTab(self.coverage, "Coverage")
        self.tabs.addTab(self.destination, "Destination")
        self.message_bar = MessageBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 2, 4, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.counts_label = QLabel(self)
        self.eval_label = QLabel(self)
        self.progress = LoadProgress(self)
        self.progress.cancel_requested.connect(self.cancel_loading)
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.eval_label)
        self.statusBar().addPermanentWidget(self.progress)

    def _connect(self) -> None:
        self.events.current_changed.connect(self.show_event)
        self.events.filter_edit.filter_changed.connect(self.apply_filter)
        self.events.proxy.matches_nothing = self._matches_nothing
        self.event_editor.edited.connect(self.edit_event)
        self.event_editor.revert_requested.connect(self.revert_current_event)
        self.event_editor.path_selected.connect(self.mappings.mark_fields_using)
        self.mappings.event_paths_requested.connect(self.event_editor.highlight_paths)
        self.mappings.subscription_selected.connect(self.destination.select_subscription)
        self.destination.config_changed.connect(self.set_config)
        self.coverage.event_activated.connect(self.jump_to)
        self.timeline.event_activated.connect(lambda row: self.jump_to(row, -1))
        self.store.inserted.append(self._on_rows_inserted)
        self._eval_timer = QTimer(self)
        self._eval_timer.setSingleShot(True)
        self._eval_timer.setInterval(EVALUATE_DELAY_MS)
        self._eval_timer.timeout.connect(self._start_evaluation)

    def _restore_state(self) -> None:
        # versioned keys: a layout saved by an older window (other panes, docks) is ignored
        for key, restore in (
            (f"{STATE_KEY}/geometry", self.restoreGeometry),
            (f"{STATE_KEY}/state", self.restoreState),
            (f"{STATE_KEY}/splitter", self.splitter.restoreState),
            (f"{STATE_KEY}/inspector_split", self.inspector_split.restoreState),
        ):
            value = self.settings.value(key)
            if value is not None:
                restore(value)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.cancel_loading()
        if self._eval_token is not None:
            self._eval_token.cancel()
        self.settings.setValue(f"{STATE_KEY}/geometry", self.saveGeometry())
        self.settings.setValue(f"{STATE_KEY}/state", self.saveState())
        self.settings.setValue(f"{STATE_KEY}/splitter", self.splitter.saveState())
        self.settings.setValue(f"{STATE_KEY}/inspector_split", self.inspector_split.saveState())
        self.model.detach()
        super().closeEvent(event)

    # -- the selected event -------------------------------------------------------------------
    def current_row(self) -> int:
        return self.events.current_row()

    def select_row(self, row: int) -> bool:
        return self.events.select_row(row)

    def show_event(self, row: int) -> None:
        """Show event ``row`` and every mapping's verdict for it."""
        if not 0 <= row < len(self.store):
            self.event_editor.show_record(None)
            self.mappings.show_inspection(None, None)
            self.destination.set_event(None)
            return
        record = self.store[row]
        edited = self.session.is_edited(row)
        self.event_editor.show_record(
            record, row=row, edited=edited, warnings=self.model.warnings(row)
        )
        self.refresh_detail()

    def refresh_detail(self) -> None:
        row = self.current_row()
        if not 0 <= row < len(self.store):
            return
        record = self.store[row]
        data = record.data
        self.destination.set_event(data)
        evaluation = self.session.evaluation
        covered = evaluation is not None and row < len(evaluation.verdicts)
        if not covered and row >= DETAIL_REPLAY_LIMIT:
            self.mappings.show_inspection(None, None)
            self.eval_label.setText("Evaluating the session… the verdicts for this event follow.")
            return
        try:
            inspection = self.session.detail(row)
        except InspectorError as exc:  # a config the destination refuses
            self.message_bar.show_message(str(exc))
            return
        self.mappings.show_inspection(inspection, data)

    def jump_to(self, row: int, subscription: int) -> None:
        self.tabs.setCurrentIndex(0)
        if not self.select_row(row):
            self.events.filter_edit.clear()
            self.events.filter_edit.apply()
            self.select_row(row)
        if subscription >= 0:
            self.mappings.select_subscription(subscription)

    # -- editing ------------------------------------------------------------------------------
    def edit_event(self, row: int, data: dict[str, object]) -> None:
        """What-if edit of event ``row`` (the one the editor showed when the typing paused)."""
        if not 0 <= row < len(self.store):
            return
        self.session.edit_event(row, data)
        self.events.row_changed(row)
        if row == self.current_row():
            self.refresh_detail()
        self.schedule_evaluation()

    def revert_current_event(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.event_editor.discard_pending()  # typing not yet applied is reverted too
        self.session.revert_event(row)
        self.events.row_changed(row)
        self.event_editor.show_record(
            self.store[row], row=row, edited=False, warnings=self.model.warnings(row)
        )
        self.refresh_detail()
        self.schedule_evaluation()

    def set_config(self, config: DestinationConfig) -> None:
        self.session.set_config(config)
        self.refresh_detail()
        self.schedule_evaluation()

    def load_config(self, config: DestinationConfig) -> None:
        """Adopt a config from outside the editor (import, start-up)."""
        self.destination.set_config(config)
        self.set_config(config)

    # -- evaluation ---------------------------------------------------------------------------
    def schedule_evaluation(self) -> None:
        self._eval_timer.start()

    def _start_evaluation(self) -> None:
        if self._eval_token is not None:
            self._eval_token.cancel()
        self.evaluating = True  # from now, not only once the task first runs
        self.tasks.spawn(self.evaluate(), name="evaluate session")

    async def evaluate(self) -> None:
        """Evaluate every event × mapping in a worker thread, then refresh the views."""
        token = self._eval_token = CancelToken()
        self.evaluating = True
        total = len(self.store)
        report = on_loop(
            lambda done, all_: self.eval_label.setText(f"Evaluating {done:,}/{all_:,}…")
        )
        try:
            job = self.session.evaluation_job()
            result = await run_in_thread(lambda: job.run(token, report), name="evaluate")
        finally:
            if self._eval_token is token:
                self.evaluating = False
        if token.cancelled or self._eval_token is not token:
            return
        if not self.session.install_evaluation(result, job):
            return  # the events were cleared meanwhile
        self.model.set_evaluation(result)
        self.coverage.set_evaluation(result)
        self.timeline.set_evaluation(result)
        self.events.refresh()
        self.eval_label.setText(f"{len(result.hazards)} hazard(s)" if result.hazards else "")
        self._update_counts()
        row = self.current_row()
        if 0 <= row < len(self.store):
            edited = self.session.is_edited(row)
            self.event_editor.update_title(self.store[row], edited, self.model.warnings(row))
        self.refresh_detail()
        if total != len(self.store):
            self.schedule_evaluation()

    def _matches_nothing(self, row: int) -> bool:
        evaluation = self.session.evaluation
        return evaluation is not None and evaluation.matches_nothing(row)

    # -- filtering ----------------------------------------------------------------------------
    def apply_filter(self, flt: EventFilter) -> None:
        self.events.show_filter_error(flt)
        if flt.error is not None:
            return
        if self._filter_token is not None:
            self._filter_token.cancel()
        if flt.kind == "all" or len(self.store) <= SYNC_FILTER_LIMIT:
            self.events.set_filter(flt)
            self._update_counts()
            return
        self.tasks.spawn(self._filter_in_thread(flt), name="filter events")

    async def _filter_in_thread(self, flt: EventFilter) -> None:
        token = self._filter_token = CancelToken()
        records = list(self.store.events())
        accepted = await run_in_thread(lambda: filter_rows(records, flt, token), name="filter")
        if not token.cancelled:
            self.events.set_filter(flt, accepted)
            self._update_counts()

    # -- loading ------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    def open_files(self, paths: Sequence[str]) -> asyncio.Task[None]:
        """Load files in the background; returns the task (tests await it)."""
        menus.remember_recent(self, paths)
        return self.tasks.spawn(self.load(list(paths)), name=f"load {len(paths)} file(s)")

    async def load(self, paths: list[str]) -> None:
        if self.job is not None:
            self.job.cancel()
        job = self.job = LoadJob(paths)
        first_row = len(self.store)
        name = os.path.basename(paths[0]) + ("" if len(paths) == 1 else " and more")
        self.progress.start(f"Loading {name}…")
        try:
            async for chunk in job:
                if job.cancelled or self.job is not job:
                    continue  # cancelled or replaced: what was still in flight is dropped
                self.store.extend(chunk.events)
                self.add_skipped(chunk.bad)
                if chunk.error:
                    self.message_bar.show_message(chunk.error)
                self.progress.update_bytes(chunk.done_bytes, chunk.total_bytes)
                self._update_counts()
                if first_row < len(self.store) and self.current_row() < 0:
                    self.select_row(first_row)
        finally:
            if self.job is job:
                self.job = None
                self.progress.finish()
            self._update_counts("cancelled" if job.cancelled else "")
            self.schedule_evaluation()

    def cancel_loading(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def add_skipped(self, bad: Sequence[BadRecord]) -> None:
        if bad:
            self.store.add_bad(bad)
            self.skipped_list.addItems([str(b) for b in bad])
            self.bottom_tabs.setTabText(1, f"Skipped records ({len(self.store.bad):,})")

    def clear_events(self) -> None:
        self.cancel_loading()
        self._eval_timer.stop()
        if self._eval_token is not None:
            self._eval_token.cancel()
        self.evaluating = False
        self.session.clear()
        self.events.rows_reset()
        self.skipped_list.clear()
        self.bottom_tabs.setTabText(1, "Skipped records")
        for view in (self.model, self.coverage, self.timeline):
            view.set_evaluation(None)
        self.show_event(-1)
        self._update_counts()

    def _on_rows_inserted(self, _first: int, _last: int) -> None:
        if self.job is None:  # pasted events: loads evaluate when they finish
            self.schedule_evaluation()

    def _update_counts(self, note: str = "") -> None:
        total = len(self.store)
        shown = self.events.visible_rows()
        text = f"{total:,} events" if shown == total else f"{shown:,} of {total:,} events shown"
        if self.store.bad:
            text += f" · {len(self.store.bad):,} skipped"
        evaluation = self.session.evaluation
        if evaluation is not None and evaluation.complete:
            text += f" · {evaluation.nothing_matched:,} match no mapping"
        if note:
            text += f" · loading {note}"
        self.counts_label.setText(text)
