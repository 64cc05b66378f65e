"""Lint: each warning's code, position and suggested rewrite, and some messages in full."""

from __future__ import annotations

import pytest

from inspector.core.fql import LintWarning, parse

CASES = [
    (
        'type = "track" and event = "A" or event = "B"',
        [
            ("mixed-connectives", 15, '(type = "track" and event = "A") or event = "B"'),
            ("too-many-conditions", 34, None),
        ],
    ),
    (
        "type = 'track'",
        [
            ("single-quotes", 7, 'type = "track"'),
        ],
    ),
    (
        "event != null",
        [
            ("null-is-text", 0, 'match(event, "*")'),
        ],
    ),
    (
        'match(event, "Order")',
        [
            ("match-pattern", 0, 'event = "Order"'),
        ],
    ),
    (
        'match(event, "*A*")',
        [
            ("match-pattern", 0, 'contains(event, "A")'),
        ],
    ),
    (
        'type = "track" and (type = "a" or (event = "b"))',
        [
            ("nested-parentheses", 34, None),
        ],
    ),
    (
        'type = "track" AND event = "A"',
        [
            ("ignored-token", 15, 'type = "track" and event = "A"'),
        ],
    ),
    (
        'type = "track" and not event = "x"',
        [
            ("ignored-token", 19, 'type = "track" and event = "x"'),
        ],
    ),
    (
        'TYPE = "track"',
        [
            ("ignored-token", 0, 'type = "track"'),
        ],
    ),
    (
        'anonymousId = "a" and type = "track"',
        [
            ("ignored-token", 0, 'type = "track"'),
        ],
    ),
    (
        'type = "track" or(event = "A")',
        [
            ("ignored-token", 15, 'type = "track" or (event = "A")'),
        ],
    ),
    (
        '!(type = "track")',
        [
            ("ignored-token", 0, '(type = "track")'),
        ],
    ),
    (
        'contains(type, "tr") and event = "A"',
        [
            ("ignored-token", 0, None),
        ],
    ),
    (
        'type = "track" and (contains(event, "x") or event = "y")',
        [
            ("mixed-connectives", 15, None),
            ("function-in-group", 19, 'type = "track" and (event = "y" or contains(event, "x"))'),
            ("too-many-conditions", 44, None),
        ],
    ),
    (
        'type = "track" and ()',
        [
            ("empty-group", 19, 'type = "track"'),
        ],
    ),
    (
        "properties.price >=10",
        [
            ("operator-spacing", 17, "properties.price >= 10"),
        ],
    ),
    (
        'type !="x"',
        [
            ("operator-spacing", 5, 'type != "x"'),
        ],
    ),
    (
        '! contains(event, "a")',
        [
            ("negation-spacing", 0, '!contains(event, "a")'),
        ],
    ),
    (
        'type = "track"\r\nand event = "A"',
        [
            ("quote-not-closed", 13, None),
            ("carriage-return", 14, 'type = "track"\nand event = "A"'),
        ],
    ),
    (
        'type "track"',
        [
            ("unknown-operator", 0, 'type = "track"'),
        ],
    ),
    (
        "type = ",
        [
            ("missing-value", 0, None),
        ],
    ),
    (
        'type = "a"and event = "b"',
        [
            ("quote-not-closed", 9, 'type = "a" and event = "b"'),
        ],
    ),
    (
        'type = "a" and event = "b" and userId = "c"',
        [
            ("too-many-conditions", 31, None),
        ],
    ),
    ('type = "track" and event = "A"', []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_codes_positions_and_suggestions(
    text: str, expected: list[tuple[str, int | None, str | None]]
) -> None:
    warnings = parse(text).lint()
    assert [(w.code, w.position, w.suggestion) for w in warnings] == expected


def test_suggestions_parse_without_the_warning() -> None:
    for text, expected in CASES:
        for code, _, suggestion in expected:
            if suggestion is None:
                continue
            fixed = parse(suggestion)
            assert fixed.ok, (text, suggestion)
            assert code not in {w.code for w in fixed.lint()} or code == "too-many-conditions"


def test_mixed_connectives_message_states_segments_reading() -> None:
    (warning, _) = parse('type = "track" and event = "A" or event = "B"').lint()
    assert warning == LintWarning(
        code="mixed-connectives",
        message=(
            "'and' and 'or' are mixed without parentheses: Segment has no precedence, the last "
            "connective ('or') joins all 3 conditions here: "
            'type = "track" or event = "A" or event = "B"; if \'and\' was meant to bind first, '
            'write (type = "track" and event = "A") or event = "B"'
        ),
        position=15,
        suggestion='(type = "track" and event = "A") or event = "B"',
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "type = 'track'",
            "single quotes are part of the value: Segment compares with the text 'track' "
            "including the quotes; use double quotes",
        ),
        (
            "event != null",
            "'event != null' is not an existence test: for event Segment compares with the text "
            '"null" (true for every event whose event is not the text "null", even without one); '
            'to require any event, write match(event, "*")',
        ),
        (
            'match(event, "Order")',
            "match() without * is not an equality test: Segment drops the first character and "
            'tests match(event, "*rder"); for equality write event = "Order"',
        ),
        (
            'TYPE = "track"',
            "'TYPE' is not a field (names are case-sensitive): Segment silently drops "
            "'TYPE = \"track\"'; write type",
        ),
        (
            "properties.price >=10",
            "'>=' must be followed by a space; without one Segment reads '>' compared with the "
            'text "=" (never true)',
        ),
    ],
)
def test_messages(text: str, message: str) -> None:
    (warning,) = parse(text).lint()
    assert warning.message == message


def test_condition_limit_is_configurable() -> None:
    trigger = parse('type = "a" and event = "b" and userId = "c"')
    assert [w.code for w in trigger.lint()] == ["too-many-conditions"]
    assert trigger.lint(max_conditions=3) == []


def test_clean_triggers_have_no_warnings() -> None:
    for text in [
        'type = "track"',
        'type = "track" and (event = "A" or event = "B")',  # three conditions: limit 3 below
        "properties.total > 100 and properties.plan != null",
        'contains(context.page.url, "checkout")',
        'match(event, "Order*")',
    ]:
        assert parse(text).lint(max_conditions=3) == [], text
