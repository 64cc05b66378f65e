"""JavaScript semantics the reference evaluator relies on: String(), Number(), falsiness, get()."""

from __future__ import annotations

import math
import re
from typing import Any, Final

__all__ = [
    "MISSING",
    "OBJECT_MEMBERS",
    "JsBuiltin",
    "Missing",
    "is_falsy",
    "is_js_number",
    "json_number",
    "member",
    "numeric_token_value",
    "js_number",
    "js_string",
    "lookup_path",
    "split_path",
]


class Missing:
    """The type of ``MISSING``: JavaScript's ``undefined``, a value the event does not have."""

    _instance: Missing | None = None

    def __new__(cls) -> Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self) -> str:
        return "MISSING"


MISSING: Final = Missing()


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


def is_js_number(value: object) -> bool:
    """``typeof value === 'number'`` for a JSON value (booleans are not numbers)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_falsy(value: object) -> bool:
    """JavaScript falsiness: undefined, null, false, 0, NaN and "" (but not {} or [])."""
    if value is None or value is MISSING or value is False or value == "":
        return True
    if is_js_number(value):
        return value == 0 or value != value
    return False


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
        if is_falsy(current):
            break
        current = member(current, key)
    return current


def member(value: object, key: str) -> object:
    if isinstance(value, dict):
        if key in value:
            return value[key]
        return JsBuiltin(key) if key in OBJECT_MEMBERS else MISSING
    if isinstance(value, str):
        return _string_member(value, key)
    if isinstance(value, list):
        if _INDEX.match(key):
            index = int(key)
            return value[index] if index < len(value) else MISSING
        if key == "length":
            return len(value)
        return JsBuiltin(key) if key in _ARRAY_MEMBERS else MISSING
    if is_js_number(value):
        return JsBuiltin(key) if key in _NUMBER_MEMBERS else MISSING
    if value is True or isinstance(value, JsBuiltin):
        return JsBuiltin(key) if key in OBJECT_MEMBERS else MISSING
    return MISSING


def _string_member(value: str, key: str) -> object:
    units = value.encode("utf-16-le", "surrogatepass")
    if key == "length":
        return len(units) // 2
    if _INDEX.match(key):
        index = int(key)
        if index * 2 >= len(units):
            return MISSING
        return units[index * 2 : index * 2 + 2].decode("utf-16-le", "surrogatepass")
    return JsBuiltin(key) if key in _STRING_MEMBERS else MISSING


def js_string(value: object) -> str:
    """JavaScript ``String(value)`` for the values an AST can hold."""
    if isinstance(value, str):
        return value
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if value is MISSING:
        return "undefined"
    if isinstance(value, (int, float)):
        try:
            return _number_to_string(float(value))
        except OverflowError:  # an int beyond double range is Infinity in JavaScript
            return "Infinity" if value > 0 else "-Infinity"
    return str(value)


def _number_to_string(number: float) -> str:
    """ECMAScript Number::toString(10): shortest round-trip digits, JavaScript layout."""
    if number != number:
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    sign = "-" if number < 0 else ""
    mantissa, _, exponent = repr(abs(number)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    point = len(whole) + int(exponent or 0)
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    return sign + _layout(stripped.rstrip("0"), point)


def _layout(digits: str, point: int) -> str:
    k = len(digits)
    if k <= point <= 21:
        return digits + "0" * (point - k)
    if 0 < point <= 21:
        return digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return "0." + "0" * (-point) + digits
    exponent = point - 1
    sign = "+" if exponent >= 0 else "-"
    body = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{body}e{sign}{abs(exponent)}"


_JS_SPACE = (
    " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")
_RADIX = re.compile(r"0([xXoObB])([0-9a-fA-F]+)\Z")
_RADIX_BASE: Final = {"x": 16, "o": 8, "b": 2}


def js_number(value: object) -> float:
    """JavaScript ``Number(value)`` for strings, numbers and booleans."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        return _string_to_number(value)
    return math.nan


def _string_to_number(text: str) -> float:
    text = text.strip(_JS_SPACE)
    if not text:
        return 0.0
    if text in ("Infinity", "+Infinity"):
        return math.inf
    if text == "-Infinity":
        return -math.inf
    if _DECIMAL.match(text):
        return float(text)
    radix = _RADIX.match(text)
    if radix:
        try:
            return float(int(radix.group(2), _RADIX_BASE[radix.group(1).lower()]))
        except ValueError:
            return math.nan
    return math.nan


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
