"""The menus drive the window through their signals: paste, views, SDK mode, close all."""

from __future__ import annotations

from PySide6.QtGui import QAction, QGuiApplication

from inspector.qt.main_window import MainWindow


def _action(window: MainWindow, text: str) -> QAction:
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu is not None else []:  # type: ignore[union-attr]
            if action.text() == text:
                return action
    raise AssertionError(f"no menu command {text!r}")


def test_paste_from_the_clipboard_then_close_all(window: MainWindow) -> None:
    QGuiApplication.clipboard().setText('{"type": "track", "event": "From the menu"}')
    _action(window, "&Paste events").trigger()
    assert len(window.workbench) == 1
    assert window.model.index(0, 3).data() == "From the menu"
    _action(window, "&Close all events").trigger()
    assert len(window.workbench) == 0 and window.model.rowCount() == 0


def test_view_commands_switch_tabs_panels_and_the_sdk_mode(window: MainWindow) -> None:
    _action(window, "&Coverage matrix").trigger()
    assert window.tabs.currentIndex() == 1
    _action(window, "&Find events…").trigger()
    assert window.tabs.currentIndex() == 0
    panel = _action(window, "Timeline and skipped records")
    panel.trigger()
    assert not window.bottom_tabs.isVisible()
    panel.trigger()
    assert window.bottom_tabs.isVisible()
    _action(window, "Fresh SDK for every event").trigger()
    assert window.workbench.fresh_sdk
