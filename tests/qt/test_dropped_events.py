"""Events Segment accepts and then drops read "not delivered" with the reason, pasted or loaded."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from inspector.core.destinations import DestinationConfig
from inspector.core.evaluation import Verdict
from inspector.qt.main_window import MainWindow
from tests.qt.conftest import settle
from tests.qt.test_menus import _action

USERS = {
    "name": "Users",
    "actionSlug": "sendUserdata",
    "trigger": 'type = "identify"',
    "mapping": {"userId": {"@path": "$.traits.email"}},  # valid without a userId
}
CLOUD = {
    "destination": "actions-jimo-cloud",
    "settings": {"apiKey": "sk_live_0123456789wxyz"},
    "subscriptions": [USERS],
}


def test_a_pasted_identify_without_ids_is_matched_but_not_delivered(
    window: MainWindow,
    run_until,  # type: ignore[no-untyped-def]
) -> None:
    window.load_config(DestinationConfig.from_json(CLOUD))
    events = [
        {"type": "identify", "userId": "u1", "traits": {"email": "a@b.c"}},
        {"type": "identify", "traits": {"email": "nobody@b.c"}},
    ]
    QGuiApplication.clipboard().setText(json.dumps(events))
    _action(window, "&Paste events").trigger()
    settle(window, run_until)
    users = next(
        i for i, s in enumerate(window.workbench.config.subscriptions) if s.action == "sendUserdata"
    )
    totals = window.coverage.model.totals(users)
    assert totals[Verdict.DELIVERED] == 1 and totals[Verdict.NOT_DELIVERED] == 1
    window.select_row(1)
    model = window.mappings.model
    assert model.index(users, 0).data() == "○ matched, not delivered"
    assert model.index(users, 3).data() == 'dropped: no "userId" or "anonymousId"'
    assert window.mappings.tabs.tabText(3) == "Problems (1)"
    assert "Segment accepts it, then drops it" in window.mappings.problems.toPlainText()
    window.select_row(0)
    assert model.index(users, 0).data() == "✓ matched"
    assert window.mappings.tabs.tabText(3) == "Problems"


def test_the_problems_title_resets_when_nothing_is_selected(
    demo_window: MainWindow,
    qtbot,  # type: ignore[no-untyped-def]
    run_until,  # type: ignore[no-untyped-def]
) -> None:
    window = demo_window
    window.select_row(3)  # "Signed Up": two validation messages
    titles = [window.mappings.tabs.tabText(3)]
    window.events.filter_edit.setFocus()
    window.events.filter_edit.selectAll()
    qtbot.keyClicks(window.events.filter_edit, 'event = "no such event"')
    qtbot.keyClick(window.events.filter_edit, Qt.Key.Key_Return)
    settle(window, run_until)
    titles.append(window.mappings.tabs.tabText(3))
    _action(window, "&Close all events").trigger()
    settle(window, run_until)
    titles.append(window.mappings.tabs.tabText(3))
    assert titles[0].startswith("Problems (") and titles[1:] == ["Problems", "Problems"]
