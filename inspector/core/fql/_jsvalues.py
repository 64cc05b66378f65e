"""JavaScript property access as the reference evaluator's ``get()`` performs it, and literals.

The conversions it shares with mapping and destinations (``undefined``, String(), Number(),
truthiness) live in :mod:`inspector.core._js`.
"""

from __future__ import annotations

import math
import re
from typing import Any, Final

from inspector.core._js import UNDEFINED, is_js_number, js_truthy

__all__ = [
    "OBJECT_MEMBERS",
    "JsBuiltin",
    "json_number",
    "lookup_path",
    "member",
    "numeric_token_value",
    "split_path",
]


class JsBuiltin:
    """An inherited JavaScript member (``constructor``, ``toString`` …) that a path walk reaches.

    The reference reads paths with plain property access, so ``properties.constructor`` finds
    ``Object``'s constructor function: a value that exists but is neither a string nor a number.
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<JavaScript built-in {self.name}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JsBuiltin) and other.name == self.name

    def __hash__(self) -> int:
        return hash(("JsBuiltin", self.name))


OBJECT_MEMBERS: Final = frozenset(
    "constructor hasOwnProperty isPrototypeOf propertyIsEnumerable toLocaleString toString "
    "valueOf __proto__ __defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__".split()
)
_STRING_MEMBERS: Final = OBJECT_MEMBERS | frozenset(
    "at charAt charCodeAt codePointAt concat endsWith includes indexOf lastIndexOf localeCompare "
    "match matchAll normalize padEnd padStart repeat replace replaceAll search slice split "
    "startsWith substring substr toLowerCase toUpperCase trim trimStart trimEnd".split()
)
_ARRAY_MEMBERS: Final = OBJECT_MEMBERS | frozenset(
    "at concat copyWithin entries every fill filter find findIndex findLast findLastIndex flat "
    "flatMap forEach includes indexOf join keys lastIndexOf map pop push reduce reduceRight "
    "reverse shift slice some sort splice unshift values".split()
)
_NUMBER_MEMBERS: Final = OBJECT_MEMBERS | frozenset("toExponential toFixed toPrecision".split())

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
    if isinstance(value, dict):
        if key in value:
            return value[key]
        return JsBuiltin(key) if key in OBJECT_MEMBERS else UNDEFINED
    if isinstance(value, str):
        return _string_member(value, key)
    if isinstance(value, list):
        if _INDEX.match(key):
            index = int(key)
            return value[index] if index < len(value) else UNDEFINED
        if key == "length":
            return len(value)
        return JsBuiltin(key) if key in _ARRAY_MEMBERS else UNDEFINED
    if is_js_number(value):
        return JsBuiltin(key) if key in _NUMBER_MEMBERS else UNDEFINED
    if value is True or isinstance(value, JsBuiltin):
        return JsBuiltin(key) if key in OBJECT_MEMBERS else UNDEFINED
    return UNDEFINED


def _string_member(value: str, key: str) -> object:
    units = value.encode("utf-16-le", "surrogatepass")
    if key == "length":
        return len(units) // 2
    if _INDEX.match(key):
        index = int(key)
        if index * 2 >= len(units):
            return UNDEFINED
        return units[index * 2 : index * 2 + 2].decode("utf-16-le", "surrogatepass")
    return JsBuiltin(key) if key in _STRING_MEMBERS else UNDEFINED


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
