"""The redacted repro bundle's options: the personal-data paths to mask (the user can add)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.export import DEFAULT_PII_PATHS

__all__ = ["BundleDialog"]


class BundleDialog(QDialog):
    """Which paths to mask; ``paths()`` is the list after the user's edits."""

    def __init__(self, parent: QWidget | None = None, paths: Sequence[str] = DEFAULT_PII_PATHS):
        super().__init__(parent)
        self.setWindowTitle("Export a redacted repro bundle")
        intro = QLabel(
            "One zip with the events, the destination config and the results, for a support "
            "ticket. API keys are removed; the values at these paths are replaced by tokens "
            "(the same value gets the same token everywhere, so events still join).",
            self,
        )
        intro.setWordWrap(True)
        self.path_list = QListWidget(self)
        self.path_list.setAccessibleName("Paths to mask")
        for path in paths:
            self._add_item(path)
        self.new_path = QLineEdit(self)
        self.new_path.setPlaceholderText("another path, e.g. traits.phone")
        self.new_path.returnPressed.connect(self.add_path)
        self.add_button = QPushButton("Add", self)
        self.add_button.clicked.connect(self.add_path)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        for widget in (self.new_path, self.add_button, self.remove_button):
            row.addWidget(widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.path_list, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(520, 420)

    def _add_item(self, path: str) -> None:
        item = QListWidgetItem(path)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.path_list.addItem(item)

    def add_path(self) -> None:
        text = self.new_path.text().strip()
        if text and text not in self.paths():
            self._add_item(text)
        self.new_path.clear()

    def remove_selected(self) -> None:
        for item in self.path_list.selectedItems():
            self.path_list.takeItem(self.path_list.row(item))

    def paths(self) -> list[str]:
        items = (self.path_list.item(i).text().strip() for i in range(self.path_list.count()))
        return list(dict.fromkeys(p for p in items if p))
