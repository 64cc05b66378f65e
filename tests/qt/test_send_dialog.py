"""The Send dialog, with real clicks, against a misbehaving loopback server."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import Qt

from inspector.core.destinations import DestinationConfig
from inspector.core.secrets import JIMO_ACCOUNT, KeyStore
from inspector.qt.main_window import MainWindow
from inspector.qt.send_dialog import SendDialog
from inspector.qt.send_wiring import install_send
from tests.core.memory_keyring import MemoryKeyring, using
from tests.core.send.loopback import Loopback, loopback_server

KEY = "sk_test_0123456789wxyz"


@pytest.fixture(scope="module")
def server() -> Iterator[Loopback]:
    with loopback_server() as srv:
        yield srv


@pytest.fixture
def dialog(
    window: MainWindow,
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> Iterator[SendDialog]:
    monkeypatch.delenv("JIMO_API_KEY", raising=False)
    with using(MemoryKeyring()):
        window.load_config(DestinationConfig.from_json({"destination": "actions-jimo-cloud"}))
        events = [
            {"type": "identify", "userId": f"gui-{i}", "messageId": f"gui-m{i}"} for i in range(6)
        ]
        window.paste_events("\n".join(orjson.dumps(e).decode() for e in events))
        action = install_send(window, str(tmp_path / "ledger.db"), keys=KeyStore())
        action.trigger()
        found = window.findChild(SendDialog)
        assert found is not None and found.isVisible()
        yield found
        found.close()


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _prepare(qtbot, dialog: SendDialog, url: str) -> None:  # type: ignore[no-untyped-def]
    dialog.scope.setCurrentIndex(dialog.scope.findData("all"))
    dialog.base_url.clear()
    qtbot.keyClicks(dialog.base_url, url)


def test_save_a_key_dry_run_then_send_with_retries(
    dialog: SendDialog,
    qtbot,
    server: Loopback,
    run_until: Callable[..., None],  # type: ignore[no-untyped-def]
) -> None:
    assert "no key yet" in dialog.key_label.text()
    qtbot.keyClicks(dialog.key_edit, KEY)
    _click(qtbot, dialog.save_key)
    assert dialog.key_label.text() == "****wxyz (in the keyring)"
    assert dialog.key_edit.text() == ""

    _prepare(qtbot, dialog, f"{server.url}/s500")
    _click(qtbot, dialog.dry_run)
    run_until(lambda: dialog.summary.text().startswith("Dry run"))
    assert dialog.results.table.rowCount() == 6
    dialog.results.table.setCurrentCell(0, 0)
    detail = dialog.results.detail.toPlainText()
    assert "Bearer ****wxyz" in detail and KEY not in detail
    assert server.total("s500") == 0  # a dry run sends nothing

    _click(qtbot, dialog.send)
    run_until(lambda: dialog.summary.text().startswith("Done"))
    assert dialog.summary.text() == "Done: 6 delivered, 0 failed, 0 skipped"
    assert (dialog.progress.value(), dialog.progress.maximum()) == (6, 6)
    dialog.results.table.setCurrentCell(2, 0)
    detail = dialog.results.detail.toPlainText()
    assert "  1. " in detail and " 500  in " in detail and " 200  in " in detail
    assert "then waited" in detail
    assert server.total("s500") == 12

    _click(qtbot, dialog.send)  # the ledger knows they were delivered
    run_until(lambda: dialog.summary.text().startswith("Done"))
    assert dialog.summary.text() == "Done: 0 delivered, 0 failed, 6 skipped"
    assert server.total("s500") == 12


def test_a_rejected_key_is_explained_and_failed_ones_can_be_retried(
    dialog: SendDialog,
    qtbot,
    server: Loopback,
    run_until: Callable[..., None],  # type: ignore[no-untyped-def]
) -> None:
    qtbot.keyClicks(dialog.key_edit, KEY)
    _click(qtbot, dialog.save_key)
    _prepare(qtbot, dialog, f"{server.url}/s401")
    _click(qtbot, dialog.send)
    run_until(lambda: dialog.summary.text().startswith("Done"))
    assert dialog.results.table.item(0, 3).text() == "failed"
    assert dialog.results.table.item(0, 6).text().startswith("401: the key was rejected")
    before = server.total("s401")
    _click(qtbot, dialog.retry)
    run_until(lambda: dialog.summary.text().startswith("Done") and dialog.retry.isEnabled())
    assert server.total("s401") == before + 6
    assert dialog.summary.text() == "Done: 0 delivered, 6 failed, 0 skipped"


def test_cancel_stops_the_send(  # type: ignore[no-untyped-def]
    dialog: SendDialog,
    qtbot,
    server: Loopback,
    run_until: Callable[..., None],
    window: MainWindow,
    loop: asyncio.AbstractEventLoop,
) -> None:
    window.paste_events(
        "\n".join(
            orjson.dumps({"type": "identify", "userId": f"c-{i}", "messageId": f"c-{i}"}).decode()
            for i in range(400)
        )
    )
    qtbot.keyClicks(dialog.key_edit, KEY)
    _click(qtbot, dialog.save_key)
    _prepare(qtbot, dialog, f"{server.url}/slower")
    assert dialog.send.isEnabled()

    async def send_then_cancel() -> None:
        # The loop runs from Send to the end: while requests are in flight, a stopped loop
        # would leave their network callbacks to Qt with no asyncio loop running (the app's
        # loop never stops while the window is open).
        dialog.send.click()
        while dialog.results.table.rowCount() <= 10:
            await asyncio.sleep(0.01)
        dialog.cancel.click()
        while not dialog.summary.text().startswith("Cancelled"):
            await asyncio.sleep(0.01)

    loop.run_until_complete(asyncio.wait_for(send_then_cancel(), 30))
    texts = [dialog.results.table.item(r, 6).text() for r in range(dialog.results.table.rowCount())]
    assert "cancelled before it was sent" in texts
    assert server.total("slower") < 406


def test_a_custom_url_gets_each_event_with_the_headers_typed(
    dialog: SendDialog,
    qtbot,
    server: Loopback,
    run_until: Callable[..., None],  # type: ignore[no-untyped-def]
) -> None:
    dialog.target.setCurrentIndex(dialog.target.findData("url"))
    assert dialog.headers.isEnabled() and not dialog.save_key.isEnabled()
    qtbot.keyClicks(dialog.headers, "X-Token: tok_0123456789abcd; X-Run: gui")
    _prepare(qtbot, dialog, f"{server.url}/ok/hook")
    _click(qtbot, dialog.dry_run)
    run_until(lambda: dialog.summary.text().startswith("Dry run"))
    dialog.results.table.setCurrentCell(0, 0)
    assert '"X-Token": "****abcd"' in dialog.results.detail.toPlainText()
    before = len(server.bodies)
    _click(qtbot, dialog.send)
    run_until(lambda: dialog.summary.text().startswith("Done"))
    assert dialog.summary.text() == "Done: 6 delivered, 0 failed, 0 skipped"
    sent = [orjson.loads(b)["messageId"] for b in server.bodies[before:]]
    assert sorted(sent) == [f"gui-m{i}" for i in range(6)]
    assert {h["X-Token"] for h in server.headers[before:]} == {"tok_0123456789abcd"}
    assert {h["X-Run"] for h in server.headers[before:]} == {"gui"}


def test_verify_key_says_whether_the_key_is_accepted(
    dialog: SendDialog,
    qtbot,
    server: Loopback,
    run_until: Callable[..., None],  # type: ignore[no-untyped-def]
) -> None:
    qtbot.keyClicks(dialog.key_edit, KEY)
    _click(qtbot, dialog.save_key)
    for path, expected in (
        ("ok", "Key valid: the key is valid"),
        ("s401", "Key check failed: 401: the key was rejected"),
    ):
        dialog.base_url.clear()
        qtbot.keyClicks(dialog.base_url, f"{server.url}/{path}")
        _click(qtbot, dialog.verify)
        run_until(lambda: dialog.summary.text().startswith("Key "))
        assert dialog.summary.text().startswith(expected)


def test_with_no_retries_a_503_fails_after_one_attempt(
    dialog: SendDialog,
    qtbot,
    server: Loopback,
    run_until: Callable[..., None],  # type: ignore[no-untyped-def]
) -> None:
    qtbot.keyClicks(dialog.key_edit, KEY)
    _click(qtbot, dialog.save_key)
    dialog.retries.clear()
    qtbot.keyClicks(dialog.retries, "0")
    assert dialog.retries.value() == 0
    _prepare(qtbot, dialog, f"{server.url}/s503")
    _click(qtbot, dialog.send)
    run_until(lambda: dialog.summary.text().startswith("Done"))
    rows = range(dialog.results.table.rowCount())
    assert {dialog.results.table.item(r, 5).text() for r in rows} == {"1"}
    assert dialog.summary.text() == "Done: 0 delivered, 6 failed, 0 skipped"


def test_the_ledger_follows_the_file_the_session_records_into(
    window: MainWindow,
    qtbot,
    server: Loopback,
    tmp_path: Path,
    run_until: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    # as the app wires it: the ledger is the session's file, which Save as and Close all change
    monkeypatch.delenv("JIMO_API_KEY", raising=False)
    files = [str(tmp_path / "first.jimo-session")]
    with using(MemoryKeyring()):
        window.load_config(DestinationConfig.from_json({"destination": "actions-jimo-cloud"}))
        events = [
            {"type": "identify", "userId": f"f-{i}", "messageId": f"f-m{i}"} for i in range(3)
        ]
        window.paste_events("\n".join(orjson.dumps(e).decode() for e in events))
        keys = KeyStore()
        keys.set(JIMO_ACCOUNT, KEY)
        install_send(window, lambda: files[-1], keys=keys).trigger()
        dialog = window.findChild(SendDialog)
        assert dialog is not None
        _prepare(qtbot, dialog, f"{server.url}/ok")
        _click(qtbot, dialog.send)
        run_until(lambda: dialog.summary.text().startswith("Done"))
        assert dialog.summary.text() == "Done: 3 delivered, 0 failed, 0 skipped"
        _click(qtbot, dialog.send)  # the same file: already delivered
        run_until(lambda: dialog.summary.text() == "Done: 0 delivered, 0 failed, 3 skipped")
        files.append(str(tmp_path / "second.jimo-session"))  # the session moved to a new file
        _click(qtbot, dialog.send)
        run_until(lambda: dialog.summary.text() == "Done: 3 delivered, 0 failed, 0 skipped")
        dialog.close()
    with sqlite3.connect(files[0]) as first, sqlite3.connect(files[1]) as second:
        for conn in (first, second):
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            assert "send_ledger" in tables
