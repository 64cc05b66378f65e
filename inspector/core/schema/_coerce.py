"""Ajv's type checks and ``coerceTypes: "array"`` coercions, with JavaScript number rules.

Written by hand on purpose: stock JSON-Schema validators do not coerce, and Python's ``bool`` is
an ``int``, which JavaScript's typeof-based checks must not see.
"""

from __future__ import annotations

import math
import re
from typing import Any, Final

from inspector.core._js import JsFunction, js_string_exact_ints

__all__ = ["NOT_COERCED", "coerce", "js_to_number", "js_type_name", "matches_type"]

NOT_COERCED: Final = object()
COERCIBLE = ("string", "number", "integer", "boolean", "null")
_DECIMAL_RE = re.compile(r"[+-]?(?:Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")
_RADIX_RE = re.compile(r"0([xXoObB])([0-9a-fA-F]+)")
_JS_SPACE = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"  # noqa: E501


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def js_to_number(text: str) -> float:
    """``+text`` in JavaScript (StringToNumber): trims, ``""`` is 0, hex/octal/binary, Infinity."""
    text = text.strip(_JS_SPACE)
    if not text:
        return 0.0
    if _DECIMAL_RE.fullmatch(text):
        return float(text.replace("Infinity", "inf"))
    radix = _RADIX_RE.fullmatch(text)
    if radix:
        try:
            return float(int(radix.group(2), {"x": 16, "o": 8, "b": 2}[radix.group(1).lower()]))
        except ValueError:
            return math.nan
    return math.nan


def _tidy(number: float) -> float | int:
    """Integral results are shown as ints (JavaScript has one number type)."""
    if math.isfinite(number) and number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


def js_type_name(value: Any) -> str:
    """``typeof`` of a JSON value."""
    if isinstance(value, bool):
        return "boolean"
    if _is_number(value):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, JsFunction):
        return "function"
    return "object"


def matches_type(value: Any, type_name: str) -> bool:
    """Ajv's data-type check for one JSON-Schema type name."""
    if type_name == "string":
        return isinstance(value, str)
    if type_name == "number":
        return _is_number(value) and math.isfinite(value)
    if type_name == "integer":
        return _is_number(value) and math.isfinite(value) and float(value).is_integer()
    if type_name == "boolean":
        return isinstance(value, bool)
    if type_name == "null":
        return value is None
    if type_name == "array":
        return isinstance(value, list)
    if type_name == "object":
        return isinstance(value, dict)
    return False


def _to_string(value: Any) -> Any:
    if isinstance(value, bool) or _is_number(value):
        return js_string_exact_ints(value)
    return "" if value is None else NOT_COERCED


def _to_number(value: Any, integer: bool) -> Any:
    if isinstance(value, bool):
        return int(value)
    if value is None:
        return 0
    if isinstance(value, str) and value:
        number = js_to_number(value)
        if number == number and (not integer or math.isinf(number) or number.is_integer()):
            return _tidy(number)
    return NOT_COERCED


def _to_boolean(value: Any) -> Any:
    if value == "false" or value is None or (_is_number(value) and value == 0):
        return False
    if value == "true" or (_is_number(value) and value == 1):
        return True
    return NOT_COERCED


def _to_null(value: Any) -> Any:
    if value == "" or value is False or (_is_number(value) and value == 0):
        return None
    return NOT_COERCED


def _to_array(value: Any) -> Any:
    if value is None or isinstance(value, str | bool) or _is_number(value):
        return [value]
    return NOT_COERCED


def coerce(value: Any, types: list[str], coercible: list[str]) -> tuple[Any, Any]:
    """Coerce ``value`` (which matches none of ``types``) to one of ``coercible`` as Ajv does.

    Returns:
        (result, seen): ``result`` is the coerced value or :data:`NOT_COERCED`; ``seen`` is the
        value
        Ajv reports in a type error (a one-element list is unwrapped first).
    """
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
        # Ajv's generated check joins several types with "and", so only a single type can match.
        if len(types) == 1 and matches_type(value, types[0]):
            return value, value
    for type_name in coercible:
        if type_name == "string":
            result = _to_string(value)
        elif type_name in ("number", "integer"):
            result = _to_number(value, type_name == "integer")
        elif type_name == "boolean":
            result = _to_boolean(value)
        elif type_name == "null":
            result = _to_null(value)
        elif type_name == "array":
            result = _to_array(value)
        else:
            continue
        if result is not NOT_COERCED:
            return result, value
    return NOT_COERCED, value
