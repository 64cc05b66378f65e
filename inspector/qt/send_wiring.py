"""Puts the Send dialog in the main window: a Send menu, and the events of each scope."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from inspector.core.secrets import JIMO_ACCOUNT, FoundKey, KeyStore, find_key
from inspector.core.send import default_ledger_path, message_id_of
from inspector.qt.send_dialog import SendDialog
from inspector.qt.send_replay import open_replay
from inspector.qt.send_request import RequestSendDialog

if TYPE_CHECKING:
    from inspector.qt.main_window import MainWindow

__all__ = ["install_send", "scope_events", "open_request_dialog"]


def scope_events(window: MainWindow, scope: str) -> Sequence[Any]:
    """The events of ``scope``: selected rows, the rows the filter shows, or all."""
    records = window.workbench.store.events()
    if scope == "all":
        return list(records)
    if scope == "filtered":
        result = window.workbench.filter_result
        return [r for i, r in enumerate(records) if result.passes(i, r)]
    rows = _selected_rows(window)
    return [records[i] for i in rows if 0 <= i < len(records)]


def _selected_rows(window: MainWindow) -> list[int]:
    table = window.events.table
    model = table.model()
    rows = []
    for index in table.selectionModel().selectedRows():
        source = model.mapToSource(index) if hasattr(model, "mapToSource") else index
        rows.append(source.row())
    if not rows and window.current_row() >= 0:
        rows.append(window.current_row())
    return sorted(set(rows))


def open_request_dialog(
    window: MainWindow, keys: KeyStore | None = None, transport: Any = None
) -> RequestSendDialog | None:
    """ "Send this request…" on the Request tab: the selected event's selected result."""
    result, row = window.mappings.current_result(), window.current_row()
    if result is None or result.request is None or row < 0:
        return None
    event = window.workbench.store.events()[row].data
    config = window.workbench.config

    def key() -> FoundKey:
        return find_key(JIMO_ACCOUNT, config_value=config.settings.get("apiKey"), store=keys)

    dialog = RequestSendDialog(
        window,
        tasks=window.tasks,
        result=result,
        message_id=message_id_of(event),
        index=row,
        key=key,
        transport=transport,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def _ledger_file(chosen: str | Callable[[], str | None] | None) -> str:
    path = chosen() if callable(chosen) else chosen
    return path or default_ledger_path()


def install_send(
    window: MainWindow,
    ledger_path: str | Callable[[], str | None] | None = None,
    **dialog_options: Any,
) -> QAction:
    """Add "Send → Send events…" (Ctrl+Shift+Return); the dialog is made on first use.

    ``ledger_path`` is the ledger's file, or a function giving it at each send (the session
    file the window records into; None from it, or no path: the per-user ledger).
    """
    holder: list[SendDialog] = []

    def open_dialog() -> None:
        if not holder:
            holder.append(
                SendDialog(
                    window,
                    tasks=window.tasks,
                    events=lambda scope: scope_events(window, scope),
                    config=lambda: window.workbench.config,
                    ledger_path=lambda: _ledger_file(ledger_path),
                    **dialog_options,
                )
            )
        holder[0].show()
        holder[0].activateWindow()

    window.mappings.send_requested.connect(
        lambda: open_request_dialog(
            window, dialog_options.get("keys"), dialog_options.get("transport")
        )
    )
    bar = window.menuBar()
    help_action = next((a for a in bar.actions() if a.text() == "&Help"), None)
    menu = bar.addMenu("Se&nd")
    if help_action is not None:
        bar.insertMenu(help_action, menu)
    action = menu.addAction("&Send events…")
    action.setShortcut(QKeySequence("Ctrl+Shift+Return"))
    action.triggered.connect(open_dialog)
    replay = menu.addAction("&Replay in the browser (device mode)")
    replay.setToolTip("The events the filter shows, replayed on a page that loads Jimo's SDK")
    replay.triggered.connect(lambda: open_replay(window, list(scope_events(window, "filtered"))))
    return action
