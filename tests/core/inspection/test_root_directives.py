"""A mapping whose root is a directive: its value is the payload, in device and cloud mode."""

from __future__ import annotations

import json
from typing import Any

import pytest

from inspector.core.destinations import DestinationConfig
from inspector.core.inspection import inspect

EVENT = {"type": "identify", "userId": "u1", "traits": {"email": "a@b.c", "plan": None}}


def _result(mapping: Any, destination: str = "actions-jimo") -> Any:
    slug = "sendUserData" if destination == "actions-jimo" else "sendUserdata"
    config = DestinationConfig.from_json(
        {
            "destination": destination,
            "settings": {"projectId": "p"} if destination == "actions-jimo" else {"apiKey": "k"},
            "subscriptions": [
                {
                    "name": "U",
                    "actionSlug": slug,
                    "trigger": 'type = "identify"',
                    "mapping": mapping,
                }
            ],
        }
    )
    [inspection] = inspect([EVENT], config)
    return inspection.results[0]


@pytest.mark.parametrize(
    ("mapping", "payload"),
    [
        ({"@path": "$.traits"}, {"email": "a@b.c", "plan": None}),
        ({"@path": "$.traits.email"}, "a@b.c"),
        ({"@literal": [1, "a", None]}, [1, "a", None]),
        ({"@literal": True}, True),
        (
            {"@json": {"mode": "encode", "value": {"@path": "$.traits"}}},
            '{"email":"a@b.c","plan":null}',
        ),
    ],
)
def test_device_payload_is_what_the_root_directive_returns(mapping: Any, payload: Any) -> None:
    result = _result(mapping)
    assert result.matched and result.payload == payload
    assert result.perform_error is None


def test_device_perform_reads_no_field_of_a_string_and_throws_on_null() -> None:
    string = _result({"@path": "$.userId"})
    assert string.delivered and string.commands == []  # "u1".userId is undefined
    null = _result({"@path": "$.traits.plan"})
    assert null.payload is None and not null.delivered
    assert null.perform_error == "Cannot read properties of null (reading 'userId')"
    missing = _result({"@path": "$.nothing"})
    assert missing.perform_error == "Cannot read properties of undefined (reading 'userId')"


@pytest.mark.parametrize(
    ("mapping", "kind"),
    [
        ({"@path": "$.traits.email"}, "a string"),
        ({"@literal": [1]}, "an array"),
        ({"@literal": 1.5}, "a number"),
        ({"@literal": True}, "a boolean"),
        ({"@path": "$.nothing"}, "undefined"),
        ({"@path": "$.traits.plan"}, "undefined"),  # removeEmptyValues turns a null root into it
    ],
)
def test_cloud_refuses_a_payload_that_is_not_an_object(mapping: Any, kind: str) -> None:
    result = _result(mapping, "actions-jimo-cloud")
    assert result.errors == [f"The root value must be an object but it was {kind}."]
    assert not result.delivered and result.request is None


def test_a_field_mapped_to_a_built_in_function() -> None:
    """``$.traits.constructor`` is Object's constructor: validation names it a function, JSON
    (the payload shown, the request) leaves it out, and every result stays plain JSON."""
    mapping = {"userId": {"@path": "$.userId"}, "email": {"@path": "$.traits.constructor"}}
    cloud = _result(mapping, "actions-jimo-cloud")
    assert cloud.errors == ["User email must be a string but it was a function."]
    assert cloud.payload == {"userId": "u1"}
    device = _result(mapping)
    assert device.payload == {"userId": "u1"} and device.delivered
    json.dumps([cloud.to_json(), device.to_json()])  # plain JSON all through
