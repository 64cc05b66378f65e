"""The filter table: math, array and misc filters, plus Segment's disabled filters.

Filters follow liquidjs with JavaScript conversions: math arguments go through ``+x || 0``,
extra arguments are ignored, missing ones are ``undefined``; unknown filters are not here
(the renderer passes the value through).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from fractions import Fraction
from functools import lru_cache
from typing import Any

from inspector.core._js import UNDEFINED, js_truthy

from ._context import Context, evaluate_token
from ._date import DATE_FILTERS
from ._errors import FilterError
from ._filters_text import TEXT_FILTERS
from ._jsjson import json_stringify
from ._scanner import Scanner
from ._values import (
    Drop,
    compare,
    equals,
    has_own,
    is_nil,
    is_truthy,
    join_units,
    js_number,
    js_str,
    read_property,
    stringify,
    to_number,
    to_primitive,
    to_value,
    u16_len,
    u16_units,
)  # fmt: skip

__all__ = ["DISABLED_FILTERS", "FILTERS"]

DISABLED_FILTERS = (
    "array_to_sentence_string", "concat", "find", "find_exp", "find_index", "find_index_exp",
    "group_by", "group_by_exp", "has", "has_exp", "map", "newline_to_br", "reject", "reject_exp",
    "reverse", "sort", "sort_natural", "uniq", "where_exp", "type",
)  # fmt: skip


# --- math ---------------------------------------------------------------------------------


def _js_float(op: Callable[[float, float], float]) -> Callable[..., float]:
    def apply(ctx: Context, value: Any, *args: Any) -> float:
        right = to_number(args[0]) if args else math.nan
        return op(to_number(value), right)

    return apply


def _div(a: float, b: float) -> float:
    if b == 0:
        return math.nan if a == 0 or a != a else math.copysign(math.inf, a) * math.copysign(1, b)
    return a / b


def _mod(a: float, b: float) -> float:
    if b == 0 or math.isinf(a) or a != a or b != b:
        return math.nan
    return math.fmod(a, b)


def _divided_by(ctx: Context, value: Any, *args: Any) -> float:
    quotient = _div(to_number(value), to_number(args[0]) if args else math.nan)
    integer = to_number(args[1]) if len(args) > 1 else 0
    return _floor(quotient) if integer else quotient


def _floor(x: float) -> float:
    return float(math.floor(x)) if math.isfinite(x) else x


def _ceil(x: float) -> float:
    return float(math.ceil(x)) if math.isfinite(x) else x


def _js_round(x: float) -> float:
    if not math.isfinite(x):
        return x
    floor = math.floor(x)
    return float(floor + 1 if x - floor >= 0.5 else floor)


# Integer powers of ten where V8's Math.pow is one unit in the last place above (or below) the
# correctly rounded value (measured in Node 20); every other integer power is correctly rounded.
_POW10_UP = frozenset({-307, -303, -278, -268, -246, -207, -163, -148, -145, -106, -104, -88, -76,
                       -57, -39, -29, -24, -23, -21, -20, 29, 34, 39, 49, 58, 61, 111, 126, 165,
                       166, 169, 187, 210, 215, 225, 273, 274, 275})  # fmt: skip
_POW10_DOWN = frozenset({-306, -222, -166, -138, -128, -122, -111, -101, -63, -32, -17, -5, -4, 26,
                         36, 42, 70, 95, 96, 136, 142, 191, 218, 232, 242, 244, 260, 279, 284,
                         290, 294})  # fmt: skip


@lru_cache(maxsize=1024)
def _pow10(exponent: float) -> float:
    """``Math.pow(10, exponent)`` as V8 computes it."""
    if exponent != exponent:
        return math.nan
    if not exponent.is_integer() or abs(exponent) > 400:
        try:
            return math.pow(10.0, exponent)
        except OverflowError:
            return math.inf
    n = int(exponent)
    try:
        value = float(Fraction(10) ** n)
    except OverflowError:
        return math.inf
    if n in _POW10_UP:
        return math.nextafter(value, math.inf)
    if n in _POW10_DOWN:
        return math.nextafter(value, 0.0)
    return value


def _round(ctx: Context, value: Any, digits: Any = 0, *_: Any) -> float:
    """Half away from zero: ``sign(v) * Math.round(|v * 10^d|) / 10^d``."""
    number, amp = to_number(value), _pow10(to_number(digits))
    sign = math.copysign(1.0, number) if number != 0 else number
    return _div(sign * _js_round(abs(number * amp)), amp)


def _unary(op: Callable[[float], float]) -> Callable[..., float]:
    return lambda ctx, value, *_: op(to_number(value))


def _extreme(pick: Callable[..., float]) -> Callable[..., float]:
    return lambda ctx, value, *args: pick([to_number(value), *(to_number(a) for a in args)])


# --- arrays -------------------------------------------------------------------------------


def _to_array(value: Any) -> list[Any]:
    value = to_value(value)
    if is_nil(value):
        return []
    return value if isinstance(value, list) else [value]


def _join(ctx: Context, value: Any, sep: Any = UNDEFINED, *_: Any) -> str:
    items = _to_array(value)
    sep = to_value(sep)
    separator = " " if is_nil(sep) else stringify(sep)
    ctx.use_memory(len(items) * (1 + u16_len(separator)))
    return separator.join("" if is_nil(v) else js_str(v) for v in items)


def _ends(first: bool) -> Callable[..., Any]:
    def apply(ctx: Context, value: Any, *_: Any) -> Any:
        value = to_value(value)
        if isinstance(value, list):
            return (value[0] if first else value[-1]) if value else UNDEFINED
        if isinstance(value, str) and value:
            units = u16_units(value)
            return units[0] if first else units[-1]
        return ""

    return apply


def _size(ctx: Context, value: Any, *_: Any) -> Any:
    if isinstance(value, str | list):
        return u16_len(value) if isinstance(value, str) else len(value)
    if isinstance(value, dict) and "length" in value:
        return value["length"] if js_truthy(value["length"]) else 0
    return 0


def _path_value(item: Any, path: str) -> Any:
    for key in path.split("."):
        item = read_property(item, key)
    return item


def _sum(ctx: Context, value: Any, prop: Any = UNDEFINED, *_: Any) -> float:
    total = 0.0
    for item in _to_array(value):
        number = js_number(_path_value(item, stringify(prop)) if js_truthy(prop) else item)
        total += 0 if number != number else number
    return total


def _compact(ctx: Context, value: Any, *_: Any) -> list[Any]:
    items = _to_array(value)
    ctx.use_memory(len(items))
    return [v for v in items if not is_nil(to_value(v))]


def _push(ctx: Context, value: Any, item: Any = UNDEFINED, *_: Any) -> list[Any]:
    items = _to_array(value)
    ctx.use_memory(len(items) + 1)
    return [*items, item]


def _unshift(ctx: Context, value: Any, item: Any = UNDEFINED, *_: Any) -> list[Any]:
    items = _to_array(value)
    ctx.use_memory(len(items))
    return [item, *items]


def _pop(ctx: Context, value: Any, *_: Any) -> list[Any]:
    return _to_array(value)[:-1]


def _shift(ctx: Context, value: Any, *_: Any) -> list[Any]:
    items = _to_array(value)
    ctx.use_memory(len(items))
    return items[1:]


def _js_plus(a: Any, b: Any) -> Any:
    """JavaScript ``a + b`` for template values (text if either side is text)."""
    pa, pb = to_primitive(to_value(a)), to_primitive(to_value(b))
    if isinstance(pa, str) or isinstance(pb, str):
        return js_str(pa) + js_str(pb)
    return js_number(pa) + js_number(pb)


def _relative_index(x: Any, length: int) -> int:
    """``Array.prototype.slice``'s handling of one bound."""
    n = js_number(x)
    if n != n:
        return 0
    if math.isinf(n):
        return length if n > 0 else 0
    n = int(n)
    return max(length + n, 0) if n < 0 else min(n, length)


def _slice(ctx: Context, value: Any, begin: Any = UNDEFINED, length: Any = 1, *_: Any) -> Any:
    value = to_value(value)
    if is_nil(value):
        return []
    seq: Any = value if isinstance(value, list) else u16_units(stringify(value))
    if length is UNDEFINED:
        length = 1
    if compare(begin, 0) == -1:
        begin = _js_plus(len(seq), begin)
    ctx.use_memory(length)
    start = _relative_index(begin, len(seq))
    end = _relative_index(_js_plus(begin, length), len(seq))
    part = seq[start:end] if start < end else seq[:0]
    return part if isinstance(value, list) else join_units(part)


def _where(ctx: Context, value: Any, prop: Any = UNDEFINED, expected: Any = UNDEFINED,
           *_: Any) -> list[Any]:  # fmt: skip
    items = _to_array(value)
    ctx.use_memory(len(items))
    scanner = Scanner(stringify(prop))
    scanner.skip_blank()
    path = scanner.properties()

    def pick(item: Any) -> Any:
        if not path:
            return UNDEFINED
        sub = Context(item if isinstance(item, dict) else {}, ctx.filters, ctx.source)
        keys = [k if isinstance(k, str) else evaluate_token(k, sub) for k in path]
        obj = item if has_own(item, keys[0]) else sub.scope_of(keys[0])
        for key in keys:
            obj = read_property(obj, key)
        return obj

    if expected is UNDEFINED:
        return [item for item in items if is_truthy(pick(item))]
    return [item for item in items if equals(pick(item), expected)]


def _sample(ctx: Context, value: Any, count: Any = 1, *_: Any) -> Any:
    value = to_value(value)
    if is_nil(value):
        return []
    seq = list(value) if isinstance(value, list) else list(stringify(value))
    ctx.use_memory(count)
    random.shuffle(seq)
    if count == 1 and not isinstance(count, bool):
        return seq[0] if seq else UNDEFINED
    end = _relative_index(count, len(seq))
    return seq[:end]


# --- misc ---------------------------------------------------------------------------------


def _default(ctx: Context, value: Any, fallback: Any = UNDEFINED, *args: Any) -> Any:
    value = to_value(value)
    if isinstance(value, list | str):
        return value if len(value) else fallback
    if value is False:
        options: dict[str, Any] = {}
        for entry in args:
            if not isinstance(entry, list | dict | Drop):
                raise FilterError(f"Iterator value {js_str(entry)} is not an entry object")
            if isinstance(entry, list):
                options[js_str(entry[0] if entry else UNDEFINED)] = (
                    entry[1] if len(entry) > 1 else UNDEFINED
                )
        if js_truthy(options.get("allow_false", UNDEFINED)):
            return False
    return fallback if not is_truthy(value) else value


def _json(ctx: Context, value: Any, space: Any = 0, *_: Any) -> Any:
    return json_stringify(value, 0 if space is UNDEFINED else space)


def _disabled(name: str) -> Callable[..., Any]:
    def refuse(ctx: Context, value: Any, *_: Any) -> Any:
        raise FilterError(f'filter "{name}" is disabled')

    return refuse


FILTERS: dict[str, Callable[..., Any]] = {
    "abs": _unary(abs), "ceil": _unary(_ceil), "floor": _unary(_floor),
    "at_least": _extreme(max), "at_most": _extreme(min),
    "plus": _js_float(lambda a, b: a + b), "minus": _js_float(lambda a, b: a - b),
    "times": _js_float(lambda a, b: a * b), "modulo": _js_float(_mod),
    "divided_by": _divided_by, "round": _round,
    "join": _join, "first": _ends(True), "last": _ends(False), "size": _size, "sum": _sum,
    "compact": _compact, "push": _push, "unshift": _unshift, "pop": _pop, "shift": _shift,
    "slice": _slice, "where": _where, "sample": _sample,
    "default": _default, "json": _json, "jsonify": _json, "inspect": _json,
    "to_integer": lambda ctx, value, *_: js_number(value), "raw": lambda ctx, value, *_: value,
    **TEXT_FILTERS, **DATE_FILTERS,
}  # fmt: skip
FILTERS.update({name: _disabled(name) for name in DISABLED_FILTERS})
