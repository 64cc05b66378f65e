"""The incremental Inspector: same answers as inspect(), and only the work an edit needs."""

from __future__ import annotations

from typing import Any

from inspector.core.destinations import DestinationConfig, Subscription, default_config
from inspector.core.inspection import Inspector, event_line, inspect
from tests.factories import make_event


def session_events() -> list[dict[str, Any]]:
    return [
        make_event("page"),
        make_event("track"),
        make_event("identify"),
        make_event("group"),
        make_event("track", event="Order Completed"),
        make_event("track"),
    ]


def lines(inspections: Any) -> list[dict[str, Any]]:
    return [event_line(i) for i in inspections]


def manual_config() -> DestinationConfig:
    cfg = default_config()
    return DestinationConfig(
        cfg.destination, {"projectId": "p", "manualInit": True}, cfg.subscriptions
    )


def fresh_inspector(config: DestinationConfig, events: list[Any], **kw: Any) -> Inspector:
    inspector = Inspector(config, **kw)
    inspector.set_events(events)
    return inspector


def test_matches_streaming_inspect() -> None:
    events = session_events()
    for fresh in (False, True):
        inspector = fresh_inspector(manual_config(), events, fresh_sdk=fresh)
        expected = lines(inspect(events, manual_config(), fresh_sdk=fresh))
        assert lines(inspector.results()) == expected
        assert [i.sdk_state for i in inspector.results()] == [
            i.sdk_state for i in inspect(events, manual_config(), fresh_sdk=fresh)
        ]


def test_results_are_cached() -> None:
    inspector = fresh_inspector(default_config(), session_events())
    first = inspector.result(4)
    work = dict(inspector.stats)
    assert inspector.result(4) is first
    assert dict(inspector.stats) == work


def test_mapping_edit_reresolves_only_that_column() -> None:
    events = session_events()
    inspector = fresh_inspector(default_config(), events)
    list(inspector.results())
    inspector.stats.clear()
    track = inspector.config.subscriptions[1]
    edited = track.with_changes(mapping={**track.mapping, "event_name": "renamed"})
    inspector.update_subscription(1, edited)
    got = lines(inspector.results())
    assert inspector.stats["matched"] == 0  # triggers unchanged: verdicts reused
    assert inspector.stats["resolved"] == 3  # the three track events, nothing else
    expected = lines(inspect(events, inspector.config))
    assert got == expected
    assert got[1]["results"][1]["payload"]["event_name"] == "renamed"


def test_trigger_edit_rematches_only_that_column() -> None:
    events = session_events()
    inspector = fresh_inspector(default_config(), events)
    list(inspector.results())
    inspector.stats.clear()
    sub = inspector.config.subscriptions[1].with_changes(trigger='event = "Order Completed"')
    inspector.update_subscription(1, sub)
    got = lines(inspector.results())
    assert inspector.stats["matched"] == len(events)
    assert inspector.stats["resolved"] == 0  # same mapping: outputs reused
    assert [line["results"][1]["matched"] for line in got] == [
        False,
        False,
        False,
        False,
        True,
        False,
    ]


def test_event_edit_in_fresh_mode_recomputes_that_event_only() -> None:
    events = session_events()
    inspector = fresh_inspector(default_config(), events, fresh_sdk=True)
    list(inspector.results())
    inspector.stats.clear()
    inspector.update_event(1, make_event("track", event="Edited"))
    list(inspector.results())
    assert inspector.stats["events"] == 1
    assert inspector.stats["matched"] == 3


def test_event_edit_in_session_mode_stops_when_state_is_unchanged() -> None:
    events = session_events()
    inspector = fresh_inspector(default_config(), events)
    list(inspector.results())
    inspector.stats.clear()
    # A page event pushes nothing: the SDK state after it is the same, so later events stand.
    inspector.update_event(0, make_event("page", name="Other"))
    list(inspector.results())
    assert inspector.stats["events"] == 1


def test_event_edit_in_session_mode_replays_later_events() -> None:
    events = session_events()
    config = manual_config()
    inspector = fresh_inspector(config, events)
    before = lines(inspector.results())
    assert before[2]["results"][0]["jimo_init_called"] is True
    inspector.stats.clear()
    edited = make_event("identify", userId="someone")
    inspector.update_event(1, edited)
    got = lines(inspector.results())
    events[1] = edited
    assert got == lines(inspect(events, config))
    assert got[1]["results"][0]["jimo_init_called"] is True
    assert got[2]["results"][0]["jimo_init_called"] is False
    assert inspector.stats["events"] == len(events) - 1
    assert inspector.stats["matched"] == 3  # only the edited event is re-matched


def test_settings_change_keeps_pure_caches() -> None:
    events = session_events()
    inspector = fresh_inspector(default_config(), events)
    list(inspector.results())
    inspector.stats.clear()
    inspector.set_config(manual_config())
    got = lines(inspector.results())
    assert inspector.stats["matched"] == 0 and inspector.stats["resolved"] == 0
    assert got == lines(inspect(events, manual_config()))


def test_adding_a_subscription_and_reordering() -> None:
    events = session_events()
    inspector = fresh_inspector(default_config(), events)
    list(inspector.results())
    extra = Subscription("All tracks", "sendTrackEvent", 'type = "track"', True, {})
    inspector.update_subscription(3, extra)
    assert len(inspector.result(1).results) == 4
    reordered = DestinationConfig(
        "actions-jimo", inspector.config.settings, list(reversed(inspector.config.subscriptions))
    )
    inspector.stats.clear()
    inspector.set_config(reordered)
    got = lines(inspector.results())
    assert inspector.stats["matched"] == 0  # every trigger already known
    assert got == lines(inspect(events, reordered))


def test_append_events_keeps_what_was_computed() -> None:
    events = session_events()
    inspector = fresh_inspector(default_config(), events[:3])
    list(inspector.results())
    inspector.stats.clear()
    inspector.append_events(events[3:])
    list(inspector.results())
    assert inspector.stats["events"] == 3
    assert lines(inspector.results()) == lines(inspect(events, default_config()))


def test_cache_is_bounded() -> None:
    events = [make_event() for _ in range(50)]
    inspector = fresh_inspector(default_config(), events, cache_size=10)
    list(inspector.results())
    assert len(inspector._finals) == 10
    assert inspector.result(0).index == 0


def test_out_of_range() -> None:
    inspector = fresh_inspector(default_config(), [])
    try:
        inspector.result(0)
    except IndexError:
        pass
    else:
        raise AssertionError("expected IndexError")
