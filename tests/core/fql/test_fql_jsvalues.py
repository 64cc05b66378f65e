"""JavaScript String()/Number() and get() as the reference evaluator sees values."""

from __future__ import annotations

import math

import pytest

from inspector.core._js import JsFunction, js_string, js_to_number
from inspector.core.fql import MISSING
from inspector.core.fql._jsvalues import lookup_path


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (10.0, "10"),
        (1.5, "1.5"),
        (-0.0, "0"),
        (1e21, "1e+21"),
        (1e20, "100000000000000000000"),
        (1e-7, "1e-7"),
        (0.000001, "0.000001"),
        (123456.789, "123456.789"),
        (math.nan, "NaN"),
        (math.inf, "Infinity"),
        (True, "true"),
        (None, "null"),
        ("x", "x"),
        (10**400, "Infinity"),
    ],
)
def test_js_string(value: object, text: str) -> None:
    assert js_string(value) == text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("10", 10.0),
        (" 5 ", 5.0),
        ("", 0.0),
        ("0x10", 16.0),
        ("0b11", 3.0),
        ("1e3", 1000.0),
        (".5", 0.5),
        ("5.", 5.0),
        ("-Infinity", -math.inf),
    ],
)
def test_js_number(text: str, number: float) -> None:
    assert js_to_number(text) == number


@pytest.mark.parametrize("text", ["abc", "1_0", "inf", "nan", "-0x10", "-", "0x"])
def test_js_number_nan(text: str) -> None:
    assert math.isnan(js_to_number(text))


@pytest.mark.parametrize(
    ("root", "path", "value"),
    [
        ({"a": {"b": 1}}, ["a", "b"], 1),
        ({"a": 0}, ["a", "b"], 0),
        ({"a": ""}, ["a", "b"], ""),
        ({"a": None}, ["a", "b"], None),
        ({}, ["a", "b"], MISSING),
        ({"a": "abc"}, ["a", "length"], 3),
        ({"a": "abc"}, ["a", "1"], "b"),
        ({"a": [1, 2]}, ["a", "1"], 2),
        ({"a": [1, 2]}, ["a", "01"], MISSING),
        ({"a": [1, 2]}, ["a", "length"], 2),
        ({"a": {}}, ["a", "constructor"], JsFunction("Object", 1, "Object")),
        ({"a": {}}, ["a", "constructor", "name"], "Object"),
        ({"a": "T"}, ["a", "trimLeft", "name"], "trimStart"),
        ({"a": [1]}, ["a", "with", "length"], 2),
        ({"a": 1.5}, ["a", "toFixed", "name"], "toFixed"),
        ({"a": 5}, ["a", "b"], MISSING),
    ],
)
def test_lookup_path(root: object, path: list[str], value: object) -> None:
    assert lookup_path(root, path) == value


def test_trigger_string_limit_counts_utf16_code_units() -> None:
    """fql-ts refuses a string of 100,000 code units: 50,000 emoji are that many."""
    from inspector.core.fql import parse

    assert parse('properties.x = "' + "\U0001f600" * 49_999 + '"').ok
    assert not parse('properties.x = "' + "\U0001f600" * 50_000 + '"').ok
