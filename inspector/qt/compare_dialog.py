"""The window that hosts a comparison of the session under its config and another one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from inspector.core.destinations import DestinationConfig
from inspector.core.events import EventRecord
from inspector.qt.compare_view import CompareView

__all__ = ["CompareDialog"]


class CompareDialog(QDialog):
    """A non-modal window around :class:`CompareView`; Esc cancels a running comparison first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare with config")
        self.resize(1300, 800)
        self.view = CompareView(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def compare(
        self,
        events: Sequence[EventRecord],
        before: DestinationConfig,
        after: DestinationConfig,
        labels: tuple[str, str],
        *,
        fresh_sdk: bool = False,
    ) -> None:
        self.setWindowTitle(f"Compare: {labels[0]} → {labels[1]}")
        self.view.start(events, before, after, fresh_sdk=fresh_sdk, labels=labels)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.view.running:
            self.view.cancel()  # the first Esc stops the comparison, the next one closes
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:  # Esc and the window's close button
        self.view.cancel()
        super().reject()
