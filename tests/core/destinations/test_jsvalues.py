"""JavaScript conversions used for DOM event names and request bodies."""

from __future__ import annotations

from typing import Any

import pytest

from inspector.core._js import js_number_string, js_truthy
from inspector.core.destinations import UNDEFINED, js_string, js_stringify


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1"),
        (0.1, "0.1"),
        (-2.5, "-2.5"),
        (1e21, "1e+21"),
        (1.5e16, "15000000000000000"),
        (1e-7, "1e-7"),
        (1e-6, "0.000001"),
        (123.456, "123.456"),
        (0.0, "0"),
        (-0.0, "0"),
        (2**60, "1152921504606847000"),
        (7, "7"),
        (float("nan"), "NaN"),
        (float("inf"), "Infinity"),
        (float("-inf"), "-Infinity"),
    ],
)
def test_js_number(value: float, text: str) -> None:
    assert js_number_string(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (UNDEFINED, "undefined"),
        (None, "null"),
        ("Signed Up", "Signed Up"),
        (True, "true"),
        (3.0, "3"),
        ([1, None, "a"], "1,,a"),
        ({"a": 1}, "[object Object]"),
        ([], ""),
    ],
)
def test_js_string(value: Any, text: str) -> None:
    assert js_string(value) == text


@pytest.mark.parametrize(
    ("value", "truthy"),
    [
        (None, False),
        (UNDEFINED, False),
        ("", False),
        (0, False),
        (0.0, False),
        (float("nan"), False),
        (False, False),
        ("0", True),
        ([], True),
        ({}, True),
        (1, True),
    ],
)
def test_js_truthy(value: Any, truthy: bool) -> None:
    assert js_truthy(value) is truthy


def test_js_stringify() -> None:
    value = {"b": 1.0, "10": [1.5, None, UNDEFINED], "2": 'é"', "a": {"skip": UNDEFINED}}
    assert js_stringify(value) == '{"2":"é\\"","10":[1.5,null,null],"b":1,"a":{}}'
    assert js_stringify({"x": float("nan")}) == '{"x":null}'
    assert js_stringify({"01": 1, "1": 2}) == '{"1":2,"01":1}'
