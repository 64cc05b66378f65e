"""Capture dialogs: "How to connect" (copyable snippets) and the capture's address settings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.capture import CaptureSettings, connect_snippets

__all__ = ["ConnectDialog", "CaptureSettingsDialog", "LOOPBACK_WARNING"]

LOOPBACK_WARNING = (
    "Listening on {host}: anyone who can reach this machine over the network can send events "
    "to this capture."
)


class _SnippetPage(QWidget):
    """One client's snippet: a hint, the code (read-only, monospace) and a Copy button."""

    def __init__(self, hint: str, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = QPlainTextEdit(code, self)
        self.code.setReadOnly(True)
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code.setAccessibleName("Code")
        self.copy_button = QPushButton("&Copy", self)
        self.copy_button.clicked.connect(self._copy)
        label = QLabel(hint, self)
        label.setWordWrap(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.code, 1)
        layout.addLayout(row)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code.toPlainText())
        self.copy_button.setText("Copied")


class ConnectDialog(QDialog):
    """How to point analytics.js, analytics-python, analytics-node or curl at the capture.

    Given ``start`` (the capture is stopped), the dialog says so and offers a Start button;
    ``start`` returns the address the capture then listens on, or None when it could not start.
    """

    def __init__(
        self,
        url: str,
        write_key: str | None,
        parent: QWidget | None = None,
        start: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("How to connect to the capture")
        self.resize(680, 420)
        self._write_key, self._start = write_key, start
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.pages: list[_SnippetPage] = []
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.start_button = buttons.addButton(
            "&Start capture", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.start_button.clicked.connect(self._on_start)
        self.start_button.setVisible(start is not None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self._show(url, listening=start is None)

    def _show(self, url: str, listening: bool) -> None:
        any_key = "" if self._write_key else " Any write key is accepted."
        if listening:
            text = (
                f"The capture listens on <b>{url}</b>. Point a Segment client here; every event "
                "it sends is stored and inspected as it arrives." + any_key
            )
        else:
            text = (
                f"The capture is <b>stopped</b>: nothing listens on {url} yet, so a client "
                "pointed there gets \u201cconnection refused\u201d. Start capture (Ctrl+R) to "
                "listen there; every event a Segment client then sends is stored and inspected."
                + any_key
            )
        self.intro.setText(text)
        self.tabs.clear()
        self.pages = []
        for snippet in connect_snippets(url, self._write_key):
            page = _SnippetPage(snippet.hint, snippet.code, self.tabs)
            self.pages.append(page)
            self.tabs.addTab(page, snippet.title)

    def _on_start(self) -> None:
        url = self._start() if self._start is not None else None
        if url is None:
            return  # the window says why
        self._start = None
        self.start_button.hide()
        self._show(url, listening=True)


class CaptureSettingsDialog(QDialog):
    """Host, port and the expected write key of the next capture started."""

    def __init__(self, settings: CaptureSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Capture settings")
        self.host_edit = QLineEdit(settings.host, self)
        self.host_edit.setToolTip("127.0.0.1 keeps the capture to this machine")
        self.port_spin = QSpinBox(self)
        self.port_spin.setRange(0, 65535)
        self.port_spin.setValue(settings.port)
        self.port_spin.setSpecialValueText("any free port")
        self.key_edit = QLineEdit(settings.write_key or "", self)
        self.key_edit.setPlaceholderText("any write key")
        self.key_edit.setToolTip(
            "Requests with another write key are refused (401). Kept for this run only."
        )
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b45309;")
        self.host_edit.textChanged.connect(self._check_host)
        form = QFormLayout()
        form.addRow("&Host:", self.host_edit)
        form.addRow("&Port:", self.port_spin)
        form.addRow("Expected &write key:", self.key_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self._check_host()

    def _check_host(self) -> None:
        host = self.host_edit.text().strip() or "127.0.0.1"
        loopback = CaptureSettings(host=host).loopback
        self.warning.setText("" if loopback else LOOPBACK_WARNING.format(host=host))
        self.warning.setVisible(not loopback)

    def chosen(self, session: str = "") -> CaptureSettings:
        return CaptureSettings(
            host=self.host_edit.text().strip() or "127.0.0.1",
            port=self.port_spin.value(),
            session=session,
            write_key=self.key_edit.text().strip() or None,
        )
