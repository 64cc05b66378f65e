"""JavaScript semantics that leak into mapping outputs: undefined, truthiness, String(), JSON."""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from typing import Any, Final

__all__ = [
    "UNDEFINED",
    "Undefined",
    "is_index_key",
    "js_json_stringify",
    "js_loose_equals_empty",
    "js_number_string",
    "js_order",
    "js_string",
    "js_truthy",
    "real_type_of",
]


class Undefined:
    """The type of :data:`UNDEFINED`: JavaScript's ``undefined``, distinct from ``None``."""

    _instance: Undefined | None = None

    def __new__(cls) -> Undefined:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNDEFINED"

    def __bool__(self) -> bool:
        return False


UNDEFINED: Final[Undefined] = Undefined()

_INDEX_RE = re.compile(r"0|[1-9][0-9]*")
_MAX_INDEX = 2**32 - 2


def is_index_key(key: str) -> bool:
    """True for canonical array-index keys, which JavaScript objects order first."""
    return _INDEX_RE.fullmatch(key) is not None and int(key) <= _MAX_INDEX


def js_order(obj: dict[str, Any]) -> dict[str, Any]:
    """Return ``obj`` with JavaScript property order: index keys ascending, then insertion order."""
    indices = [k for k in obj if k[:1].isdigit() and is_index_key(k)]
    if not indices:
        return obj
    ordered = {k: obj[k] for k in sorted(indices, key=int)}
    ordered.update((k, v) for k, v in obj.items() if k not in ordered)
    return ordered


def js_truthy(value: Any) -> bool:
    """JavaScript truthiness: empty lists and dicts are truthy, NaN is falsy."""
    if value is None or value is UNDEFINED or value is False or value is True:
        return value is True
    if isinstance(value, int | float):
        return value == value and value != 0
    if isinstance(value, str):
        return value != ""
    return True


def real_type_of(value: Any) -> str:
    """actions-core's ``realTypeOf``: ``Object.prototype.toString`` lower-cased."""
    if value is UNDEFINED:
        return "undefined"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "object"


def js_number_string(value: float | int) -> str:
    """``Number.prototype.toString()``: shortest round-trip digits in JavaScript's layout."""
    if isinstance(value, int) and abs(value) < 10**21:
        return str(value)
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    # repr() gives the shortest round-trip digits, as JavaScript does; only the layout differs.
    parts = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(map(str, parts.digits))
    n = len(digits) + int(parts.exponent)
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    exponent = n - 1
    exp = f"e{'+' if exponent >= 0 else '-'}{abs(exponent)}"
    if k == 1:
        return sign + digits + exp
    return sign + digits[0] + "." + digits[1:] + exp


def js_string(value: Any) -> str:
    """``String(value)`` for JSON-like values."""
    if isinstance(value, str):
        return value
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if value is UNDEFINED:
        return "undefined"
    if isinstance(value, int | float):
        return js_number_string(value)
    if isinstance(value, list):
        return ",".join("" if v is None or v is UNDEFINED else js_string(v) for v in value)
    return "[object Object]"


def js_loose_equals_empty(value: Any) -> bool:
    """``value == ""`` under JavaScript's abstract equality (used by ``@if`` ``blank``)."""
    if isinstance(value, str):
        return value == ""
    if isinstance(value, bool | int | float):
        return value == 0
    if isinstance(value, list):
        return js_string(value) == ""
    return False


def js_json_stringify(value: Any) -> str | Undefined:
    """``JSON.stringify(value)``: compact, JS key order and numbers; top-level undefined stays."""
    if isinstance(value, Undefined):
        return value
    return _stringify(value)


def _stringify(value: Any) -> str:
    if value is None or value is UNDEFINED:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int | float):
        return js_number_string(value) if math.isfinite(value) else "null"
    if isinstance(value, list):
        return "[" + ",".join(_stringify(v) for v in value) + "]"
    items = js_order(value).items()
    parts = [
        f"{json.dumps(k, ensure_ascii=False)}:{_stringify(v)}"
        for k, v in items
        if v is not UNDEFINED
    ]
    return "{" + ",".join(parts) + "}"
