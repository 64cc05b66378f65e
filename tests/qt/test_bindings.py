"""The Qt bindings themselves: reference counting stays balanced over many calls.

PySide6 6.12.0 released one reference to ``None`` on every call of a method returning void
(``setText``, ``setValue``…), so a long session crashed the interpreter ("deallocating None")
after a few thousand calls. This guards the pinned version against such a regression.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QProgressBar


def test_void_methods_keep_none_referenced(qtbot) -> None:  # type: ignore[no-untyped-def]
    label, bar = QLabel(), QProgressBar()
    qtbot.addWidget(label)
    qtbot.addWidget(bar)
    before = sys.getrefcount(None)
    for i in range(2_000):
        label.setText(str(i))
        bar.setValue(i % 100)
    assert abs(sys.getrefcount(None) - before) < 100
