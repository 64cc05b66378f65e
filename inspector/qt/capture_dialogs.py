"""Capture dialogs: "How to connect" (copyable snippets) and the capture's address settings."""

from __future__ import annotations

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
    """How to point analytics.js, analytics-python, analytics-node or curl at the capture."""

    def __init__(self, url: str, write_key: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How to connect to the capture")
        self.resize(680, 420)
        intro = QLabel(
            f"The capture listens on <b>{url}</b>. Point a Segment client here; every event "
            "it sends is stored and inspected as it arrives."
            + ("" if write_key else " Any write key is accepted."),
            self,
        )
        intro.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.pages: list[_SnippetPage] = []
        for snippet in connect_snippets(url, write_key):
            page = _SnippetPage(snippet.hint, snippet.code, self.tabs)
            self.pages.append(page)
            self.tabs.addTab(page, snippet.title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)


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
