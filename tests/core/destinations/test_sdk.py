"""The simulated Jimo page: one perform per recorded case, and state across performs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from inspector.core.destinations import (
    NO_CLIENT_ERROR,
    Callback,
    JimoPage,
    PageSetup,
    initial_state,
)

DATA = Path(__file__).parents[2] / "data" / "jimo" / "device_perform.json"
CASES = json.loads(DATA.read_text())["cases"]


def make_page(settings: dict[str, Any], page: PageSetup | None = None) -> JimoPage:
    page = page or PageSetup()
    return JimoPage(settings, page, initial_state(settings, page, loaded=True))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_recorded_perform(case: dict[str, Any]) -> None:
    page = make_page(case["settings"])
    run = page.perform(case["action"], case["payload"])
    assert run.error is None
    assert [c.to_json() for c in run.commands] == case["commands"]
    assert [c.from_callback for c in run.commands] == case["from_callback"]
    assert [e.type for e in run.dispatched] == case.get("dispatched", [])
    assert run.jimo_init_called is case["jimo_init"]
    assert page.state.initialized is case["initialized_after"]


def test_identify_callback_records_what_it_pushed() -> None:
    run = make_page({"projectId": "p"}).perform(
        "sendUserData", {"userId": "u", "email": "e", "traits": {"a": 1}}
    )
    callback = run.commands[0].args[1]
    assert isinstance(callback, Callback)
    assert callback.pushes == 2
    assert repr(callback) == "<callback>"


def test_traits_object_is_passed_as_is() -> None:
    traits = {"email": "e@x"}
    run = make_page({"projectId": "p"}).perform("sendUserData", {"traits": traits})
    assert run.commands[0].args[0] is traits


def test_jimo_init_called_once_per_session() -> None:
    page = make_page({"projectId": "p", "manualInit": True})
    first = page.perform("sendUserData", {"userId": "u1"})
    second = page.perform("sendUserData", {"userId": "u2"})
    assert first.jimo_init_called and not second.jimo_init_called
    assert page.state.jimo_init_calls == 1


def test_without_jimo_init_identify_keeps_retrying() -> None:
    setup = PageSetup(jimo_init_available=False)
    page = make_page({"projectId": "p", "manualInit": True}, setup)
    run = page.perform("sendUserData", {"userId": "u1"})
    assert not run.jimo_init_called and not page.state.initialized
    assert [code for code, _ in run.hazards] == ["no-jimo-init"]


def test_init_script_sets_globals() -> None:
    state = initial_state({"projectId": "p", "manualInit": True}, PageSetup(), loaded=True)
    snap = state.snapshot()
    assert snap["initialized"] is False and snap["manualInit"] is True
    assert snap["projectId"] == "p" and snap["queueLength"] == 0


def test_missing_boolean_settings_are_false() -> None:
    state = initial_state({"projectId": "p"}, PageSetup(), loaded=True)
    assert state.initialized is True and state.manual_init is False


def test_page_defining_jimo_makes_every_action_throw() -> None:
    page = make_page({"projectId": "p"}, PageSetup(defines_jimo=True))
    run = page.perform("sendTrackEvent", {"event_name": "x"})
    assert run.error == NO_CLIENT_ERROR and run.commands == []
    assert run.hazards[0][0] == "page-defines-jimo"
    again = page.perform("sendGroupData", {"groupId": "g"})
    assert again.error == NO_CLIENT_ERROR and again.hazards == []


def test_profile_accumulates_queued_commands() -> None:
    page = make_page({"projectId": "p"})
    page.perform("sendUserData", {"userId": "u", "email": "e", "traits": {"a": 1}})
    page.perform("sendUserData", {"traits": {"b": 2}})
    page.perform("sendGroupData", {"groupId": "g", "traits": {"n": 1}})
    page.perform("sendTrackEvent", {"event_name": "x"})
    snap = page.state.snapshot()
    assert snap["userId"] == "u" and snap["email"] == "e"
    assert snap["attributes"] == {"a": 1, "b": 2}
    assert snap["groupId"] == "g" and snap["groupTraits"] == {"n": 1}
    assert snap["tracks"] == 1 and snap["queueLength"] == 6


def test_hazards_track_before_identify_and_anonymous_profile_once() -> None:
    page = make_page({"projectId": "p"})
    first = page.perform("sendTrackEvent", {"event_name": "x"})
    second = page.perform("sendTrackEvent", {"event_name": "y"})
    assert sorted(code for code, _ in first.hazards) == [
        "anonymous-profile",
        "track-before-identify",
    ]
    assert second.hazards == []


def test_manual_init_without_user_reports_uninitialised_sdk() -> None:
    page = make_page({"projectId": "p", "manualInit": True})
    run = page.perform("sendTrackEvent", {"event_name": "x"})
    codes = [code for code, _ in run.hazards]
    assert "sdk-not-initialized" in codes and "anonymous-profile" not in codes


def test_identified_user_has_no_hazards() -> None:
    page = make_page({"projectId": "p"})
    assert page.perform("sendUserData", {"userId": "u", "traits": {}}).hazards == []
    assert page.perform("sendTrackEvent", {"event_name": "x"}).hazards == []


def test_missing_project_id() -> None:
    run = make_page({}).perform("sendGroupData", {"groupId": "g"})
    assert "missing-project-id" in [code for code, _ in run.hazards]


def test_unloaded_destination_state_is_empty() -> None:
    snap = initial_state({"projectId": "p"}, PageSetup(), loaded=False).snapshot()
    assert snap["loaded"] is False and snap["initialized"] is False
