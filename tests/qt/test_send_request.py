"""The Request tab's "Send this request…": an editable payload checked as you type."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspector.qt.main_window import MainWindow
from inspector.qt.send_request import RequestSendDialog
from inspector.qt.send_wiring import install_send
from tests.core.send.loopback import Loopback, loopback_server
from tests.qt.conftest import settle

KEY = "sk_test_0123456789wxyz"


@pytest.fixture(scope="module")
def server() -> Iterator[Loopback]:
    with loopback_server() as srv:
        yield srv


def test_edit_check_reset_and_send_one_request(
    window: MainWindow,
    qtbot,
    server: Loopback,
    run_until: Callable[..., None],  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("JIMO_API_KEY", KEY)
    keyless = tmp_path / "cloud.json"  # no key in the file: the window finds it in the env
    keyless.write_text('{"destination": "actions-jimo-cloud"}')
    assert window.config.import_config(str(keyless))
    event = {
        "type": "identify",
        "userId": "manual-1",
        "messageId": "man-1",
        "traits": {"email": "ana@example.com", "plan": "pro"},
    }
    install_send(window)
    window.paste_events(orjson.dumps(event).decode())
    settle(window, run_until)
    window.select_row(0)
    run_until(
        lambda: (
            window.mappings.current_result() is not None
            and window.mappings.current_result().request is not None
        )
    )  # type: ignore[union-attr]
    window.tabs.setCurrentIndex(0)
    window.mappings.tabs.setCurrentIndex(2)
    button = window.mappings.send_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, RequestSendDialog)]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    mapped = orjson.loads(dialog.editor.toPlainText())
    assert mapped["userId"] == "manual-1"
    assert dialog.problems.text() == "The payload passes Segment's checks."
    assert "Bearer ****wxyz" in dialog.preview.toPlainText()

    dialog.editor.selectAll()
    qtbot.keyClicks(dialog.editor, '{"email": "x@y.z"}')
    assert dialog.problems.text() == "The root value is missing the required field 'userId'."
    assert "would not send" in dialog.preview.toPlainText()
    assert not dialog.send.isEnabled()

    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert orjson.loads(dialog.editor.toPlainText()) == mapped
    dialog.editor.selectAll()
    qtbot.keyClicks(dialog.editor, '{"userId": "manual-1", "traits": {"plan": "edited"}}')
    assert dialog.send.isEnabled()
    qtbot.keyClicks(dialog.base_url, f"{server.url}/ok")
    assert f"POST {server.url}/ok/segmentio-cloud/user" in dialog.preview.toPlainText()
    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)
    run_until(lambda: "outcome:" in dialog.outcome.toPlainText() and dialog.send.isEnabled())
    assert "outcome: delivered" in dialog.outcome.toPlainText()
    assert server.counts["ok"]["manual-1"] == 1
    assert orjson.loads(server.bodies[-1]) == {"userId": "manual-1", "traits": {"plan": "edited"}}
    dialog.close()
