"""A trigger's verdict for one event as a tree: each clause, the value found, pass or fail."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.fql import ClauseResult, Explanation, Trigger

__all__ = ["ExplanationView", "NO_EVENT_TEXT"]

NO_EVENT_TEXT = "Select an event to see how this trigger reads it."
_PASS, _FAIL = QColor("#1e7b34"), QColor("#b3261e")
_HEADERS = ("", "Clause", "Found", "Why")


def _value_text(result: ClauseResult) -> str:
    if not result.found:
        return "missing"
    return json.dumps(result.to_dict()["actual"], ensure_ascii=False)


class ExplanationView(QWidget):
    """The summary line ("Matches: all of 2 conditions") above one tree row per clause."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(NO_EVENT_TEXT, self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Trigger verdict")
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Trigger explanation")
        self.tree.setHeaderLabels(list(_HEADERS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(1, 220)
        self.tree.setColumnWidth(2, 110)
        self.tree.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addStretch(0)  # takes the room while the tree is hidden

    def show_explanation(self, trigger: Trigger, event: dict[str, Any] | None) -> None:
        """Explain ``trigger`` against ``event`` (``None``: no event selected)."""
        self.tree.clear()
        if event is None:
            self.summary.setText(NO_EVENT_TEXT)
            self.summary.setStyleSheet("")
            self.tree.setVisible(False)
            return
        explanation = trigger.explain(event)
        self.summary.setText(_summary(explanation))
        self.summary.setStyleSheet(f"color: {(_PASS if explanation.matched else _FAIL).name()};")
        self._add_children(self.tree.invisibleRootItem(), explanation)
        self.tree.expandAll()
        self.tree.setRootIsDecorated(any(isinstance(c, Explanation) for c in explanation.children))
        self.tree.setVisible(bool(explanation.children))

    def _add_children(self, parent: QTreeWidgetItem, group: Explanation) -> None:
        for child in group.children:
            item = QTreeWidgetItem(parent, _row(child))
            colour = _PASS if _passed(child) else _FAIL
            item.setForeground(0, colour)
            for column in range(len(_HEADERS)):
                item.setToolTip(column, item.text(column))
            if isinstance(child, Explanation):
                self._add_children(item, child)

    def rows(self) -> list[list[str]]:
        """Every row's texts, depth first (for tests and accessibility checks)."""
        out: list[list[str]] = []
        stack = [self.tree.topLevelItem(i) for i in reversed(range(self.tree.topLevelItemCount()))]
        while stack:
            item = stack.pop()
            out.append([item.text(c) for c in range(len(_HEADERS))])
            stack.extend(item.child(i) for i in reversed(range(item.childCount())))
        return out


def _passed(node: ClauseResult | Explanation) -> bool:
    return node.passed if isinstance(node, ClauseResult) else node.matched


def _row(node: ClauseResult | Explanation) -> list[str]:
    mark = "✓ pass" if _passed(node) else "✗ fail"
    if isinstance(node, Explanation):
        kind = "all of" if node.operator == "and" else "any of"
        return [mark, f"( {kind} {len(node.children)} )", "", node.error or ""]
    why = node.error or node.hint or ""
    return [mark, node.text, _value_text(node), why]


def _summary(explanation: Explanation) -> str:
    if explanation.error and not explanation.children:
        return f"No match: {explanation.error}"
    verdict = "Matches" if explanation.matched else "Does not match"
    count = len(explanation.children)
    if count == 1:
        return f"{verdict} the selected event."
    kind = "all" if explanation.operator == "and" else "any"
    text = f"{verdict} the selected event ({kind} of {count} conditions must pass)."
    return f"{text} {explanation.error}" if explanation.error else text
