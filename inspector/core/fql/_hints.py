"""Near-miss hints: why a clause that looks right failed for this event."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any, Final

from inspector.core._js import UNDEFINED, is_js_number, js_string, js_to_number, js_truthy

from ._ast import PATH_ROOTS, TOP_LEVEL_KEYS, Condition
from ._jsvalues import member
from ._render import format_value

__all__ = ["hint_for", "walk_stopped_note"]

_STRING_OPERATORS: Final = ("=", "contains", "starts_with", "ends_with")
_NUMERIC_OPERATORS: Final = ("number_equals", "number_not_equals", "<", "<=", ">", ">=")
_NEGATED: Final = ("not_contains", "not_starts_with", "not_ends_with", "number_not_equals")
_CHECKS: Final[dict[str, Callable[[str, str], bool]]] = {
    "=": lambda a, e: a == e,
    "contains": lambda a, e: e in a,
    "starts_with": lambda a, e: a.startswith(e),
    "ends_with": lambda a, e: a.endswith(e),
}


def hint_for(
    condition: Condition, actual: object, event: dict[str, Any], source: str
) -> str | None:
    """A hint for a failed clause, or None when nothing looks like a near miss."""
    if actual is UNDEFINED or actual is None:
        return _missing_hint(condition, actual, event)
    return (
        _text_hint(condition, actual)
        or _type_hint(condition, actual)
        or _match_hint(condition, source)
    )


def walk_stopped_note(condition: Condition, event: dict[str, Any], actual: object) -> str | None:
    """A note for a clause that passed only because the lookup stopped at a falsy value."""
    root = PATH_ROOTS.get(condition.kind)
    segments = condition.segments
    if root is None or not segments or len(segments) < 2:
        return None
    current: object = event.get(root, UNDEFINED)
    for depth, key in enumerate(segments):
        if not js_truthy(current):
            if current is UNDEFINED or current is None:
                return None
            stopped = ".".join([root, *segments[:depth]])
            return (
                f"passed only because Segment's lookup stops at the falsy value "
                f"{stopped} = {format_value(current)} and compares that instead"
            )
        current = member(current, key)
    return None


# --- missing values -----------------------------------------------------------------------


def _missing_hint(condition: Condition, actual: object, event: dict[str, Any]) -> str | None:
    key = TOP_LEVEL_KEYS.get(condition.kind)
    if key is not None:
        return _missing_top_level(key, actual, event)
    if actual is None:
        return f"{condition.path} is null"
    return _missing_path(condition, event)


def _missing_top_level(key: str, actual: object, event: dict[str, Any]) -> str | None:
    kind = event.get("type")
    if key == "event" and "name" in event:
        return (
            f"this is a {kind} call: page and screen calls carry their name in 'name', not "
            f"'event' — try name = {format_value(event['name'])}"
        )
    if key == "name" and "event" in event:
        return (
            f"this is a {kind} call: track calls carry their name in 'event', not 'name' — "
            f"try event = {format_value(event['event'])}"
        )
    similar = _similar_key(key, event)
    if similar is not None:
        return f"the event has no '{key}' but has '{similar}' (names are case-sensitive)"
    return "null" if actual is None else None


def _missing_path(condition: Condition, event: dict[str, Any]) -> str | None:
    root = PATH_ROOTS[condition.kind]
    segments = condition.segments or []
    container: object = event.get(root, UNDEFINED)
    if not isinstance(container, dict):
        return _other_root(condition, event) or f"the event has no {root} object"
    walked = [root]
    for key in segments:
        if not isinstance(container, dict) or key not in container:
            break
        container = container[key]
        walked.append(key)
    missing_at = ".".join(walked)
    if isinstance(container, dict):
        rest = segments[len(walked) - 1 :]
        dotted = ".".join(rest)
        if len(rest) > 1 and dotted in container:
            return (
                f"{missing_at} has the key '{dotted}' with a dot in it; Segment cannot reach "
                "keys containing dots"
            )
        similar = _similar_key(rest[0], container) if rest else None
        if similar is not None:
            tail = ".".join([similar, *rest[1:]])
            shown = format_value(container[similar]) if len(rest) == 1 else "present"
            return (
                f"no '{rest[0]}' in {missing_at}; did you mean {missing_at}.{tail}? (it is {shown})"
            )
    return _other_root(condition, event)


def _other_root(condition: Condition, event: dict[str, Any]) -> str | None:
    """``traits.x`` that lives in ``context.traits.x`` (or the reverse)."""
    name = condition.name or ""
    candidates = {
        "event-trait": [("context", f"traits.{name}"), ("properties", name)],
        "event-property": [("traits", name), ("context", f"traits.{name}")],
        "event-context": [("traits", name.removeprefix("traits."))],
    }[condition.kind]
    for root, path in candidates:
        value = _plain_lookup(event.get(root), path.split("."))
        if value is not UNDEFINED:
            return (
                f"{condition.path} is missing, but {root}.{path} is {format_value(value)}; "
                f"try {root}.{path}"
            )
    return None


def _plain_lookup(value: object, keys: list[str]) -> object:
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return UNDEFINED
        value = value[key]
    return value


def _similar_key(key: str, container: dict[str, Any]) -> str | None:
    names = [k for k in container if isinstance(k, str) and k != key]
    for name in names:
        if name.lower() == key.lower() or name.strip() == key:
            return name
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.8)
    return close[0] if close else None


# --- present values -----------------------------------------------------------------------


def _text_hint(condition: Condition, actual: object) -> str | None:
    operator = condition.operator
    if not isinstance(actual, str) or operator not in _STRING_OPERATORS:
        return None
    expected = js_string(condition.value)
    check = _CHECKS[operator]
    if check(actual.lower(), expected.lower()):
        return (
            f"differs only in letter case: {format_value(actual)} vs {format_value(expected)} "
            "(Segment compares case-sensitively)"
        )
    if check(actual.strip(), expected.strip()) or (operator == "=" and actual.strip() == expected):
        return f"differs only in surrounding spaces: {_spaces(actual, expected)}"
    if len(expected) > 1 and expected[0] == expected[-1] == "'" and check(actual, expected[1:-1]):
        return (
            "the single quotes are part of the expected value; use double quotes: "
            f'"{expected[1:-1]}"'
        )
    if expected == "eos":
        return "the value is the text 'eos': the trigger ends where a value was expected"
    return None


def _spaces(actual: str, expected: str) -> str:
    def describe(label: str, text: str) -> str | None:
        if text != text.rstrip():
            return f"the {label} value {format_value(text)} has a trailing space"
        if text != text.lstrip():
            return f"the {label} value {format_value(text)} has a leading space"
        return None

    return describe("actual", actual) or describe("expected", expected) or "whitespace differs"


def _type_hint(condition: Condition, actual: object) -> str | None:
    operator, path = condition.operator, condition.path
    if operator in _NUMERIC_OPERATORS and isinstance(actual, str):
        number = js_to_number(actual)
        if number == number and actual.strip():
            return (
                f"{path} is the text {format_value(actual)}, and {_op_text(operator)} only "
                "matches numbers (Segment never converts text to a number)"
            )
    if operator in ("=", "!=") and (is_js_number(actual) or isinstance(actual, bool)):
        if js_string(actual) == js_string(condition.value):
            return _typed_equals_hint(condition, actual)
    if operator in ("is_true", "is_false") and isinstance(actual, str):
        return (
            f"{path} is the text {format_value(actual)}, not a boolean; "
            f"write {path} = {format_value(actual)}"
        )
    if operator in _STRING_OPERATORS[1:] + _NEGATED[:3] and not isinstance(actual, str):
        what = "a list" if isinstance(actual, list) else f"not text ({format_value(actual)})"
        return f"{path} is {what}; contains() and match() only look inside text"
    return None


def _typed_equals_hint(condition: Condition, actual: object) -> str:
    path, kind = condition.path, "a number" if is_js_number(actual) else "a boolean"
    literal = js_string(actual)
    if condition.kind in TOP_LEVEL_KEYS:
        return (
            f"{path} is {kind} ({literal}), but Segment compares {path} as text, so only the "
            f'text "{literal}" matches'
        )
    return (
        f'{path} is {kind}, but = "{literal}" compares text; write {path} = {literal} '
        "(without quotes)"
    )


def _op_text(operator: str) -> str:
    return {"number_equals": "=", "number_not_equals": "!="}.get(operator, operator)


def _match_hint(condition: Condition, source: str) -> str | None:
    if condition.operator not in ("ends_with", "starts_with") or condition.span is None:
        return None
    written = source[condition.span[0] : condition.span[1]]
    if "*" in written:
        return None
    return (
        f"match() without * is not an equality test: Segment drops the pattern's first "
        f"character and tests 'ends with {format_value(condition.value)}'"
    )
