"""Send one Jimo Cloud request by hand: edit the payload, see Segment's checks as you type."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector.core.destinations import user_request
from inspector.core.errors import InspectorError
from inspector.core.inspection import SubscriptionResult
from inspector.core.secrets import FoundKey
from inspector.core.send import (
    JIMO_BASE_URL,
    Sender,
    SendOptions,
    UnitResult,
    check_edited_payload,
    manual_request,
    parse_target,
)
from inspector.core.tasks import TaskOwner
from inspector.qt.send_results import describe

__all__ = ["RequestSendDialog"]


def _pretty(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


class RequestSendDialog(QDialog):
    """The payload of one subscription's result, editable, and a Send button."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        tasks: TaskOwner,
        result: SubscriptionResult,
        message_id: str,
        index: int,
        key: Callable[[], FoundKey],
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("requestSendDialog")
        self.setWindowTitle(f"Send this request: {result.subscription}, event {index + 1}")
        self.resize(760, 640)
        self._tasks, self._result = tasks, result
        self._message_id, self._index, self._transport = message_id, index, transport
        self._payload: dict[str, Any] | None = None
        self._found = key()  # looked up once, not at every keystroke
        self.mapped = (
            result.mapping_output if result.mapping_output is not None else (result.payload or {})
        )
        self._build()
        self.reset()

    def _build(self) -> None:
        mono = QFont("monospace")
        self.base_url = QLineEdit(self)
        self.base_url.setPlaceholderText(f"{JIMO_BASE_URL} (default)")
        self.key_label = QLabel(self)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("payloadEditor")
        self.editor.setFont(mono)
        self.problems = QLabel(self)
        self.problems.setObjectName("payloadProblems")
        self.problems.setWordWrap(True)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setFont(mono)
        self.outcome = QPlainTextEdit(self)
        self.outcome.setObjectName("sendOutcome")
        self.outcome.setReadOnly(True)
        self.outcome.setFont(mono)
        self.outcome.setPlaceholderText("The answer appears here after Send.")
        self.reset_button = QPushButton("Reset to the mapped payload", self)
        self.send = QPushButton("&Send", self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.send, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.close)
        form = QFormLayout()
        form.addRow("Base URL", self.base_url)
        form.addRow("Key", self.key_label)
        split = QSplitter(Qt.Orientation.Vertical, self)
        for widget in (self.editor, self.preview, self.outcome):
            split.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Payload (mapping output; edit it to try another one)", self))
        layout.addWidget(split, 1)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.editor.textChanged.connect(self._check)
        self.base_url.textChanged.connect(self._check)
        self.reset_button.clicked.connect(self.reset)
        self.send.clicked.connect(self._send)

    def reset(self) -> None:
        """Back to what the mapping produced for this event."""
        self.editor.setPlainText(_pretty(self.mapped))

    def _check(self) -> None:
        payload, errors = check_edited_payload(self.editor.toPlainText(), self._result.action)
        self._payload = payload if not errors else None
        if errors:
            self.problems.setText("\n".join(errors))
            self.problems.setStyleSheet("color: #c62828")
        else:
            self.problems.setText("The payload passes Segment's checks.")
            self.problems.setStyleSheet("color: #2e7d32")
        found = self._found
        self.key_label.setText(found.masked or "no key: store one in Send → Send events…")
        if self._payload is None:
            self.preview.setPlainText("// Segment would not send this payload (see below)")
        else:
            self.preview.setPlainText(self._request_text(self._payload, found.secret or ""))
        self.send.setEnabled(self._payload is not None and bool(found.secret))

    def _base(self) -> str:
        """The base URL typed, or the default; raises ConfigError for a non-http(s) one."""
        return parse_target("jimo-cloud", self.base_url.text().strip() or None).url

    def _request_text(self, payload: dict[str, Any], key: str) -> str:
        request = user_request(payload, {"apiKey": key})
        try:
            url = request.url.replace(JIMO_BASE_URL, self._base(), 1)
        except InspectorError as exc:
            url = f"{request.url}  ({exc})"
        head = [f"{request.method} {url}"]
        head += [f"{k}: {v}" for k, v in request.headers.items()]
        return "\n".join(head) + "\n\n" + _pretty(request.json)

    def _send(self) -> None:
        found = self._found
        if self._payload is None or not found.secret:
            return
        try:
            base = self._base()
        except InspectorError as exc:
            self.outcome.setPlainText(str(exc))
            return
        request = manual_request(
            self._payload,
            found.secret,
            subscription=self._result.subscription,
            message_id=self._message_id,
            index=self._index,
            base_url=base,
        )
        self.send.setEnabled(False)
        self.outcome.setPlainText("Sending…")

        def show(result: UnitResult) -> None:
            self.outcome.setPlainText(describe(result))

        async def run() -> None:
            sender = Sender(
                [request],
                SendOptions(concurrency=1, resend=True),
                on_result=show,
                transport=self._transport,
            )
            try:
                await sender.run()
            finally:
                self.send.setEnabled(True)

        self._tasks.spawn(run(), name="send one request")
