"""The cloud-mode payload pipeline: empty-value removal, then validation with coercion."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Literal

from ._ajv import validate_in_place
from ._empty import remove_empty_values
from ._fields import Fields, fields_to_schema

__all__ = ["PayloadCheck", "check_payload"]


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


def _arrify_fields(payload: dict[str, Any], schema: dict[str, Any]) -> None:
    for key, sub in schema.get("properties", {}).items():
        if key in payload and sub.get("type") == "array" and payload[key] is not None:
            if not isinstance(payload[key], list):
                payload[key] = [payload[key]]


def check_payload(
    payload: Any, fields: Fields, *, mode: Literal["cloud", "device"] = "cloud"
) -> PayloadCheck:
    """Run Segment's checks on a mapping output for an action with ``fields``.

    Args:
        payload: the transform output (not modified).
        fields: the action's field definitions, keyed by field name.
        mode: ``"cloud"`` runs removeEmptyValues and Ajv validation as actions-core's
            ``Action.execute``; ``"device"`` (browser actions) passes the payload through.
    """
    if mode != "cloud":
        return PayloadCheck(copy.deepcopy(payload), [], copy.deepcopy(payload))
    schema = fields_to_schema(fields)
    cleaned = remove_empty_values(copy.deepcopy(payload), schema, True)
    after_empty = copy.deepcopy(cleaned)
    if not fields or not isinstance(cleaned, dict):
        return PayloadCheck(cleaned, [], after_empty)
    _arrify_fields(cleaned, schema)
    errors = [e.message for e in validate_in_place(cleaned, schema)]
    return PayloadCheck(cleaned, errors, after_empty)
