"""JSON text as JavaScript reads and writes it, for the values orjson refuses.

orjson is the fast path everywhere. JavaScript's ``JSON.parse`` also accepts lone UTF-16 surrogate
escapes (``"\\ud800"``) and integers of any size (read as doubles), and ``JSON.stringify`` writes
lone surrogates back as escapes and nests as deep as the stack allows; the functions here take
over only when orjson gives up, so the common path pays nothing.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import orjson

from inspector.core._js import escape_lone_surrogates, js_number_string, js_stringify

__all__ = [
    "JS_SAFE_INT",
    "JsonProblem",
    "dumps",
    "dumps_js",
    "dumps_plain",
    "js_int",
    "js_numbers",
    "js_numbers_changed",
    "loads",
    "parse",
]

JS_SAFE_INT = 2**53
"""Integers at or beyond this magnitude are not exact in JavaScript: it holds them as doubles."""


class JsonProblem(ValueError):
    """JSON text that JavaScript would not turn into a value Segment accepts (message says why)."""


def js_int(value: int) -> int | float:
    """An integer as JavaScript holds it: exact below ``2**53``, a double beyond."""
    if -JS_SAFE_INT < value < JS_SAFE_INT:
        return value
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def js_numbers_changed(value: Any) -> tuple[Any, bool]:
    """``value`` with integers beyond ``2**53`` as doubles, and whether any was changed."""
    if isinstance(value, bool):
        return value, False
    if isinstance(value, int):
        if -JS_SAFE_INT < value < JS_SAFE_INT:
            return value, False
        return js_int(value), True
    if isinstance(value, dict):
        changed = False
        for key, item in value.items():
            new, moved = js_numbers_changed(item)
            if moved:
                value[key] = new
                changed = True
        return value, changed
    if isinstance(value, list):
        changed = False
        for index, item in enumerate(value):
            new, moved = js_numbers_changed(item)
            if moved:
                value[index] = new
                changed = True
        return value, changed
    return value, False


def js_numbers(value: Any) -> Any:
    """``value`` (changed in place) with every integer beyond ``2**53`` as a double."""
    return js_numbers_changed(value)[0]


def _refuse_constant(name: str) -> Any:
    raise JsonProblem(f"{name} is not JSON")


def _parse_float(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise JsonProblem(
            "a number is too large: JavaScript reads it as Infinity, which Segment's API refuses"
        )
    return number


def _parse_int(text: str) -> int | float:
    return js_int(int(text))


def _parse_float_any(text: str) -> float:
    return float(text)


def loads(data: bytes | str, *, infinity: bool = False) -> Any:
    """``JSON.parse`` for text orjson refuses only for lone surrogate escapes.

    Integers beyond ``2**53`` come back as doubles, lone surrogates stay in the strings; with
    ``infinity`` a number beyond a double's range reads as infinity (as ``JSON.parse`` reads it)
    instead of being refused.

    Raises:
        JsonProblem: the text is not JSON JavaScript would accept (the message says why).
    """
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        return json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_float=_parse_float_any if infinity else _parse_float,
            parse_int=_parse_int,
        )
    except json.JSONDecodeError as exc:
        raise JsonProblem(f"{exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise JsonProblem("nested too deeply to read") from exc
    except UnicodeDecodeError as exc:
        raise JsonProblem(f"invalid UTF-8 (byte {exc.start + 1})") from exc


def parse(data: bytes | str) -> Any:
    """``JSON.parse``: orjson, integers beyond ``2**53`` as doubles, lone surrogates kept.

    Raises:
        JsonProblem: the text is not JSON (the message says why).
    """
    try:
        return js_numbers(orjson.loads(data))
    except orjson.JSONDecodeError as exc:
        if "surrogate" not in str(exc):
            raise JsonProblem(str(exc)) from exc
    return loads(data, infinity=True)


def _finite(value: Any) -> Any:
    """``value`` with NaN and infinities as null, which is how ``JSON.stringify`` writes them."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def _lenient_text(value: Any) -> str:
    text = json.dumps(_finite(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return escape_lone_surrogates(text)


def dumps(value: Any) -> bytes:
    """Compact JSON bytes for any JSON-shaped value: orjson, else a slower exact writer.

    The slow path covers what orjson refuses: lone surrogates (written as ``\\udxxx`` escapes,
    as ``JSON.stringify`` does), integers beyond 64 bits and nesting beyond 254 levels.
    """
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        pass
    try:
        return js_stringify(value).encode("utf-8")  # JavaScript's numbers and escapes too
    except RecursionError:
        pass
    try:
        return _lenient_text(value).encode("utf-8")
    except (RecursionError, ValueError, TypeError) as exc:
        raise JsonProblem(f"cannot be written as JSON ({exc})") from exc


# Where orjson's float text may differ from JSON.stringify's: an integral float (1.0, -0.0) or an
# exponent, which orjson always writes signed and followed by a digit (1e+16, 1e-7). Text such as
# "node-" or "e-mail" does not count (a file path is on every line). A "+" is rare in JSON text
# and found at memchr speed; each pattern opens with a literal the regex engine scans for, and
# each search is separate: an alternation would try every position.
_INTEGRAL_FLOAT = re.compile(rb"\.0(?:[,\]}]|\Z)")
_NEGATIVE_EXPONENT = re.compile(rb"e-[0-9]")
_POSITIVE_EXPONENT = re.compile(rb"e\+[0-9]")


def _may_differ(data: bytes) -> bool:
    return (
        _NEGATIVE_EXPONENT.search(data) is not None
        or _INTEGRAL_FLOAT.search(data) is not None
        or (b"+" in data and _POSITIVE_EXPONENT.search(data) is not None)
    )


def dumps_plain(value: Any) -> bytes | None:
    """``dumps_js(value)`` when orjson writes it as ``JSON.stringify`` would (no float whose
    text may differ, nothing orjson refuses); else None. ``value`` may hold ``orjson.Fragment``s
    of such text."""
    try:
        data = orjson.dumps(value)
    except orjson.JSONEncodeError:
        return None
    return None if _may_differ(data) else data


def dumps_js(value: Any) -> bytes:
    """Compact JSON bytes written as ``JSON.stringify`` writes numbers (``-0`` as ``0``,
    ``1e16`` as ``10000000000000000``, ``1e21`` as ``1e+21``, ``1.0`` as ``1``).

    Only output that holds such a float takes the slow path.
    """
    data = dumps(value)
    if not _may_differ(data):
        return data
    try:
        return orjson.dumps(_js_floats(value))
    except (orjson.JSONEncodeError, RecursionError):
        return data


def _js_floats(value: Any) -> Any:
    if isinstance(value, float):
        return orjson.Fragment(js_number_string(value)) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _js_floats(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_js_floats(v) for v in value]
    return value
