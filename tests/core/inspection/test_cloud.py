"""Cloud mode end to end: mapping, empty-value removal, validation, the exact request."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from inspector.core.destinations import DestinationConfig
from inspector.core.inspection import DirectEval, Engine, inspect
from tests.factories import make_event

DATA = Path(__file__).parents[2] / "data" / "jimo" / "cloud_cases.json"
CASES = [c for c in json.loads(DATA.read_text())["cases"] if "event" in c]
KEY = "jimo_secret_key_0042"


def make_config(
    mapping: dict[str, Any] | None = None,
    settings: dict[str, Any] | None = None,
    trigger: str = 'type = "identify"',
) -> DestinationConfig:
    sub: dict[str, Any] = {"name": "Users", "actionSlug": "sendUserdata", "trigger": trigger}
    if mapping is not None:
        sub["mapping"] = mapping
    return DestinationConfig.from_json(
        {
            "destination": "actions-jimo-cloud",
            "settings": {"apiKey": KEY} if settings is None else settings,
            "subscriptions": [sub],
        }
    )


def one(event: dict[str, Any], config: DestinationConfig) -> Any:
    [inspection] = inspect([event], config)
    return inspection.results[0]


def performed(event: dict[str, Any], config: DestinationConfig) -> Any:
    """The action's own outcome, before Segment's pipeline drops events without ids."""
    engine = Engine(config)
    inspection = engine.evaluate(0, event, event, DirectEval(event, engine.compiled), None)
    return inspection.results[0]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_recorded_case(case: dict[str, Any]) -> None:
    result = performed(case["event"], make_config(case.get("mapping")))
    assert result.matched is True
    if "errors" in case:
        assert result.errors == case["errors"]
        assert result.delivered is False and result.request is None
        return
    assert result.errors == [] and result.delivered is True
    assert result.payload == case["validated"]
    assert result.request.body == case["body"].encode()


def test_request_json_shape() -> None:
    result = one({"type": "identify", "userId": "u1", "traits": {"email": "a@b.c"}}, make_config())
    assert result.to_json()["request"] == {
        "method": "POST",
        "url": "https://karabor-sewers.usejimo.com/segmentio-cloud/user",
        "headers": {
            "Authorization": "Bearer ****0042",
            "User-Agent": "Segment (Actions)",
            "Content-Type": "application/json",
        },
        "json": {"userId": "u1", "email": "a@b.c"},
    }
    assert KEY not in json.dumps(result.to_json())
    assert result.commands == [] and result.jimo_init_called is False


def test_missing_api_key_blocks_every_delivery() -> None:
    result = one(make_event("identify"), make_config(settings={}))
    assert result.errors == ["The root value is missing the required field 'apiKey'."]
    assert result.delivered is False and result.request is None
    assert result.payload == {
        "userId": "user-1",
        "email": "ana@example.com",
        "traits": {"email": "ana@example.com"},
    }


def test_unmatched_and_invalid_trigger() -> None:
    assert one(make_event("track"), make_config()).matched is False
    bad = one(make_event("identify"), make_config(trigger='type = "identify'))
    assert bad.matched is False and bad.trigger_error and bad.request is None


def test_mapping_error() -> None:
    result = one(make_event("identify"), make_config({"userId": {"@path": 3}}))
    assert result.mapping_error and result.payload is None and not result.delivered


def test_screen_events_are_delivered_in_cloud_mode() -> None:
    result = one(make_event("screen", userId="u"), make_config(trigger='type = "screen"'))
    assert result.delivered is True


def test_each_subscription_runs_on_its_own() -> None:
    config = DestinationConfig.from_json(
        {
            "destination": "actions-jimo-cloud",
            "settings": {"apiKey": KEY},
            "subscriptions": [
                {"actionSlug": "sendUserdata", "trigger": 'type = "identify"'},
                {
                    "actionSlug": "sendUserdata",
                    "trigger": 'type = "identify"',
                    "mapping": {"userId": {"@path": "$.anonymousId"}},
                },
            ],
        }
    )
    [inspection] = inspect([make_event("identify")], config)
    assert [r.request.json["userId"] for r in inspection.results] == ["user-1", "anon-1"]
    assert inspection.sdk_state is None and inspection.hazards == []


def test_integrations_option() -> None:
    event = make_event("identify", integrations={"Jimo Cloud (actions)": False})
    result = one(event, make_config())
    assert result.matched is True and result.delivered is False and result.notes


def test_side_by_side_payloads() -> None:
    result = one(make_event("identify", userId=7, traits={"email": ""}), make_config())
    assert result.mapping_output == {"userId": 7, "email": "", "traits": {"email": ""}}
    assert result.after_empty == {"userId": 7, "traits": {"email": ""}}
    assert result.payload == {"userId": "7", "traits": {"email": ""}}


def test_cloud_reports_subscription_errors_as_segment_does() -> None:
    bad = one(make_event("identify"), make_config(trigger='type = "identify'))
    assert bad.notes == (f"Invalid subscription : {bad.trigger_error}",)
    empty = one(make_event("identify"), make_config(trigger=""))
    assert empty.notes == ("Failed to validate subscription",)
