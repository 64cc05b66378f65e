"""What a JavaScript property walk reaches beyond a JSON value's own members.

Segment's trigger matcher and actions-core's mapping paths read members with plain property
access, so ``properties.constructor.name`` is ``"Object"``, ``{{properties.title.bold}}`` renders
``function bold() { [native code] }`` and ``$.properties.list.toReversed`` exists. The members
are Node's own (see :mod:`inspector.core._jsbuiltins_table`, generated from Node).
"""

from __future__ import annotations

from typing import Any, Final

from inspector.core._js import UNDEFINED, JsFunction, JsPrototype, is_js_number
from inspector.core._jsbuiltins_table import BUILTINS

__all__ = ["INHERITED_NAMES", "inherited_member", "own_member"]

INHERITED_NAMES: Final = (
    frozenset(name for kind in BUILTINS.values() for name in kind["prototype"])
    | frozenset(name for kind in BUILTINS.values() for name in kind["statics"])
    | {
        "name",
        "length",
        "prototype",
    }
)
"""Every name a built-in prototype or constructor holds: a miss on any other name is a miss."""


def _prototype_kind(value: object) -> str | None:
    """The name of the built-in prototype ``value`` inherits from first."""
    if isinstance(value, dict):
        return "Object"
    if isinstance(value, list):
        return "Array"
    if isinstance(value, str):
        return "String"
    if isinstance(value, bool):
        return "Boolean"
    if is_js_number(value):
        return "Number"
    if isinstance(value, JsFunction):
        return "Function"
    if isinstance(value, JsPrototype):
        return None if value.kind == "Object" else "Object"
    return None


def _prototype(kind: str) -> JsPrototype:
    return JsPrototype(kind, BUILTINS[kind]["string"])


def _materialize(entry: list[Any], receiver: object) -> Any:
    tag = entry[0]
    if tag == "fn":
        return JsFunction(entry[1], entry[2])
    if tag == "ctor":
        return JsFunction(entry[1], BUILTINS[entry[1]]["length"], entry[1])
    if tag == "value":
        return entry[1]
    if tag == "proto":  # the __proto__ accessor: the receiver's prototype
        kind = _prototype_kind(receiver)
        return _prototype(kind) if kind is not None else None
    return UNDEFINED  # accessors that throw when read (Function.prototype.caller)


def inherited_member(value: object, key: str) -> Any:
    """``value[key]`` when ``value`` has no own member ``key``: the prototype chain's answer."""
    if key not in INHERITED_NAMES:
        return UNDEFINED
    kind = _prototype_kind(value)
    while kind is not None:
        entry = BUILTINS[kind]["prototype"].get(key)
        if entry is not None:
            return _materialize(entry, value)
        kind = None if kind == "Object" else "Object"
    return UNDEFINED


def own_member(value: JsFunction | JsPrototype, key: str) -> Any:
    """``value[key]`` for a built-in function or prototype, own members first."""
    if isinstance(value, JsFunction):
        if key == "name":
            return value.name
        if key == "length":
            return value.length
        if value.constructor is not None:
            if key == "prototype":
                return _prototype(value.constructor)
            entry = BUILTINS[value.constructor]["statics"].get(key)
            if entry is not None:
                return _materialize(entry, value)
        return inherited_member(value, key)
    entry = BUILTINS[value.kind]["prototype"].get(key)
    if entry is not None:
        return _materialize(entry, value)
    return inherited_member(value, key)
