"""The main window: wiring of the event table, the event view, loading and file handling."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QItemSelection, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.jobs import LoadJob
from inspector.core.store import EventStore
from inspector.core.tasks import TaskOwner
from inspector.qt.event_model import EventTableModel
from inspector.qt.json_view import JsonView
from inspector.qt.loading import LoadProgress, MessageBar

__all__ = ["MainWindow"]

FILE_FILTER = "Event files (*.json *.ndjson *.jsonl *.har *.gz *.txt);;All files (*)"


class MainWindow(QMainWindow):
    """Jimo Inspector's window. Owns no logic: the store, loaders and tasks come from the core."""

    def __init__(self, store: EventStore, tasks: TaskOwner, settings: QSettings | None = None) -> None:
        super().__init__()
        self.store = store
        self.tasks = tasks
        self.settings = settings or QSettings()
        self.job: LoadJob | None = None
        self.setWindowTitle("Jimo Inspector")
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self._build_views()
        self._build_actions()
        self._restore_state()

    # -- construction -------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.model = EventTableModel(self.store, self)
        self.table = QTableView(self)
        self.table.setObjectName("eventTable")
        self.table.setAccessibleName("Events")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in enumerate((44, 104, 70, 190, 150)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.event_json = JsonView(self)
        self.event_json.setAccessibleName("Event JSON")
        self.raw_json = JsonView(self)
        self.raw_json.setAccessibleName("Event raw JSON")
        self.event_tabs = QTabWidget(self)
        self.event_tabs.addTab(self.event_json, "Event")
        self.event_tabs.addTab(self.raw_json, "Raw")
        self.source_label = QLabel(self)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.source_label)
        right_layout.addWidget(self.event_tabs, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setSizes([700, 580])

        self.message_bar = MessageBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.skipped_list = QListWidget(self)
        self.skipped_list.setAccessibleName("Skipped records")
        self.skipped_dock = QDockWidget("Skipped records", self)
        self.skipped_dock.setObjectName("skippedDock")
        self.skipped_dock.setWidget(self.skipped_list)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.skipped_dock)
        self.skipped_dock.hide()
        self.resizeDocks([self.skipped_dock], [110], Qt.Orientation.Vertical)

        self.counts_label = QLabel(self)
        self.progress = LoadProgress(self)
        self.progress.cancel_requested.connect(self.cancel_loading)
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self._update_counts()

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu("&File")
        self.open_action = QAction("&Open…", self, shortcut=QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.show_open_dialog)
        menu.addAction(self.open_action)
        self.clear_action = QAction("&Close all events", self, shortcut=QKeySequence("Ctrl+Shift+W"))
        self.clear_action.triggered.connect(self.clear_events)
        menu.addAction(self.clear_action)
        menu.addSeparator()
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        self.cancel_action = QAction("Cancel loading", self, shortcut=QKeySequence(Qt.Key.Key_Escape))
        self.cancel_action.triggered.connect(self.cancel_loading)
        self.addAction(self.cancel_action)
        view = self.menuBar().addMenu("&View")
        view.addAction(self.skipped_dock.toggleViewAction())

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event):  # type: ignore[no-untyped-def]  # noqa: N802 - Qt override
        self.cancel_loading()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.model.detach()
        super().closeEvent(event)

    # -- selection ----------------------------------------------------------------------------
    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        record = self.model.record(rows[0].row())
        self.event_json.show_value(record.data)
        self.raw_json.setPlainText(record.raw.decode("utf-8", "replace"))
        warn = "".join(f"<br><span style='color:#b26a00'>⚠ {w}</span>" for w in record.warnings)
        self.source_label.setText(f"<b>{record.type or '?'}</b> {record.name} — {record.source.label}{warn}")

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # -- loading ------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    def show_open_dialog(self) -> None:
        start = str(self.settings.value("files/last_dir", os.path.expanduser("~")))
        paths, _ = QFileDialog.getOpenFileNames(self, "Open event files", start, FILE_FILTER)
        if paths:
            self.settings.setValue("files/last_dir", os.path.dirname(paths[0]))
            self.open_files(paths)

    def open_files(self, paths: Sequence[str]) -> asyncio.Task[None]:
        """Load files in the background; returns the task (tests await it)."""
        return self.tasks.spawn(self.load(list(paths)), name=f"load {len(paths)} file(s)")

    async def load(self, paths: list[str]) -> None:
        if self.job is not None:
            self.job.cancel()
        job = self.job = LoadJob(paths)
        first_row = len(self.store)
        self.progress.start(f"Loading {os.path.basename(paths[0])}{'…' if len(paths) == 1 else ' and more…'}")
        try:
            async for chunk in job:
                self.store.extend(chunk.events)
                self._add_bad(chunk.bad)
                if chunk.error:
                    self.message_bar.show_message(chunk.error)
                self.progress.update_bytes(chunk.done_bytes, chunk.total_bytes)
                self._update_counts()
                if first_row < len(self.store) and not self.table.selectionModel().hasSelection():
                    self.select_row(first_row)
        finally:
            if self.job is job:
                self.job = None
                self.progress.finish()
            self._update_counts("cancelled" if job.cancelled else "")

    def cancel_loading(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def clear_events(self) -> None:
        self.cancel_loading()
        self.store.clear()
        self.skipped_list.clear()
        self.event_json.clear()
        self.raw_json.clear()
        self.source_label.clear()
        self._update_counts()

    def _add_bad(self, bad: Iterable[object]) -> None:
        items = [str(b) for b in bad]
        if items:
            self.store.add_bad(bad)  # type: ignore[arg-type]
            self.skipped_list.addItems(items)
            self.skipped_dock.show()

    def _update_counts(self, note: str = "") -> None:
        text = f"{len(self.store):,} events"
        if self.store.bad:
            text += f" · {len(self.store.bad):,} skipped"
        if note:
            text += f" · loading {note}"
        self.counts_label.setText(text)

    def open_urls(self, urls: Iterable[QUrl]) -> None:
        self.open_files([u.toLocalFile() for u in urls if u.isLocalFile()])
