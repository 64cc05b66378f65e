"""View → SDK sessions: which simulated Jimo SDK page each event meets."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

__all__ = ["build_sdk_sessions_menu", "SDK_SESSION_LABELS"]

SDK_SESSION_LABELS = (
    (
        "browser",
        "One per &browser (anonymousId)",
        "Each anonymousId is a browser with its own page",
    ),
    ("page", "One for &all events", "Every event meets the SDK the events before it left"),
    ("event", "A &fresh SDK for every event", "Each event meets a newly initialised Jimo SDK"),
)


def build_sdk_sessions_menu(menu: QMenu, owner: QWidget, current: str = "browser") -> QActionGroup:
    """Exclusive choices in ``menu``; the group's ``triggered(action)`` has the mode as data."""
    group = QActionGroup(owner)
    group.setExclusive(True)
    for mode, text, tip in SDK_SESSION_LABELS:
        action = QAction(text, owner)
        action.setData(mode)
        action.setCheckable(True)
        action.setChecked(mode == current)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        group.addAction(action)
        menu.addAction(action)
    menu.setToolTipsVisible(True)
    return group
