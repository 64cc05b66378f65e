"""One request sent by hand: an edited payload checked as Segment would, then its request."""

from __future__ import annotations

from typing import Any

import orjson

from inspector.core.destinations import get_destination
from inspector.core.schema import check_payload
from inspector.core.send._model import SendRequest
from inspector.core.send._targets import JIMO_BASE_URL, jimo_cloud_request

__all__ = ["check_edited_payload", "manual_request"]


def check_edited_payload(text: str, action: str) -> tuple[dict[str, Any] | None, list[str]]:
    """Parse and validate an edited Jimo Cloud payload: (validated payload, Segment's
    sentences); the payload is None when the text is not a JSON object."""
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        return None, [f"not valid JSON: {exc}"]
    if not isinstance(value, dict):
        return None, ["the payload must be a JSON object"]
    definition = get_destination("actions-jimo-cloud").action(action)
    if definition is None:
        return None, [f"unknown Jimo Cloud action {action!r}"]
    checked = check_payload(value, definition.fields, mode="cloud")
    payload = checked.payload if isinstance(checked.payload, dict) else None
    return payload, list(checked.errors)


def manual_request(
    payload: dict[str, Any],
    key: str,
    *,
    subscription: str,
    message_id: str,
    index: int = 0,
    base_url: str = JIMO_BASE_URL,
) -> SendRequest:
    """The ``POST …/segmentio-cloud/user`` for a payload edited by hand."""
    return jimo_cloud_request(payload, key, base_url, index, message_id, subscription)
