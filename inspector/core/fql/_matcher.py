"""The compiled predicate: each AST becomes nested closures once, for ``Trigger.matches``.

Every call saved per event counts here, so leaves fuse lookup and test. Undefined and null
behave the same for every operator, so the fused lookups may use ``dict.get`` and return
``None`` for both; ``_compile`` keeps them apart for ``explain``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from inspector.core._js import js_string, js_to_number, js_truthy

from ._ast import PATH_ROOTS, TOP_LEVEL_KEYS, Condition, Group, Node, Value
from ._compile import (
    EvaluationError,
    Event,
    Getter,
    Predicate,
    make_getter,
    make_test,
)
from ._jsvalues import OBJECT_MEMBERS, member

__all__ = ["compile_matcher", "compile_node"]


def _fast_getter(condition: Condition) -> Getter:
    """A lookup that may return ``None`` for undefined; only for predicates."""
    root = PATH_ROOTS[condition.kind]
    segments = condition.segments
    if segments is None or not segments or OBJECT_MEMBERS.intersection(segments):
        return make_getter(condition)
    if len(segments) == 1:
        (key,) = segments

        def one(event: Event) -> object:
            value = event.get(root)
            if type(value) is dict:
                return value.get(key)
            return member(value, key) if js_truthy(value) else value

        return one

    def walk(event: Event) -> object:
        value = event.get(root)
        for segment in segments:
            if type(value) is dict:
                value = value.get(segment)
            elif not js_truthy(value):
                return value
            else:
                value = member(value, segment)
        return value

    return walk


# --- predicates ---------------------------------------------------------------------------


def compile_node(node: Node | None) -> Predicate:
    """A predicate over an event dict; raises ``EvaluationError`` where ``validate`` throws."""
    if node is None:
        return _empty_slot
    if isinstance(node, Group):
        return _compile_group(node)
    return _compile_condition(node)


def _empty_slot(event: Event) -> bool:
    raise EvaluationError("Segment's validate() throws on an empty '()' group")


def _all(children: list[Predicate]) -> Predicate:
    if len(children) == 1:
        return children[0]
    if len(children) == 2:
        first, second = children
        return lambda event: first(event) and second(event)
    if len(children) == 3:
        a, b, c = children
        return lambda event: a(event) and b(event) and c(event)
    return lambda event: all(child(event) for child in children)


def _any(children: list[Predicate]) -> Predicate:
    if len(children) == 1:
        return children[0]
    if len(children) == 2:
        first, second = children
        return lambda event: first(event) or second(event)
    if len(children) == 3:
        a, b, c = children
        return lambda event: a(event) or b(event) or c(event)
    return lambda event: any(child(event) for child in children)


def _equality_guard(node: Node | None) -> tuple[str, str] | None:
    """``(key, text)`` when ``node`` is ``type``/``event``/``name``/``userId`` = text."""
    if isinstance(node, Condition) and node.operator == "=":
        key = TOP_LEVEL_KEYS.get(node.kind)
        if key is not None:
            return key, js_string(node.value)
    return None


def _compile_group(group: Group) -> Predicate:
    if group.operator not in ("and", "or"):
        return lambda event: False
    guard = _equality_guard(group.children[0]) if len(group.children) > 1 else None
    rest = [compile_node(child) for child in group.children[1 if guard else 0 :]]
    combine = _all if group.operator == "and" else _any
    if guard is None:
        return combine(rest)
    # The commonest shape, ``type = "track" and …``: test the first key inline.
    key, text = guard
    tail = combine(rest)
    if group.operator == "and":
        return lambda event: event.get(key) == text and tail(event)
    return lambda event: event.get(key) == text or tail(event)


def _compile_condition(condition: Condition) -> Predicate:
    key = TOP_LEVEL_KEYS.get(condition.kind)
    if key is not None:
        fused = _fused_top_level(key, condition.operator, condition.value)
        if fused is not None:
            return fused
        getter = make_getter(condition)
    else:
        getter = _fast_getter(condition)
    return _fused(getter, condition.operator, condition.value)


def _fused_top_level(key: str, operator: str, expected: Value | None) -> Predicate | None:
    # A missing key and null both read as None here; neither equals a string.
    if operator == "=":
        text = js_string(expected)
        return lambda event: event.get(key) == text
    if operator == "!=":
        text = js_string(expected)
        return lambda event: event.get(key) != text
    if operator == "exists":
        return lambda event: event.get(key) is not None
    if operator == "not_exists":
        return lambda event: event.get(key) is None
    return None


def _fused(get: Getter, operator: str, expected: Value | None) -> Predicate:
    if operator in ("<", "<=", ">", ">=", "number_equals"):
        number = js_to_number(expected)
        return _NUMERIC_FUSED[operator](get, number)
    if operator == "contains":
        needle = js_string(expected)

        def contains(event: Event) -> bool:
            actual = get(event)
            return type(actual) is str and needle in actual

        return contains
    if operator == "=":
        text = js_string(expected)
        return lambda event: get(event) == text
    test = make_test(operator, expected)
    return lambda event: test(get(event))


def _gt(get: Getter, n: float) -> Predicate:
    def predicate(event: Event) -> bool:
        a = get(event)
        return (type(a) is int or type(a) is float) and a > n

    return predicate


def _ge(get: Getter, n: float) -> Predicate:
    def predicate(event: Event) -> bool:
        a = get(event)
        return (type(a) is int or type(a) is float) and a >= n

    return predicate


def _lt(get: Getter, n: float) -> Predicate:
    def predicate(event: Event) -> bool:
        a = get(event)
        return (type(a) is int or type(a) is float) and a < n

    return predicate


def _le(get: Getter, n: float) -> Predicate:
    def predicate(event: Event) -> bool:
        a = get(event)
        return (type(a) is int or type(a) is float) and a <= n

    return predicate


def _eq(get: Getter, n: float) -> Predicate:
    def predicate(event: Event) -> bool:
        a = get(event)
        return (type(a) is int or type(a) is float) and a == n

    return predicate


_NUMERIC_FUSED: Final[dict[str, Callable[[Getter, float], Predicate]]] = {
    ">": _gt,
    ">=": _ge,
    "<": _lt,
    "<=": _le,
    "number_equals": _eq,
}


# --- the root: ``Trigger.matches`` ---------------------------------------------------------

_FAILURES: Final = (AttributeError, EvaluationError)


def compile_matcher(ast: Group) -> Callable[[Any], bool]:
    """``matches(event) -> bool`` for a parsed trigger, with the error handling inlined.

    Where ``validate`` throws (an empty ``()``, a null event) the answer is False; an event that
    is not a dict has no fields. The try block costs nothing until something raises, so it
    sits in the outermost closure instead of adding a call per event.
    """
    predicate = compile_node(ast)
    fallback = _fallback(predicate)
    if len(ast.children) == 1 and isinstance(ast.children[0], Condition):
        leaf = _single_top_level(ast.children[0], fallback)
        if leaf is not None:
            return leaf
    guard = _equality_guard(ast.children[0]) if len(ast.children) > 1 else None
    if guard is not None and ast.operator == "and":
        key, text = guard
        tail = _all([compile_node(child) for child in ast.children[1:]])

        def guarded(event: Any) -> bool:
            try:
                value: object = event.get(key)
                return value == text and tail(event)
            except _FAILURES:
                return fallback(event)

        return guarded

    def generic(event: Any) -> bool:
        try:
            return predicate(event)
        except _FAILURES:
            return fallback(event)

    return generic


def _single_top_level(
    condition: Condition, fallback: Callable[[Any], bool]
) -> Callable[[Any], bool] | None:
    key = TOP_LEVEL_KEYS.get(condition.kind)
    if key is None or condition.operator != "=":
        return None
    text = js_string(condition.value)

    def equals(event: Any) -> bool:
        try:
            value: object = event.get(key)
            return value == text
        except AttributeError:
            return fallback(event)

    return equals


def _fallback(predicate: Predicate) -> Callable[[Any], bool]:
    def fallback(event: Any) -> bool:
        if event is None or isinstance(event, dict):
            return False  # validate() throws on a null event and on an empty '()'
        try:
            return predicate({})  # a non-object event has no fields
        except EvaluationError:
            return False

    return fallback
