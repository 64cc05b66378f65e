"""The public mapping API: errors with locations, validation issues, undefined handling."""

from __future__ import annotations

import pytest

from inspector.core._js import UNDEFINED
from inspector.core.errors import InspectorError
from inspector.core.mapping import MappingError, MappingIssue, resolve, validate_mapping


def test_runtime_error_has_segment_message_and_location() -> None:
    mapping = {"traits": {"@if": {"then": {"@path": "$.a"}}}}
    with pytest.raises(MappingError) as info:
        resolve(mapping, {})
    assert str(info.value) == '@if requires an "exists" key or a "blank" key'
    assert info.value.location == "traits.@if"
    assert isinstance(info.value, InspectorError)


def test_nested_runtime_error_location() -> None:
    mapping = {"x": {"@if": {"exists": 1, "then": {"@case": {"operator": "x", "value": "A"}}}}}
    with pytest.raises(MappingError) as info:
        resolve(mapping, {})
    assert info.value.message == 'operator key should have a value of "lower" or "upper"'
    assert info.value.location == "x.@if.then.@case"


def test_invalid_mapping_raises_with_issues() -> None:
    mapping = {"obj": {"@path": "foo.bar", "oops": True}, "hash": {"@template": {}}}
    with pytest.raises(MappingError) as info:
        resolve(mapping, {})
    assert [i.location for i in info.value.issues] == ["obj", "hash.@template"]
    assert info.value.location == "obj"


def test_validate_mapping_issue_locations() -> None:
    issues = validate_mapping({"v": {"@arrayPath": ["$.x", {"i": {"@path": 5}}]}})
    assert issues == [
        MappingIssue(
            "/v/@arrayPath/i/@path should be a string or a mapping directive but it is a number.",
            "v.@arrayPath.i.@path",
        )
    ]
    assert issues[0].text == "should be a string or a mapping directive but it is a number"
    assert validate_mapping({"userId": {"@path": "$.userId"}}) == []


def test_undefined_never_leaks() -> None:
    result = resolve({"a": [{"@path": "$.x"}], "b": {"c": {"@path": "$.x"}}}, {})
    assert result.payload == {"a": [None], "b": {}}
    assert UNDEFINED not in result.payload["a"]


def test_payload_does_not_alias_event() -> None:
    event = {"traits": {"k": 1}}
    result = resolve({"t": {"@path": "$.traits"}}, event)
    result.payload["t"]["k"] = 2
    assert event["traits"]["k"] == 1


def test_top_level_directive_undefined_gives_none() -> None:
    assert resolve({"@path": "$.nope"}, {}).payload is None
