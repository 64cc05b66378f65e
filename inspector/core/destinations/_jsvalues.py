"""JavaScript views of decoded JSON values: String(x), truthiness, key order, JSON.stringify.

The browser and actions-core are JavaScript, so what they send or name depends on JavaScript's
conversions: ``1.0`` prints as ``1``, ``1e21`` as ``1e+21``, objects put integer-like keys first,
and ``String({})`` is ``[object Object]``.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import orjson

__all__ = ["UNDEFINED", "js_number", "js_string", "js_truthy", "js_ordered", "js_stringify"]


class _Undefined:
    """JavaScript ``undefined``: a value that is absent (a missing key, a missing argument)."""

    _instance: _Undefined | None = None

    def __new__(cls) -> _Undefined:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "undefined"

    def __bool__(self) -> bool:
        return False


UNDEFINED = _Undefined()


def js_number(value: float | int) -> str:
    """``String(n)`` for a JavaScript number (``Number.prototype.toString``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        value = float(value) if abs(value) >= 2**53 else value
        if isinstance(value, int):
            return str(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    return _format_finite(value)


def _format_finite(value: float) -> str:
    sign, digit_tuple, exp = Decimal(repr(value)).as_tuple()
    digits = "".join(map(str, digit_tuple)).rstrip("0") or "0"
    assert isinstance(exp, int)
    n = exp + len("".join(map(str, digit_tuple)))  # decimal point position
    k = len(digits)
    prefix = "-" if sign else ""
    if k <= n <= 21:
        return prefix + digits + "0" * (n - k)
    if 0 < n <= 21:
        return prefix + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return prefix + "0." + "0" * (-n) + digits
    e = n - 1
    mantissa = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{prefix}{mantissa}e{'+' if e > 0 else '-'}{abs(e)}"


def js_string(value: Any) -> str:
    """``String(value)`` as JavaScript would print it (``UNDEFINED`` gives ``undefined``)."""
    if value is UNDEFINED:
        return "undefined"
    if value is None:
        return "null"
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return js_number(value)
    if isinstance(value, list | tuple):
        return ",".join("" if v is None or v is UNDEFINED else js_string(v) for v in value)
    return "[object Object]"


def js_truthy(value: Any) -> bool:
    """JavaScript truthiness: ``null``, ``false``, ``0``, ``NaN`` and ``""`` are falsy."""
    if value is None or value is UNDEFINED or value is False:
        return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value != 0 and not math.isnan(value)
    if isinstance(value, str):
        return value != ""
    return True


def _is_index_key(key: str) -> bool:
    return (
        key.isdigit() and key.isascii() and (key == "0" or key[0] != "0") and int(key) <= 2**32 - 2
    )


def js_ordered(value: Any) -> Any:
    """A copy with every object's keys in JavaScript order (integer-like keys first)."""
    if isinstance(value, dict):
        keys = list(value)
        index_keys = sorted((k for k in keys if _is_index_key(k)), key=int)
        if index_keys:
            keys = index_keys + [k for k in keys if not _is_index_key(k)]
        return {k: js_ordered(value[k]) for k in keys}
    if isinstance(value, list | tuple):
        return [js_ordered(v) for v in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def js_stringify(value: Any) -> str:
    """``JSON.stringify(value)``: compact, JavaScript key order and number formatting."""
    return _dump(js_ordered(value))


def _dump(value: Any) -> str:
    if isinstance(value, dict):
        items = (_dump_str(k) + ":" + _dump(v) for k, v in value.items() if v is not UNDEFINED)
        return "{" + ",".join(items) + "}"
    if isinstance(value, list):
        return "[" + ",".join("null" if v is UNDEFINED else _dump(v) for v in value) + "]"
    if isinstance(value, float) and not isinstance(value, bool):
        return js_number(value) if math.isfinite(value) else "null"
    if isinstance(value, str):
        return _dump_str(value)
    return orjson.dumps(value).decode()


def _dump_str(text: str) -> str:
    return orjson.dumps(text).decode()
