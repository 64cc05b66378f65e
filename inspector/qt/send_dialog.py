"""The Send dialog: target, key, which events; a dry run first, then Send with progress.

Sending runs on the application's asyncio loop (the dialog spawns owned tasks); building the
requests (which inspects the events) runs in a worker thread, so the window never blocks.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

import httpx
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector.core.destinations import DestinationConfig
from inspector.core.errors import InspectorError
from inspector.core.secrets import NO_KEYRING, FoundKey, KeyStore, default_store, find_key
from inspector.core.send import (
    SEGMENT_CDN,
    Ledger,
    Sender,
    SendOptions,
    SendRequest,
    Target,
    UnitResult,
    build_requests,
    parse_target,
    verify_key,
    verify_write_key,
)
from inspector.core.tasks import TaskOwner
from inspector.qt.send_results import SendResults

__all__ = ["SendDialog", "SCOPES"]

SCOPES = (
    ("selected", "Selected events"),
    ("filtered", "Events the filter shows"),
    ("all", "Whole session"),
)
_TARGETS = (("jimo-cloud", "Jimo Cloud"), ("segment", "Segment HTTP API"), ("url", "Custom URL"))
_PLACEHOLDERS = {
    "jimo-cloud": "https://karabor-sewers.usejimo.com (default)",
    "segment": "us (default), eu, or a URL",
    "url": "https://example.test/hook",
}


def _spin(parent: QWidget, low: int, high: int, value: int, suffix: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(f" {suffix}")
    return box


class SendDialog(QDialog):
    """Send events of the session for real; ``events(scope)`` gives the events of a scope."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        tasks: TaskOwner,
        events: Callable[[str], Sequence[Any]],
        config: Callable[[], DestinationConfig],
        ledger_path: str | Callable[[], str],
        keys: KeyStore = default_store,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Send events")
        self.setObjectName("sendDialog")
        self.resize(980, 680)
        self._tasks, self._events, self._config = tasks, events, config
        self._ledger_path, self._keys, self._transport = ledger_path, keys, transport
        self.active: Sender | None = None
        self.segment_cdn = SEGMENT_CDN
        self._requests: list[SendRequest] = []
        self._pending: list[UnitResult] = []
        self._build()
        self._target_changed()

    # -- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.target = QComboBox(self)
        for key, label in _TARGETS:
            self.target.addItem(label, key)
        self.base_url = QLineEdit(self)
        self.body = QComboBox(self)
        self.body.addItems(["event", "payload", "commands"])
        self.headers = QLineEdit(self)
        self.headers.setObjectName("sendHeaders")
        self.headers.setPlaceholderText("Name: value; Other-Name: value")
        self.scope = QComboBox(self)
        for key, label in SCOPES:
            self.scope.addItem(label, key)
        self.key_label = QLabel(self)
        self.key_label.setObjectName("keyStatus")
        self.key_edit = QLineEdit(self)
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText("paste a key to store it in the keyring")
        self.save_key = QPushButton("Save key", self)
        self.verify = QPushButton("Verify key", self)
        key_row = QHBoxLayout()
        for widget in (self.key_edit, self.save_key, self.verify):
            key_row.addWidget(widget)
        form = QFormLayout()
        form.addRow("Target", self.target)
        form.addRow("Base URL", self.base_url)
        form.addRow("Body", self.body)
        form.addRow("Headers", self.headers)
        form.addRow("Key", self.key_label)
        form.addRow("", key_row)
        form.addRow("Events", self.scope)
        self.concurrency = _spin(self, 1, 64, 8, "requests at a time")
        self.retries = _spin(self, 0, 10, 3, "retries")
        tuning = QHBoxLayout()
        tuning.addWidget(self.concurrency)
        tuning.addWidget(self.retries)
        tuning.addStretch(1)
        form.addRow("Delivery", tuning)
        self.dry_run = QPushButton("&Dry run", self)
        self.send = QPushButton("&Send", self)
        self.cancel = QPushButton("Cancel sending", self)
        self.retry = QPushButton("&Retry failed", self)
        buttons = QDialogButtonBox(self)
        for button in (self.dry_run, self.send, self.cancel, self.retry):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.close)
        self.progress = QProgressBar(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("sendSummary")
        self.summary.setWordWrap(True)
        self.results = SendResults(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.target.currentIndexChanged.connect(self._target_changed)
        self.save_key.clicked.connect(self._save_key)
        self.verify.clicked.connect(self._verify)
        self.dry_run.clicked.connect(lambda: self._start(dry=True))
        self.send.clicked.connect(lambda: self._start(dry=False))
        self.cancel.clicked.connect(self._cancel)
        self.retry.clicked.connect(self._retry_failed)
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(100)
        self._flush_timer.timeout.connect(self._flush_results)
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.dry_run,
            self.send,
            self.retry,
            self.target,
            self.scope,
            self.concurrency,
            self.retries,
        ):
            widget.setEnabled(not running)
        self.cancel.setEnabled(running)
        self.retry.setEnabled(not running and bool(self.results.failed()))

    # -- target and key -----------------------------------------------------------------------
    @property
    def target_kind(self) -> str:
        return str(self.target.currentData())

    def _target_changed(self) -> None:
        kind = self.target_kind
        self.base_url.setPlaceholderText(_PLACEHOLDERS[kind])
        self.body.setEnabled(kind == "url")
        self.headers.setEnabled(kind == "url")
        self.verify.setEnabled(kind != "url")
        self.key_edit.setEnabled(kind != "url")
        self.save_key.setEnabled(kind != "url")
        self._show_key()

    def _account(self) -> str | None:
        return {"jimo-cloud": "jimo-cloud-api-key", "segment": "segment-write-key"}.get(
            self.target_kind
        )

    def found_key(self) -> FoundKey:
        account = self._account()
        if account is None:
            return FoundKey(None, None)
        raw = self._config().settings.get("apiKey") if account.startswith("jimo") else None
        return find_key(account, config_value=raw, store=self._keys)

    def _show_key(self) -> None:
        if self._account() is None:
            self.key_label.setText("none needed (add an Authorization header if the URL wants one)")
            return
        found = self.found_key()
        where = {
            "keyring": "in the keyring",
            "this run": NO_KEYRING,
            "config": "in the config: moved to the keyring when it is saved",
        }
        text = (
            f"{found.masked} ({where.get(found.source or '', found.source)})"
            if found.secret
            else "no key yet: paste one below and Save"
        )
        if self._keys.persistent is False and found.source != "this run":
            text += f"; {NO_KEYRING}"
        self.key_label.setText(text)

    def _save_key(self) -> None:
        account, secret = self._account(), self.key_edit.text().strip()
        if account is None or not secret:
            return
        self._keys.set(account, secret)
        self.key_edit.clear()
        self._show_key()

    def _verify(self) -> None:
        found = self.found_key()
        if not found.secret:
            self.summary.setText("No key to verify.")
            return
        secret = found.secret
        if self.target_kind == "segment":
            check_key = verify_write_key(secret, self.segment_cdn, transport=self._transport)
        else:
            try:
                target = parse_target("jimo-cloud", self.base_url.text().strip() or None)
            except InspectorError as exc:
                self.summary.setText(str(exc))
                return
            check_key = verify_key(secret, target.url, transport=self._transport)
        self.summary.setText("Verifying the key…")

        async def check() -> None:
            ok, sentence = await check_key
            self.summary.setText(("Key valid: " if ok else "Key check failed: ") + sentence)

        self._tasks.spawn(check(), name="verify key")

    # -- sending ------------------------------------------------------------------------------
    def _target(self) -> Target:
        kind, base = self.target_kind, self.base_url.text().strip() or None
        if kind == "url":
            if not base:
                raise InspectorError("Enter the URL to send to.")
            return parse_target(base, None, self.body.currentText())
        return parse_target(kind, base)

    def _extra_headers(self) -> dict[str, str]:
        """The custom URL's headers, ``Name: value`` separated by semicolons."""
        out = {}
        for part in self.headers.text().split(";"):
            if not part.strip():
                continue
            name, sep, value = part.partition(":")
            if not sep or not name.strip():
                raise InspectorError(f"A header is 'Name: value', got {part.strip()!r}.")
            out[name.strip()] = value.strip()
        return out

    def _start(self, *, dry: bool) -> None:
        try:
            target = self._target()
            headers = self._extra_headers() if target.kind == "custom" else {}
        except InspectorError as exc:
            self.summary.setText(str(exc))
            return
        found = self.found_key()
        if target.account is not None and not found.secret and not dry:
            self.summary.setText(f"No key for {target.label}: paste one and Save first.")
            return
        events = list(self._events(str(self.scope.currentData())))
        if not events:
            self.summary.setText("No events in this scope.")
            return
        self._set_running(True)
        self.results.clear()
        self.summary.setText(f"Preparing {len(events):,} event(s)…")
        key = found.secret or ("(no key)" if target.account else "")
        self._tasks.spawn(
            self._prepare_and_run(target, events, key, headers, dry), name="send events"
        )

    async def _prepare_and_run(
        self, target: Target, events: list[Any], key: str, headers: dict[str, str], dry: bool
    ) -> None:
        try:
            config = self._config()
            cfg = (
                config
                if target.kind != "jimo-cloud" or config.destination.endswith("cloud")
                else None
            )
            requests = await asyncio.to_thread(
                lambda: list(build_requests(target, events, cfg, key, headers))
            )
        except InspectorError as exc:
            self.summary.setText(str(exc))
            self._set_running(False)
            return
        self._requests = requests
        if dry:
            self._show_dry_run(requests)
        else:
            await self._run(requests)

    def _show_dry_run(self, requests: list[SendRequest]) -> None:
        rows = []
        for request in requests:
            for unit in request.units:
                shown = {"headers": request.shown_headers, "body": unit.shown}
                outcome = "failed" if unit.problem else "dry-run"
                rows.append(
                    UnitResult(unit, request.method, outcome, reason=unit.problem, request=shown)
                )
        self.results.add(rows)
        self.summary.setText(
            f"Dry run: {len(rows):,} request(s) would be sent to "
            f"{requests[0].url if requests else 'nowhere'}; nothing was sent."
        )
        self._set_running(False)

    async def _run(self, requests: list[SendRequest], resend: bool = False) -> None:
        units = sum(len(r.units) for r in requests)
        self.progress.setRange(0, max(units, 1))
        self.progress.setValue(0)
        # the session's own file when it has one: the ledger follows Save as and Close all
        path = self._ledger_path() if callable(self._ledger_path) else self._ledger_path
        ledger = await asyncio.to_thread(Ledger, path)
        self.active = Sender(
            requests,
            SendOptions(
                concurrency=self.concurrency.value(),
                attempts=self.retries.value() + 1,
                resend=resend,
            ),
            ledger=ledger,
            on_result=self._pending.append,
            transport=self._transport,
        )
        self._flush_timer.start()
        try:
            summary = await self.active.run()
        finally:
            await asyncio.to_thread(ledger.close)
            self._flush_timer.stop()
            self._flush_results()
        counts = ", ".join(f"{v:,} {k}" for k, v in summary.counts.items())
        dup = summary.possible_duplicates
        self.summary.setText(
            ("Cancelled: " if summary.cancelled else "Done: ")
            + counts
            + (f"; {dup} possible duplicate(s)" if dup else "")
        )
        self.active = None
        self._set_running(False)

    def _flush_results(self) -> None:
        if self._pending:
            batch = list(self._pending)
            self._pending.clear()  # the sender holds this list's append
            self.results.add(batch)
            self.progress.setValue(len(self.results.results))

    def _cancel(self) -> None:
        if self.active is not None:
            abort = self.active.cancelled  # a second click cuts requests in flight
            self.active.cancel(abort=abort)
            self.summary.setText(
                "Cancelling: no new requests"
                + ("; aborting those in flight" if abort else "; waiting for those in flight")
            )

    def _retry_failed(self) -> None:
        keys = {r.unit.key for r in self.results.failed() if r.unit.problem is None}
        requests = [r for r in self._requests if any(u.key in keys for u in r.units)]
        if not requests:
            return
        self._set_running(True)
        self.results.clear()
        self._tasks.spawn(self._run(requests), name="retry failed sends")

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if self.active is not None:
            self.active.cancel()
        super().closeEvent(event)
