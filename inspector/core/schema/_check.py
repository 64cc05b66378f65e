"""The cloud-mode payload pipeline: empty-value removal, then validation with coercion."""

from __future__ import annotations

import copy
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Literal

from inspector.core._js import UNDEFINED

from ._ajv import WouldChange, validate_in_place, validate_unchanged
from ._ajv import human_type as _human_type
from ._empty import remove_empty_values
from ._fast import FastCheck, compile_fast_check
from ._fields import Fields, fields_to_schema

__all__ = ["EXEMPT_KEY", "PayloadCheck", "check_payload"]

EXEMPT_KEY = "dynamicAuthSettings"
"""The one payload key actions-core's validation keeps although no field declares it."""


@dataclass(frozen=True, slots=True)
class PayloadCheck:
    """What an action's ``perform`` would receive, and why it would not.

    ``payload`` is the payload after empty-value removal, coercion and unknown-key removal (in
    device mode, the mapping output unchanged); ``errors`` are Segment's sentences (empty when
    valid); ``after_empty`` is the payload after empty-value removal only, for side-by-side views.
    """

    payload: Any
    errors: list[str] = field(default_factory=list)
    after_empty: Any = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def message(self) -> str:
        """``AggregateAjvError.message``: the sentences joined by spaces."""
        return " ".join(self.errors)


def _arrify_needed(payload: dict[str, Any], schema: dict[str, Any]) -> bool:
    for key, sub in schema.get("properties", {}).items():
        if key in payload and sub.get("type") == "array" and payload[key] is not None:
            if not isinstance(payload[key], list):
                return True
    return False


def _arrify_fields(payload: dict[str, Any], schema: dict[str, Any]) -> None:
    for key, sub in schema.get("properties", {}).items():
        if key in payload and sub.get("type") == "array" and payload[key] is not None:
            if not isinstance(payload[key], list):
                payload[key] = [payload[key]]


_SCHEMAS: OrderedDict[int, tuple[Fields, dict[str, Any], FastCheck | None]] = OrderedDict()
_SCHEMA_CACHE_SIZE = 64


def _schema_for(fields: Fields) -> dict[str, Any]:
    """``fields_to_schema(fields)``, built once per field-definition object."""
    return _compiled_for(fields)[1]


def _compiled_for(fields: Fields) -> tuple[Fields, dict[str, Any], FastCheck | None]:
    """The schema of ``fields`` and its direct check, built once per field-definition object.

    Keyed by identity: the entry holds the fields object itself, so its id cannot be reused by
    another object while cached. Field definitions are data the caller does not mutate.
    """
    key = id(fields)
    hit = _SCHEMAS.get(key)
    if hit is not None and hit[0] is fields:
        _SCHEMAS.move_to_end(key)
        return hit
    schema = fields_to_schema(fields)
    entry = (fields, schema, compile_fast_check(schema))
    _SCHEMAS[key] = entry
    if len(_SCHEMAS) > _SCHEMA_CACHE_SIZE:
        _SCHEMAS.popitem(last=False)
    return entry


def _json_copy(value: Any) -> Any:
    """A deep copy of JSON-shaped data (dicts, lists, scalars), far cheaper than deepcopy."""
    if isinstance(value, dict):
        return {k: _json_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_copy(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return copy.deepcopy(value)


def check_payload(
    payload: Any, fields: Fields, *, mode: Literal["cloud", "device"] = "cloud"
) -> PayloadCheck:
    """Run Segment's checks on a mapping output for an action with ``fields``.

    Args:
        payload: the transform output (not modified); ``UNDEFINED`` when it resolved to nothing.
            Segment refuses a payload that is not an object when the action has fields.
        fields: the action's field definitions, keyed by field name.
        mode: ``"cloud"`` runs removeEmptyValues and Ajv validation as actions-core's
            ``Action.execute``; ``"device"`` (browser actions) passes the payload through.
    """
    if payload is UNDEFINED or payload is None or payload == "":
        payload = None  # removeEmptyValues turns a null or "" root into undefined
        problem = "undefined" if fields else None
    else:
        problem = None if isinstance(payload, dict) or not fields else _human_type(payload)
    if mode != "cloud":
        return PayloadCheck(_json_copy(payload), [], _json_copy(payload))
    if problem is not None:
        message = f"The root value must be an object but it was {problem}."
        return PayloadCheck(_json_copy(payload), [message], _json_copy(payload))
    _, schema, fast = _compiled_for(fields)
    if fields and isinstance(payload, dict):
        if fast is not None:
            cleaned = fast(payload)
            if cleaned is not None:
                return PayloadCheck(cleaned, [], cleaned)
        quick = _check_unchanged(payload, schema)
        if quick is not None:
            return quick
    cleaned = remove_empty_values(_json_copy(payload), schema, True)
    after_empty = _json_copy(cleaned)
    if not fields or not isinstance(cleaned, dict):
        return PayloadCheck(cleaned, [], after_empty)
    exempt = cleaned.get(EXEMPT_KEY, UNDEFINED)
    _arrify_fields(cleaned, schema)
    errors = [e.message for e in validate_in_place(cleaned, schema)]
    if exempt is not UNDEFINED:  # validation removes unknown keys, but never this one
        cleaned[EXEMPT_KEY] = exempt
    return PayloadCheck(cleaned, errors, after_empty)


def _check_unchanged(payload: dict[str, Any], schema: dict[str, Any]) -> PayloadCheck | None:
    """The check without copies, when validation changes nothing (None: it would).

    Empty-value removal builds new containers where it removes and never modifies its input;
    validation then only reads. The result shares unchanged parts with ``payload``, and its
    ``payload`` is its ``after_empty``.
    """
    cleaned = remove_empty_values(payload, schema, True)
    if not isinstance(cleaned, dict) or _arrify_needed(cleaned, schema):
        return None
    try:
        errors = [e.message for e in validate_unchanged(cleaned, schema)]
    except WouldChange:
        return None
    return PayloadCheck(cleaned, errors, cleaned)
