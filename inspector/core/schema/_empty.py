"""Empty-value removal before validation (actions-core ``removeEmptyValues``), on copies."""

from __future__ import annotations

from typing import Any, Final

__all__ = ["remove_empty_values"]


class _Removed:
    """Marks a value that the removal deletes (JavaScript ``undefined``)."""


_REMOVED: Final = _Removed()


def _types(schema: dict[str, Any]) -> list[Any]:
    declared = schema.get("type")
    if declared is None:
        return []
    return declared if isinstance(declared, list) else [declared]


def _clean(value: Any, schema: dict[str, Any] | None, is_root: bool) -> Any:
    if schema is None or (not schema.get("type") and schema.get("enum") is None):
        return value
    if isinstance(value, list):
        items = schema.get("items")
        if items is None:
            return value
        return [v for v in value if _clean(v, items, False) is not _REMOVED]
    if isinstance(value, dict):
        properties = schema.get("properties")
        if properties is None:
            return value
        out = {}
        for key, item in value.items():
            cleaned = _clean(item, properties.get(key), False)
            if cleaned is _REMOVED or (is_root and cleaned == "" and isinstance(cleaned, str)):
                continue
            out[key] = cleaned
        return out
    types = _types(schema)
    if value is None and "null" not in types:
        return _REMOVED
    if value == "" and isinstance(value, str) and "string" not in types:
        return _REMOVED
    return value


def remove_empty_values(payload: Any, schema: dict[str, Any], is_root: bool = True) -> Any:
    """Drop ``null``/``""`` values the declared type cannot hold, and every top-level ``""``.

    Segment applies this with ``is_root=True`` to the whole payload before validating it. Nested
    objects without declared ``properties`` (free-form ``traits``) are left untouched.
    """
    cleaned = _clean(payload, schema, is_root)
    return None if cleaned is _REMOVED else cleaned
