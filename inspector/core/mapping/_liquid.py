"""``@liquid``: python-liquid configured to behave like Segment's restricted liquidjs.

Segment-specific (written here): the disabled tags and filters and their messages, liquidjs
output formatting (JavaScript numbers, ``[object Object]``, arrays concatenated), liquidjs
arithmetic (``divided_by`` is float division, ``round`` rounds half up), a compact ``json``
filter, non-strict unknown filters, and liquidjs-style ``, line:L, col:C`` error positions.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

from liquid import Environment
from liquid.ast import Node
from liquid.builtin.output import Output, OutputNode
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.template import BoundTemplate
from liquid.undefined import Undefined as LiquidUndefined

from inspector.core._js import UNDEFINED, js_string_exact_ints, js_stringify_or_undefined

__all__ = ["LiquidFailure", "liquid_paths", "render_liquid"]

MAX_TEMPLATE_LENGTH = 1000
DISABLED_TAGS = ("case", "for", "include", "layout", "render", "tablerow")
DISABLED_FILTERS = (
    "array_to_sentence_string", "concat", "find", "find_exp", "find_index", "find_index_exp",
    "group_by", "group_by_exp", "has", "has_exp", "map", "newline_to_br", "reject", "reject_exp",
    "reverse", "sort", "sort_natural", "uniq", "where_exp", "type",
)  # fmt: skip


class LiquidFailure(Exception):
    """A liquid template failed; ``str()`` is the liquidjs-style message."""


class _DisabledFilter(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(f'filter "{name}" is disabled')
        self.name = name


def _liquid_text(value: Any) -> str:
    """liquidjs output of a value: JS ``String()`` except arrays (concatenated) and null."""
    if value is None or value is UNDEFINED or _is_undefined(value):
        return ""
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, list | tuple | range):
        return "".join(_liquid_text(v) for v in value)
    return js_string_exact_ints(value)


def _is_undefined(value: Any) -> bool:
    return isinstance(value, LiquidUndefined)


class _JsOutputNode(OutputNode):
    __slots__ = ()

    def render_to_output(self, context: Any, buffer: Any) -> int:
        return int(buffer.write(_liquid_text(self.expression.evaluate(context))))


class _JsOutput(Output):
    node_class = _JsOutputNode


class _DisabledTag(Tag):
    block = False

    def parse(self, stream: TokenStream) -> Node:
        raise LiquidSyntaxError(f'tag "{self.name}" is disabled', token=stream.current)


def _disabled_tag(tag_name: str) -> type[Tag]:
    return type(f"Disabled_{tag_name}", (_DisabledTag,), {"name": tag_name})


def _disabled_filter(name: str) -> Any:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise _DisabledFilter(name)

    return refuse


def _arith(op: Any) -> Any:
    """liquidjs arithmetic: plain JavaScript numbers (python-liquid would use Decimal)."""

    def apply(left: Any, right: Any = 0) -> Any:
        result = op(_number(left), _number(right))
        if isinstance(result, float) and result.is_integer() and abs(result) < 2**53:
            return int(result) if isinstance(left, int) and isinstance(right, int) else result
        return result

    return apply


def _div(left: float, right: float) -> float:
    if right == 0:
        return math.nan if left == 0 or left != left else math.copysign(math.inf, left)
    return left / right


def _mod(left: float, right: float) -> float:
    return math.nan if right == 0 else math.fmod(left, right)


def _round(num: Any, digits: Any = 0) -> Any:
    factor = 10 ** int(_number(digits) or 0)
    value = float(_number(num))
    rounded = math.copysign(math.floor(abs(value) * factor + 0.5) / factor, value)
    return int(rounded) if rounded.is_integer() else rounded


def _number(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    try:
        number = float(str(value))
    except ValueError:
        return 0
    return int(number) if number.is_integer() and "." not in str(value) else number


def _json(value: Any, *_args: Any) -> str:
    text = js_stringify_or_undefined(None if _is_undefined(value) else value)
    return text if isinstance(text, str) else ""


def _escape(value: Any) -> str:
    text = _liquid_text(value)
    for char, entity in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ('"', "&#34;"),
        ("'", "&#39;"),
    ):
        text = text.replace(char, entity)
    return text


def _make_environment() -> Environment:
    env = Environment(strict_filters=False)
    env.tags[_JsOutput.name] = _JsOutput(env)
    for name in DISABLED_TAGS:
        env.tags[name] = _disabled_tag(name)(env)
    for name in DISABLED_FILTERS:
        env.filters[name] = _disabled_filter(name)
    env.filters.update(
        plus=_arith(lambda a, b: a + b),
        minus=_arith(lambda a, b: a - b),
        times=_arith(lambda a, b: a * b),
        divided_by=_arith(_div),
        modulo=_arith(_mod),
        round=_round,
        json=_json,
        escape=_escape,
    )
    return env


def _position(source: str, index: int) -> str:
    before = source[: max(index, 0)]
    line = before.count("\n") + 1
    col = index - (before.rfind("\n") + 1) + 1
    return f"line:{line}, col:{col}"


def _filter_position(source: str, name: str) -> int:
    match = re.search(r"\{[{%][^}]*\|\s*" + re.escape(name) + r"\b", source)
    return match.start() if match else 0


_ENV = _make_environment()


@lru_cache(maxsize=512)
def _parse(template: str) -> BoundTemplate:
    try:
        return _ENV.from_string(template)
    except LiquidError as err:
        raise _failure(err, template) from None


_UNCLOSED = {"expected '}}'": ("output", "{{"), "expected '%}'": ("tag", "{%")}


def _failure(err: LiquidError, source: str) -> LiquidFailure:
    index = err.token.start_index if err.token is not None else 0
    message = str(err.message)
    if message.endswith("is disabled"):
        index = max(source.rfind("{%", 0, index + 1), 0)
    for prefix, (kind, opener) in _UNCLOSED.items():
        if message.startswith(prefix):
            index = max(source.rfind(opener, 0, index + 2), 0)
            message = f'{kind} "{source[index:]}" not closed'
    return LiquidFailure(f"{message}, {_position(source, index)}")


def render_liquid(template: str, payload: Any) -> str:
    """Render ``template`` against ``payload`` with Segment's limits (:class:`LiquidFailure`)."""
    if template == "":
        return ""
    if len(template) > MAX_TEMPLATE_LENGTH:
        raise LiquidFailure("liquid template values are limited to 1000 characters")
    parsed = _parse(template)
    data = payload if isinstance(payload, dict) else {}
    try:
        return parsed.render(**data)
    except _DisabledFilter as err:
        raise LiquidFailure(
            f"{err}, {_position(template, _filter_position(template, err.name))}"
        ) from None
    except LiquidError as err:
        raise _failure(err, template) from None
    except (ArithmeticError, TypeError, ValueError) as err:
        raise LiquidFailure(str(err)) from None


def liquid_paths(template: str) -> list[tuple[str, ...]]:
    """Event paths (segments) that ``template`` reads, for provenance; [] if it does not parse."""
    try:
        parsed = _parse(template)
        # Globals only: names made by {% assign %} or {% capture %} are not event paths.
        return [tuple(str(s) for s in segs) for segs in parsed.global_variable_segments()]
    except (LiquidFailure, LiquidError):
        return []
