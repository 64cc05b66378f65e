"""Explanations: clause results, group verdicts, hints and the rendered text."""

from __future__ import annotations

from typing import Any

import pytest

from inspector.core.fql import MISSING, ClauseResult, Explanation, parse

COMPLEX = (
    'type = "track" and (event = "Order Completed" or properties.total > 100) '
    'and contains(context.page.url, "checkout")'
)


def make_event(**overrides: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "track",
        "event": "Order Completed",
        "properties": {"total": 120, "plan": "free"},
        "context": {"page": {"url": "https://shop.example/checkout"}},
    }
    event.update(overrides)
    return event


def test_complex_trigger_renders_every_clause_with_hints() -> None:
    event = make_event(
        event="Order Placed",
        properties={"total": "120"},
        context={"page": {"url": "https://shop.example/Checkout"}},
    )
    assert parse(COMPLEX).explain(event).render() == "\n".join(
        [
            "NO MATCH: all of 3 conditions (and)",
            '  ✓ type = "track"  ← type is "track"',
            "  ✗ any of 2 conditions (or):",
            '    ✗ event = "Order Completed"  ← event is "Order Placed"',
            '    ✗ properties.total > 100  ← properties.total is "120"',
            '      hint: properties.total is the text "120", and > only matches numbers '
            "(Segment never converts text to a number)",
            '  ✗ contains(context.page.url, "checkout")  ← context.page.url is '
            '"https://shop.example/Checkout"',
            '    hint: differs only in letter case: "https://shop.example/Checkout" vs "checkout" '
            "(Segment compares case-sensitively)",
        ]
    )


def test_clause_results_carry_path_actual_operator_expected_and_span() -> None:
    explanation = parse(COMPLEX).explain(make_event(event="Signed Up"))
    assert explanation.matched is True
    assert explanation.operator == "and"
    first, group, last = explanation.children
    assert first == ClauseResult(
        path="type",
        actual="track",
        found=True,
        operator="=",
        expected="track",
        passed=True,
        hint=None,
        span=(0, 14),
        text='type = "track"',
    )
    assert isinstance(group, Explanation) and group.operator == "or" and group.matched
    total = group.children[1]
    assert isinstance(total, ClauseResult)
    assert (total.path, total.actual, total.operator, total.expected, total.passed) == (
        "properties.total",
        120,
        ">",
        100.0,
        True,
    )
    assert COMPLEX[slice(*total.span or (0, 0))] == "properties.total > 100"
    assert isinstance(last, ClauseResult) and last.operator == "contains"


def test_missing_values_are_missing_and_null_is_found() -> None:
    trigger = parse("properties.plan = null")
    (missing,) = trigger.explain({"properties": {}}).children
    (null,) = trigger.explain({"properties": {"plan": None}}).children
    assert isinstance(missing, ClauseResult) and isinstance(null, ClauseResult)
    assert (missing.actual, missing.found, missing.passed) == (MISSING, False, True)
    assert (null.actual, null.found, null.passed) == (None, True, True)
    assert missing.to_dict()["actual"] is None and missing.to_dict()["found"] is False


@pytest.mark.parametrize(
    ("text", "event", "hint"),
    [
        (
            'type = "track"',
            {"type": "Track"},
            'differs only in letter case: "Track" vs "track" (Segment compares case-sensitively)',
        ),
        (
            'properties.plan = "free"',
            {"properties": {"plan": "free "}},
            'differs only in surrounding spaces: the actual value "free " has a trailing space',
        ),
        (
            'properties.plan = "free"',
            {"properties": {"Plan": "free"}},
            "no 'plan' in properties; did you mean properties.Plan? (it is \"free\")",
        ),
        (
            'event = "Home"',
            {"type": "page", "name": "Home"},
            "this is a page call: page and screen calls carry their name in 'name', not 'event' — "
            'try name = "Home"',
        ),
        (
            'name = "Order Completed"',
            {"type": "track", "event": "Order Completed"},
            "this is a track call: track calls carry their name in 'event', not 'name' — "
            'try event = "Order Completed"',
        ),
        (
            'properties.price = "10"',
            {"properties": {"price": 10}},
            'properties.price is a number, but = "10" compares text; write properties.price = 10 '
            "(without quotes)",
        ),
        (
            "properties.price = 10",
            {"properties": {"price": "10"}},
            'properties.price is the text "10", and = only matches numbers (Segment never converts '
            "text to a number)",
        ),
        (
            "userId = 123",
            {"userId": 123},
            'userId is a number (123), but Segment compares userId as text, so only the text "123" '
            "matches",
        ),
        (
            "properties.premium = true",
            {"properties": {"premium": "true"}},
            'properties.premium is the text "true", not a boolean; '
            'write properties.premium = "true"',
        ),
        (
            "traits.email != null",
            {"context": {"traits": {"email": "a@b.c"}}},
            'traits.email is missing, but context.traits.email is "a@b.c"; '
            "try context.traits.email",
        ),
        (
            "type = 'track'",
            {"type": "track"},
            'the single quotes are part of the expected value; use double quotes: "track"',
        ),
        (
            'match(event, "Order")',
            {"event": "Orders"},
            "match() without * is not an equality test: Segment drops the pattern's first "
            "character and tests 'ends with \"rder\"'",
        ),
        (
            'contains(properties.tags, "a")',
            {"properties": {"tags": ["a"]}},
            "properties.tags is a list; contains() and match() only look inside text",
        ),
        (
            'properties.foo.bar = "x"',
            {"properties": {"foo.bar": "x"}},
            "properties has the key 'foo.bar' with a dot in it; Segment cannot reach keys "
            "containing dots",
        ),
        (
            "properties.a.b = 0",
            {"properties": {"a": 0}},
            "passed only because Segment's lookup stops at the falsy value properties.a = 0 and "
            "compares that instead",
        ),
        ('event = "A"', {"event": "B"}, None),
    ],
)
def test_near_miss_hints(text: str, event: dict[str, Any], hint: str | None) -> None:
    (clause,) = parse(text).explain(event).children
    assert isinstance(clause, ClauseResult)
    assert clause.hint == hint


def test_empty_group_is_an_evaluation_error_only_when_reached() -> None:
    trigger = parse('type = "track" and ()')
    reached = trigger.explain({"type": "track"})
    assert reached.render() == "\n".join(
        [
            "NO MATCH: all of 2 conditions (and)",
            '  ✓ type = "track"  ← type is "track"',
            "  ✗ () — an empty '()' group: Segment's validate() throws when it reaches one",
            "error: an empty '()' group: Segment's validate() throws when it reaches one",
        ]
    )
    assert trigger.explain({"type": "page"}).error is None  # `and` stops at the first false


def test_syntax_errors_and_null_events_explain_in_one_line() -> None:
    assert parse("typo").explain({"type": "track"}).render() == (
        "NO MATCH: the trigger does not parse: no condition found: 'typo' is not a field "
        "Segment knows (type, event, name, userId, properties.…, traits.…, context.…)"
    )
    assert parse('type = "track"').explain(None).render() == (
        "NO MATCH: the event is null: Segment's validate() throws on it"
    )


def test_to_dict_is_json_friendly() -> None:
    data = parse('type = "track" or properties.total >= 100').explain(make_event()).to_dict()
    assert data == {
        "matched": True,
        "operator": "or",
        "error": None,
        "span": [0, 41],
        "children": [
            {
                "path": "type",
                "text": 'type = "track"',
                "found": True,
                "actual": "track",
                "operator": "=",
                "expected": "track",
                "passed": True,
                "hint": None,
                "span": [0, 14],
                "error": None,
            },
            {
                "path": "properties.total",
                "text": "properties.total >= 100",
                "found": True,
                "actual": 120,
                "operator": ">=",
                "expected": 100.0,
                "passed": True,
                "hint": None,
                "span": [18, 41],
                "error": None,
            },
        ],
    }
