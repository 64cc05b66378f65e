"""The Send dialog's results: one row per delivery unit, and the selected one's timeline."""

from __future__ import annotations

import time

import orjson
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from inspector.core.send import UnitResult

__all__ = ["SendResults", "describe"]

_COLUMNS = ("#", "messageId", "subscription", "outcome", "status", "attempts", "reason")
_COLOURS = {"delivered": "#2e7d32", "failed": "#c62828", "skipped": "#757575", "dry-run": "#1565c0"}


def describe(result: UnitResult) -> str:
    """The text of the detail pane: request, attempt timeline, last response (64 KB)."""
    key = result.unit.key
    lines = [f"{result.method} {key.url}", f"outcome: {result.outcome}"]
    if result.reason:
        lines.append(f"reason: {result.reason}")
    if result.possible_duplicate:
        lines.append("possible duplicate: an earlier send may have reached the server")
    if result.request is not None:
        lines += ["", "request (secrets masked):"]
        lines.append(orjson.dumps(result.request, option=orjson.OPT_INDENT_2).decode())
    if result.attempts:
        lines += ["", "attempts:"]
    for n, attempt in enumerate(result.attempts, 1):
        stamp = time.strftime("%H:%M:%S", time.localtime(attempt.started))
        answer = attempt.status if attempt.status is not None else attempt.error
        wait = f", then waited {attempt.waited_ms:.0f} ms" if attempt.waited_ms else ""
        lines.append(f"  {n}. {stamp}  {answer}  in {attempt.ms:.0f} ms{wait}")
    response = result.response
    if response is not None:
        lines += ["", f"last response: {response.status}"]
        lines += [f"  {name}: {value}" for name, value in response.headers]
        body = response.body.decode("utf-8", "replace")
        lines += ["", body + ("\n… (first 64 KB shown)" if response.truncated else "")]
    return "\n".join(lines)


class SendResults(QSplitter):
    """A table of outcomes above the selected result's detail."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.results: list[UnitResult] = []
        self.table = QTableWidget(0, len(_COLUMNS), self)
        self.table.setObjectName("sendResults")
        self.table.setHorizontalHeaderLabels(list(_COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("sendDetail")
        self.detail.setReadOnly(True)
        self.detail.setFont(QFont("monospace"))
        self.detail.setPlaceholderText("Select a result to see its attempts and response.")
        self.addWidget(self.table)
        self.addWidget(self.detail)
        self.setSizes([300, 200])
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))

    def clear(self) -> None:
        self.results.clear()
        self.table.setRowCount(0)
        self.detail.clear()

    def add(self, results: list[UnitResult]) -> None:
        """Append rows (in blocks: the sender reports faster than a table wants rows)."""
        first = self.table.rowCount()
        self.table.setRowCount(first + len(results))
        for offset, result in enumerate(results):
            self.results.append(result)
            self._fill(first + offset, result)

    def _fill(self, row: int, result: UnitResult) -> None:
        key = result.unit.key
        values = (
            str(result.unit.index + 1),
            key.message_id,
            key.subscription,
            result.outcome + (" (possible duplicate)" if result.possible_duplicate else ""),
            "" if result.status is None else str(result.status),
            str(len(result.attempts)),
            result.reason or "",
        )
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == 3:
                item.setForeground(QColor(_COLOURS.get(result.outcome, "#000000")))
            self.table.setItem(row, column, item)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.results):
            self.detail.setPlainText(describe(self.results[row]))

    def failed(self) -> list[UnitResult]:
        return [r for r in self.results if r.outcome == "failed"]
