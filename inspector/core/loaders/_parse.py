"""One record's JSON text to a value, as ``JSON.parse`` reads it, or one sentence saying why not.

orjson reads almost everything; the rare records it refuses or reads differently from JavaScript
take a slower path: lone surrogate escapes (JavaScript keeps them), integers beyond ``2**53``
(JavaScript holds doubles), numbers beyond a double's range (Infinity, which Segment refuses) and
nesting deeper than every later stage can write back out.
"""

from __future__ import annotations

from typing import Any

import orjson

from inspector.core._jsjson import JsonProblem, js_numbers_changed, loads
from inspector.core.loaders._batchsplit import split_deep_batch

__all__ = ["MAX_DEPTH", "JsonProblem", "nesting_depth", "parse_record", "too_deep_problem"]

MAX_DEPTH = 254
"""The deepest nesting a record may have: what the JSON writer (and so every stage) handles."""

# One C-speed pass finds both rare shapes: digits become "0" (2**53 has 16 digits, so shorter
# integers are exact) and "{" becomes "[" (more brackets than MAX_DEPTH may nest too deeply).
_SHAPES = bytes.maketrans(b"123456789{", b"000000000[")
_SIXTEEN_DIGITS = b"0" * 16
_INFINITY = "a number is too large: JavaScript reads it as Infinity, which Segment's API refuses"


def parse_record(data: bytes, parsed: Any = None) -> tuple[Any, bool]:
    """The value of one record's JSON text, and whether ``data`` itself may be kept as its text.

    ``parsed`` is ``orjson.loads(data)`` when the caller has it already (never None then: a
    record reading as ``null`` is passed without it).

    Raises:
        JsonProblem: the record cannot be loaded; the message is the reason to show.
    """
    try:
        value = orjson.loads(data) if parsed is None else parsed
    except orjson.JSONDecodeError as exc:
        value = _fallback(data, exc)
        if not _is_batch(value):  # a batch's items were read (and checked) one by one
            _check_depth_slow(value)
        return value, False
    shapes = data.translate(_SHAPES)
    if shapes.count(b"[") > MAX_DEPTH and not _is_batch(value):
        _check_depth(value)  # a batch's items are checked one by one (too_deep_problem)
    if shapes.find(_SIXTEEN_DIGITS) >= 0:
        value, changed = _js_numbers(value)
        return value, not changed
    return value, True


def _js_numbers(value: Any) -> tuple[Any, bool]:
    """Integers beyond ``2**53`` as doubles; a batch item too deep to walk is left for the
    batch splitter, which skips it."""
    try:
        return js_numbers_changed(value)
    except RecursionError:
        if not _is_batch(value):
            raise JsonProblem(_too_deep()) from None
    items = value["batch"]
    for index, item in enumerate(items):
        try:
            items[index] = js_numbers_changed(item)[0]
        except RecursionError:
            continue
    return value, True  # a batch's items are written again one by one anyway


def _fallback(data: bytes, exc: orjson.JSONDecodeError) -> Any:
    message = str(exc).split(": line ", 1)[0]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as bad:
        raise JsonProblem(f"invalid UTF-8 (byte {bad.start + 1})") from exc
    if "surrogate" in message:
        return loads(data)
    if "infinity" in message:
        raise JsonProblem(f"{_INFINITY} (column {exc.colno})") from exc
    if "depth limit" in message and b'"batch"' in data:
        batch = split_deep_batch(data, _item_value)
        if batch is not None:
            return batch
    if "depth limit" in message:
        raise JsonProblem(_too_deep()) from exc
    raise JsonProblem(f"invalid JSON: {message} (column {exc.colno})") from exc


def _is_batch(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("batch"), list) and "type" not in value


def too_deep_problem(value: Any) -> str | None:
    """Why ``value`` is refused for its nesting, or None (cheap unless it is nested deeply)."""
    try:
        orjson.dumps(value)
    except orjson.JSONEncodeError:
        depth = nesting_depth(value)
        if depth > MAX_DEPTH:
            return _too_deep(depth)
    return None


def _item_value(data: bytes) -> Any:
    return parse_record(data)[0]


def _too_deep(depth: int | None = None) -> str:
    how = f"{depth} levels" if depth is not None else "too many levels"
    return f"the record is nested {how} deep; up to {MAX_DEPTH} levels can be inspected"


def _check_depth(value: Any) -> None:
    try:
        orjson.dumps(value)  # fails exactly when the nesting is beyond MAX_DEPTH
    except orjson.JSONEncodeError:
        _check_depth_slow(value)


def _check_depth_slow(value: Any) -> None:
    depth = nesting_depth(value)
    if depth > MAX_DEPTH:
        raise JsonProblem(_too_deep(depth))


def nesting_depth(value: Any) -> int:
    """How many arrays and objects deep ``value`` goes (a scalar is 0), without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = item.values()
        elif not isinstance(item, list):
            continue
        depth += 1
        deepest = max(deepest, depth)
        stack.extend((v, depth) for v in item if isinstance(v, dict | list))
    return deepest
