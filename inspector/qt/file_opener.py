"""Opening files into a session that already holds events: replace them, or add to them."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector.core.workbench import Workbench
from inspector.resources import DEMO_SESSION

__all__ = ["FileOpener"]


class FileOpener:
    """Asks replace or add before opening into a non-empty session; the demo brings its config.

    Args:
        parent: the window the question belongs to.
        workbench: the session.
        open_files: starts loading paths (into whatever is open).
        load_demo_config: adopts the demo's destination config.
    """

    def __init__(
        self,
        parent: QWidget,
        workbench: Workbench,
        open_files: Callable[[Sequence[str]], object],
        load_demo_config: Callable[[], None],
    ) -> None:
        self._parent, self._workbench = parent, workbench
        self._open, self._load_demo_config = open_files, load_demo_config
        self.question: QMessageBox | None = None

    def request(self, paths: Sequence[str]) -> None:
        """Open ``paths`` as the user asked (menu, recent files, a drop)."""
        paths = list(paths)
        if not paths:
            return
        if not len(self._workbench):
            self._go(paths, replace=True)
            return
        self._ask(paths)

    def _go(self, paths: list[str], *, replace: bool) -> None:
        if replace:
            self._workbench.clear()
            if any(os.path.abspath(p) == str(DEMO_SESSION) for p in paths):
                self._load_demo_config()
        self._open(paths)

    def _ask(self, paths: list[str]) -> None:
        count = len(self._workbench)
        what = "the demo session" if _is_demo(paths) else _names(paths)
        box = QMessageBox(self._parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Open")
        box.setText(f"Replace the {count:,} events open now with {what}, or add to them?")
        demo = " The demo session also brings its destination config." if _is_demo(paths) else ""
        box.setInformativeText(
            "Replacing closes the events open now, with their edits and results." + demo
        )
        replace = box.addButton("Replace", QMessageBox.ButtonRole.AcceptRole)
        add = box.addButton("Add", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(replace)

        def answered(_result: int) -> None:
            self.question = None
            clicked = box.clickedButton()
            if clicked is replace:
                self._go(paths, replace=True)
            elif clicked is add:
                self._go(paths, replace=False)

        box.finished.connect(answered)
        self.question = box
        box.open()


def _is_demo(paths: Sequence[str]) -> bool:
    return len(paths) == 1 and os.path.abspath(paths[0]) == str(DEMO_SESSION)


def _names(paths: Sequence[str]) -> str:
    first = os.path.basename(paths[0])
    return first if len(paths) == 1 else f"{first} and {len(paths) - 1} more file(s)"
