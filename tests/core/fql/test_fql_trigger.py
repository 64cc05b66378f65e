"""The public surface: parse(), Trigger attributes, syntax errors with positions, paths."""

from __future__ import annotations

from typing import Any

import pytest

import inspector.core.fql as fql
from inspector.core.errors import InspectorError
from inspector.core.fql import MISSING, Trigger, TriggerSyntaxError, parse


def test_public_names() -> None:
    assert sorted(fql.__all__) == sorted(
        [
            "parse",
            "Trigger",
            "TriggerSyntaxError",
            "Explanation",
            "ClauseResult",
            "LintWarning",
            "MISSING",
        ]
    )
    assert repr(MISSING) == "undefined" and not MISSING


def test_a_parsed_trigger() -> None:
    trigger = parse('type = "track" and properties.total > 100')
    assert isinstance(trigger, Trigger)
    assert trigger.ok and trigger.error is None
    assert trigger.source == 'type = "track" and properties.total > 100'
    assert trigger.ast is not None and trigger.ast.operator == "and"
    assert trigger.matches({"type": "track", "properties": {"total": 101}}) is True
    assert trigger.matches({"type": "track", "properties": {"total": 100}}) is False
    assert trigger.to_reference() == {
        "type": "group",
        "operator": "and",
        "children": [
            {"type": "event-type", "operator": "=", "value": "track"},
            {"type": "event-property", "name": "total", "operator": ">", "value": 100},
        ],
    }


def test_paths_lists_what_the_trigger_reads() -> None:
    trigger = parse(
        'type = "track" and (event = "Order Completed" or properties.total > 100) '
        'and contains(context.page.url, "checkout") and traits.email != null'
    )
    assert trigger.paths == frozenset(
        {"type", "event", "properties.total", "context.page.url", "traits.email"}
    )
    assert parse("typo").paths == frozenset()


@pytest.mark.parametrize(
    ("text", "message", "position", "reference"),
    [
        ("", "the trigger is empty", None, "TypeError"),
        (
            "typo",
            "no condition found: 'typo' is not a field Segment knows (type, event, name, "
            "userId, properties.…, traits.…, context.…)",
            0,
            "TypeError",
        ),
        (
            'TYPE = "track"',
            "no condition found: 'TYPE' is not a field Segment knows (type, "
            "event, name, userId, properties.…, traits.…, context.…); did you mean 'type'?",
            0,
            "TypeError",
        ),
        (
            'type * "1"',
            "character '*' is not allowed here (quote values with double quotes)",
            5,
            "TypeError",
        ),
        (
            'type !="x"',
            "'!' must be followed by '=' and a space ('!= '), or directly by "
            "contains/match; got '='",
            5,
            "TypeError",
        ),
        ("properties.price>10", "put a space between 'price' and '>'", 16, "TypeError"),
        ('properties.x = "abc', 'unterminated string: the " here is never closed', 15, "TypeError"),
        (
            'type = "a"\r',
            "this closing quote is directly followed by '\\r', so Segment reads it "
            "as the start of a new string that never ends; put a space after it",
            9,
            "TypeError",
        ),
        ("properties.price > 10.", "a number cannot end with a decimal point", 21, "TypeError"),
        ('(event = "A"', "this '(' is never closed", 0, "TypeError"),
        (
            "a and ((b))",
            "nested parentheses are not supported: Segment ends a group at the first ')'",
            7,
            "TypeError",
        ),
        ("type", "'type' is not followed by an operator and a value", 0, "Error"),
        (
            "exists(properties.x)",
            "'properties.x' is not followed by an operator and a value",
            7,
            "Error",
        ),
        ("contains()", 'contains() is missing a value: write contains(field, "value")', 0, "Error"),
        ("match", 'match() is missing a field: write match(field, "value")', 0, "Error"),
    ],
)
def test_syntax_errors_have_messages_positions_and_the_reference_error(
    text: str, message: str, position: int | None, reference: str
) -> None:
    trigger = parse(text)
    assert not trigger.ok and trigger.ast is None
    error = trigger.error
    assert isinstance(error, TriggerSyntaxError) and isinstance(error, InspectorError)
    assert (error.message, error.position, error.reference_name) == (message, position, reference)
    assert trigger.to_reference() == {
        "error": {"name": error.reference_name, "message": error.reference_message}
    }
    assert trigger.matches({"type": "track"}) is False


@pytest.mark.parametrize("event", [None, "track", 5, [], True])
def test_matches_never_raises_on_odd_events(event: Any) -> None:
    assert parse('type != "track"').matches(event) is (event is not None)
    assert parse('type = "track" and ()').matches(event) is False


def test_matches_keeps_javascript_types_apart() -> None:
    assert parse("properties.n = 1").matches({"properties": {"n": True}}) is False
    assert parse("properties.n = 1").matches({"properties": {"n": 1.0}}) is True
    assert parse("properties.n > 0").matches({"properties": {"n": False}}) is False
    assert parse("properties.b = true").matches({"properties": {"b": 1}}) is False
    assert parse("properties.s.length = 2").matches({"properties": {"s": "é😀"}}) is False
    assert parse("properties.s.length = 3").matches({"properties": {"s": "é😀"}}) is True
    assert parse('properties.l\\[1\\] = "b"').matches({"properties": {"l": ["a", "b"]}}) is True
    assert parse("properties.constructor != null").matches({"properties": {}}) is True


def test_parse_accepts_non_text_and_caches() -> None:
    assert parse(None).error is not None
    assert parse(b'type = "track"').matches({"type": "track"})
    assert parse('type = "track"') is parse('type = "track"')
