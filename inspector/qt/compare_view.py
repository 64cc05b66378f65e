"""The "Compare with config" view: differing events, the two outcomes side by side, a summary."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.core.destinations import DestinationConfig
from inspector.core.diff import Change, Comparison, EventDiff, Pair, describe, verdict
from inspector.core.events import EventRecord
from inspector.core.jsonpaths import locate_paths

__all__ = ["CompareView", "side_document", "marked_paths"]

_CHANGED = QColor(255, 196, 0, 110)  # readable on light and dark palettes
_SIDE_KEYS = (
    "payload",
    "commands",
    "dispatched_events",
    "jimo_init_called",
    "request",
    "trigger_error",
    "mapping_error",
    "errors",
)


def side_document(result: dict[str, Any] | None, verdict: str) -> dict[str, Any]:
    """What one side shows: the verdict, then the result's non-empty parts."""
    doc: dict[str, Any] = {"verdict": verdict}
    for key in _SIDE_KEYS:
        value = None if result is None else result.get(key)
        if value not in (None, [], {}, False, ""):
            doc[key] = value
    return doc


def marked_paths(changes: Sequence[Change]) -> set[str]:
    """The document paths (``payload.event_name``, ``verdict``) that one subscription changed."""
    paths = set()
    for change in changes:
        if change.what in ("verdict", "added", "removed"):
            paths.add("verdict")
        elif change.what in ("payload", "request"):
            paths.add(f"{change.what}.{change.path}" if change.path else change.what)
        elif change.what == "commands":
            first = change.path.split(".", 1)[0]
            known = first in ("dispatched_events", "jimo_init_called")
            paths.add(change.path if known else f"commands.{change.path}".rstrip("."))
        elif change.what == "errors":
            paths.add(change.path)
    return paths


class CompareView(QWidget):
    """Compares the session's events under two configs, in steps (progress, Esc cancels).

    Signals:
        event_activated(int): an event was double-clicked (its index in the session).
        finished(): the comparison ran to the end (not cancelled).
    """

    event_activated = Signal(int)
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self._events: Sequence[EventRecord] = ()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self._build()

    def _build(self) -> None:
        self.progress = QProgressBar(self)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self.cancel)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.event_list = QListWidget(self)
        self.event_list.setAccessibleName("Events whose outcome differs")
        self.event_list.currentRowChanged.connect(self._show_event)
        self.event_list.itemDoubleClicked.connect(self._activate)
        self.subscription = QComboBox(self)
        self.subscription.setAccessibleName("Subscription")
        self.subscription.currentIndexChanged.connect(self._show_sides)
        self.changes_label = QLabel(self)
        self.changes_label.setAccessibleName("Changes")
        self.changes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.before_label, self.after_label = QLabel(self), QLabel(self)
        self.before_text, self.after_text = self._side(), self._side()
        self._lay_out()

    def _side(self) -> QPlainTextEdit:
        text = QPlainTextEdit(self)
        text.setReadOnly(True)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        text.setFont(self.font())
        return text

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        sides = QSplitter(Qt.Orientation.Horizontal, self)
        for label, text in (
            (self.before_label, self.before_text),
            (self.after_label, self.after_text),
        ):
            column = QWidget(sides)
            box = QVBoxLayout(column)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(label)
            box.addWidget(text)
            sides.addWidget(column)
        right = QWidget(self)
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.subscription)
        right_box.addWidget(self.changes_label)
        right_box.addWidget(sides, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.event_list)
        split.addWidget(right)
        split.setSizes([420, 900])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    # -- running ------------------------------------------------------------------------------
    def start(
        self,
        events: Sequence[EventRecord],
        before: DestinationConfig,
        after: DestinationConfig,
        *,
        fresh_sdk: bool = False,
        labels: tuple[str, str] = ("Before", "After"),
    ) -> None:
        """Compare ``events`` under ``before`` and ``after``; results fill in as it finishes."""
        self._events = events
        self.before_label.setText(f"<b>{labels[0]}</b>")
        self.after_label.setText(f"<b>{labels[1]}</b>")
        self.comparison = Comparison(events, before, after, fresh_sdk=fresh_sdk)
        self.event_list.clear()
        self.progress.setRange(0, max(1, len(events)))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.summary.setText(f"Comparing {len(events):,} events…")
        self._timer.start()

    def cancel(self) -> None:
        """Stop comparing; what was compared so far stays listed."""
        if self._timer.isActive():
            self._timer.stop()
            self._show_results(cancelled=True)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def _step(self) -> None:
        comparison = self.comparison
        if comparison is None:
            self._timer.stop()
            return
        done = comparison.step()
        self.progress.setValue(comparison.done)
        if done:
            self._timer.stop()
            self._show_results(cancelled=False)
            self.finished.emit()

    # -- results ------------------------------------------------------------------------------
    def _show_results(self, cancelled: bool) -> None:
        comparison = self.comparison
        assert comparison is not None
        self.progress.hide()
        self.cancel_button.hide()
        self.summary.setText(_summary_html(comparison, cancelled))
        for diff in comparison.diffs:
            item = QListWidgetItem(self._event_text(diff))
            item.setData(Qt.ItemDataRole.UserRole, diff.index)
            self.event_list.addItem(item)
        if comparison.diffs:
            self.event_list.setCurrentRow(0)

    def _event_text(self, diff: EventDiff) -> str:
        record = self._events[diff.index] if diff.index < len(self._events) else None
        what = f"{record.type} {record.name}".strip() if record is not None else ""
        names = dict.fromkeys(c.subscription or "(session)" for c in diff.changes)
        return f"#{diff.index + 1}  {what}\n    {', '.join(names)}"

    def current_diff(self) -> EventDiff | None:
        row = self.event_list.currentRow()
        if self.comparison is None or not 0 <= row < len(self.comparison.diffs):
            return None
        return self.comparison.diffs[row]

    def _show_event(self, _row: int) -> None:
        diff = self.current_diff()
        self.subscription.blockSignals(True)
        self.subscription.clear()
        if diff is not None:
            for name in dict.fromkeys(c.subscription or "(session)" for c in diff.changes):
                self.subscription.addItem(name)
        self.subscription.blockSignals(False)
        self._show_sides()

    def _show_sides(self) -> None:
        diff, comparison = self.current_diff(), self.comparison
        name = self.subscription.currentText()
        if diff is None or comparison is None or not name:
            self.before_text.clear()
            self.after_text.clear()
            self.changes_label.clear()
            return
        pair = next((p for p in comparison.pairs if p.label == name), None)
        changes = [c for c in diff.changes if (c.subscription or "(session)") == name]
        before, after = _results(diff, pair)

        self.changes_label.setText(_changes_text(changes))
        marks = marked_paths(changes)
        for text, result in ((self.before_text, before), (self.after_text, after)):
            shown = "absent" if result is None else verdict(result)
            _fill(text, side_document(result, shown), marks)

    def _activate(self, item: QListWidgetItem) -> None:
        self.event_activated.emit(int(item.data(Qt.ItemDataRole.UserRole)))


def _results(
    diff: EventDiff, pair: Pair | None
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    if pair is None:
        return None, None
    before = diff.before.get("results", [])
    after = diff.after.get("results", [])
    return (
        before[pair.before] if pair.before is not None else None,
        after[pair.after] if pair.after is not None else None,
    )


def _fill(text: QPlainTextEdit, doc: dict[str, Any], marks: set[str]) -> None:
    content = json.dumps(doc, indent=2, ensure_ascii=False)
    text.setPlainText(content)
    spans = locate_paths(content)
    selections = []
    fmt = QTextCharFormat()
    fmt.setBackground(_CHANGED)
    for path in sorted(marks):
        span = spans.get(path)
        if span is None:
            continue
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(text.document())
        cursor.setPosition(span.key_start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)
    text.setExtraSelections(selections)


def _changes_text(changes: Sequence[Change], limit: int = 6) -> str:
    lines = [describe(c) for c in changes[:limit]]
    if len(changes) > limit:
        lines.append(f"… and {len(changes) - limit} more")
    return "\n".join(lines)


def _summary_html(comparison: Comparison, cancelled: bool) -> str:
    from html import escape

    head = f"{comparison.summary.differing:,} of {comparison.done:,} events differ"
    if cancelled:
        head += f" (cancelled after {comparison.done:,} of {comparison.total:,})"
    lines = [f"<b>{escape(head)}</b>"]
    lines += [escape(line) for line in comparison.summary.lines()]
    added = [p.after_name for p in comparison.pairs if p.before is None]
    removed = [p.before_name for p in comparison.pairs if p.after is None]
    for title, names in (("Added", added), ("Removed", removed)):
        if names:
            lines.append(f"<i>{title}:</i> " + escape(", ".join(str(n) for n in names)))
    return "<br>".join(lines)
