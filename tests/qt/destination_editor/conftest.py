"""Destination editor fixtures: an editor on the default config, shown at a desktop size."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from inspector.core.destinations import default_config
from inspector.qt.destination_editor import DestinationEditor


@pytest.fixture
def editor(qtbot) -> DestinationEditor:  # type: ignore[no-untyped-def]
    widget = DestinationEditor(default_config())
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def retype(qtbot) -> Callable[[QPlainTextEdit, str], None]:  # type: ignore[no-untyped-def]
    """Replace a text editor's content by typing, as a user would (select all, then keys)."""

    def type_into(edit: QPlainTextEdit, text: str) -> None:
        edit.setFocus()
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
        for number, line in enumerate(text.split("\n")):
            if number:
                qtbot.keyClick(edit, Qt.Key.Key_Return)
            qtbot.keyClicks(edit, line)

    return type_into
