"""Conditionally required fields to JSON Schema ``if``/``then`` (actions-core, same shapes)."""

from __future__ import annotations

from typing import Any

__all__ = ["conditions_to_schema"]


def _then(field_key: str) -> dict[str, Any]:
    if "." in field_key:
        parent, child = field_key.split(".")[:2]
        return {"required": [parent], "properties": {parent: {"required": [child]}}}
    return {"required": [field_key]}


def _value_schema(operator: str, value: Any) -> dict[str, Any]:
    return {"const": value} if operator == "is" else {"not": {"const": value}}


def _unset_value(dependant: str, field_key: str, operator: str, multiple: bool) -> dict[str, Any]:
    if operator not in ("is", "is_not"):
        raise ValueError(f"Unsupported conditionally required field operator: {operator}")
    inside = {"not": {"required": [dependant]}} if operator == "is" else {"required": [dependant]}
    if multiple:
        return inside
    is_null = {"properties": {dependant: {"type": "null"}}}
    if operator == "is":
        return {"if": {"anyOf": [inside, is_null]}, "then": _then(field_key)}
    return {"if": {"allOf": [inside, {"not": is_null}]}, "then": _then(field_key)}


def _simple(
    dependant: str, field_key: str, value: Any, operator: str, multiple: bool
) -> dict[str, Any]:
    test = {"required": [dependant], "properties": {dependant: _value_schema(operator, value)}}
    if multiple:
        return {"properties": test["properties"], "required": test["required"]}
    return {"if": test, "then": _then(field_key)}


def _nested(
    dependant: str, field_key: str, value: Any, operator: str, multiple: bool
) -> dict[str, Any]:
    parent, child = dependant.split(".")[:2]
    test = {
        "properties": {
            parent: {"properties": {child: _value_schema(operator, value)}, "required": [child]}
        },
        "required": [parent],
    }
    return test if multiple else {"if": test, "then": _then(field_key)}


def _single(condition: dict[str, Any], field_key: str) -> dict[str, Any]:
    dependant, operator = condition["fieldKey"], condition.get("operator")
    if operator not in ("is", "is_not"):
        raise ValueError(f"Unsupported conditionally required field operator: {operator}")
    if "." in dependant:
        return _nested(dependant, field_key, condition.get("value"), operator, False)
    if "value" not in condition:
        return _unset_value(dependant, field_key, operator, False)
    return _simple(dependant, field_key, condition["value"], operator, False)


def _combined(field_key: str, spec: dict[str, Any]) -> dict[str, Any]:
    conditions = spec["conditions"]
    if len(conditions) == 1:
        return _single(conditions[0], field_key)
    combinator = "anyOf" if spec.get("match") == "any" else "allOf"
    parts: list[dict[str, Any]] = []
    for condition in conditions:
        dependant, operator = condition["fieldKey"], condition.get("operator")
        if "." in dependant:
            parts.append(_nested(dependant, field_key, condition.get("value"), operator, True))
        elif "value" not in condition:
            parts.append(_unset_value(dependant, field_key, operator, True))
        else:
            parts.append(_simple(dependant, field_key, condition["value"], operator, True))
    return {"if": {combinator: parts}, "then": {"required": [field_key]}}


def conditions_to_schema(conditions: dict[str, Any]) -> dict[str, Any]:
    """``{"allOf": [...]}`` for the conditionally required fields, or ``{}``."""
    parts = [_combined(key, spec) for key, spec in conditions.items()]
    return {"allOf": parts} if parts else {}
