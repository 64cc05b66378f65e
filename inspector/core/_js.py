"""JavaScript semantics the core emulates: ``undefined``, String(), Number(), truthiness, JSON.

Segment's trigger matcher, actions-core's mapping-kit and the Jimo SDK are JavaScript, so what they
compare, print or send follows JavaScript's conversions: ``1.0`` prints as ``1``, ``1e21`` as
``1e+21``, objects put integer-like keys first, ``String([1, null])`` is ``1,`` and
``String({})`` is ``[object Object]``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any, Final

import orjson

__all__ = [
    "BUILTIN_VALUES",
    "JsFunction",
    "JsPrototype",
    "UNDEFINED",
    "JsTypeError",
    "Undefined",
    "check_to_primitive",
    "escape_lone_surrogates",
    "is_index_key",
    "is_js_number",
    "js_loose_equals_empty",
    "js_number_string",
    "js_number_string_exact_ints",
    "js_key_order",
    "json_plain",
    "js_order",
    "js_ordered",
    "js_string",
    "js_string_exact_ints",
    "js_stringify",
    "js_stringify_or_undefined",
    "js_to_number",
    "js_truthy",
    "real_type_of",
]


class Undefined:
    """The type of :data:`UNDEFINED`: JavaScript's ``undefined``, distinct from ``None`` (null)."""

    _instance: Undefined | None = None

    def __new__(cls) -> Undefined:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "undefined"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self) -> str:
        return "UNDEFINED"  # unpickles as the same singleton, so ``is UNDEFINED`` keeps working


UNDEFINED: Final[Undefined] = Undefined()


class JsFunction:
    """A built-in function; ``constructor`` names the constructor it is (``Object`` …), if any.

    A plain class on purpose: orjson writes dataclasses as objects, and JSON leaves functions out,
    so writing one falls to :func:`js_stringify`, which knows that.
    """

    __slots__ = ("name", "length", "constructor")

    def __init__(self, name: str, length: int, constructor: str | None = None) -> None:
        self.name = name
        self.length = length
        self.constructor = constructor

    def __repr__(self) -> str:
        return f"JsFunction({self.name!r}, {self.length}, {self.constructor!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JsFunction) and (
            (self.name, self.length, self.constructor)
            == (other.name, other.length, other.constructor)
        )

    def __hash__(self) -> int:
        return hash((self.name, self.length, self.constructor))

    def js_string(self) -> str:
        return f"function {self.name}() {{ [native code] }}"

    def json_value(self) -> Any:
        return UNDEFINED  # JSON.stringify and copies leave functions out


class JsPrototype:
    """A built-in prototype object (``Object.prototype``, ``Array.prototype`` …); ``string`` is
    ``String(prototype)``: ``[object Object]``, ``""`` for Array and String, ``0``..."""

    __slots__ = ("kind", "string")

    def __init__(self, kind: str, string: str = "") -> None:
        self.kind = kind
        self.string = string

    def __repr__(self) -> str:
        return f"JsPrototype({self.kind!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JsPrototype) and other.kind == self.kind

    def __hash__(self) -> int:
        return hash(("JsPrototype", self.kind))

    def js_string(self) -> str:
        return self.string

    def json_value(self) -> Any:
        """What ``JSON.stringify`` writes for it: String.prototype is a boxed ``""``, Number's a
        boxed ``0``, Boolean's a boxed ``false``; Function.prototype is a function (nothing)."""
        if self.kind == "Array":
            return []
        return _PRIMITIVE_PROTOTYPES.get(self.kind, {})


_PRIMITIVE_PROTOTYPES: Final[dict[str, Any]] = {
    "String": "",
    "Number": 0,
    "Boolean": False,
    "Function": UNDEFINED,
}

BUILTIN_VALUES: Final = (JsFunction, JsPrototype)
"""What a walk past a JSON value's own members can reach (see :mod:`inspector.core._jsbuiltins`)."""


# --- types and truthiness -----------------------------------------------------------------


def is_js_number(value: object) -> bool:
    """``typeof value === 'number'`` for a JSON value (booleans are not numbers)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def js_truthy(value: object) -> bool:
    """JavaScript truthiness: undefined, null, false, 0, NaN and "" are falsy; [] and {} are not."""
    if value is None or value is UNDEFINED or value is False or value is True:
        return value is True
    if isinstance(value, int | float):
        return value == value and value != 0
    if isinstance(value, str):
        return value != ""
    return True


def real_type_of(value: object) -> str:
    """actions-core's ``realTypeOf`` (``Object.prototype.toString`` lower-cased) for JSON values."""
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
    if isinstance(value, list) or (isinstance(value, JsPrototype) and value.kind == "Array"):
        return "array"
    if isinstance(value, JsFunction):
        return "function"
    return "object"


class JsTypeError(TypeError):
    """What JavaScript throws converting an object to a primitive (the message is JS's)."""


def shadows_to_string(value: object) -> bool:
    """Whether converting ``value`` to a primitive throws: an object (maybe inside arrays) with
    an own ``toString`` key, which JSON can only fill with data, hides the callable one."""
    if isinstance(value, dict):
        return "toString" in value
    if isinstance(value, list):
        return any(shadows_to_string(v) for v in value)
    return False


def check_to_primitive(value: object) -> None:
    """Raise :class:`JsTypeError` where ``String(value)`` or ``value == ""`` would throw."""
    if isinstance(value, dict | list) and shadows_to_string(value):
        raise JsTypeError("Cannot convert object to primitive value")


def js_loose_equals_empty(value: object) -> bool:
    """``value == ""`` under JavaScript's abstract equality (mapping's ``@if`` ``blank``).

    Raises:
        JsTypeError: where converting an object to a primitive throws.
    """
    check_to_primitive(value)
    if isinstance(value, str):
        return value == ""
    if isinstance(value, bool | int | float):
        return value == 0
    if isinstance(value, list):
        return js_string_exact_ints(value) == ""
    return False


# --- String(number) -----------------------------------------------------------------------


def js_number_string(value: float | int) -> str:
    """``String(n)``: a Python int is read as a double first, as ``JSON.parse`` would read it.

    So ``2**53 + 1`` prints as ``9007199254740992`` and an int beyond double range as
    ``Infinity``; booleans print as ``true``/``false``.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if -(2**53) < value < 2**53:
            return str(value)  # every such int is a double whose shortest digits are its own
        try:
            value = float(value)
        except OverflowError:
            return "Infinity" if value > 0 else "-Infinity"
    return _double_to_string(value)


def js_number_string_exact_ints(value: float | int) -> str:
    """``String(n)``, except that a Python int below ``10**21`` keeps every digit.

    ``2**53 + 1`` prints as ``9007199254740993`` where JavaScript (and :func:`js_number_string`)
    print ``9007199254740992``, and ``True`` prints as ``True``. The mapping engine, the schema
    checks and ``JSON.stringify`` (like ``orjson`` before it) have always printed integers as
    ``str(int)``; they keep doing so. The two functions agree on every float and on every int
    below ``2**53``; no recorded reference case has a larger integer, so nothing yet shows which
    one Segment's mapping-kit matches for those.
    """
    if isinstance(value, int) and abs(value) < 10**21:
        return str(value)
    return _double_to_string(float(value))


def _double_to_string(number: float) -> str:
    """ECMAScript Number::toString(10): shortest round-trip digits, JavaScript layout."""
    if number != number:
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    sign = "-" if number < 0 else ""
    # repr() gives the shortest round-trip digits, as JavaScript does; only the layout differs.
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


# --- String(value) ------------------------------------------------------------------------


def js_string(value: object) -> str:
    """``String(value)``, numbers as :func:`js_number_string` prints them (ints as doubles)."""
    return _string(value, js_number_string)


def js_string_exact_ints(value: object) -> str:
    """``String(value)``, numbers as :func:`js_number_string_exact_ints` prints them (mapping)."""
    return _string(value, js_number_string_exact_ints)


def _string(value: object, number_string: Callable[[float | int], str]) -> str:
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
        return number_string(value)
    if isinstance(value, list | tuple):
        return ",".join(
            "" if v is None or v is UNDEFINED else _string(v, number_string) for v in value
        )
    if isinstance(value, BUILTIN_VALUES):
        return value.js_string()
    return "[object Object]"


# --- Number(value) ------------------------------------------------------------------------

_JS_SPACE = (
    " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")
_RADIX = re.compile(r"0([xXoObB])([0-9a-fA-F]+)\Z")
_RADIX_BASE: Final = {"x": 16, "o": 8, "b": 2}


def js_to_number(value: object) -> float:
    """JavaScript ``Number(value)`` for strings, numbers and booleans (anything else is NaN)."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
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


# --- key order and JSON.stringify ---------------------------------------------------------

_INDEX_KEY = re.compile(r"0|[1-9][0-9]*")
_MAX_INDEX = 2**32 - 2


def is_index_key(key: str) -> bool:
    """True for canonical array-index keys, which JavaScript objects order first."""
    return _INDEX_KEY.fullmatch(key) is not None and int(key) <= _MAX_INDEX


def js_order(obj: dict[str, Any]) -> dict[str, Any]:
    """``obj`` (itself when already in order) with JavaScript key order, one level deep.

    Index keys come first, ascending, then the rest in insertion order.
    """
    indices = [k for k in obj if k[:1].isdigit() and is_index_key(k)]
    if not indices:
        return obj
    ordered = {k: obj[k] for k in sorted(indices, key=int)}
    ordered.update((k, v) for k, v in obj.items() if k not in ordered)
    return ordered


def js_key_order(value: Any) -> Any:
    """A deep copy of JSON-shaped ``value`` with every object in JavaScript key order."""
    if isinstance(value, dict):
        return {k: js_key_order(v) for k, v in js_order(value).items()}
    if isinstance(value, list):
        return [js_key_order(v) for v in value]
    return value


def json_plain(value: Any) -> Any:
    """A copy of ``value`` as JSON holds it: built-in functions left out of objects (null in
    arrays, ``UNDEFINED`` alone), built-in prototypes as ``{}`` / ``[]``."""
    if isinstance(value, dict):
        return {k: v for k, item in value.items() if (v := json_plain(item)) is not UNDEFINED}
    if isinstance(value, list):
        return [None if (v := json_plain(item)) is UNDEFINED else v for item in value]
    if isinstance(value, BUILTIN_VALUES):
        return value.json_value()
    return value


def js_ordered(value: Any) -> Any:
    """A deep copy shaped as JavaScript holds it, for request bodies shown as data.

    Unlike :func:`js_order` it recurses, always copies, turns tuples into lists and integral
    floats below ``2**53`` into ints (``1.0`` is ``1`` once JavaScript has it).
    """
    if isinstance(value, dict):
        return {k: js_ordered(v) for k, v in js_order(value).items()}
    if isinstance(value, list | tuple):
        return [js_ordered(v) for v in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def js_stringify(value: Any) -> str:
    """``JSON.stringify(value)`` for a defined value: compact, JavaScript key order and numbers.

    Raises:
        TypeError: for ``UNDEFINED``, which ``JSON.stringify`` turns into ``undefined``, not text.
    """
    if value is UNDEFINED:
        raise TypeError("JSON.stringify(undefined) is undefined, not text")
    return _stringify(value)


def js_stringify_or_undefined(value: Any) -> str | Undefined:
    """``JSON.stringify(value)`` exactly: ``UNDEFINED`` in, ``UNDEFINED`` out.

    Mapping's ``@json`` directive and liquid's ``json`` filter pass ``undefined`` on, where a
    request body (:func:`js_stringify`) must be text.
    """
    if isinstance(value, Undefined):
        return value
    if isinstance(value, JsFunction):
        return UNDEFINED  # JSON.stringify(function) is undefined
    return _stringify(value)


def _stringify(value: Any) -> str:
    if isinstance(value, str):
        return _json_string(value)
    if value is None or value is UNDEFINED:
        return "null"  # nested: undefined array items are null, undefined members are skipped
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int | float):
        return js_number_string_exact_ints(value) if math.isfinite(value) else "null"
    if isinstance(value, list | tuple):
        return "[" + ",".join(_stringify(v) for v in value) + "]"
    if isinstance(value, dict):
        parts = [
            f"{_json_string(k)}:{_stringify(v)}"
            for k, v in js_order(value).items()
            if v is not UNDEFINED and not isinstance(v, JsFunction)
        ]
        return "{" + ",".join(parts) + "}"
    if isinstance(value, BUILTIN_VALUES):
        plain = value.json_value()
        return "null" if plain is UNDEFINED else _stringify(plain)
    return orjson.dumps(value).decode()


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_PAIR = re.compile(r"[\ud800-\udbff][\udc00-\udfff]")


def escape_lone_surrogates(text: str) -> str:
    """Surrogate pairs joined into their character; lone surrogates as ``\\udxxx`` escapes."""
    if _SURROGATE.search(text) is None:
        return text
    text = _PAIR.sub(lambda m: m.group().encode("utf-16", "surrogatepass").decode("utf-16"), text)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _json_string(text: str) -> str:
    try:
        return orjson.dumps(text).decode()
    except orjson.JSONEncodeError:  # a lone surrogate: JSON.stringify writes it as an escape
        return escape_lone_surrogates(json.dumps(text, ensure_ascii=False))
