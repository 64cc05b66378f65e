"""Render context and expression evaluation: scopes, property paths, operators, filter calls."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from inspector.core._js import UNDEFINED

from ._errors import FilterError
from ._scanner import Filter, FilteredValue, Literal, Op, Prop, Range, Token
from ._values import (
    Drop,
    compare,
    equals,
    is_truthy,
    js_number,
    js_str,
    property_key,
    read_property,
    to_value,
)  # fmt: skip

__all__ = ["Context", "FilterTable", "evaluate", "evaluate_token", "render_value"]

FilterTable = dict[str, Callable[..., Any]]
MEMORY_LIMIT = 100_000_000
# Segment gives liquidjs 500 ms; this engine is slower than V8 on huge strings, so it gets twice
# that before it stops a template (checked between nodes and inside long filters).
RENDER_LIMIT_SECONDS = 1.0
_GLOBALS: dict[str, Any] = {}


class Context:
    """Variables in scope (assigned names over the event), limits and per-render registers."""

    __slots__ = ("env", "env_copied", "filters", "interrupted", "memory", "deadline", "registers",
                 "scopes", "source")  # fmt: skip

    def __init__(self, env: dict[str, Any], filters: FilterTable, source: str) -> None:
        self.env = env
        self.env_copied = False
        self.filters = filters
        self.scopes: list[dict[str, Any]] = [{}]
        self.registers: dict[Any, int] = {}
        self.interrupted = False
        self.memory = 0
        self.deadline = time.monotonic() + RENDER_LIMIT_SECONDS
        self.source = source

    def use_memory(self, amount: Any) -> None:
        """liquidjs's memory limit: allocations counted by the filters that make strings/arrays."""
        count = js_number(amount)
        if count > 0:
            if self.memory + count > MEMORY_LIMIT:
                raise FilterError("memory alloc limit exceeded")
            self.memory += int(count)

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise FilterError("template render limit exceeded")

    def writable_env(self) -> dict[str, Any]:
        """The event as ``increment``/``decrement`` change it (a copy: the caller's is kept)."""
        if not self.env_copied:
            self.env, self.env_copied = dict(self.env), True
        return self.env

    def scope_of(self, key: Any) -> Any:
        name = property_key(key)
        for scope in reversed(self.scopes):
            if name in scope:
                return scope
        if name in self.env:
            return self.env
        return _GLOBALS


def evaluate_token(token: Token, ctx: Context) -> Any:
    if isinstance(token, Literal):
        return token.value
    if isinstance(token, Prop):
        keys = [k if isinstance(k, str) else evaluate_token(k, ctx) for k in token.props]
        obj = ctx.scope_of(keys[0]) if token.base is None else evaluate_token(token.base, ctx)
        for key in keys:
            obj = read_property(obj, key)
        return obj
    if isinstance(token, Range):
        return _range(evaluate_token(token.lhs, ctx), evaluate_token(token.rhs, ctx), ctx)
    return token  # a bare identifier (only inside property paths)


def _range(low: Any, high: Any, ctx: Context) -> list[Any]:
    start, stop = js_number(low), js_number(high)
    ctx.use_memory(stop - start + 1)
    if start != start or stop != stop or stop + 1 <= start:
        return []
    if stop - start > 1_000_000:
        raise FilterError("template render limit exceeded")
    items: list[Any] = []
    value = start
    while value < stop + 1:
        items.append(int(value) if value.is_integer() else value)
        value += 1
    return items


def _contains(left: Any, right: Any) -> bool:
    left = to_value(left)
    if isinstance(left, list):
        return any(equals(item, right) for item in left)
    if isinstance(left, str):
        return js_str(to_value(right)) in left
    return False


def _not_equals(left: Any, right: Any) -> bool:
    return not equals(left, right)


def _cmp(accept: tuple[int, ...]) -> Callable[[Any, Any], bool]:
    """An order operator; nil, empty and blank are never greater or less than anything."""

    def apply(left: Any, right: Any) -> bool:
        if isinstance(left, Drop) or isinstance(right, Drop):
            return False
        return compare(left, right) in accept

    return apply


_BINARY: dict[str, Callable[[Any, Any], bool]] = {
    "==": equals,
    "!=": _not_equals,
    "<": _cmp((-1,)),
    ">": _cmp((1,)),
    "<=": _cmp((-1, 0)),
    ">=": _cmp((1, 0)),
    "contains": _contains,
    "and": lambda a, b: is_truthy(a) and is_truthy(b),
    "or": lambda a, b: is_truthy(a) or is_truthy(b),
}


def evaluate(postfix: list[Token | Op], ctx: Context) -> Any:
    """Value of an expression in postfix order (missing operands are undefined, as in liquidjs)."""
    if len(postfix) == 1 and not isinstance(postfix[0], Op):
        return evaluate_token(postfix[0], ctx)
    stack: list[Any] = []
    for item in postfix:
        if not isinstance(item, Op):
            stack.append(evaluate_token(item, ctx))
            continue
        right = stack.pop() if stack else UNDEFINED
        if item.op == "not":
            stack.append(not is_truthy(right))
            continue
        left = stack.pop() if stack else UNDEFINED
        stack.append(_BINARY[item.op](left, right))
    return stack[0] if stack else UNDEFINED


def _arguments(flt: Filter, ctx: Context) -> list[Any]:
    args: list[Any] = []
    for arg in flt.args:
        if isinstance(arg, tuple):
            key, value = arg
            args.append([key, UNDEFINED if value is None else evaluate_token(value, ctx)])
        else:
            args.append(evaluate_token(arg, ctx))
    return args


def render_value(value: FilteredValue, ctx: Context) -> Any:
    """An expression's value passed through its filters (unknown filters pass it through)."""
    result = evaluate(value.postfix, ctx)
    for flt in value.filters:
        handler = ctx.filters.get(flt.name)
        if handler is not None:
            result = handler(ctx, result, *_arguments(flt, ctx))
        elif flt.args:
            _arguments(flt, ctx)
    return result
