"""One mapping field written as a line of text, and read back.

The field-by-field form shows each action field's mapping value on one line:

==========================  ==========================================
the mapping value           written as
==========================  ==========================================
``{"@path": "$.userId"}``   ``$.userId``
``"Signed Up"``             ``Signed Up``
``"true"``, ``"$.x"``, …     ``"true"``, ``"$.x"`` (quoted: it would read
                            as something else unquoted)
anything else               compact JSON: ``true``, ``12``, ``{"@if": …}``
(absent)                    an empty line
==========================  ==========================================

Reading is the reverse: ``$`` or ``$.…`` is a path, text that decodes as JSON is that value,
and any other text is a literal string.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["UNSET", "field_text", "parse_field_text"]

UNSET: Any = object()
"""What an empty line reads as: the field is left out of the mapping."""


def _is_path(text: str) -> bool:
    return text == "$" or text.startswith("$.") or text.startswith("$[")


def _decodes(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def field_text(value: Any) -> str:
    """The one-line text for a mapping value (``UNSET`` gives an empty line)."""
    if value is UNSET:
        return ""
    if isinstance(value, dict) and len(value) == 1:
        path = value.get("@path")
        if isinstance(path, str) and _is_path(path):
            return path
    if isinstance(value, str):
        plain = value.strip() == value and value != ""
        if plain and not _is_path(value) and not _decodes(value):
            return value
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def parse_field_text(text: str) -> Any:
    """The mapping value a line of text stands for (``UNSET`` for an empty line)."""
    stripped = text.strip()
    if not stripped:
        return UNSET
    if _is_path(stripped):
        return {"@path": stripped}
    try:
        return json.loads(stripped, parse_constant=_reject_constant)
    except ValueError:
        return stripped


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")
