"""Static validation of a mapping as actions-core's ``mapping-kit/validate.ts``, to the letter.

A failure of a directive itself is reported alone (Segment throws a single ``ValidationError``);
failures of the keys of a plain object, and of the named fields of an object-shaped directive,
are collected (Segment's ``AggregateError``), depth first in key order.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache, partial
from typing import Any

import orjson

from inspector.core._js import UNDEFINED, js_order, real_type_of

from ._types import MappingError, MappingIssue

__all__ = ["check_mapping", "validate_mapping"]

Stack = tuple[str, ...]
Check = Callable[[Any, Stack], None]


class _Invalid(Exception):
    def __init__(self, issues: list[MappingIssue]) -> None:
        super().__init__(issues)
        self.issues = issues


def _fail(text: str, stack: Stack) -> _Invalid:
    return _Invalid([MappingIssue(f"/{'/'.join(stack)} {text}.", ".".join(stack))])


def _type(value: Any) -> str:
    if isinstance(value, dict):
        for key in value:
            if key[:1] == "@":
                return "directive"
        return "object"
    return real_type_of(value)


def _a(type_name: str) -> str:
    return f"{'an' if type_name[:1] in 'aeiou' else 'a'} {type_name}"


def _collect(checks: list[Callable[[], None]]) -> None:
    issues: list[MappingIssue] = []
    for check in checks:
        try:
            check()
        except _Invalid as err:
            issues.extend(err.issues)
    if issues:
        raise _Invalid(issues)


def _validate(value: Any, stack: Stack) -> None:
    kind = _type(value)
    if kind == "directive":
        _directive(value, stack)
    elif kind == "object":
        _object(value, stack)


def _directive(obj: dict[str, Any], stack: Stack) -> None:
    names = [k for k in obj if k[:1] == "@"]
    if len(names) > 1:
        raise _fail(f"should only have one @-prefixed key but it has {len(names)} keys", stack)
    if any(k[:1] != "@" and k != "_metadata" for k in obj):
        raise _fail(f"should only have one @-prefixed key but it has {len(obj)} keys", stack)
    rule = _RULES.get(names[0])
    if rule is None:
        raise _fail(f"has an invalid directive: {names[0]}", stack)
    rule(obj[names[0]], (*stack, names[0]))


def _accepting(expected: str, *kinds: str, objects: bool = False) -> Check:
    def check(value: Any, stack: Stack) -> None:
        kind = _type(value)
        if kind == "directive":
            _directive(value, stack)
        elif kind == "object" and objects:
            _object(value, stack)
        elif kind not in kinds:
            raise _fail(f"should be {expected} but it is {_a(kind)}", stack)

    return check


_directive_or_raw = _accepting(
    "a mapping directive or a JSON value", "object", "array", "boolean", "string", "number", "null"
)
_directive_or_string = _accepting("a string or a mapping directive", "string")
_directive_or_object = _accepting("a object or a mapping directive", objects=True)


def _kind_check(kind_name: str, article: str) -> Check:
    def check(value: Any, stack: Stack) -> None:
        kind = _type(value)
        if kind != kind_name:
            raise _fail(f"should be {article} {kind_name} but it is {_a(kind)}", stack)

    return check


_string = _kind_check("string", "a")
_boolean = _kind_check("boolean", "a")
_array = _kind_check("array", "an")


def _object(value: Any, stack: Stack) -> None:
    kind = _type(value)
    if kind != "object":
        raise _fail(f"should be an object but it is {_a(kind)}", stack)
    _collect([partial(_validate, value[k], (*stack, k)) for k in js_order(value)])


def _string_length(low: int, high: int) -> Check:
    def check(value: Any, stack: Stack) -> None:
        _string(value, stack)
        if len(value) < low:
            raise _fail(f"should be a string of length {low} or greater", stack)
        if len(value) > high:
            raise _fail(f"should be a string of length {high} or less", stack)

    return check


def _one_of(*allowed: str) -> Check:
    def check(value: Any, stack: Stack) -> None:
        _string(value, stack)
        if value.lower() not in allowed:
            shown = json.dumps(value, ensure_ascii=False)
            raise _fail(f"should be one of {', '.join(allowed)} but it is {shown}", stack)

    return check


def _fields(**spec: tuple[bool, Check]) -> Check:
    """An object-shaped directive: every key validated, then the named fields (required, check)."""

    def check(value: Any, stack: Stack) -> None:
        _object(value, stack)

        def field(name: str, required: bool, rule: Check) -> None:
            if name not in value:
                if required:
                    raise _fail(f"should have field {json.dumps(name)} but it doesn't", stack)
                return
            rule(value[name], (*stack, name))

        _collect([partial(field, n, r, c) for n, (r, c) in spec.items()])

    return check


def _array_path(value: Any, stack: Stack) -> None:
    _array(value, stack)
    _directive_or_string(value[0] if value else UNDEFINED, stack)
    if len(value) > 1:
        _validate(value[1], stack)


_merge_fields = _fields(direction=(False, _one_of("left", "right")), objects=(True, _array))


def _merge(value: Any, stack: Stack) -> None:
    _merge_fields(value, stack)
    for obj in value["objects"]:
        # Segment validates the elements with a fresh (empty) path, stopping at the first failure.
        _directive_or_object(obj, ())


_RULES: dict[str, Check] = {
    "@if": _fields(
        exists=(False, _directive_or_raw),
        then=(False, _directive_or_raw),
        **{"else": (False, _directive_or_raw)},
    ),
    "@case": _fields(operator=(False, _string), value=(False, _directive_or_string)),
    "@replace": _fields(
        pattern=(True, _string_length(1, 10)),
        replacement=(False, _string_length(0, 10)),
        value=(True, _directive_or_string),
        ignorecase=(False, _boolean),
        **{"global": (False, _boolean)},
    ),
    "@arrayPath": _array_path,
    "@path": _directive_or_string,
    "@json": _fields(value=(True, _directive_or_raw), mode=(True, _one_of("encode", "decode"))),
    "@flatten": _fields(separator=(False, _string), value=(True, _directive_or_raw)),
    "@merge": _merge,
    "@template": _directive_or_string,
    "@literal": _directive_or_raw,
    "@transform": _fields(apply=(True, _directive_or_object), mapping=(True, _directive_or_object)),
    "@excludeWhenNull": _directive_or_raw,
    "@liquid": _string,
}


def validate_mapping(mapping: Any) -> list[MappingIssue]:
    """Check ``mapping`` statically as Segment's ``validate``; ``[]`` when it is valid."""
    try:
        _validate(mapping, ())
    except _Invalid as err:
        return err.issues
    return []


@lru_cache(maxsize=1024)
def _cached_issues(mapping_json: bytes) -> tuple[MappingIssue, ...]:
    return tuple(validate_mapping(orjson.loads(mapping_json)))


def _issues(mapping: Any) -> tuple[MappingIssue, ...]:
    """Validation is pure, so results are cached by the mapping's JSON text (key order kept)."""
    try:
        key = orjson.dumps(mapping)
    except TypeError:
        return tuple(validate_mapping(mapping))
    return _cached_issues(key)


def check_mapping(mapping: Any) -> None:
    """Raise :class:`MappingError` (with ``issues``) when ``mapping`` is invalid."""
    issues = _issues(mapping)
    if issues:
        raise MappingError("\n".join(i.message for i in issues), issues[0].location, tuple(issues))
