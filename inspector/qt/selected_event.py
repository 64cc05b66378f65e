"""The selected event, shown in the event editor, the mappings panel and the trigger editor."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer

from inspector.core.errors import InspectorError
from inspector.core.foreground import FOREGROUND
from inspector.core.workbench import Workbench
from inspector.qt.window_layout import WindowLayout

__all__ = ["SelectedEvent"]


class SelectedEvent:
    """Keeps the panels that describe the event selected in the list in step with it."""

    def __init__(self, workbench: Workbench, window: WindowLayout) -> None:
        self._workbench = workbench
        self._window = window
        self._later = False

    @contextmanager
    def verdicts_later(self) -> Iterator[None]:
        """An event shown in the block gets its verdicts in the loop's next turn, not at once:
        the window picking an event itself splits the work, so neither turn stalls."""
        self._later = True
        try:
            yield
        finally:
            self._later = False

    def row(self) -> int:
        return self._window.events.current_row()

    def show(self, row: int) -> None:
        """Show event ``row`` (-1: none) and every mapping's verdict for it."""
        with FOREGROUND.closed():  # a click the user waits for: worker threads step aside
            self._show(row)

    def _show(self, row: int) -> None:
        w = self._window
        if not 0 <= row < len(self._workbench):
            w.event_editor.show_record(None)
            w.mappings.show_inspection(None, None)
            w.destination.set_event(None)
            return
        record, edited = self._workbench.store[row], self._workbench.is_edited(row)
        w.event_editor.show_record(record, row=row, edited=edited, warnings=w.model.warnings(row))
        if self._later:
            QTimer.singleShot(0, self._window, self._refresh_in_foreground)
        else:
            self.refresh()

    def _refresh_in_foreground(self) -> None:
        with FOREGROUND.closed():
            self.refresh()

    def refresh(self) -> None:
        """The verdicts again (the config, the event or the evaluation changed)."""
        w, row = self._window, self.row()
        if not 0 <= row < len(self._workbench):
            return
        data = self._workbench.store[row].data
        w.destination.set_event(data, row)
        try:
            inspection = self._workbench.detail(row)
        except InspectorError as exc:  # a config the destination refuses
            w.message_bar.show_message(str(exc))
            return
        if inspection is None:
            w.eval_label.setText("Evaluating the session… the verdicts for this event follow.")
        w.mappings.show_inspection(inspection, None if inspection is None else data)

    def evaluated(self, unchanged: int = 0) -> None:
        """A new evaluation: its duplicate flags reach the title, its verdicts the panel.

        Events before ``unchanged`` kept their results (events were only appended after them).
        """
        row = self.row()
        if row < unchanged:
            return
        if 0 <= row < len(self._workbench):
            record, edited = self._workbench.store[row], self._workbench.is_edited(row)
            self._window.event_editor.update_title(record, edited, self._window.model.warnings(row))
        self.refresh()

    def edited(self, row: int) -> None:
        """Event ``row`` was edited or reverted."""
        self._window.events.row_changed(row)
        if row == self.row():
            self.refresh()

    def revert(self) -> None:
        """Restore the selected event as loaded, typing not yet applied included."""
        row = self.row()
        if row >= 0:
            self._window.event_editor.discard_pending()
            self._workbench.revert_event(row)
            self.show(row)
