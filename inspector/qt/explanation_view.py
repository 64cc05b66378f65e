"""The trigger explained clause by clause, with near-miss hints and lint warnings."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from inspector.core.fql import Explanation, LintWarning, Trigger
from inspector.qt.json_view import monospace

__all__ = ["ExplanationView"]

_PASS, _FAIL = "#1e7d45", "#c62828"


def _value(found: bool, value: Any) -> str:
    return "missing" if not found else json.dumps(value, ensure_ascii=False)


class ExplanationView(QWidget):
    """Shows ``trigger.explain(event)`` as a tree, and ``trigger.lint()`` below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trigger_label = QLabel(self)
        self.trigger_label.setFont(monospace())
        self.trigger_label.setWordWrap(True)
        self.trigger_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict_label = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Trigger explanation")
        self.tree.setHeaderLabels(["Clause", "Actual", "Expected", "Result"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 240)
        self.lint_label = QLabel(self)
        self.lint_label.setWordWrap(True)
        self.lint_label.setTextFormat(Qt.TextFormat.RichText)
        self.lint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.trigger_label)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.lint_label)

    def show_trigger(self, trigger: Trigger | None, event: dict[str, Any] | None) -> None:
        self.tree.clear()
        if trigger is None:
            self.trigger_label.clear()
            self.verdict_label.clear()
            self.lint_label.clear()
            return
        self.trigger_label.setText(trigger.source)
        if trigger.error is not None:
            where = (
                f" at character {trigger.error.position + 1}"
                if trigger.error.position is not None
                else ""
            )
            self.verdict_label.setText(
                f"<span style='color:{_FAIL}'><b>The trigger does not parse{where}:</b> "
                f"{trigger.error.message}. Segment never runs this mapping.</span>"
            )
        elif event is not None:
            explanation = trigger.explain(event)
            colour, word = (_PASS, "matches") if explanation.matched else (_FAIL, "does not match")
            self.verdict_label.setText(
                f"<b style='color:{colour}'>The trigger {word} this event.</b>"
            )
            self._add_group(self.tree.invisibleRootItem(), explanation)
            self.tree.expandAll()
            for column in (1, 2, 3):
                self.tree.resizeColumnToContents(column)
        self._show_lint(trigger.lint())

    def _add_group(self, parent: QTreeWidgetItem, group: Explanation) -> None:
        word = "all of (and)" if group.operator == "and" else "any of (or)"
        node = QTreeWidgetItem(parent, [word, "", "", "✓ pass" if group.matched else "✗ fail"])
        self._mark(node, group.matched)
        bold = QFont(node.font(0))
        bold.setBold(True)
        node.setFont(0, bold)
        if group.error:
            QTreeWidgetItem(node, [f"⚠ {group.error}"])
        for child in group.children:
            if isinstance(child, Explanation):
                self._add_group(node, child)
                continue
            item = QTreeWidgetItem(
                node,
                [
                    child.text,
                    _value(child.found, child.to_dict()["actual"]),
                    "" if child.expected is None else json.dumps(child.to_dict()["expected"]),
                    "✓ pass" if child.passed else "✗ fail",
                ],
            )
            item.setToolTip(0, f"reads {child.path}")
            self._mark(item, child.passed)
            if child.hint:
                hint = QTreeWidgetItem(item, [f"→ {child.hint}"])
                hint.setFirstColumnSpanned(True)
                hint.setForeground(0, QColor("#8a5a00"))
            if child.error:
                QTreeWidgetItem(item, [f"⚠ {child.error}"]).setFirstColumnSpanned(True)

    @staticmethod
    def _mark(item: QTreeWidgetItem, passed: bool) -> None:
        item.setForeground(3, QColor(_PASS if passed else _FAIL))

    def _show_lint(self, warnings: list[LintWarning]) -> None:
        if not warnings:
            self.lint_label.clear()
            return
        rows = []
        for w in warnings:
            where = f" (character {w.position + 1})" if w.position is not None else ""
            fix = f"<br>&nbsp;&nbsp;→ <code>{_html(w.suggestion)}</code>" if w.suggestion else ""
            rows.append(f"⚠ {_html(w.message)}{where}{fix}")
        self.lint_label.setText("<b>Lint</b><br>" + "<br>".join(rows))

    def items_text(self) -> list[str]:
        """Every row's text, depth-first (tests read it)."""
        out: list[str] = []

        def walk(item: QTreeWidgetItem, depth: int) -> None:
            for i in range(item.childCount()):
                child = item.child(i)
                cols = [child.text(c) for c in range(4) if child.text(c)]
                out.append("  " * depth + " | ".join(cols))
                walk(child, depth + 1)

        walk(self.tree.invisibleRootItem(), 0)
        return out


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
