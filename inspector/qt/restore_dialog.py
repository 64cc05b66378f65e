"""The restore offer at start: sessions a crashed window left unsaved, to restore or discard."""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.sessionfile import Orphan, discard_orphan

__all__ = ["RestoreDialog", "describe_orphan"]


def describe_orphan(orphan: Orphan) -> str:
    """One line: what the session was, how big, when it was last autosaved."""
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(orphan.saved_at))
    title = orphan.title or "Untitled session"
    if orphan.problem is not None:
        return f"{title}, autosaved {when}: cannot be restored ({orphan.problem})"
    count = "1 event" if orphan.events == 1 else f"{orphan.events:,} events"
    return f"{title}: {count}, autosaved {when}"


class RestoreDialog(QDialog):
    """Lists unsaved sessions of windows that did not quit; ``chosen`` is the one to restore.

    **Restore** restores the selected session, **Discard** deletes it, **Not now** keeps them
    all for the next start.
    """

    def __init__(self, orphans: Sequence[Orphan], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore unsaved sessions")
        self.chosen: Orphan | None = None
        self._orphans = list(orphans)
        intro = QLabel(
            "Jimo Inspector did not quit normally. These sessions were not saved; "
            "restore one to go on where you left off.",
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Unsaved sessions")
        for orphan in self._orphans:
            item = QListWidgetItem(describe_orphan(orphan))
            if orphan.problem is not None:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = buttons.addButton(
            "Discard", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        later: QPushButton = buttons.addButton("Not now", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        later.clicked.connect(self.reject)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self._restore())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 260)
        self.list.setCurrentRow(0)
        self._update_buttons()

    def _selected(self) -> Orphan | None:
        row = self.list.currentRow()
        return self._orphans[row] if 0 <= row < len(self._orphans) else None

    def _update_buttons(self) -> None:
        orphan = self._selected()
        self.restore_button.setEnabled(orphan is not None and orphan.problem is None)
        self.discard_button.setEnabled(orphan is not None)

    def _restore(self) -> None:
        orphan = self._selected()
        if orphan is not None and orphan.problem is None:
            self.chosen = orphan
            self.accept()

    def _discard(self) -> None:
        row = self.list.currentRow()
        orphan = self._selected()
        if orphan is None:
            return
        discard_orphan(orphan)
        del self._orphans[row]
        self.list.takeItem(row)
        if not self._orphans:
            self.reject()
        self._update_buttons()
