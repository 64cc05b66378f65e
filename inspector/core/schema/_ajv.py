"""Payload validation as Segment's Ajv instance does it, with ajv-human-errors sentences.

Segment-specific, written here: in-place coercion (``coerceTypes: "array"``), removal of
undeclared keys (``removeAdditional``), Ajv's keyword order (type, then enum/allOf, then
number, string, array and object keywords: required before properties), and the sentences.
The ``if`` part of conditional requirements is evaluated by the ``jsonschema`` library.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema import Draft7Validator  # type: ignore[import-untyped]

from inspector.core._js import js_number_string_exact_ints

from ._coerce import NOT_COERCED, coerce, js_type_name, matches_type
from ._formats import FORMAT_LABELS, check_format

__all__ = ["AjvError", "WouldChange", "human_type", "validate_in_place", "validate_unchanged"]

_OBJECT_KEYWORDS = ("properties", "required", "additionalProperties")
_COERCIBLE = ("string", "number", "integer", "boolean", "null", "array")


@dataclass(frozen=True, slots=True)
class AjvError:
    """One sentence of Segment's ``AggregateAjvError``; ``pointer`` is ``""``, ``/traits``..."""

    message: str
    pointer: str


def human_type(value: Any) -> str:
    """How ajv-human-errors names a value's type: ``null``, ``an array``, ``a string``..."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    name = js_type_name(value)
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _humanize_list(items: list[str]) -> str:
    if not items:
        return "nothing"
    if len(items) <= 2:
        return " or ".join(items)
    return f"{', '.join(items[:-1])}, or {items[-1]}"


def _js_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _number(value: Any) -> str:
    return js_number_string_exact_ints(value) if isinstance(value, int | float) else str(value)


class WouldChange(Exception):
    """Raised by :func:`validate_unchanged` where validation would change the payload."""


class _Run:
    """One validation: collects errors while walking (and mutating) the payload.

    With ``frozen`` set it raises :class:`WouldChange` instead of coercing or removing anything.
    """

    def __init__(self, frozen: bool = False) -> None:
        self.errors: list[AjvError] = []
        self.frozen = frozen

    def fail(self, schema: dict[str, Any], pointer: str, text: str) -> None:
        title = schema.get("title")
        preamble = (
            title if title else ("the root value" if pointer == "" else f"the value at {pointer}")
        )
        sentence = f"{preamble} {text}"
        self.errors.append(AjvError(sentence[:1].upper() + sentence[1:] + ".", pointer))

    def node(self, data: Any, schema: dict[str, Any], pointer: str) -> Any:
        declared = schema.get("type")
        types = [] if declared is None else declared if isinstance(declared, list) else [declared]
        deferred = False
        original = data
        if types and not any(matches_type(data, t) for t in types):
            coercible = [t for t in types if t in _COERCIBLE]
            if not coercible and len(types) == 1 and _has_rules_for(schema, types[0]):
                deferred = True  # Ajv reports it in the keyword group of that type
            elif not coercible:
                self._type_error(schema, pointer, types, data)
            else:
                result, seen = coerce(data, types, coercible)
                if result is NOT_COERCED:
                    # Ajv goes on with the unwrapped value but leaves the payload unchanged.
                    data = seen
                    self._type_error(schema, pointer, types, seen)
                else:
                    if self.frozen:
                        raise WouldChange
                    data = original = result
        self._untyped(data, schema, pointer)
        if deferred:
            self._type_error(schema, pointer, types, data)
            return original
        self._typed(data, schema, pointer)
        return original

    def _type_error(
        self, schema: dict[str, Any], pointer: str, types: list[str], data: Any
    ) -> None:
        expected = _humanize_list(types)
        article = "an" if expected[0] in "aeiou" else "a"
        self.fail(schema, pointer, f"must be {article} {expected} but it was {human_type(data)}")

    def _untyped(self, data: Any, schema: dict[str, Any], pointer: str) -> None:
        if "enum" in schema and not any(_js_equal(data, v) for v in schema["enum"]):
            allowed = _humanize_list([_js_json(v) for v in schema["enum"]])
            self.fail(schema, pointer, f"must be one of: {allowed}")
        for part in schema.get("allOf", ()):
            self._conditional(data, part, pointer)

    def _conditional(self, data: Any, part: dict[str, Any], pointer: str) -> None:
        if "if" not in part or "then" not in part:
            return
        if not _condition(json.dumps(part["if"], sort_keys=True)).is_valid(data):
            return
        before = len(self.errors)
        self._typed(data, part["then"], pointer)
        if len(self.errors) > before:
            self.fail(part, pointer, 'must match "then" schema')

    def _typed(self, data: Any, schema: dict[str, Any], pointer: str) -> Any:
        if isinstance(data, int | float) and not isinstance(data, bool):
            if math.isfinite(data):  # Ajv's strictNumbers: Infinity skips number keywords
                self._number(data, schema, pointer)
        elif isinstance(data, str):
            self._string(data, schema, pointer)
        elif isinstance(data, list) and "items" in schema:
            for index, item in enumerate(data):
                data[index] = self.node(item, schema["items"], f"{pointer}/{index}")
        elif isinstance(data, dict):
            self._object(data, schema, pointer)
        return data

    def _number(self, data: float, schema: dict[str, Any], pointer: str) -> None:
        if "maximum" in schema and data > schema["maximum"]:
            self.fail(
                schema, pointer, f"must be equal to or less than {_number(schema['maximum'])}"
            )
        if "minimum" in schema and data < schema["minimum"]:
            self.fail(
                schema, pointer, f"must be equal to or greater than {_number(schema['minimum'])}"
            )

    def _string(self, data: str, schema: dict[str, Any], pointer: str) -> None:
        length = len(data)
        for key, word in (("maxLength", "fewer"), ("minLength", "more")):
            limit = schema.get(key)
            if limit is None or (length <= limit if key == "maxLength" else length >= limit):
                continue
            chars = "character" if limit == 1 else "characters"
            actual = "character" if length == 1 else "characters"
            self.fail(
                schema, pointer, f"must be {limit} {chars} or {word} but it was {length} {actual}"
            )
        fmt = schema.get("format")
        if isinstance(fmt, str) and not check_format(fmt, data):
            label = FORMAT_LABELS.get(fmt, fmt)
            self.fail(schema, pointer, f"must be a valid {label} string but it was not")

    def _object(self, data: dict[str, Any], schema: dict[str, Any], pointer: str) -> None:
        for name in schema.get("required", ()):
            if name not in data:
                self.fail(schema, pointer, f"is missing the required field '{name}'")
        properties = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            unknown = [k for k in data if k not in properties]
            if unknown and self.frozen:
                raise WouldChange
            for key in unknown:
                del data[key]
        for key, sub in properties.items():
            if key in data:
                data[key] = self.node(data[key], sub, f"{pointer}/{_escape(key)}")


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _has_rules_for(schema: dict[str, Any], type_name: str) -> bool:
    return type_name == "object" and any(k in schema for k in _OBJECT_KEYWORDS)


def _js_equal(a: Any, b: Any) -> bool:
    """Deep equality without Python's ``True == 1``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_js_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_js_equal(a[k], b[k]) for k in a)
    return (
        type(a) in (int, float)
        and type(b) in (int, float)
        and a == b
        or (type(a) is type(b) and a == b)
    )


@lru_cache(maxsize=256)
def _condition(schema_text: str) -> Draft7Validator:
    from jsonschema import Draft7Validator  # imported when a condition is met: it is slow to load

    return Draft7Validator(json.loads(schema_text))


def validate_in_place(payload: dict[str, Any], schema: dict[str, Any]) -> list[AjvError]:
    """Validate (coercing and pruning ``payload`` in place); the errors in Ajv's order."""
    run = _Run()
    run.node(payload, schema, "")
    return run.errors


def validate_unchanged(payload: dict[str, Any], schema: dict[str, Any]) -> list[AjvError]:
    """The errors of :func:`validate_in_place` for a payload it would leave unchanged.

    ``payload`` is not modified.

    Raises:
        WouldChange: validation would coerce a value or remove a key (use ``validate_in_place``
            on a copy).
    """
    run = _Run(frozen=True)
    run.node(payload, schema, "")
    return run.errors
