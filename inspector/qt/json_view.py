"""A read-only, syntax-highlighted JSON viewer."""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

__all__ = ["JsonHighlighter", "JsonView", "pretty_json"]

_TOKEN = re.compile(
    r'(?P<key>"(?:[^"\\]|\\.)*"(?=\s*:))|(?P<str>"(?:[^"\\]|\\.)*")'
    r"|(?P<num>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?P<lit>\btrue\b|\bfalse\b|\bnull\b)"
)


def pretty_json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def _fmt(colour: str, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


class JsonHighlighter(QSyntaxHighlighter):
    """Colours keys, strings, numbers and literals; one regex pass per line."""

    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(document)
        self.set_dark(dark)

    def set_dark(self, dark: bool) -> None:
        palette = (
            {"key": "#9cdcfe", "str": "#ce9178", "num": "#b5cea8", "lit": "#569cd6"}
            if dark
            else {"key": "#0b5394", "str": "#a31515", "num": "#098658", "lit": "#0000ff"}
        )
        self._formats = {k: _fmt(v, bold=k == "key") for k, v in palette.items()}
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        for m in _TOKEN.finditer(text):
            kind = m.lastgroup
            if kind is not None:
                self.setFormat(m.start(), m.end() - m.start(), self._formats[kind])


def monospace() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(max(font.pointSize(), 10))
    return font


class JsonView(QPlainTextEdit):
    """Shows a JSON value pretty-printed and highlighted."""

    def __init__(self, parent: QWidget | None = None, *, read_only: bool = True) -> None:
        super().__init__(parent)
        self.setReadOnly(read_only)
        self.setFont(monospace())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.highlighter = JsonHighlighter(self.document(), dark=_is_dark(self))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_dark(_is_dark(self))


def _is_dark(widget: QWidget) -> bool:
    from PySide6.QtGui import QPalette

    return widget.palette().color(QPalette.ColorRole.Base).lightness() < 128
