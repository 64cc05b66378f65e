"""``JSON.stringify(value, null, space)`` for template values (the ``json`` filter)."""

from __future__ import annotations

import json
import math
from typing import Any

from inspector.core._js import UNDEFINED, js_number_string, js_order

from ._values import Drop, is_number

__all__ = ["json_string", "json_stringify"]

_LONE_SURROGATE = frozenset(range(0xD800, 0xE000))


def json_string(text: str) -> str:
    """``JSON.stringify`` of a string (lone surrogates escaped, as JavaScript does)."""
    out = json.dumps(text, ensure_ascii=False)
    if any(ord(ch) in _LONE_SURROGATE for ch in out):
        out = "".join(f"\\u{ord(ch):04x}" if ord(ch) in _LONE_SURROGATE else ch for ch in out)
    return out


def _gap(space: Any) -> str | None:
    """V8's indentation for ``space``: None for compact output, else the (maybe empty) indent.

    A number in (0, 1) gives an empty indent, so items go on their own lines unindented.
    """
    if is_number(space):
        value = min(float(space), 10.0)
        return " " * int(value) if value > 0 else None
    if isinstance(space, str) and space:
        return space[:10]
    return None


def _encode(value: Any, gap: str | None, indent: str) -> str | None:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return json_string(value)
    if is_number(value):
        return js_number_string(value) if math.isfinite(value) else "null"
    if value is UNDEFINED:
        return None
    inner = indent + (gap or "")
    if isinstance(value, list):
        items = [_encode(v, gap, inner) or "null" for v in value]
        return _wrap("[", "]", items, gap, indent, inner)
    if isinstance(value, dict):
        parts = []
        for key, item in js_order(value).items():
            encoded = _encode(item, gap, inner)
            if encoded is not None:
                parts.append(json_string(key) + (":" if gap is None else ": ") + encoded)
        return _wrap("{", "}", parts, gap, indent, inner)
    if isinstance(value, Drop):
        return "{}"
    return None


def _wrap(
    open_: str, close: str, items: list[str], gap: str | None, indent: str, inner: str
) -> str:
    if not items:
        return open_ + close
    if gap is None:
        return open_ + ",".join(items) + close
    return f"{open_}\n{inner}" + f",\n{inner}".join(items) + f"\n{indent}{close}"


def json_stringify(value: Any, space: Any = 0) -> Any:
    """The JSON text of ``value``, or ``UNDEFINED`` where JavaScript returns ``undefined``."""
    encoded = _encode(value, _gap(space), "")
    return UNDEFINED if encoded is None else encoded
