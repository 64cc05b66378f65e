"""Payload checks never modify their input; the copy-free paths agree with the generic walk."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import orjson
import pytest

from inspector.core.destinations import get_destination
from inspector.core.schema import check_payload
from inspector.core.schema._ajv import validate_in_place
from inspector.core.schema._empty import remove_empty_values
from inspector.core.schema._fast import compile_fast_check

FIELDS = get_destination("actions-jimo-cloud").actions["sendUserdata"].fields


@pytest.mark.parametrize(
    "payload",
    [
        {"userId": "u1", "email": "a@b.co", "traits": {"plan": "pro", "n": None}},
        {"userId": 12, "email": "a@b.co", "traits": {"plan": "pro"}},  # coerced to "12"
        {"userId": "u1", "unknown": 1, "traits": {"a": ""}},  # removed key
        {"userId": "u1", "email": "", "traits": None},  # empty values removed
        {"userId": None, "email": 3, "traits": []},  # errors
    ],
)
def test_input_is_unchanged_and_errors_are_stable(payload: dict[str, Any]) -> None:
    before = copy.deepcopy(payload)
    first = check_payload(payload, FIELDS)
    assert payload == before
    again = check_payload(copy.deepcopy(payload), FIELDS)
    assert (first.payload, first.errors, first.after_empty) == (
        again.payload,
        again.errors,
        again.after_empty,
    )


def test_a_payload_validation_leaves_alone_is_not_copied_twice() -> None:
    payload = {"userId": "u1", "traits": {"plan": "pro"}}
    result = check_payload(payload, FIELDS)
    assert result.ok and result.payload == payload
    assert result.payload is result.after_empty  # nothing was coerced or removed
    assert result.payload["traits"] is payload["traits"]


def test_a_coerced_payload_keeps_the_value_after_empty_removal_apart() -> None:
    result = check_payload({"userId": 12, "traits": {"plan": "pro"}}, FIELDS)
    assert result.payload["userId"] == "12"
    assert result.after_empty["userId"] == 12


SCHEMAS = Path(__file__).resolve().parents[2] / "data" / "mapping" / "schema.json"
VALUES: list[Any] = [None, "", "x", 0, 1.5, -2, True, False, [], ["a"], {}, {"k": None}, 2**60]


def _generic(payload: dict[str, Any], schema: dict[str, Any]) -> tuple[Any, list[str]]:
    cleaned = remove_empty_values(copy.deepcopy(payload), schema, True)
    return cleaned, [e.message for e in validate_in_place(cleaned, schema)]


def test_the_direct_check_agrees_with_the_generic_walk_on_every_recorded_schema() -> None:
    rng = random.Random(13)
    compiled = 0
    for case in json.loads(SCHEMAS.read_text(encoding="utf-8")):
        schema = case["schema"]
        fast = compile_fast_check(schema)
        if fast is None:
            continue
        compiled += 1
        keys = [*schema.get("properties", {}), "other", "dynamicAuthSettings"]
        for _ in range(300):
            payload = {k: rng.choice(VALUES) for k in rng.sample(keys, rng.randrange(len(keys)))}
            before = copy.deepcopy(payload)
            got = fast(payload)
            assert payload == before
            if got is not None:  # the direct check only answers when nothing changes
                cleaned, errors = _generic(payload, schema)
                assert errors == []
                assert orjson.dumps(got) == orjson.dumps(cleaned)
    assert compiled >= 3
