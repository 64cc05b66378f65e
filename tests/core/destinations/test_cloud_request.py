"""Jimo Cloud requests built from validated payloads (jimo.md B.1, B.3, B.4)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from inspector.core.destinations import (
    auth_failure_message,
    mask_secret,
    user_request,
    verify_key_request,
)

DATA = Path(__file__).parents[2] / "data" / "jimo" / "cloud_cases.json"
CASES = [c for c in json.loads(DATA.read_text())["cases"] if "body" in c]
KEY = "sk_live_1234567890abcd"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_recorded_body(case: dict[str, Any]) -> None:
    request = user_request(case["validated"], {"apiKey": KEY})
    assert request.body == case["body"].encode()
    assert request.json == json.loads(case["body"])
    assert list(request.json) == list(json.loads(case["body"]))


def test_user_request_line_and_headers() -> None:
    request = user_request({"userId": "u"}, {"apiKey": KEY})
    assert request.to_json() == {
        "method": "POST",
        "url": "https://karabor-sewers.usejimo.com/segmentio-cloud/user",
        "headers": {
            "Authorization": "Bearer ****abcd",
            "User-Agent": "Segment (Actions)",
            "Content-Type": "application/json",
        },
        "json": {"userId": "u"},
    }
    assert request.timeout == 10.0


def test_unmasked_request_carries_the_key() -> None:
    request = user_request({"userId": "u"}, {"apiKey": KEY}, mask=False)
    assert request.headers["Authorization"] == f"Bearer {KEY}"


def test_verify_key_request() -> None:
    request = verify_key_request({"apiKey": KEY})
    assert request.to_json() == {
        "method": "GET",
        "url": "https://karabor-sewers.usejimo.com/segmentio-cloud/verifyapikey",
        "headers": {"Authorization": "Bearer ****abcd", "User-Agent": "Segment (Actions)"},
        "json": None,
    }
    assert request.body is None


@pytest.mark.parametrize(
    ("secret", "shown"),
    [(KEY, "****abcd"), ("short", "****"), ("", ""), (None, "")],
)
def test_mask_secret(secret: Any, shown: str) -> None:
    assert mask_secret(secret) == shown


def test_auth_failure_message() -> None:
    assert auth_failure_message(401, "Unauthorized") == "Credentials are invalid: 401 Unauthorized"
    assert auth_failure_message(None, "timeout") == "Credentials are invalid:  timeout"
