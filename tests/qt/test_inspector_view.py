"""The inspector view on the demo session: verdicts, explanations, edits, provenance, filter."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from inspector.core.evaluation import Verdict
from inspector.qt.main_window import MainWindow
from inspector.qt.verdict_list import VerdictListModel
from tests.qt.conftest import settle


def _verdicts(window: MainWindow) -> dict[str, str]:
    model = window.mappings.model
    return {model.index(r, 1).data(): model.index(r, 0).data() for r in range(model.rowCount())}


def _select_mapping(window: MainWindow, name: str) -> None:
    model = window.mappings.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == name)
    window.mappings.table.selectRow(row)


def test_selecting_events_shows_each_mappings_verdict(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    window.select_row(12)  # Order Completed, total 249.0
    verdicts = _verdicts(window)
    assert verdicts["Send Track Event"] == "✓ matched"
    assert verdicts["Big orders"] == "✓ matched"
    assert verdicts["Send User Data"] == "· not matched"
    assert verdicts["Onboarding steps"] == "✕ trigger error"
    assert verdicts["Page views (off)"] == "– disabled"
    # keyboard: down moves to the next event and the verdicts follow
    window.events.table.setFocus()
    qtbot.keyClick(window.events.table, Qt.Key.Key_Down)
    assert window.current_row() == 13
    assert _verdicts(window)["Send User Data"] == "✓ matched"


def test_the_explanation_shows_each_clause_with_actual_value_and_hint(
    demo_window: MainWindow,
) -> None:
    window = demo_window
    window.select_row(21)  # Order Completed with total "89.00" (a string)
    _select_mapping(window, "Big orders")
    explanation = window.mappings.explanation
    rows = explanation.rows()  # pass or fail, clause, found, expected, why
    assert rows[0] == ["✓ pass", 'type = "track"', '"track"', '"track"', ""]
    assert rows[2][:4] == ["✗ fail", "properties.total > 100", '"89.00"', "100"]
    assert "number" in rows[2][4]
    assert explanation.summary.text().startswith("Does not match")
    assert "3 conditions" in explanation.lint_label.text()


def test_editing_the_event_updates_payload_and_verdicts(demo_window: MainWindow, run_until) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    window.select_row(21)
    _select_mapping(window, "Big orders")
    assert _verdicts(window)["Big orders"] == "· not matched"
    editor = window.event_editor.editor
    text = editor.toPlainText().replace('"total": "89.00"', '"total": 189')
    editor.selectAll()
    editor.insertPlainText(text)  # a real edit: undoable
    window.event_editor.commit()  # what the typing pause would do
    assert _verdicts(window)["Big orders"] == "✓ matched"
    payload = json.loads(window.mappings.payload.toPlainText())
    assert payload["event_name"] == "Big order ord_1002"
    assert window.model.index(21, 0).data() == "22*"
    settle(window, run_until)
    assert window.workbench.evaluation.verdict(21, 3) is Verdict.DELIVERED  # type: ignore[union-attr]
    # undo the edit, then revert
    editor.undo()
    window.event_editor.commit()
    assert _verdicts(window)["Big orders"] == "· not matched"
    window.event_editor.revert_button.click()
    assert not window.workbench.is_edited(21)


def test_invalid_json_while_editing_keeps_the_last_results(demo_window: MainWindow) -> None:
    window = demo_window
    window.select_row(12)
    editor = window.event_editor.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insertPlainText(",")
    window.event_editor.commit()
    assert "Not valid JSON" in window.event_editor.status.text()
    assert _verdicts(window)["Big orders"] == "✓ matched"
    assert editor.extraSelections()  # the error position is underlined


def test_provenance_both_ways(demo_window: MainWindow) -> None:
    window = demo_window
    window.select_row(4)  # identify of ana.lopez
    _select_mapping(window, "Send User Data")
    window.mappings.tabs.setCurrentIndex(1)
    payload = window.mappings.payload
    cursor = payload.textCursor()
    cursor.setPosition(payload.toPlainText().index('"email"'))
    payload.setTextCursor(cursor)  # clicking the payload's email field…
    selections = window.event_editor.editor.extraSelections()
    assert len(selections) == 1  # …tints the event's traits.email
    assert selections[0].cursor.selectedText() == '"email": "ana.lopez@acme.io"'
    # the other way: the cursor on the event's traits marks every payload field fed by them
    assert sorted(window.mappings.mark_fields_using("traits")) == ["email", "traits"]
    event_text = window.event_editor.editor.toPlainText()
    cursor = window.event_editor.editor.textCursor()
    cursor.setPosition(event_text.index('"ana.lopez@acme.io"'))
    window.event_editor.editor.setTextCursor(cursor)
    assert len(payload.extraSelections()) == 2  # "email" and "traits" (it holds email too)


def test_a_bad_fql_filter_is_underlined_not_applied(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    edit = window.events.filter_edit
    qtbot.keyClicks(edit, 'type = "track" and (event = "Signed Up"')
    edit.apply()
    assert window.events.error_label.isVisible()
    assert "character 20" in window.events.error_label.text()
    assert edit.extraSelections()
    assert window.events.visible_rows() == 58  # the last good filter (none) stays
    edit.clear()
    qtbot.keyClicks(edit, 'type = "track" and event = "Signed Up"')
    edit.apply()
    assert not window.events.error_label.isVisible()
    assert window.events.visible_rows() == 1
    assert window.counts_label.text().startswith("1 of 58 events shown")


def test_free_text_filter_and_match_nothing(demo_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    qtbot.keyClicks(window.events.filter_edit, "northwind")
    window.events.filter_edit.apply()
    shown = window.events.visible_rows()
    assert 0 < shown < 58
    window.events.filter_edit.clear()
    window.events.filter_edit.apply()
    window.events.unmatched_check.click()
    evaluation = window.workbench.evaluation
    assert window.events.visible_rows() == evaluation.nothing_matched  # type: ignore[union-attr]


def test_models_pass_qtmodeltester(demo_window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    qtmodeltester.check(window.model)
    window.events.unmatched_check.click()  # attaches the filter proxy
    qtmodeltester.check(window.events.proxy)
    window.select_row(4)
    qtmodeltester.check(window.mappings.model)
    qtmodeltester.check(VerdictListModel())


def test_chips_show_matched_mappings(demo_window: MainWindow) -> None:
    chips = demo_window.model.chips(12)
    assert [name for name, _ in chips] == ["Track Event", "Big orders"]
    assert demo_window.model.chips(0) == []  # a page: nothing matches (page views are off)


def test_typing_then_switching_events_applies_the_edit_to_the_first(
    demo_window: MainWindow,
) -> None:
    window = demo_window
    window.select_row(1)
    editor = window.event_editor.editor
    editor.selectAll()
    editor.insertPlainText(editor.toPlainText().replace("Pricing Viewed", "Plans Compared"))
    window.select_row(2)  # before the typing pause ends
    assert window.workbench.is_edited(1)
    assert window.workbench.store[1].name == "Plans Compared"
    assert not window.workbench.is_edited(2)


def test_big_list_filters_follow_edits_and_clears(
    demo_window: MainWindow,
    run_until,  # type: ignore[no-untyped-def]
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    window = demo_window
    monkeypatch.setattr(window.workbench, "sync_filter_limit", 0)  # filter in the worker
    window.events.filter_edit.setPlainText('type = "track" and event = "Signed Up"')
    window.events.filter_edit.apply()
    run_until(lambda: window.events.proxy.accepted is not None)
    assert window.events.visible_rows() == 1
    window.select_row(3)
    window.edit_event(3, {**window.workbench.store[3].data, "event": "Signed Out"})
    assert window.events.proxy.accepted[3] == 0  # type: ignore[index]  # re-tested
    assert window.events.visible_rows() == 1  # still shown while it is being edited
    window.events.filter_edit.apply()  # a fresh filter applies to it again
    run_until(lambda: window.events.visible_rows() == 0)
    window.clear_events()
    assert window.events.proxy.accepted is None
