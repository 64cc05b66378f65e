"""Text forms: a condition written back as FQL, values shown as JSON, explanations as lines."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

from inspector.core._js import (
    BUILTIN_VALUES,
    UNDEFINED,
    JsFunction,
    JsPrototype,
    is_js_number,
    js_string,
)

from ._ast import Condition, Value

if TYPE_CHECKING:
    from ._explain import ClauseResult, Explanation

__all__ = ["clause_text", "format_value", "render_explanation", "to_json_value"]

PASS: Final = "✓"
FAIL: Final = "✗"
_INDENT: Final = "  "
_MAX_VALUE_CHARS: Final = 80

_FUNCTION_FORMS: Final = {
    "contains": ("contains", "{v}"),
    "not_contains": ("!contains", "{v}"),
    "starts_with": ("match", "{v}*"),
    "not_starts_with": ("!match", "{v}*"),
    "ends_with": ("match", "*{v}"),
    "not_ends_with": ("!match", "*{v}"),
}
_UNARY_FORMS: Final = {
    "exists": "!= null",
    "not_exists": "= null",
    "is_true": "= true",
    "is_false": "= false",
}
_NUMERIC_FORMS: Final = {"number_equals": "=", "number_not_equals": "!="}


def clause_text(condition: Condition) -> str:
    """The condition as FQL that means the same, e.g. ``match(event, "*Added")``."""
    path, operator = condition.path, condition.operator
    if operator in _UNARY_FORMS:
        return f"{path} {_UNARY_FORMS[operator]}"
    if operator in _FUNCTION_FORMS:
        name, pattern = _FUNCTION_FORMS[operator]
        needle = pattern.format(v=js_string(condition.value))
        return f"{name}({path}, {_quote(needle)})"
    shown = _NUMERIC_FORMS.get(operator, operator)
    return f"{path} {shown} {format_literal(condition.value)}"


def format_literal(value: Value | None) -> str:
    """An expected value as FQL: strings in double quotes, numbers and booleans bare."""
    if isinstance(value, str):
        return _quote(value)
    return js_string(value)


def _quote(text: str) -> str:
    return '"' + text + '"'


def format_value(value: object) -> str:
    """An event value for display: JSON, ``missing`` for undefined, shortened when long."""
    if value is UNDEFINED:
        return "missing"
    if isinstance(value, BUILTIN_VALUES):
        return f"[JavaScript built-in {_builtin_name(value)}]"
    if is_js_number(value):
        return js_string(value)
    text = json.dumps(to_json_value(value), ensure_ascii=False, separators=(", ", ": "))
    if len(text) > _MAX_VALUE_CHARS:
        text = text[: _MAX_VALUE_CHARS - 1] + "…"
    return text


def _builtin_name(value: JsFunction | JsPrototype) -> str:
    return value.name if isinstance(value, JsFunction) else f"{value.kind}.prototype"


def to_json_value(value: object) -> Any:
    """``value`` with ``UNDEFINED`` as None and built-ins as text, for ``to_dict``."""
    if value is UNDEFINED:
        return None
    if isinstance(value, BUILTIN_VALUES):
        return f"[JavaScript built-in {_builtin_name(value)}]"
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(key): to_json_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json_value(item) for item in value]
    return repr(value)


def render_explanation(explanation: Explanation) -> str:
    """The explanation as indented lines (see ``Explanation.render``)."""
    verdict = "MATCH" if explanation.matched else "NO MATCH"
    if not explanation.children:
        return f"{verdict}: {explanation.error}" if explanation.error else verdict
    lines = [f"{verdict}: {_group_title(explanation)}"]
    for child in explanation.children:
        _render_child(child, 1, lines)
    if explanation.error:
        lines.append(f"error: {explanation.error}")
    return "\n".join(lines)


def _group_title(explanation: Explanation) -> str:
    count = len(explanation.children)
    if explanation.operator == "or":
        return f"any of {count} conditions (or)"
    if count == 1:
        return "1 condition"
    return f"all of {count} conditions (and)"


def _render_child(child: ClauseResult | Explanation, depth: int, lines: list[str]) -> None:
    from ._explain import Explanation

    pad = _INDENT * depth
    if isinstance(child, Explanation):
        if not child.children:
            lines.append(f"{pad}{FAIL} () — {child.error}")
            return
        mark = PASS if child.matched else FAIL
        lines.append(f"{pad}{mark} {_group_title(child)}:")
        for grandchild in child.children:
            _render_child(grandchild, depth + 1, lines)
        return
    mark = PASS if child.passed else FAIL
    lines.append(f"{pad}{mark} {child.text}  ← {child.path} is {format_value(child.actual)}")
    if child.error:
        lines.append(f"{pad}{_INDENT}error: {child.error}")
    if child.hint:
        lines.append(f"{pad}{_INDENT}hint: {child.hint}")
