"""The Mappings panel: every subscription's verdict for the selected event, and its detail.

Detail tabs: *Why* (the trigger clause by clause, lint), *Payload* (what ``perform`` receives;
click a field to see where in the event it came from), *Jimo* (the SDK commands pushed, or the
HTTP request sent), and *Problems* (mapping and validation errors, hazards, notes).
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QResizeEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.core.evaluation import verdict_of
from inspector.core.inspection import EventInspection, SubscriptionResult, numbered_from_one
from inspector.core.jsonpaths import locate_paths, path_at
from inspector.qt.clipboard import CopyButton
from inspector.qt.explanation_view import ExplanationView
from inspector.qt.json_view import JsonView, pretty_json
from inspector.qt.verdict_list import VerdictListModel

__all__ = ["MappingsPanel", "request_text", "commands_text", "MAX_LIST_SHARE"]

MAX_LIST_SHARE = 0.5
"""The mappings list grows with its rows up to this share of the panel's height."""


def commands_text(result: SubscriptionResult) -> str:
    """The SDK queue as JavaScript the page would run, one push per line."""
    lines = []
    for command in result.commands:
        mark = "  // pushed by the SDK's callback" if command.from_callback else ""
        lines.append(
            f"window.jimo.push({json.dumps(command.to_json(), ensure_ascii=False)});{mark}"
        )
    for event in result.dispatched_events:
        lines.append(f"window.dispatchEvent(new CustomEvent({json.dumps(event.type)}));")
    if result.jimo_init_called:
        lines.append("window.jimoInit();")
    return "\n".join(lines)


def request_text(result: SubscriptionResult) -> str:
    """The HTTP request as a raw message (key masked)."""
    request = result.request
    if request is None:
        return ""
    head = [f"{request.method} {request.url}"] + [f"{k}: {v}" for k, v in request.headers.items()]
    body = (
        ""
        if request.json is None
        else "\n\n" + json.dumps(request.json, indent=2, ensure_ascii=False)
    )
    return "\n".join(head) + body


def curl_command(result: SubscriptionResult, key: str | None = None) -> str:
    """The request as a curl command line: the key masked, or ``key`` put in (Copy with key)."""
    request = result.request
    if request is None:
        return ""
    headers = dict(request.headers)
    if key and "Authorization" in headers:
        headers["Authorization"] = f"Bearer {key}"
    parts = [f"curl -X {request.method} {shlex.quote(request.url)}"]
    parts += [f"-H {shlex.quote(f'{k}: {v}')}" for k, v in headers.items()]
    if request.body is not None:
        parts.append(f"--data-raw {shlex.quote(request.body.decode())}")
    return " \\\n  ".join(parts)


class MappingsPanel(QWidget):
    """Signals:
    event_paths_requested(list): payload field clicked; these event paths fed it.
    subscription_selected(int): the user picked a subscription (config index).
    send_requested(): "Send this request…" was clicked on the Request tab.
    """

    event_paths_requested = Signal(list)
    subscription_selected = Signal(int)
    send_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        key_source: Callable[[], str | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.key_source = key_source
        """The destination's API key, for "Copy with key" (None: none set)."""
        self.model = VerdictListModel(self)
        self.table = QTableView(self)
        self.table.setAccessibleName("Mappings and their verdicts")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 150)
        header.resizeSection(2, 110)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

        self.explanation = ExplanationView(self)
        self.payload = JsonView(self)
        self.payload.setAccessibleName("Payload")
        self.payload.cursorPositionChanged.connect(self._on_payload_cursor)
        self.payload_hint = QLabel(
            "Click a payload field to see the event field it came from.", self
        )
        self.payload_hint.setWordWrap(True)
        self.jimo = JsonView(self)
        self.jimo.setAccessibleName("Jimo SDK commands or HTTP request")
        # a command with a long payload is one line of JavaScript: wrap it rather than hide it
        self.jimo.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.jimo_label = QLabel(self)
        self.curl_button = CopyButton(
            "Copy as curl",
            "the request as a curl command",
            self._curl,
            self,
            note=lambda: "The key is masked: put your own in before running it.",
        )
        self.curl_button.hide()
        self.curl_key_button = CopyButton(
            "Copy with key",
            "the request as a curl command, with the API key",
            lambda: self._curl(with_key=True),
            self,
            note=lambda: "It holds the API key: keep it private.",
        )
        self.curl_key_button.setToolTip("A curl command that runs as it is: the API key is in it")
        self.curl_key_button.hide()
        self.send_button = QPushButton("Send this request…", self)
        self.send_button.clicked.connect(self.send_requested.emit)
        self.send_button.hide()
        self.problems = QTextBrowser(self)
        self.problems.setAccessibleName("Problems")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.explanation, "Why")
        self.tabs.addTab(
            self._with_bar(
                self.payload,
                self.payload_hint,
                CopyButton("Copy payload", "the payload", self.payload.toPlainText, self),
            ),
            "Payload",
        )
        self.tabs.addTab(
            self._with_bar(
                self.jimo,
                self.jimo_label,
                self.curl_button,
                self.curl_key_button,
                self.send_button,
                CopyButton("Copy", "what Jimo receives", self.jimo.toPlainText, self),
            ),
            "Jimo",
        )
        self.tabs.addTab(self.problems, "Problems")

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([170, 500])
        splitter.splitterMoved.connect(self._on_splitter_moved)
        self.splitter = splitter
        self._fitted_rows = -1  # the row count the list was last sized for
        self._user_sized = False
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._apply_fit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._inspection: EventInspection | None = None
        self._event: dict[str, Any] | None = None
        self._current = 0
        self._chosen: int | None = None  # the subscription the user picked, kept across events
        self._selecting = False
        self._payload_spans: dict[str, Any] = {}

    def _with_bar(self, view: QWidget, label: QLabel, *buttons: QWidget) -> QWidget:
        box = QWidget(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(label, 1)
        for widget in buttons:
            bar.addWidget(widget)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(view, 1)
        return box

    # -- input --------------------------------------------------------------------------------
    def show_inspection(
        self, inspection: EventInspection | None, event: dict[str, Any] | None
    ) -> None:
        """Show every subscription's verdict for this event.

        The subscription the user picked stays selected; until they pick one, the first that
        matched this event is (else the first).
        """
        self._inspection, self._event = inspection, event
        self.model.set_inspection(inspection)
        self._fit_list()
        row = self._row_to_select()
        if row >= 0:
            self._selecting = True
            try:
                self.table.selectRow(row)
            finally:
                self._selecting = False
            self._current = row
            self._show_detail(row)
        else:
            self._show_detail(-1)

    def _fit_list(self) -> None:
        """Soon make the list as tall as its rows (up to ``MAX_LIST_SHARE`` of the panel)."""
        rows = self.model.rowCount()
        if rows != self._fitted_rows and not self._user_sized and rows:
            # later, not inside the model reset and selection change that brought the rows
            self._fit_timer.start()

    def _apply_fit(self) -> None:
        rows = self.model.rowCount()
        if rows == self._fitted_rows or self._user_sized or not rows:
            return
        self._fitted_rows = rows
        table = self.table
        wanted = (
            table.horizontalHeader().sizeHint().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
            + 2
        )
        total = sum(self.splitter.sizes()) or self.height()
        height = min(wanted, int(total * MAX_LIST_SHARE))
        self.splitter.setSizes([height, max(total - height, 1)])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height() and hasattr(self, "_fit_timer"):
            self._fitted_rows = -1  # refit for the new height
            self._fit_list()

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._user_sized = True  # the user's split stays

    def _row_to_select(self) -> int:
        count = self.model.rowCount()
        if self._chosen is not None and self._chosen < count:
            return self._chosen
        for row in range(count):
            result = self.model.result(row)
            if result is not None and verdict_of(result).matched:
                return row
        return 0 if count else -1

    def select_subscription(self, row: int) -> None:
        """Select subscription ``row`` as if the user had clicked it."""
        if 0 <= row < self.model.rowCount():
            self._chosen = row
            self.table.selectRow(row)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._current = current.row()
            self._show_detail(current.row())
            if not self._selecting:
                # only the user's choice goes to the Destination tab: following the event
                # there would move its selection off what the user just added or picked
                self._chosen = current.row()
                self.subscription_selected.emit(current.row())

    def _curl(self, with_key: bool = False) -> str:
        result = self.current_result()
        if result is None:
            return ""
        return curl_command(result, self.key_source() if with_key else None)

    def current_result(self) -> SubscriptionResult | None:
        return self.model.result(self._current)

    def selected_payload(self) -> tuple[str, str] | None:
        """(mapping name, payload JSON) of the selected mapping, if it produced one."""
        result = self.current_result()
        if result is None or result.payload is None:
            return None
        return result.subscription, pretty_json(result.payload)

    @property
    def cloud_mode(self) -> bool:
        """The shown results come from a cloud-mode destination (no simulated SDK page)."""
        return self._inspection is not None and self._inspection.state is None

    # -- detail -------------------------------------------------------------------------------
    def _show_detail(self, row: int) -> None:
        result = self.model.result(row)
        if result is None:
            self.explanation.show_explanation(None, None)
            for view in (self.payload, self.jimo, self.problems):
                view.clear()
            self.tabs.setTabText(3, "Problems")  # nothing selected: nothing to count
            return
        self.explanation.show_explanation(result.trigger, self._event)
        self.payload.setPlainText("" if result.payload is None else pretty_json(result.payload))
        self._payload_spans = locate_paths(self.payload.toPlainText())
        if result.payload is None:
            self.payload.setPlainText(
                "// no payload: "
                + ("the mapping failed" if result.mapping_error else "the trigger did not match")
            )
        self.curl_button.setVisible(result.request is not None)
        self.curl_key_button.setVisible(result.request is not None)
        self.curl_key_button.setEnabled(bool(self.key_source()))
        self.send_button.setVisible(result.request is not None)
        if self.cloud_mode:
            self.jimo_label.setText("HTTP request Jimo Cloud receives (key masked)")
            self.jimo.setPlainText(
                request_text(result) or "// no request: " + _why_no_request(result)
            )
        else:
            self.jimo_label.setText("Commands pushed onto the Jimo SDK queue, in order")
            self.jimo.setPlainText(
                commands_text(result) or "// nothing reaches Jimo for this event"
            )
        self.problems.setHtml(self._problems_html(result))
        self._set_tab_titles(result)

    def _set_tab_titles(self, result: SubscriptionResult) -> None:
        count = self._problem_count(result)
        self.tabs.setTabText(3, f"Problems ({count})" if count else "Problems")
        # the destination's mode names the tab, whatever this result did
        self.tabs.setTabText(2, "Request" if self.cloud_mode else "Jimo SDK")

    def _problem_count(self, result: SubscriptionResult) -> int:
        hazards = [h for h in (self._inspection.hazards if self._inspection else [])]
        return (
            bool(result.trigger_error)
            + bool(result.mapping_error)
            + bool(result.perform_error)
            + len(result.errors)
            + len(hazards)
            + bool(result.dropped)
        )

    def _problems_html(self, result: SubscriptionResult) -> str:
        parts: list[str] = []

        def add(title: str, lines: list[str], colour: str) -> None:
            if lines:
                items = "".join(f"<li>{_html(line)}</li>" for line in lines)
                parts.append(f"<p><b style='color:{colour}'>{title}</b></p><ul>{items}</ul>")

        add("Trigger error", [result.trigger_error] if result.trigger_error else [], "#c62828")
        where = f" (at {result.mapping_error_location})" if result.mapping_error_location else ""
        add(
            "Mapping error",
            [f"{result.mapping_error}{where}"] if result.mapping_error else [],
            "#c62828",
        )
        add("Action error", [result.perform_error] if result.perform_error else [], "#c62828")
        add("Validation", list(result.errors), "#b35c00")
        hazards = self._inspection.hazards if self._inspection else []
        add("Session hazards at this event", [h.message for h in hazards], "#b35c00")
        add("Notes", [numbered_from_one(n) for n in result.notes], "#555555")
        return "".join(parts) or "<p style='color:gray'>No problems for this mapping and event.</p>"

    # -- provenance ---------------------------------------------------------------------------
    def _on_payload_cursor(self) -> None:
        result = self.current_result()
        if result is None or not result.provenance:
            return
        path = path_at(self._payload_spans, self.payload.textCursor().position())
        while path and path not in result.provenance:
            path = path.rpartition(".")[0]
        if not path:
            return
        origins = result.provenance.get(path, ())
        self.event_paths_requested.emit([o.event_path for o in origins])

    def mark_fields_using(self, event_path: str) -> list[str]:
        """Tint payload fields fed by ``event_path`` (or by a field inside it); returns them."""
        result = self.current_result()
        fields: list[str] = []
        if result is not None and event_path:
            for payload_path, origins in result.provenance.items():
                for origin in origins:
                    src = origin.event_path
                    if (
                        src == event_path
                        or src.startswith(event_path + ".")
                        or event_path.startswith(src + ".")
                        or src == ""
                    ):
                        fields.append(payload_path)
                        break
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(129, 212, 250, 110))
        selections = []
        for field in fields:
            span = self._payload_spans.get(field)
            if span is None:
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.payload.document())
            cursor.setPosition(span.key_start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.payload.setExtraSelections(selections)
        return fields


def _why_no_request(result: SubscriptionResult) -> str:
    if not result.enabled:
        return "the mapping is disabled"
    if not result.matched:
        return "the trigger did not match"
    if result.mapping_error:
        return "the mapping failed"
    if result.dropped:
        return f"Segment drops the event ({result.dropped.split(':')[0]})"
    return "the payload is invalid" if result.errors else "nothing was sent"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
