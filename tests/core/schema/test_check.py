"""check_payload and its parts, beyond the recorded cases: modes, copies, messages."""

from __future__ import annotations

from typing import Any

from inspector.core.schema import (
    check_payload,
    default_values,
    fields_to_schema,
    remove_empty_values,
)

JIMO_CLOUD: dict[str, dict[str, Any]] = {
    "userId": {"label": "User ID", "type": "string", "required": True},
    "email": {"label": "User email", "type": "string"},
    "traits": {"label": "User Traits", "type": "object"},
}


def test_cloud_coerces_and_prunes_without_touching_input() -> None:
    payload = {"userId": 123, "email": "", "traits": {"a": None}, "extra": 1}
    result = check_payload(payload, JIMO_CLOUD)
    assert result.ok
    assert result.payload == {"userId": "123", "traits": {"a": None}}
    assert result.after_empty == {"userId": 123, "traits": {"a": None}, "extra": 1}
    assert payload == {"userId": 123, "email": "", "traits": {"a": None}, "extra": 1}


def test_errors_are_segment_sentences_and_message_joins_them() -> None:
    result = check_payload({"userId": {"a": 1}, "email": {"b": 1}}, JIMO_CLOUD)
    assert result.errors == [
        "User ID must be a string but it was an object.",
        "User email must be a string but it was an object.",
    ]
    assert result.message == " ".join(result.errors)
    assert not result.ok


def test_missing_required_field() -> None:
    result = check_payload({"traits": {"email": "a@b.c"}}, JIMO_CLOUD)
    assert result.errors == ["The root value is missing the required field 'userId'."]


def test_device_mode_passes_the_mapping_output_through() -> None:
    payload = {"userId": 5, "email": None, "extra": ""}
    result = check_payload(payload, JIMO_CLOUD, mode="device")
    assert result.ok
    assert result.payload == payload
    assert result.payload is not payload


def test_remove_empty_values_keeps_strings_inside_declared_objects() -> None:
    fields = {
        "p": {
            "label": "P",
            "type": "object",
            "properties": {"id": {"label": "I", "type": "string"}, "n": {"type": "number"}},
        },
        "s": {"label": "S", "type": "string"},
    }
    schema = fields_to_schema(fields)
    assert remove_empty_values({"p": {"id": "", "n": ""}, "s": ""}, schema) == {"p": {"id": ""}}


def test_default_values_are_the_preset_mapping() -> None:
    fields = {
        "userId": {"type": "string", "default": {"@path": "$.userId"}},
        "note": {"type": "string"},
        "flag": {"type": "boolean", "default": None},
    }
    assert default_values(fields) == {"userId": {"@path": "$.userId"}, "flag": None}


def test_multiple_field_wraps_scalars_and_reports_items() -> None:
    fields = {"tags": {"label": "Tags", "type": "string", "multiple": True}}
    assert check_payload({"tags": 5}, fields).payload == {"tags": ["5"]}
    bad = check_payload({"tags": {"a": 1}}, fields)
    assert bad.errors == ["The value at /tags/0 must be a string but it was an object."]
