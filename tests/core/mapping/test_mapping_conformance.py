"""Replays transform() and validate() answers recorded from @segment/actions-core 3.170.0."""

from __future__ import annotations

import json
from typing import Any

import pytest
from mapping_cases import load_cases

from inspector.core._js import js_stringify_or_undefined
from inspector.core.mapping import MappingError, resolve, validate_mapping

TRANSFORM = load_cases("transform.json")
VALIDATE = load_cases("validate.json")

# Known differences between python-liquid and liquidjs that are not worth a template engine of
# our own; each case still fails loudly if the behaviour changes.
LIQUID_DEVIATIONS = {
    "liquid 29": "liquidjs words this syntax error differently (an error is raised in both)",
    "liquid2 64": "liquidjs evaluates a comparison in an output; python-liquid rejects it",
}


def _params(cases: list[dict[str, Any]]) -> list[Any]:
    marks = {
        name: pytest.mark.xfail(strict=True, reason=reason)
        for name, reason in LIQUID_DEVIATIONS.items()
    }
    return [
        pytest.param(c, id=c["name"], marks=[marks[c["name"]]] if c["name"] in marks else [])
        for c in cases
    ]


@pytest.mark.parametrize("case", _params(TRANSFORM))
def test_transform(case: dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(MappingError) as info:
            resolve(case["mapping"], case["event"])
        assert info.value.message == case["error"]
        if "issues" in case:
            assert [i.message for i in info.value.issues] == case["issues"]
        return
    result = resolve(case["mapping"], case["event"])
    if case.get("undefined"):
        assert result.payload is None
        return
    # Compared as JSON shows it (JavaScript's Infinity from @json decode becomes null there).
    text = js_stringify_or_undefined(result.payload)
    assert text == case["json"]
    assert json.loads(text) == case["result"]


@pytest.mark.parametrize("case", VALIDATE, ids=[c["name"] for c in VALIDATE])
def test_validate(case: dict[str, Any]) -> None:
    assert [i.message for i in validate_mapping(case["mapping"])] == case["issues"]
