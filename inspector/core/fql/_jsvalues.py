"""JavaScript property access as the reference evaluator's ``get()`` performs it, and literals.

The conversions it shares with mapping and destinations (``undefined``, String(), Number(),
truthiness) live in :mod:`inspector.core._js`.
"""

from __future__ import annotations

import math
import re
from typing import Any, Final

from inspector.core._js import BUILTIN_VALUES, UNDEFINED, JsFunction, JsPrototype, js_truthy
from inspector.core._jsbuiltins import inherited_member, own_member
from inspector.core._jsbuiltins_table import BUILTINS

__all__ = [
    "OBJECT_MEMBERS",
    "JsBuiltin",
    "json_number",
    "lookup_path",
    "member",
    "numeric_token_value",
    "split_path",
]


JsBuiltin = JsFunction | JsPrototype
"""An inherited JavaScript member a path walk reaches (``constructor``, ``toString`` …).

The reference reads paths with plain property access, so ``properties.constructor`` finds
``Object``'s constructor function: a value that exists but is neither a string nor a number.
"""


OBJECT_MEMBERS: Final = frozenset(BUILTINS["Object"]["prototype"])
"""The members every object inherits (``Object.prototype``'s)."""

_INDEX = re.compile(r"(?:0|[1-9][0-9]*)\Z")
_SEGMENT = re.compile(r"[^\[.\]]+")


def split_path(name: str) -> list[str] | None:
    """The segments ``get()`` walks: split on ``.``, ``[`` and ``]``; ``None`` when it throws."""
    if not name:
        return []
    segments = _SEGMENT.findall(name)
    return segments or None


def lookup_path(root: object, segments: list[str]) -> object:
    """``get(root, path)``: stop at the first falsy value, else read the next segment."""
    current = root
    for key in segments:
        if not js_truthy(current):
            break
        current = member(current, key)
    return current


def member(value: object, key: str) -> object:
    """``value[key]``: own members, then what Node's built-in prototypes hold."""
    if isinstance(value, dict):
        if key in value:
            return value[key]
        return inherited_member(value, key)
    if isinstance(value, str):
        found = _string_member(value, key)
    elif isinstance(value, list):
        if _INDEX.match(key):
            index = int(key)
            return value[index] if index < len(value) else UNDEFINED
        found = len(value) if key == "length" else UNDEFINED
    elif isinstance(value, BUILTIN_VALUES):
        return own_member(value, key)
    else:
        found = UNDEFINED
    return found if found is not UNDEFINED else inherited_member(value, key)


def _string_member(value: str, key: str) -> object:
    units = value.encode("utf-16-le", "surrogatepass")
    if key == "length":
        return len(units) // 2
    if _INDEX.match(key):
        index = int(key)
        if index * 2 >= len(units):
            return UNDEFINED
        return units[index * 2 : index * 2 + 2].decode("utf-16-le", "surrogatepass")
    return UNDEFINED


def numeric_token_value(text: str) -> float:
    """``Number(token)`` for a lexer number token (digits, dots, a leading sign)."""
    try:
        return float(text)
    except ValueError:
        return math.nan


def json_number(value: float) -> Any:
    """How ``JSON.stringify`` writes a number: integral floats as ints, NaN/Infinity as null."""
    if value != value or math.isinf(value):
        return None
    if value == int(value) and abs(value) < 2**53:
        return int(value)
    return value
