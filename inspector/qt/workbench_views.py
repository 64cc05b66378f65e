"""The window's event list, skipped records and status bar following the workbench's signals."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer

from inspector.core.evaluation import Evaluation
from inspector.core.loaders import BadRecord
from inspector.core.workbench import FilterResult, Workbench
from inspector.qt.loading import counts_text
from inspector.qt.selected_event import SelectedEvent
from inspector.qt.window_layout import WindowLayout

__all__ = ["WorkbenchViews"]


class WorkbenchViews:
    """Subscribes the window's views to ``workbench``: evaluations, appends, filters, loading.

    The event table, coverage matrix and timeline take each evaluation themselves; this keeps
    the rest in step: the event list, the selected event's panels, the skipped records, the
    counts and hazards in the status bar and the loading progress.
    """

    def __init__(self, workbench: Workbench, window: WindowLayout, selected: SelectedEvent) -> None:
        self._workbench, self._window, self._selected = workbench, window, selected
        self._shown: Evaluation | None = None
        self._selecting = False
        self.auto_row = -1
        """The row the window selected itself (the first appended to an empty list), or -1."""
        wb, w = workbench, window
        for view in (w.model, w.coverage, w.timeline):
            wb.evaluation_changed.connect(view.set_evaluation)
        wb.evaluation_changed.connect(self._on_evaluation)
        wb.evaluation_progress.connect(
            lambda done, total: w.eval_label.setText(f"Evaluating {done:,}/{total:,}…")
        )
        wb.events_appended.connect(self._on_appended)
        wb.bad_added.connect(self._on_bad)
        wb.config_changed.connect(lambda _config: selected.refresh())
        wb.event_edited.connect(selected.edited)
        wb.cleared.connect(self._on_cleared)
        wb.filter_changed.connect(self._on_filtered)
        wb.load_started.connect(lambda name: w.progress.start(f"Loading {name}…"))
        wb.load_progress.connect(w.progress.update_bytes)
        wb.load_finished.connect(self._on_load_finished)
        w.skipped.count_changed.connect(
            lambda n: w.bottom_tabs.setTabText(
                1, f"Skipped records ({n:,})" if n else "Skipped records"
            )
        )
        self.update_counts()

    def _on_evaluation(self, evaluation: Evaluation | None) -> None:
        w = self._window
        shown, self._shown = self._shown, evaluation
        if evaluation is None:
            w.eval_label.clear()  # nothing is evaluated: no hazards to speak of
            return
        # an evaluation of appended events leaves the rows before them as they were
        unchanged = len(shown.verdicts) if shown and evaluation.extends(shown) else 0
        if not unchanged:
            w.events.refresh()
        hazards = len(evaluation.hazards)
        w.eval_label.setText(f"{hazards:,} hazard(s)" if hazards else "")
        self.update_counts()
        self._selected.evaluated(unchanged)

    def _on_filtered(self, result: FilterResult) -> None:
        self._window.events.set_filter(result.filter, result.accepted)
        self.update_counts()

    def _on_appended(self, first: int, _last: int) -> None:
        if self._window.events.current_row() < 0 and not self._selecting:
            # in a turn of the loop of its own: filling the event's panels is the costliest
            # part of a first append, and the new rows get painted in between
            self._selecting = True
            QTimer.singleShot(0, lambda: self._select_first(first))
        self.update_counts()

    def _select_first(self, row: int) -> None:
        """Select ``row``, the first of the events appended to an empty selection."""
        self._selecting = False
        events = self._window.events
        if events.current_row() >= 0 or row >= len(self._workbench):
            return
        # not scrolled to: a capture following the newest event keeps the list at the bottom
        with self._selected.verdicts_later():
            if events.select_row(row, scroll=False):
                self.auto_row = row

    def _on_bad(self, bad: Sequence[BadRecord]) -> None:
        self._window.skipped.add_records(bad)

    def _on_cleared(self) -> None:
        self.auto_row = -1
        self._window.events.rows_reset()
        self._window.skipped.clear()
        self._selected.show(-1)
        self.update_counts()

    def _on_load_finished(self, cancelled: bool) -> None:
        if not self._workbench.loading:
            self._window.progress.finish()
        self.update_counts("cancelled" if cancelled else "")

    def update_counts(self, note: str = "") -> None:
        """The status bar's "N events loaded · M shown" line (``note``: how loading ended)."""
        shown = self._window.events.visible_rows()
        self._window.counts_label.setText(counts_text(self._workbench, shown, note))
