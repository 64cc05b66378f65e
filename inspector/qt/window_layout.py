"""The main window's widgets and how they are laid out; the wiring lives in ``main_window``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.foreground import FOREGROUND
from inspector.core.workbench import Workbench
from inspector.qt.config_actions import api_key
from inspector.qt.coverage import CoverageView
from inspector.qt.destination_editor import DestinationEditor
from inspector.qt.event_editor import EventEditor
from inspector.qt.event_model import EventTableModel
from inspector.qt.events_panel import EventsPanel
from inspector.qt.loading import LoadProgress, MessageBar
from inspector.qt.mappings_panel import MappingsPanel
from inspector.qt.skipped_view import SkippedRecordsView
from inspector.qt.timeline import TimelineView

__all__ = ["WindowLayout"]

STATE_KEY = "window-v3"


class WindowLayout(QMainWindow):
    """Events | Event | Mappings over the timeline, plus Coverage and Destination tabs.

    Signals:
        files_dropped(list): local files dropped on the window.
    """

    files_dropped = Signal(list)

    def __init__(self, workbench: Workbench) -> None:
        super().__init__()
        self.setWindowTitle("Jimo Inspector")
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        store = workbench.store
        self.model = EventTableModel(store, self, edited=workbench.is_edited)
        self.events = EventsPanel(
            self.model,
            self,
            matches_nothing=workbench.matches_nothing,
            payload_source=self._selected_payload,
        )
        self.event_editor = EventEditor(self)
        self.mappings = MappingsPanel(self, key_source=lambda: api_key(workbench.config))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.events, self.event_editor, self.mappings):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([590, 330, 520])
        self.coverage = CoverageView(store, self)
        self.destination = DestinationEditor(workbench.config, self)
        self.timeline = TimelineView(store, self)
        self.skipped = SkippedRecordsView(self)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setDocumentMode(True)
        self.bottom_tabs.addTab(self.timeline, "Session timeline")
        self.bottom_tabs.addTab(self.skipped, "Skipped records")
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
        self._build_status_bar()

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel(self)
        self.eval_label = QLabel(self)
        self.progress = LoadProgress(self)
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.eval_label)
        self.statusBar().addPermanentWidget(self.progress)

    def _selected_payload(self, row: int) -> tuple[str, str] | None:
        """The payload of the mapping selected for event ``row`` (None: not the shown event)."""
        return self.mappings.selected_payload() if row == self.events.current_row() else None

    def restore_layout(self, settings: QSettings) -> None:
        """Geometry and splitters as the user left them (under versioned keys)."""
        # a layout saved by an older window (other panes, docks) is ignored
        for key, restore in (
            (f"{STATE_KEY}/geometry", self.restoreGeometry),
            (f"{STATE_KEY}/state", self.restoreState),
            (f"{STATE_KEY}/splitter", self.splitter.restoreState),
            (f"{STATE_KEY}/inspector_split", self.inspector_split.restoreState),
        ):
            value = settings.value(key)
            if value is not None:
                restore(value)

    def save_layout(self, settings: QSettings) -> None:
        settings.setValue(f"{STATE_KEY}/geometry", self.saveGeometry())
        settings.setValue(f"{STATE_KEY}/state", self.saveState())
        settings.setValue(f"{STATE_KEY}/splitter", self.splitter.saveState())
        settings.setValue(f"{STATE_KEY}/inspector_split", self.inspector_split.saveState())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:  # the window repaints what changed
            with FOREGROUND.closed():  # worker threads leave the GIL to it meanwhile
                return super().event(event)
        return super().event(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
