"""Every recorded trigger text, however broken, can be linted, explained and rendered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.core.fql import Explanation, LintWarning, parse

DATA = Path(__file__).resolve().parents[2] / "data" / "fql"
TEXTS = sorted(
    {
        case["fql"]
        for name in ("spec.json", "handpicked.json", "generated.json", "fuzz.json")
        for case in json.loads((DATA / name).read_text(encoding="utf-8"))["cases"]
    }
)
EVENTS = [
    {"type": "track", "event": "Order Completed", "properties": {"total": 120, "plan": "free"}},
    {"type": "page", "name": "Home", "context": {"page": {"url": "https://x/checkout"}}},
    {"properties": {"a": 0, "tags": ["a"]}, "traits": {"email": ""}},
    {"properties": {"total": 10**400, "plan": {"nested": object()}}, "context": ""},
    None,
    "not an object",
]


@pytest.mark.parametrize("text", TEXTS)
def test_lint_and_explain_never_fail(text: str) -> None:
    trigger = parse(text)
    warnings = trigger.lint()
    assert all(isinstance(w, LintWarning) for w in warnings)
    for warning in warnings:
        assert warning.position is None or 0 <= warning.position <= len(text)
        assert warning.suggestion != text
    for event in EVENTS:
        explanation = trigger.explain(event)
        assert isinstance(explanation, Explanation)
        assert explanation.matched is trigger.matches(event)
        assert explanation.render()
        json.dumps(explanation.to_dict())
    assert trigger.paths == frozenset(trigger.paths)


@pytest.mark.parametrize(
    "text", [None, b'type = "track"', 42, "\x00", "(" * 5000, "type = " * 3000, "\\", "'", '"']
)
def test_parse_never_raises(text: object) -> None:
    trigger = parse(text)
    assert trigger.matches({"type": "track"}) in (True, False)
    trigger.lint()
