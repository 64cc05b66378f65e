"""JavaScript value semantics as liquidjs applies them: drops, String(), Number(), comparisons.

Values are JSON values (``dict``, ``list``, ``str``, ``int``/``float``, ``bool``, ``None``), plus
``UNDEFINED`` and the three literal drops ``nil``, ``empty`` and ``blank``.
"""

from __future__ import annotations

import math
import re
from typing import Any, Final

from inspector.core._js import UNDEFINED, is_index_key, js_string, js_to_number

__all__ = [
    "BLANK", "EMPTY", "NIL", "Drop", "compare", "equals", "has_own", "is_nil", "is_number",
    "is_truthy", "join_units", "js_number", "js_str", "property_key", "read_property",
    "stringify", "to_number", "to_primitive", "to_value", "u16_at", "u16_len", "u16_slice",
    "u16_units",
]  # fmt: skip


class Drop:
    """A liquidjs literal object: ``nil``, ``empty`` or ``blank``."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


NIL: Final = Drop("nil")
EMPTY: Final = Drop("empty")
BLANK: Final = Drop("blank")
_WHITESPACE_ONLY = re.compile(r"[\s\ufeff]*\Z")


def to_value(value: Any) -> Any:
    """liquidjs ``toValue``: a drop's ``valueOf()`` (nil is null, empty and blank are ``''``)."""
    if isinstance(value, Drop):
        return None if value is NIL else ""
    return value


def is_nil(value: Any) -> bool:
    return value is None or value is UNDEFINED


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_truthy(value: Any) -> bool:
    """Liquid truthiness: only ``false``, ``null``/``nil`` and undefined are falsy."""
    value = to_value(value)
    return not (value is False or value is None or value is UNDEFINED)


# --- strings as JavaScript holds them (UTF-16) ----------------------------------------------


def u16_len(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def u16_units(text: str) -> str:
    """``text`` with astral characters split into surrogate pairs (one char per UTF-16 unit)."""
    if text.isascii() or all(ord(ch) <= 0xFFFF for ch in text):
        return text
    return "".join(
        ch
        if ord(ch) <= 0xFFFF
        else chr(0xD800 + ((ord(ch) - 0x10000) >> 10)) + chr(0xDC00 + ((ord(ch) - 0x10000) & 0x3FF))
        for ch in text
    )


def join_units(text: str) -> str:
    """Surrogate pairs in ``text`` joined back into astral characters; lone ones kept."""
    if not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def u16_slice(text: str, start: int, end: int | None = None) -> str:
    return join_units(u16_units(text)[start:end])


def u16_at(text: str, index: int) -> Any:
    units = u16_units(text)
    return units[index] if 0 <= index < len(units) else UNDEFINED


# --- conversions ----------------------------------------------------------------------------


def js_str(value: Any) -> str:
    """JavaScript ``String(value)`` (arrays joined with ``,``, objects ``[object Object]``)."""
    return js_string(value)


def stringify(value: Any) -> str:
    """liquidjs ``stringify``: nil is ``''``, arrays concatenated, else ``String()``."""
    value = to_value(value)
    if isinstance(value, str):
        return value
    if is_nil(value):
        return ""
    if isinstance(value, list):
        return join_units("".join(stringify(v) for v in value))
    return js_str(value)


def to_primitive(value: Any) -> Any:
    """``ToPrimitive`` with the number hint, for JSON values: arrays and objects become text."""
    if isinstance(value, list | dict):
        return js_str(value)
    return value


def js_number(value: Any) -> float:
    """JavaScript ``Number(value)``."""
    value = to_value(value)
    if value is None:
        return 0.0
    if value is UNDEFINED:
        return math.nan
    return js_to_number(to_primitive(value))


def to_number(value: Any) -> float:
    """liquidjs ``toNumber``: ``+value || 0`` (NaN and -0 become 0)."""
    number = js_number(value)
    return number if number == number and number != 0 else 0.0


def property_key(key: Any) -> str:
    """A JavaScript property key (``ToString``) for ``key``."""
    return js_str(to_value(key))


# --- property access ------------------------------------------------------------------------


def _own(obj: Any, key: str) -> Any:
    if isinstance(obj, dict):
        return obj.get(key, UNDEFINED)
    if isinstance(obj, list):
        if key == "length":
            return len(obj)
        if is_index_key(key) and int(key) < len(obj):
            return obj[int(key)]
    elif isinstance(obj, str):
        if key == "length":
            return u16_len(obj)
        if is_index_key(key):
            return u16_at(obj, int(key))
    return UNDEFINED


def has_own(obj: Any, key: Any) -> bool:
    """JavaScript ``key in Object(obj)`` for own data: object keys, array/string indexes, length."""
    if isinstance(obj, dict):
        return property_key(key) in obj
    if isinstance(obj, list | str):
        return _own(obj, property_key(key)) is not UNDEFINED
    return False


def _size(obj: Any) -> Any:
    if isinstance(obj, dict) and "size" in obj:
        return obj["size"]
    if isinstance(obj, list):
        return len(obj)
    if isinstance(obj, str):
        return u16_len(obj)
    if isinstance(obj, dict):
        return len(obj)
    return UNDEFINED


_SPECIAL_KEYS = frozenset({"size", "first", "last"})


def read_property(obj: Any, key: Any) -> Any:
    """liquidjs ``Context.readProperty``: own properties, negative indexes, size/first/last."""
    if type(obj) is dict and type(key) is str and key not in _SPECIAL_KEYS:
        return obj.get(key, UNDEFINED)  # the common case, decided as the general path would
    key = to_value(key)
    if is_nil(obj):
        return obj
    if isinstance(obj, list) and compare(key, 0) == -1:
        index = len(obj) + js_number(key)
        return obj[int(index)] if index.is_integer() and 0 <= index < len(obj) else UNDEFINED
    if isinstance(obj, Drop):
        return UNDEFINED
    name = property_key(key)
    value = _own(obj, name)
    if key == "size" and isinstance(key, str):
        return _size(obj)
    if key in ("first", "last") and isinstance(key, str):
        if isinstance(obj, list):
            return (obj[0] if key == "first" else obj[-1]) if obj else UNDEFINED
        return obj.get(key, UNDEFINED) if isinstance(obj, dict) else UNDEFINED
    return value


# --- equality and order ---------------------------------------------------------------------


def _strict_equals(left: Any, right: Any) -> bool:
    if is_number(left) and is_number(right):
        return bool(left == right)
    if isinstance(left, str) and isinstance(right, str):
        return left == right
    if isinstance(left, list | dict) or isinstance(right, list | dict):
        return left is right
    return left is right


def _drop_equals(drop: Drop, value: Any) -> bool:
    if drop is NIL:
        return is_nil(to_value(value))
    if drop is BLANK:
        if value is False or is_nil(to_value(value)):
            return True
        if isinstance(value, str):
            return _WHITESPACE_ONLY.match(value) is not None
    if isinstance(value, Drop):
        return False
    value = to_value(value)
    if isinstance(value, str | list | dict):
        return len(value) == 0
    return False


def equals(left: Any, right: Any) -> bool:
    """liquidjs ``==``: drops compare by meaning, arrays item by item, the rest as ``===``."""
    if isinstance(left, Drop):
        return _drop_equals(left, right)
    if isinstance(right, Drop):
        return _drop_equals(right, left)
    if isinstance(left, list):
        return (
            isinstance(right, list)
            and len(left) == len(right)
            and all(equals(a, b) for a, b in zip(left, right, strict=True))
        )
    return _strict_equals(left, right)


def compare(left: Any, right: Any) -> int | None:
    """JavaScript's relational comparison: -1, 0 or 1, or None when it is undefined (NaN)."""
    left, right = to_primitive(to_value(left)), to_primitive(to_value(right))
    if isinstance(left, str) and isinstance(right, str):
        if left.isascii() and right.isascii():
            return _order(left, right)
        return _order(_utf16(left), _utf16(right))
    x, y = js_number(left), js_number(right)
    if x != x or y != y:
        return None
    return _order(x, y)


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-be", "surrogatepass")


def _order(a: Any, b: Any) -> int:
    return int(a > b) - int(a < b)
