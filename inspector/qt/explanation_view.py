"""A trigger explained against one event: the verdict, then one row per clause with its why."""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.evaluation import Verdict
from inspector.core.fql import ClauseResult, Explanation, LintWarning, Trigger, TriggerSyntaxError
from inspector.qt.json_view import monospace
from inspector.qt.verdict_style import palette_is_dark, verdict_colour

__all__ = ["ExplanationView", "NO_EVENT_TEXT"]

Index = QModelIndex | QPersistentModelIndex
NO_EVENT_TEXT = "Select an event to see how this trigger reads it."
def _verdict_colour(passed: bool, widget: QWidget) -> QColor:
    verdict = Verdict.DELIVERED if passed else Verdict.TRIGGER_ERROR
    return verdict_colour(verdict, palette_is_dark(widget.palette()))
_HEADERS = ("", "Clause", "Found", "Expected", "Why")
_WHY = len(_HEADERS) - 1
# Columns 1-3 fit their contents up to these widths, and together to 3/5 of a narrow view:
# "Why" takes the rest and wraps, so a near-miss hint stays in sight in the Mappings panel.
_WIDEST = {1: 240, 2: 160, 3: 120}
_NARROWEST = 48


class ExplanationView(QWidget):
    """The verdict line ("Matches the selected event …") above one tree row per clause.

    A row shows pass or fail, the clause, the value found in the event, the value expected and
    why (the near-miss hint, or where Segment's ``validate()`` throws); nested groups are rows
    with their clauses under them.

    Args:
        parent: the parent widget.
        trigger_details: also show the trigger's text, its parse error and its lint warnings,
            for places with no trigger editor beside the view (the Mappings panel).
    """

    def __init__(self, parent: QWidget | None = None, *, trigger_details: bool = True) -> None:
        super().__init__(parent)
        self._details = trigger_details
        self.source = QLabel(self)
        self.source.setAccessibleName("Trigger text")
        self.source.setFont(monospace())
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(NO_EVENT_TEXT, self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Trigger verdict")
        self.tree = _ClauseTree(self)
        self.lint_label = QLabel(self)
        self.lint_label.setAccessibleName("Trigger lint warnings")
        self.lint_label.setWordWrap(True)
        self.lint_label.setTextFormat(Qt.TextFormat.RichText)
        self.lint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source.setVisible(trigger_details)
        self.lint_label.setVisible(False)
        layout = QVBoxLayout(self)
        margin = 4 if trigger_details else 0  # a tab page of its own wants a little air
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addWidget(self.source)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addStretch(0)  # takes the room while the tree is hidden
        layout.addWidget(self.lint_label)

    def show_explanation(self, trigger: Trigger | None, event: dict[str, Any] | None) -> None:
        """Explain ``trigger`` against ``event``.

        Args:
            trigger: the trigger (``None``: no subscription selected; the view is emptied).
            event: the event (``None``: no event selected).
        """
        self.tree.clear()
        self.source.setText(trigger.source if trigger is not None else "")
        self._show_lint(trigger.lint() if trigger is not None and self._details else [])
        if trigger is None:
            self._show_summary("", None)
        elif self._details and trigger.error is not None:
            self._show_summary(_parse_error_text(trigger.error), False)
        elif event is None:
            self._show_summary(NO_EVENT_TEXT, None)
        else:
            explanation = trigger.explain(event)
            self._show_summary(_summary(explanation), explanation.matched)
            self._add_children(self.tree.invisibleRootItem(), explanation)
            self.tree.expandAll()
            nested = any(isinstance(c, Explanation) for c in explanation.children)
            self.tree.setRootIsDecorated(nested)
            self.tree.fit_columns()
            self.tree.setVisible(bool(explanation.children))
            return
        self.tree.setVisible(False)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and self.tree.topLevelItemCount():
            self.tree.fit_columns()

    def rows(self) -> list[list[str]]:
        """Every row's texts, depth first (for tests and accessibility checks)."""
        out: list[list[str]] = []
        stack = [self.tree.topLevelItem(i) for i in reversed(range(self.tree.topLevelItemCount()))]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            out.append([item.text(c) for c in range(len(_HEADERS))])
            stack.extend(item.child(i) for i in reversed(range(item.childCount())))
        return out

    def _show_summary(self, text: str, matched: bool | None) -> None:
        self.summary.setText(text)
        colour = None if matched is None else _verdict_colour(matched, self)
        self.summary.setStyleSheet(f"color: {colour.name()};" if colour is not None else "")

    def _add_children(self, parent: QTreeWidgetItem, group: Explanation) -> None:
        for child in group.children:
            item = QTreeWidgetItem(parent, _row(child))
            item.setForeground(0, _verdict_colour(_passed(child), self))
            for column in range(len(_HEADERS)):
                item.setToolTip(column, item.text(column))
            if isinstance(child, ClauseResult):
                item.setToolTip(1, f"{child.text}\nreads {child.path}")
            else:
                self._add_children(item, child)

    def _show_lint(self, warnings: list[LintWarning]) -> None:
        rows = []
        for w in warnings:
            where = f" (character {w.position + 1})" if w.position is not None else ""
            fix = (
                f"<br>&nbsp;&nbsp;→ <code>{html.escape(w.suggestion, quote=False)}</code>"
                if w.suggestion
                else ""
            )
            rows.append(f"⚠ {html.escape(w.message, quote=False)}{where}{fix}")
        self.lint_label.setText("<b>Lint</b><br>" + "<br>".join(rows) if rows else "")
        self.lint_label.setVisible(bool(rows))


class _WrapWhy(QStyledItemDelegate):
    """Wraps the "Why" column onto as many lines as it needs; the other columns elide."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.column() == _WHY:
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        if index.column() != _WHY:
            return super().sizeHint(option, index)
        # QTreeView asks with no width, which would put the whole text on one line.
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, self._tree.columnWidth(_WHY), 1)  # valid: has a height
        return super().sizeHint(sized, index)


class _ClauseTree(QTreeWidget):
    """The clause rows, with columns fitted to the text and to the room there is."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName("Trigger explanation")
        self.setHeaderLabels(list(_HEADERS))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)  # a long "why" takes more lines
        self.setAlternatingRowColors(True)
        self.setItemDelegate(_WrapWhy(self))
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(self._on_section_resized)
        self.setVisible(False)

    def fit_columns(self) -> None:
        """Fit the clause, found and expected columns to their text, leaving "Why" room.

        Measured on the whole tree, not its viewport: a scroll bar coming or going must not
        refit the columns, or they could make it come and go in a loop.
        """
        wanted = {}
        for column, widest in _WIDEST.items():
            self.resizeColumnToContents(column)
            wanted[column] = min(self.columnWidth(column), widest)
        room = (self.width() - 2 * self.frameWidth() - self.columnWidth(0)) * 3 // 5
        scale = min(1.0, room / sum(wanted.values()))
        for column, width in wanted.items():
            self.setColumnWidth(column, max(_NARROWEST, int(width * scale)))

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == _WHY:
            # The wrapped rows change height. Laid out later: while the header is still
            # resizing its sections, it reports the old widths.
            self.scheduleDelayedItemsLayout()


def _passed(node: ClauseResult | Explanation) -> bool:
    return node.passed if isinstance(node, ClauseResult) else node.matched


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _row(node: ClauseResult | Explanation) -> list[str]:
    mark = "✓ pass" if _passed(node) else "✗ fail"
    if isinstance(node, Explanation):
        kind = "all of" if node.operator == "and" else "any of"
        return [mark, f"( {kind} {len(node.children)} )", "", "", node.error or ""]
    values = node.to_dict()
    found = _json(values["actual"]) if node.found else "missing"
    expected = "" if node.expected is None else _json(values["expected"])
    return [mark, node.text, found, expected, node.error or node.hint or ""]


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


def _parse_error_text(error: TriggerSyntaxError) -> str:
    where = f" at character {error.position + 1}" if error.position is not None else ""
    return f"The trigger does not parse{where}: {error.message}. Segment never runs this mapping."
