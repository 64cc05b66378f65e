"""Every input of the editor can be named by a screen reader and reached by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView, QAbstractButton)


def _visible_inputs(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if isinstance(w, INPUTS) and w.isVisible()]


def _name(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")
    return ""


def test_every_visible_input_has_a_name_and_takes_focus(editor) -> None:  # type: ignore[no-untyped-def]
    for json_tab in (False, True):
        editor.panel.mapping.tabs.setCurrentIndex(int(json_tab))
        inputs = _visible_inputs(editor)
        assert len(inputs) > 15
        unnamed = [w for w in inputs if not _name(w) and not isinstance(w.parent(), QComboBox)]
        assert unnamed == []
        unfocusable = [
            w for w in inputs if w.focusPolicy() == Qt.FocusPolicy.NoFocus and w.isEnabled()
        ]
        assert [w for w in unfocusable if not isinstance(w.parent(), QAbstractItemView)] == []


def test_size_is_sensible(editor) -> None:  # type: ignore[no-untyped-def]
    hint = editor.minimumSizeHint()
    assert hint.width() <= 900
    assert hint.height() <= 700


def test_mnemonics_are_unique_and_leave_the_menu_bar_letters_alone(editor) -> None:  # type: ignore[no-untyped-def]
    texts = [w.text() for w in editor.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.text() for w in editor.findChildren(QLabel) if w.buddy() is not None]
    letters = [text[text.index("&") + 1].lower() for text in texts if "&" in text]
    assert len(letters) == len(set(letters)) > 8
    assert not set(letters) & set("fevh")  # File, Edit, View, Help in the main window
