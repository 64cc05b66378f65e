"""Replays what Segment's reference packages answered (tests/data/fql, recorded by
tools/conformance/fql/record.js) against inspector.core.fql, without Node."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from inspector.core.fql import parse
from inspector.core.fql._lexer import LexError, lex

DATA = Path(__file__).resolve().parents[2] / "data" / "fql"
FILES = ("spec.json", "handpicked.json", "generated.json", "fuzz.json")


@cache
def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


def _cases() -> list[Any]:
    return [
        pytest.param(name, index, id=f"{name.removesuffix('.json')}-{index}")
        for name in FILES
        for index in range(len(_load(name)["cases"]))
    ]


@pytest.mark.parametrize(("name", "index"), _cases())
def test_tokens_match_fql_ts(name: str, index: int) -> None:
    case = _load(name)["cases"][index]
    try:
        tokens = [[t.kind, t.value] for t in lex(case["fql"])]
    except LexError:
        tokens = None
    assert tokens == case.get("tokens"), case["fql"]


@pytest.mark.parametrize(("name", "index"), _cases())
def test_ast_matches_parse_fql(name: str, index: int) -> None:
    case = _load(name)["cases"][index]
    trigger = parse(case["fql"])
    assert trigger.to_reference() == case["ast"], case["fql"]
    assert trigger.ok == ("error" not in case["ast"])
    if trigger.error is not None:
        assert trigger.error.message


@pytest.mark.parametrize(("name", "index"), _cases())
def test_verdicts_match_validate(name: str, index: int) -> None:
    data = _load(name)
    case = data["cases"][index]
    trigger = parse(case["fql"])
    for event_index, expected in case["results"]:
        wrapper = data["events"][event_index]
        event = wrapper.get("value")
        got = trigger.matches(event)
        explanation = trigger.explain(event)
        context = (case["fql"], event)
        if wrapper.get("undefined"):
            assert got is False, context
            continue
        if expected == "throws":
            assert got is False, context
            assert explanation.error is not None, context
        else:
            assert got is expected, context
            assert explanation.matched is expected, context
            assert (explanation.error is None) == trigger.ok, context
