"""The subscription list model through qtmodeltester, and its roles."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from inspector.core.destinations import default_config, get_destination
from inspector.qt.destination_editor.subscription_model import SubscriptionListModel


def test_model_passes_qtmodeltester_through_edits(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    config = default_config()
    dest = get_destination(config.destination)
    toggles = []
    model = SubscriptionListModel(lambda row, on: toggles.append((row, on)))
    qtmodeltester.check(model)
    model.show(dest, config.subscriptions)
    qtmodeltester.check(model)
    broken = config.subscriptions[0].with_changes(trigger='type = "track', enabled=False)
    model.show(dest, [broken, *config.subscriptions[1:]])
    qtmodeltester.check(model)
    model.show(dest, config.subscriptions[:1])
    qtmodeltester.check(model)
    model.show(get_destination("actions-jimo-cloud"), [])
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_rows_show_name_check_state_and_a_broken_trigger() -> None:
    config = default_config()
    dest = get_destination(config.destination)
    toggles = []
    model = SubscriptionListModel(lambda row, on: toggles.append((row, on)))
    subs = list(config.subscriptions)
    subs[1] = replace(subs[1], trigger='type = "track', enabled=False)
    model.show(dest, subs)
    index = model.index(1, 0)
    assert index.data() == "Send Track Event"
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "never matches" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert toggles == [(1, True)]
    # The model does not change itself: the editor answers with a new config.
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
