"""The explanation view: clause rows, the verdict line, and the optional trigger details."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from inspector.core.fql import parse
from inspector.qt.explanation_view import NO_EVENT_TEXT, ExplanationView
from tests.factories import make_event


@pytest.fixture
def view(qtbot) -> ExplanationView:  # type: ignore[no-untyped-def]
    widget = ExplanationView()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_each_clause_shows_found_expected_and_why(view: ExplanationView) -> None:
    trigger = parse('type = "track" and properties.total > 100')
    view.show_explanation(trigger, make_event(properties={"total": "89.00"}))
    assert view.rows() == [
        ["✓ pass", 'type = "track"', '"track"', '"track"', ""],
        ["✗ fail", "properties.total > 100", '"89.00"', "100", view.rows()[1][4]],
    ]
    assert "number" in view.rows()[1][4]
    assert view.summary.text() == (
        "Does not match the selected event, track “Signed Up” at 11-20 09:12:40"
        " (all of 2 conditions must pass)."
    )
    assert view.source.text() == trigger.source and view.tree.isVisible()


def test_a_missing_field_reads_missing(view: ExplanationView) -> None:
    view.show_explanation(parse('properties.plan = "pro"'), make_event("page"))
    [row] = view.rows()
    assert row[:4] == ["✗ fail", 'properties.plan = "pro"', "missing", '"pro"']
    assert row[4] == "the event has no properties object"
    assert view.summary.text().startswith("Does not match")


def test_parse_errors_and_lint_are_shown_with_the_trigger_details(view: ExplanationView) -> None:
    view.show_explanation(parse('type = "track" and ('), make_event())
    assert view.summary.text().startswith("The trigger does not parse at character 20:")
    assert not view.tree.isVisible()
    view.show_explanation(parse('type = "track" and event = "A" or event = "B"'), None)
    assert "'and' and 'or' are mixed" in view.lint_label.text()
    assert view.lint_label.isVisible()
    assert view.summary.text() == NO_EVENT_TEXT
    view.show_explanation(None, None)
    assert view.summary.text() == view.source.text() == view.lint_label.text() == ""
    assert not view.lint_label.isVisible() and not view.tree.isVisible()


def test_without_trigger_details_only_the_verdict_and_clauses_show(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ExplanationView(trigger_details=False)
    qtbot.addWidget(view)
    view.show()
    view.show_explanation(
        parse('type = "track" and event = "A" or event = "B"'), make_event("page")
    )
    assert not view.source.isVisible() and not view.lint_label.isVisible()
    assert view.summary.text().startswith("Does not match")
    view.show_explanation(parse('type = "track" and ('), make_event())
    assert view.summary.text().startswith("No match: the trigger does not parse")


def test_a_long_why_wraps_onto_more_lines_in_a_narrow_view(qtbot, view: ExplanationView) -> None:  # type: ignore[no-untyped-def]
    view.resize(440, 300)
    trigger = parse('type = "track" and properties.total > 100')
    view.show_explanation(trigger, make_event(properties={"total": "89.00"}))
    passing, failing = (view.tree.topLevelItem(i) for i in range(2))
    why = view.tree.header().sectionViewportPosition(4)
    assert why < view.tree.viewport().width() - 100  # the hint is in sight, not scrolled away
    qtbot.waitUntil(
        lambda: (
            view.tree.visualItemRect(failing).height()
            > 2 * view.tree.visualItemRect(passing).height()
        )
    )


def test_a_near_miss_marks_the_characters_that_differ(view: ExplanationView) -> None:
    view.show_explanation(parse('event = "Signed Up"'), make_event(event="signed up"))
    [row] = view.rows()
    assert 'Differs at the marked characters: "[s]igned [u]p" vs "[S]igned [U]p"' in row[4]
    # unlike values get no marks
    view.show_explanation(parse('type = "track"'), make_event("page"))
    assert "marked" not in view.rows()[0][4]


def test_long_values_are_elided_in_the_middle(view: ExplanationView) -> None:
    assert view.tree.textElideMode() == Qt.TextElideMode.ElideMiddle


def test_the_verdict_says_which_event_by_its_number_in_the_list(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    window.select_row(12)
    number = window.model.index(12, 0).data()  # the "#" column, as the event list shows it
    window.tabs.setCurrentIndex(2)  # Destination
    summary = window.destination.panel.trigger.explanation.summary.text()
    assert f"the selected event #{number}, track “Order Completed” at 11-20" in summary
    window.select_row(3)
    summary = window.destination.panel.trigger.explanation.summary.text()
    assert f"the selected event #{window.model.index(3, 0).data()}, " in summary


def test_found_and_expected_show_in_full_when_there_is_room(view: ExplanationView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.resize(1000, 300)
    qtbot.waitUntil(lambda: view.tree.width() > 900 or view.width() >= 1000)
    trigger = parse('type = "track" and event = "Order Completed" and properties.total > 100')
    view.show_explanation(trigger, make_event(event="Order Completed", properties={"total": "89"}))
    tree = view.tree
    qtbot.waitUntil(lambda: tree.width() > 900)
    for column in (2, 3):  # Found, Expected
        assert tree.columnWidth(column) >= tree.sizeHintForColumn(column), column
