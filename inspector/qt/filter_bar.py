"""The event filter bar: one line of free text or FQL, with a bad expression underlined."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from inspector.core.filtering import EventFilter, compile_filter

__all__ = ["FilterEdit"]

DEBOUNCE_MS = 250


class FilterEdit(QPlainTextEdit):
    """A single-line editor that compiles its text into an :class:`EventFilter`.

    Signals:
        filter_changed(EventFilter): after typing pauses, when the text compiled (even if to an
            expression with an error; ``filter.error`` then says why and where).
    """

    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Event filter")
        self.setPlaceholderText(
            'Filter: text, or FQL such as  type = "track" and properties.total > 100'
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().height() + 12
        self.setFixedHeight(height)
        self.current = compile_filter("")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply)
        self.textChanged.connect(self._timer.start)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, self.height())

    def event(self, event: QEvent) -> bool:
        # Esc is also "Cancel loading": while there is a filter to clear, the field takes it
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.toPlainText()
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.apply()  # no newline in a one-line field; apply at once
            return
        if event.key() == Qt.Key.Key_Escape and self.toPlainText():
            self.clear()
            self.apply()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source):  # type: ignore[no-untyped-def]  # noqa: N802
        self.insertPlainText(" ".join(source.text().split()))

    def apply(self) -> None:
        """Compile now (skipping the debounce) and announce the filter."""
        self._timer.stop()
        flt = compile_filter(self.toPlainText())
        self.current = flt
        self._show_error(flt)
        self.filter_changed.emit(flt)

    def _show_error(self, flt: EventFilter) -> None:
        error = flt.error
        if error is None:
            self.setExtraSelections([])
            self.setToolTip("")
            return
        text = self.toPlainText()
        start = min(error.position if error.position is not None else 0, max(len(text) - 1, 0))
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#d32f2f"))
        selection.format = fmt
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(len(text), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        self.setExtraSelections([selection])
        self.setToolTip(f"Not a valid expression: {error.message}")
