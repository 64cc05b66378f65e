"""Building conditions from tokens: the reference's decision table (fql.md §4.2, §4.3)."""

from __future__ import annotations

from typing import Final

from inspector.core._js import js_string

from ._ast import Condition, Value
from ._jsvalues import numeric_token_value
from ._lexer import Token

__all__ = ["build_condition", "function_condition", "function_operator", "token_value"]

_FUNCTION_FIELDS: Final = ("event", "name", "userId")
_FUNCTION_ROOTS: Final = (
    ("properties", "event-property"),
    ("traits", "event-trait"),
    ("context", "event-context"),
)


def build_condition(kind: str, field_token: Token, operator: Token, value: Token) -> Condition:
    """One ``field op value`` condition, following the reference's decision table (fql.md §4.2)."""
    span = (field_token.start, value.end)
    op, raw = operator.value, value.value
    special = _special_operator(op, raw, value.kind)
    if kind in ("event-type", "event") or (kind == "name" and special not in _EXISTENCE):
        return Condition(kind, op, js_string(token_value(value)), None, span)
    if kind == "name" or (kind == "userId" and special in _UNARY):
        return Condition(kind, special or "", None, None, span)
    if kind == "userId":
        return Condition(kind, op, js_string(token_value(value)), None, span)
    root = {"event-property": "properties", "event-trait": "traits"}.get(kind, "context")
    name = field_token.value.removeprefix(root + ".")
    if special in _UNARY:
        return Condition(kind, special or "", None, name, span)
    return Condition(kind, special or op, token_value(value), name, span)


_EXISTENCE: Final = ("exists", "not_exists")
_UNARY: Final = ("exists", "not_exists", "is_true", "is_false")


def _special_operator(op: str, raw: str, value_kind: str) -> str | None:
    if op == "!=":
        if raw == "null":
            return "exists"
        return "number_not_equals" if value_kind == "number" else None
    if op != "=":
        return None
    if raw == "true":
        return "is_true"
    if raw == "false":
        return "is_false"
    if raw == "null":
        return "not_exists"
    return "number_equals" if value_kind == "number" else None


def token_value(token: Token) -> Value:
    """The reference's ``getTokenValue``: unquote, convert numbers and ``true``/``false``."""
    if token.kind == "string":
        text = token.value
        text = text[1:] if text.startswith('"') else text
        return text[:-1] if text.endswith('"') else text
    if token.kind == "number":
        return numeric_token_value(token.value)
    if token.kind == "ident" and token.value in ("true", "false"):
        return token.value == "true"
    return token.value


def function_operator(name: str, value: Token, negate: bool) -> tuple[str, str]:
    text = js_string(token_value(value))
    if name == "contains":
        return ("not_contains" if negate else "contains"), text
    if value.value.endswith('*"'):
        return ("not_starts_with" if negate else "starts_with"), _utf16_slice(text, 0, -1)
    return ("not_ends_with" if negate else "ends_with"), _utf16_slice(text, 1, None)


def _utf16_slice(text: str, start: int, stop: int | None) -> str:
    if text.isascii():
        return text[start:stop]
    units = text.encode("utf-16-le", "surrogatepass")
    return units[start * 2 : None if stop is None else stop * 2].decode(
        "utf-16-le", "surrogatepass"
    )


def function_condition(
    target: str, operator: str, value: str, span: tuple[int, int]
) -> Condition | None:
    if target in _FUNCTION_FIELDS:
        return Condition(target, operator, value, None, span)
    for root, kind in _FUNCTION_ROOTS:
        if target.startswith(root):
            return Condition(kind, operator, value, target.removeprefix(root + "."), span)
    return None
