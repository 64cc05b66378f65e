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

@pytest.mark.parametrize("case", TRANSFORM, ids=[c["name"] for c in TRANSFORM])
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
