"""The operator table and value lookup with ``validate``'s semantics (fql.md §6).

``make_getter``/``make_test`` keep ``UNDEFINED`` apart from null, for ``explain``;
``_matcher`` fuses the same rules into faster predicates for ``matches``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from inspector.core._js import UNDEFINED, js_string, js_to_number

from ._ast import PATH_ROOTS, TOP_LEVEL_KEYS, Condition, Value
from ._jsvalues import lookup_path

__all__ = ["EvaluationError", "Event", "Getter", "Predicate", "Test", "make_getter", "make_test"]

Event = dict[str, Any]
Getter = Callable[[Event], object]
Test = Callable[[object], bool]
Predicate = Callable[[Event], bool]

_NUMBER_TYPES: Final = (int, float)  # compared with ``type(x) in``: excludes bool


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
        number = js_to_number(expected)
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
    "exists": lambda _: lambda a: a is not None and a is not UNDEFINED,
    "not_exists": lambda _: lambda a: a is None or a is UNDEFINED,
    "is_true": lambda _: lambda a: a is True,
    "is_false": lambda _: lambda a: a is False,
}


# --- value lookup -------------------------------------------------------------------------


def make_getter(condition: Condition) -> Getter:
    """The exact lookup ``validate`` performs, keeping ``UNDEFINED`` apart from null."""
    key = TOP_LEVEL_KEYS.get(condition.kind)
    if key is not None:
        return lambda event: event.get(key, UNDEFINED)
    root = PATH_ROOTS[condition.kind]
    segments = condition.segments
    if segments is None:
        return _raise_bad_path(condition)
    if not segments:
        return lambda event: UNDEFINED
    return lambda event: lookup_path(event.get(root, UNDEFINED), segments)


def _raise_bad_path(condition: Condition) -> Getter:
    def getter(event: Event) -> object:
        raise EvaluationError(f"Segment's get() throws on the path {condition.name!r}")

    return getter
