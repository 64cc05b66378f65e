"""JavaScript conversions that leak into payloads: String(), JSON.stringify, key order, paths."""

from __future__ import annotations

import math
from typing import Any

import pytest

from inspector.core._js import (
    UNDEFINED,
    js_loose_equals_empty,
    js_order,
    js_string_exact_ints,
    js_stringify_or_undefined,
    js_truthy,
)
from inspector.core.mapping._path import get_path


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1"),
        (0.1, "0.1"),
        (-0.0, "0"),
        (1e21, "1e+21"),
        (1e-7, "1e-7"),
        (1e16, "10000000000000000"),
        (0.000001, "0.000001"),
        (123.456, "123.456"),
        (math.inf, "Infinity"),
        (math.nan, "NaN"),
        (True, "true"),
        (None, "null"),
        ([1, "two", None, {"k": "v"}], "1,two,,[object Object]"),
        ({"a": 1}, "[object Object]"),
    ],
)
def test_js_string(value: Any, text: str) -> None:
    assert js_string_exact_ints(value) == text


def test_json_stringify_is_compact_and_js_ordered() -> None:
    value = {"b": 1, "2": [1.0, None, UNDEFINED], "a": "é/\u2028", "u": UNDEFINED, "1": math.inf}
    assert js_stringify_or_undefined(value) == '{"1":null,"2":[1,null,null],"b":1,"a":"é/\u2028"}'
    assert js_stringify_or_undefined(UNDEFINED) is UNDEFINED


def test_key_order_puts_index_keys_first() -> None:
    assert list(js_order({"b": 1, "2": 2, "a": 3, "1": 4, "01": 5})) == ["1", "2", "b", "a", "01"]


@pytest.mark.parametrize(
    ("value", "truthy", "blank"),
    [(0, False, True), ("", False, True), ([], True, True), ({}, True, False), ("0", True, False)],
)
def test_truthiness_and_loose_blank(value: Any, truthy: bool, blank: bool) -> None:
    assert js_truthy(value) is truthy
    assert js_loose_equals_empty(value) is blank


def test_path_walk_stops_at_falsy_values() -> None:
    payload = {"d": None, "f": 0, "s": "Hello", "arr": [1, "two"], "sp ace": {"k": 1}}
    assert get_path(payload, "d.x") is None
    assert get_path(payload, "f.x") == 0
    assert get_path(payload, "s.length") == 5
    assert get_path(payload, "arr[1]") == "two"
    assert get_path(payload, "['sp ace'].k") == 1
    assert get_path(payload, "missing") is UNDEFINED
