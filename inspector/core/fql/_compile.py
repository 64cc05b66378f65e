"""The evaluator: each AST compiles once into closures with ``validate``'s semantics (fql.md §6).

Two shapes are built from the same operator table: ``make_getter``/``make_test`` (used by
``explain``, which needs the actual value) and fused predicates (used by ``matches``, where
every call saved per event counts). Undefined and null behave the same for every operator, so
the fused getters may use ``dict.get`` and return ``None`` for both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from ._ast import PATH_ROOTS, TOP_LEVEL_KEYS, Condition, Group, Node, Value
from ._jsvalues import (
    MISSING,
    is_falsy,
    js_number,
    js_string,
    lookup_path,
    member,
)

__all__ = [
    "EvaluationError",
    "Getter",
    "Predicate",
    "Test",
    "compile_node",
    "make_getter",
    "make_test",
]

Event = dict[str, Any]
Getter = Callable[[Event], object]
Test = Callable[[object], bool]
Predicate = Callable[[Event], bool]

_NUMBER_TYPES: Final = (int, float)  # compared with ``type(x) in``: excludes bool
_INHERITED_SEGMENTS: Final = frozenset(
    "constructor hasOwnProperty isPrototypeOf propertyIsEnumerable toLocaleString toString "
    "valueOf __proto__ __defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__".split()
)


class EvaluationError(Exception):
    """Segment's ``validate()`` throws here (an empty ``()`` slot, a null event, a bad path)."""


# --- operator table -----------------------------------------------------------------------


def make_test(operator: str, expected: Value | None) -> Test:
    """``validateValue(actual, operator, expected)`` as a one-argument function of ``actual``."""
    factory = _TESTS.get(operator)
    return factory(expected) if factory is not None else _never


def _never(actual: object) -> bool:
    return False


def _string_test(check: Callable[[str, str], bool], negate: bool) -> Callable[[Any], Test]:
    def factory(expected: Any) -> Test:
        needle = js_string(expected)
        if negate:
            return lambda a: type(a) is str and not check(a, needle)
        return lambda a: type(a) is str and check(a, needle)

    return factory


def _numeric_test(compare: Callable[[Any, float], bool]) -> Callable[[Any], Test]:
    def factory(expected: Any) -> Test:
        number = js_number(expected)
        return lambda a: type(a) in _NUMBER_TYPES and compare(a, number)

    return factory


def _equals(expected: Any) -> Test:
    text = js_string(expected)
    return lambda a: type(a) is str and a == text


def _not_equals(expected: Any) -> Test:
    text = js_string(expected)
    return lambda a: not (type(a) is str and a == text)


_TESTS: Final[dict[str, Callable[[Any], Test]]] = {
    "=": _equals,
    "!=": _not_equals,
    "number_equals": _numeric_test(lambda a, n: a == n),
    "number_not_equals": _numeric_test(lambda a, n: a != n),
    "<": _numeric_test(lambda a, n: a < n),
    "<=": _numeric_test(lambda a, n: a <= n),
    ">": _numeric_test(lambda a, n: a > n),
    ">=": _numeric_test(lambda a, n: a >= n),
    "contains": _string_test(lambda a, n: n in a, negate=False),
    "not_contains": _string_test(lambda a, n: n in a, negate=True),
    "starts_with": _string_test(str.startswith, negate=False),
    "not_starts_with": _string_test(str.startswith, negate=True),
    "ends_with": _string_test(str.endswith, negate=False),
    "not_ends_with": _string_test(str.endswith, negate=True),
    "exists": lambda _: lambda a: a is not None and a is not MISSING,
    "not_exists": lambda _: lambda a: a is None or a is MISSING,
    "is_true": lambda _: lambda a: a is True,
    "is_false": lambda _: lambda a: a is False,
}


# --- value lookup -------------------------------------------------------------------------


def make_getter(condition: Condition) -> Getter:
    """The exact lookup ``validate`` performs, keeping undefined (``MISSING``) apart from null."""
    key = TOP_LEVEL_KEYS.get(condition.kind)
    if key is not None:
        return lambda event: event.get(key, MISSING)
    root = PATH_ROOTS[condition.kind]
    segments = condition.segments
    if segments is None:
        return _raise_bad_path(condition)
    if not segments:
        return lambda event: MISSING
    return lambda event: lookup_path(event.get(root, MISSING), segments)


def _raise_bad_path(condition: Condition) -> Getter:
    def getter(event: Event) -> object:
        raise EvaluationError(f"Segment's get() throws on the path {condition.name!r}")

    return getter


def _fast_getter(condition: Condition) -> Getter:
    """A lookup that may return ``None`` for undefined; only for predicates."""
    root = PATH_ROOTS[condition.kind]
    segments = condition.segments
    if segments is None or not segments or _INHERITED_SEGMENTS.intersection(segments):
        return make_getter(condition)
    if len(segments) == 1:
        (key,) = segments

        def one(event: Event) -> object:
            value = event.get(root)
            if type(value) is dict:
                return value.get(key)
            return None if is_falsy(value) else member(value, key)

        return one

    def walk(event: Event) -> object:
        value = event.get(root)
        for segment in segments:
            if type(value) is dict:
                value = value.get(segment)
            elif is_falsy(value):
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


def _compile_group(group: Group) -> Predicate:
    children = [compile_node(child) for child in group.children]
    if group.operator == "and":
        return _all(children)
    if group.operator == "or":
        return _any(children)
    return lambda event: False


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
        number = js_number(expected)
        return _NUMERIC_FUSED[operator](get, number)
    if operator == "contains":
        needle = js_string(expected)
        return lambda event: type(a := get(event)) is str and needle in a
    if operator == "=":
        text = js_string(expected)
        return lambda event: get(event) == text
    test = make_test(operator, expected)
    return lambda event: test(get(event))


def _gt(get: Getter, n: float) -> Predicate:
    return lambda event: type(a := get(event)) in _NUMBER_TYPES and a > n  # type: ignore[operator]


def _ge(get: Getter, n: float) -> Predicate:
    return lambda event: type(a := get(event)) in _NUMBER_TYPES and a >= n  # type: ignore[operator]


def _lt(get: Getter, n: float) -> Predicate:
    return lambda event: type(a := get(event)) in _NUMBER_TYPES and a < n  # type: ignore[operator]


def _le(get: Getter, n: float) -> Predicate:
    return lambda event: type(a := get(event)) in _NUMBER_TYPES and a <= n  # type: ignore[operator]


def _eq(get: Getter, n: float) -> Predicate:
    return lambda event: type(a := get(event)) in _NUMBER_TYPES and a == n


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
    children = [compile_node(child) for child in ast.children]
    if ast.operator == "and" and len(children) == 3:
        a, b, c = children

        def all3(event: Any) -> bool:
            try:
                return a(event) and b(event) and c(event)
            except _FAILURES:
                return fallback(event)

        return all3

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
            return event.get(key) == text  # type: ignore[no-any-return]
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
