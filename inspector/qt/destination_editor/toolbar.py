"""The editor's button row (undo, redo, reset to presets, import, export) and its message line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

__all__ = ["EditorToolbar", "undo_actions"]

_STYLES = {
    "info": "color: palette(text);",
    "ok": "color: #1e7b34;",
    "error": "color: #b3261e; font-weight: 600;",
}


def undo_actions(stack: QUndoStack, owner: QWidget) -> tuple[QAction, QAction]:
    """Undo and redo actions for ``owner`` and its children (Ctrl+Z; Ctrl+Shift+Z or Ctrl+Y).

    Their text stays "Undo"/"Redo" (buttons keep their width); what they would undo is in the
    tooltip and status tip.
    """
    undo = QAction("Undo", owner)
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    redo = QAction("Redo", owner)
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    wiring = (
        (undo, stack.undo, stack.canUndoChanged, stack.undoTextChanged, "Undo", "Ctrl+Z"),
        (redo, stack.redo, stack.canRedoChanged, stack.redoTextChanged, "Redo", "Ctrl+Shift+Z"),
    )
    for action, run, can_changed, text_changed, verb, keys in wiring:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setEnabled(False)
        action.triggered.connect(run)
        can_changed.connect(action.setEnabled)
        text_changed.connect(
            lambda text, a=action, v=verb, k=keys: _describe(a, f"{v} {text}".strip(), k)
        )
        _describe(action, verb, keys)
        owner.addAction(action)
    return undo, redo


def _describe(action: QAction, text: str, keys: str) -> None:
    action.setToolTip(f"{text} ({keys})")
    action.setStatusTip(text)


class EditorToolbar(QWidget):
    """Buttons only: the editor connects them to its own methods."""

    def __init__(self, undo: QAction, redo: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_button = self._tool(undo, "Undo")
        self.redo_button = self._tool(redo, "Redo")
        self.reset_button = QPushButton("Reset to &presets", self)
        self.reset_button.setToolTip(
            "Replace every mapping with the ones Segment creates with the destination "
            "(settings are kept; Ctrl+Z brings the old mappings back)"
        )
        self.import_button = QPushButton("&Import…", self)
        self.import_button.setToolTip(
            "Load a config file: this app's format, or Segment's Public API subscriptions"
        )
        self.export_button = QPushButton("E&xport…", self)
        self.export_button.setToolTip("Save this config as a JSON file")
        self.message = QLabel(self)
        self.message.setObjectName("editor-message")
        self.message.setAccessibleName("Editor message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.undo_button, self.redo_button, self.reset_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def _tool(self, action: QAction, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAccessibleName(name)
        return button

    def say(self, text: str, kind: str = "info") -> None:
        """Show ``text`` in the message line (``kind``: info, ok or error); "" hides it."""
        self.message.setText(text)
        self.message.setStyleSheet(_STYLES.get(kind, ""))
        self.message.setVisible(bool(text))
