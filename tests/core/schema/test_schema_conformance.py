"""Replays payload checks, schemas and defaults recorded from @segment/actions-core 3.170.0."""

from __future__ import annotations

from typing import Any

import pytest
from schema_cases import as_json, load_cases

from inspector.core.schema import check_payload, default_values, fields_to_schema

PAYLOAD = load_cases("payload.json")
SCHEMA = load_cases("schema.json")


@pytest.mark.parametrize("case", PAYLOAD, ids=[c["name"] for c in PAYLOAD])
def test_check_payload(case: dict[str, Any]) -> None:
    result = check_payload(case["payload"], case["fields"])
    assert as_json(result.after_empty) == case["after_empty"]
    assert result.errors == case["errors"]
    assert as_json(result.payload) == case["validated"]


@pytest.mark.parametrize("case", SCHEMA, ids=[c["name"] for c in SCHEMA])
def test_fields_to_schema(case: dict[str, Any]) -> None:
    assert fields_to_schema(case["fields"]) == case["schema"]


@pytest.mark.parametrize("case", SCHEMA, ids=[c["name"] for c in SCHEMA])
def test_default_values(case: dict[str, Any]) -> None:
    result = default_values(case["fields"])
    assert result == case["defaults"]
    assert list(result) == list(case["defaults"])
