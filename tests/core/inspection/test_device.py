"""Device mode end to end: recorded sessions, runtime rules, hazards."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from inspector.core.destinations import DestinationConfig, default_config
from inspector.core.inspection import EventInspection, inspect
from tests.factories import make_event

DATA = Path(__file__).parents[2] / "data" / "jimo" / "device_sessions.json"
SESSIONS = json.loads(DATA.read_text())["sessions"]


def make_config(
    settings: dict[str, Any] | None = None, subs: list[dict[str, Any]] | None = None, **extra: Any
) -> DestinationConfig:
    obj: dict[str, Any] = {
        "destination": "actions-jimo",
        "settings": settings or {"projectId": "p"},
        **extra,
    }
    if subs is not None:
        obj["subscriptions"] = subs
    return DestinationConfig.from_json(obj)


def run(
    events: list[dict[str, Any]], config: DestinationConfig, **kw: Any
) -> list[EventInspection]:
    return list(inspect(events, config, **kw))


def by_name(inspection: EventInspection) -> dict[str, Any]:
    return {r.subscription: r for r in inspection.results}


@pytest.mark.parametrize("session", SESSIONS, ids=[s["name"] for s in SESSIONS])
def test_recorded_session(session: dict[str, Any]) -> None:
    config = make_config(session["settings"], session.get("subscriptions"))
    inspections = run(session["events"], config)
    for inspection, expect, hazards in zip(
        inspections, session["expect"], session["hazards"], strict=True
    ):
        results = by_name(inspection)
        for name, result in results.items():
            want = expect.get(name)
            if want is None:
                assert not result.matched and result.commands == [], name
                continue
            assert result.matched and result.delivered, name
            assert [c.to_json() for c in result.commands] == want["commands"], name
            assert [e.type for e in result.dispatched_events] == want.get("dispatched", []), name
            assert result.jimo_init_called is want.get("jimo_init", False), name
        assert sorted(h.code for h in inspection.hazards) == sorted(hazards)
        if "order" in session:
            pushed = [r.subscription for r in _push_order(inspection)]
            assert pushed == session["order"]


def _push_order(inspection: EventInspection) -> list[Any]:
    state_order = sorted(
        (r for r in inspection.results if r.commands),
        key=lambda r: ("sendGroupData", "sendUserData", "sendTrackEvent").index(r.action),
    )
    return state_order


def test_callback_commands_are_marked() -> None:
    [inspection] = run([make_event("identify")], default_config())
    result = by_name(inspection)["Send User Data"]
    assert [c.from_callback for c in result.commands] == [False, True, True]
    assert result.to_json()["commands"][0] == ["do", "identify", ["user-1", "<callback>"]]


def test_payload_is_raw_mapping_output_and_validation_only_warns() -> None:
    event = make_event("track", event=None, messageId=5)
    [inspection] = run([event], default_config())
    result = by_name(inspection)["Send Track Event"]
    assert result.payload is not None and result.payload["messageId"] == 5
    assert result.payload["event_name"] is None
    assert result.delivered is True
    assert result.errors  # Event Name is required: told, not enforced


def test_screen_events_never_reach_the_actions() -> None:
    config = make_config(
        subs=[{"name": "S", "actionSlug": "sendTrackEvent", "trigger": 'type = "screen"'}]
    )
    [inspection] = run([make_event("screen")], config)
    result = inspection.results[0]
    assert result.matched is True and result.delivered is False
    assert result.payload is None and result.commands == []
    assert result.notes


def test_disabled_subscription_reports_verdict_only() -> None:
    config = make_config(
        subs=[
            {
                "name": "T",
                "actionSlug": "sendTrackEvent",
                "trigger": 'type = "track"',
                "enabled": False,
            }
        ]
    )
    [inspection] = run([make_event()], config)
    result = inspection.results[0]
    assert (result.enabled, result.matched, result.delivered) == (False, True, False)
    assert result.commands == [] and inspection.sdk_state["loaded"] is False


def test_unparsable_trigger_never_matches() -> None:
    config = make_config(
        subs=[{"name": "Bad", "actionSlug": "sendTrackEvent", "trigger": 'type = "track'}]
    )
    [inspection] = run([make_event()], config)
    result = inspection.results[0]
    assert result.matched is False and result.trigger_error
    assert result.explanation is None
    assert inspection.invalid


def test_mapping_error_stops_later_subscriptions_of_the_same_action() -> None:
    subs = [
        {
            "name": "A",
            "actionSlug": "sendTrackEvent",
            "trigger": 'type = "track"',
            "mapping": {"event_name": "a"},
        },
        {
            "name": "Broken",
            "actionSlug": "sendTrackEvent",
            "trigger": 'type = "track"',
            "mapping": {"event_name": {"@nope": 1}},
        },
        {
            "name": "C",
            "actionSlug": "sendTrackEvent",
            "trigger": 'type = "track"',
            "mapping": {"event_name": "c"},
        },
        {
            "name": "G",
            "actionSlug": "sendGroupData",
            "trigger": 'type = "track"',
            "mapping": {"groupId": "g"},
        },
    ]
    [inspection] = run([make_event()], make_config(subs=subs))
    a, broken, c, g = inspection.results
    assert a.delivered and a.commands
    assert broken.mapping_error and broken.payload is None and not broken.delivered
    assert c.matched and not c.delivered and c.commands == [] and c.notes
    assert g.delivered


def test_page_defining_jimo() -> None:
    config = make_config(page={"definesJimo": True})
    inspections = run([make_event("identify"), make_event()], config)
    first = inspections[0].results[0]
    assert first.matched and not first.delivered and first.perform_error
    assert [h.code for h in inspections[0].hazards] == ["page-defines-jimo"]
    assert inspections[1].hazards == []
    assert not any(r.delivered for i in inspections for r in i.results)


def test_manual_init_without_user_id_never_initialises() -> None:
    config = make_config({"projectId": "p", "manualInit": True})
    events = [make_event("track"), make_event("identify", userId=None), make_event("track")]
    inspections = run(events, config)
    assert sorted(h.code for h in inspections[0].hazards) == [
        "sdk-not-initialized",
        "track-before-identify",
    ]
    assert all(i.sdk_state["initialized"] is False for i in inspections)
    assert not any(r.jimo_init_called for i in inspections for r in i.results)


def test_one_session_versus_fresh_sdk() -> None:
    config = make_config({"projectId": "p", "manualInit": True})
    events = [make_event("identify"), make_event("identify", userId="user-2")]
    shared = run(events, config)
    fresh = run(events, config, fresh_sdk=True)
    assert [i.results[0].jimo_init_called for i in shared] == [True, False]
    assert [i.results[0].jimo_init_called for i in fresh] == [True, True]
    assert shared[1].sdk_state["queueLength"] == 6  # identify + email + attributes, twice
    assert fresh[1].sdk_state["queueLength"] == 3


def test_sdk_state_timeline() -> None:
    events = [make_event("identify"), make_event("group", traits={"n": 1}), make_event()]
    states = [i.sdk_state for i in run(events, default_config())]
    assert states[0]["userId"] == "user-1" and states[0]["email"] == "ana@example.com"
    assert states[1]["groupId"] == "org-1" and states[1]["groupTraits"] == {"n": 1}
    assert states[2]["tracks"] == 1


def test_integrations_option_disables_the_destination() -> None:
    off = make_event(integrations={"All": False})
    on_again = make_event(integrations={"All": False, "Jimo (Actions)": True})
    action_off = make_event(integrations={"Jimo (Actions) sendTrackEvent": False})
    inspections = run([off, on_again, action_off], default_config())
    track = [by_name(i)["Send Track Event"] for i in inspections]
    assert [r.matched for r in track] == [True, True, True]
    assert [r.delivered for r in track] == [False, True, False]


def test_hazards_carry_event_and_subscription() -> None:
    inspections = run([make_event("page"), make_event()], default_config())
    hazard = inspections[1].hazards[0]
    assert hazard.event_index == 1 and hazard.subscription == 1


def test_explanation_on_demand() -> None:
    [inspection] = run([make_event("page")], default_config())
    explanation = inspection.results[0].explanation
    assert explanation is not None and explanation.render()


def test_plain_dicts_and_records_are_accepted() -> None:
    from inspector.core.events import EventRecord, EventSource

    record = EventRecord.from_dict(make_event(), EventSource("file", "x.ndjson", line=3))
    [a, b] = run([record, make_event()], default_config())
    assert a.record_or_event is record
    assert by_name(a)["Send Track Event"].delivered and by_name(b)["Send Track Event"].delivered
    with pytest.raises(TypeError):
        run([[1, 2]], default_config())


def test_streams_a_generator_lazily() -> None:
    def endless():
        while True:
            yield make_event()

    stream = inspect(endless(), default_config())
    first = [next(stream) for _ in range(3)]
    assert [i.index for i in first] == [0, 1, 2]


def test_jimo_init_runs_between_identify_and_its_callback() -> None:
    config = make_config({"projectId": "p", "manualInit": True})
    [inspection] = run([make_event("identify")], config)
    result = by_name(inspection)["Send User Data"]
    assert result.jimo_init_called and result.jimo_init_at == 1
    assert [c.from_callback for c in result.commands[result.jimo_init_at :]] == [True, True]
    assert result.mapping_output is result.payload


@pytest.mark.parametrize("etype", ["page", "alias", "identify", "group", "track"])
def test_every_handled_type_reaches_a_matching_subscription(etype: str) -> None:
    config = make_config(
        subs=[
            {
                "name": "Any",
                "actionSlug": "sendUserData",
                "trigger": f'type = "{etype}"',
                "mapping": {"traits": {"@path": "$.type"}},
            }
        ]
    )
    [inspection] = run([make_event(etype)], config)
    result = inspection.results[0]
    assert result.delivered is True
    assert result.to_json()["commands"] == [["set", "user:attributes", [etype, False, True]]]


def test_matched_any_and_invalid() -> None:
    subs = [{"name": "T", "actionSlug": "sendTrackEvent", "trigger": 'type = "track"'}]
    page, track, nameless = run(
        [make_event("page"), make_event(), make_event(event=None)], make_config(subs=subs)
    )
    assert (page.matched_any, track.matched_any) == (False, True)
    assert (track.invalid, nameless.invalid) == (False, True)
    assert nameless.results[0].errors == [
        "The root value is missing the required field 'event_name'."
    ]
