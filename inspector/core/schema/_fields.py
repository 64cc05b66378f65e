"""Action field definitions to JSON Schema (actions-core ``fieldsToJsonSchema``) and defaults."""

from __future__ import annotations

from typing import Any

__all__ = ["Fields", "default_values", "fields_to_schema"]

Fields = dict[str, dict[str, Any]]
SCHEMA_URI = "http://json-schema.org/schema#"


def default_values(fields: Fields) -> dict[str, Any]:
    """actions-core ``defaultValues``: each field's ``default`` (``None`` kept), in field order."""
    return {key: field["default"] for key, field in fields.items() if "default" in field}


def _json_type(field_type: Any) -> Any:
    if field_type in ("string", "text", "password"):
        return "string"
    if field_type == "datetime":
        return ["string", "number"]
    return field_type


def _field_schema(field: dict[str, Any]) -> dict[str, Any]:
    base_type = _json_type(field.get("type"))
    schema: dict[str, Any] = {}
    for attr, key in (("label", "title"), ("description", "description"), ("format", "format")):
        if attr in field:
            schema[key] = field[attr]
    schema["type"] = base_type
    if "default" in field:
        schema["default"] = field["default"]
    kind = field.get("type")
    if kind in ("datetime", "password", "text"):
        schema["format"] = "date-like" if kind == "datetime" else kind
    limits = {"string": ("minLength", "maxLength"), "number": ("minimum", "maximum")}.get(str(kind))
    for attr, key in zip(("minimum", "maximum"), limits or (), strict=False):
        if field.get(attr):  # Segment ignores falsy limits (0 included)
            schema[key] = field[attr]
    if field.get("choices") is not None:  # an empty list is truthy in JavaScript
        schema["enum"] = [c if isinstance(c, str) else c.get("value") for c in field["choices"]]
    if field.get("allowNull"):
        schema["type"] = [*(base_type if isinstance(base_type, list) else [base_type]), "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
    if field.get("multiple"):
        schema["items"] = {"type": base_type}
        schema["type"] = "array"
        if "enum" in schema:
            schema["items"]["enum"] = schema.pop("enum")
    if base_type == "object" and field.get("properties") is not None:
        nested = fields_to_schema(
            field["properties"],
            additional_properties=field.get("additionalProperties") or False,
            omit_required=_has_conditions(field["properties"]),
        )
        if field.get("multiple"):
            schema["items"] = nested
        else:
            schema.update(nested)
    return schema


def _has_conditions(fields: Fields) -> bool:
    return any(isinstance(f.get("required"), dict) for f in fields.values())


def _collect_conditions(key: str, field: dict[str, Any], conditions: dict[str, Any]) -> None:
    if _json_type(field.get("type")) == "object" and field.get("properties") is not None:
        for sub_key, sub_field in field["properties"].items():
            if isinstance(sub_field.get("required"), dict):
                conditions[f"{key}.{sub_key}"] = sub_field["required"]
    if isinstance(field.get("required"), dict):
        conditions[key] = field["required"]


def fields_to_schema(
    fields: Fields, *, additional_properties: Any = False, omit_required: bool = False
) -> dict[str, Any]:
    """Build the JSON Schema Segment validates a payload with, from an action's ``fields``."""
    from ._conditions import conditions_to_schema

    properties: dict[str, Any] = {}
    required: list[str] = []
    conditions: dict[str, Any] = {}
    for key, field in fields.items():
        properties[key] = _field_schema(field)
        _collect_conditions(key, field, conditions)
        if field.get("required") is True:
            required.append(key)
    schema: dict[str, Any] = {
        "$schema": SCHEMA_URI,
        "type": "object",
        "additionalProperties": additional_properties,
        "properties": properties,
    }
    if not omit_required:
        schema["required"] = required
        schema.update(conditions_to_schema(conditions))
    return schema
