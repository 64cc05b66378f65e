"""Small JSON helpers shared by config checks and request building."""

from __future__ import annotations

from typing import Any

__all__ = ["json_type", "a_json_type"]


def json_type(value: Any) -> str:
    """The JSON type name of a decoded value: null, boolean, number, string, array, object."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def a_json_type(value: Any) -> str:
    """``json_type`` with its article: ``a string``, ``an array``, ``null``."""
    name = json_type(value)
    if name == "null":
        return name
    return f"an {name}" if name[0] in "aeiou" else f"a {name}"
