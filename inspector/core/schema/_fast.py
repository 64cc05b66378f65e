"""A direct check for the common payload: compiled once per field set, no walk and no copies.

For an object schema whose fields are plain (a type, no format, limits, enum or nested
schema), a payload whose present fields all have a declared type and whose keys are all declared
passes actions-core's validation unchanged. :func:`compile_fast_check` builds the test once;
the check returns the cleaned payload for such a payload and None otherwise (then the generic
pipeline runs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._coerce import matches_type

__all__ = ["FastCheck", "compile_fast_check"]

FastCheck = Callable[[dict[str, Any]], "dict[str, Any] | None"]

_ROOT_KEYS = frozenset(
    {"$schema", "type", "additionalProperties", "properties", "required", "title", "description"}
)
_LEAF_KEYS = frozenset({"title", "description", "type", "default"})
_ANY = None  # a field without a declared type: every value passes
_PLAIN_TYPES = frozenset({"string", "number", "integer", "boolean", "null", "object"})


_NOT_PLAIN: tuple[str, ...] = ()
_QUICK: dict[str, type] = {"string": str, "boolean": bool, "object": dict}


def _leaf(schema: Any) -> tuple[str, ...] | None:
    """The field's types; None for any value; ``_NOT_PLAIN`` when the field is not plain."""
    if not isinstance(schema, dict) or not set(schema) <= _LEAF_KEYS:
        return _NOT_PLAIN
    declared = schema.get("type")
    if declared is None:
        return _ANY
    types = tuple(declared) if isinstance(declared, list) else (declared,)
    if not types or not all(isinstance(t, str) and t in _PLAIN_TYPES for t in types):
        return _NOT_PLAIN
    return types


def compile_fast_check(schema: dict[str, Any]) -> FastCheck | None:
    """The direct check for ``schema`` (an action's payload schema), or None if it has none."""
    if not set(schema) <= _ROOT_KEYS or schema.get("type") != "object":
        return None
    properties = schema.get("properties")
    required = schema.get("required", [])
    if not isinstance(properties, dict) or not isinstance(required, list):
        return None
    leaves = {key: _leaf(sub) for key, sub in properties.items()}
    # the Python types that pass a field's declared types with no further test
    quick = {
        key: frozenset(_QUICK[t] for t in types if t in _QUICK)
        for key, types in leaves.items()
        if types
    }
    strict = schema.get("additionalProperties") is False
    needed = tuple(required)

    def check(payload: dict[str, Any]) -> dict[str, Any] | None:
        cleaned: dict[str, Any] = {}
        for key, value in payload.items():
            if value == "" and isinstance(value, str):
                continue  # every top-level "" goes
            if key not in leaves:
                if strict:
                    return None  # validation would remove it
                cleaned[key] = value
                continue
            if type(value) in quick.get(key, ()):
                cleaned[key] = value
                continue
            types = leaves[key]
            if types is _NOT_PLAIN:
                return None
            if types is None:
                cleaned[key] = value
                continue
            if value is None and "null" not in types:
                continue  # removed as empty
            if not any(matches_type(value, t) for t in types):
                return None  # an error or a coercion
            cleaned[key] = value
        for key in needed:
            if key not in cleaned:
                return None
        return cleaned

    return check
