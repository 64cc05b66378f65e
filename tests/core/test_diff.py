"""Config diff: pairing, per-result changes, added/removed subscriptions, the summary."""

from __future__ import annotations

import dataclasses
from typing import Any

from inspector.core.destinations import DestinationConfig, Subscription, default_config
from inspector.core.diff import (
    Comparison,
    DiffSummary,
    EventDiff,
    diff_configs,
    diff_lines,
    pair_subscriptions,
    value_changes,
    verdict,
)
from tests.factories import make_event


def _with(config: DestinationConfig, index: int, **changes: Any) -> DestinationConfig:
    return config.with_subscription(index, config.subscriptions[index].with_changes(**changes))


def _named(config: DestinationConfig, name: str) -> int:
    return next(i for i, s in enumerate(config.subscriptions) if s.name == name)


def test_pairing_by_name_then_position_and_the_leftovers() -> None:
    pairs = pair_subscriptions(["A", "B", "C", "D"], ["B", "X", "A", "Y", "Z"])
    assert [(p.before, p.after) for p in pairs] == [
        (1, 0),
        (None, 1),
        (0, 2),
        (3, 3),
        (None, 4),
        (2, None),
    ]
    assert [p.label for p in pairs] == ["B", "X", "A", "D → Y", "Z", "C"]


def test_repeated_names_pair_in_order() -> None:
    pairs = pair_subscriptions(["S", "S"], ["S", "S", "S"])
    assert [(p.before, p.after) for p in pairs] == [(0, 0), (1, 1), (None, 2)]


def test_value_changes_walk_objects_and_arrays_with_dotted_paths() -> None:
    before = {"a": 1, "b": {"c": [1, 2], "d": "x"}, "gone": True}
    after = {"a": 1, "b": {"c": [1, 3, 4], "d": "x"}, "new": None, "e": 1.0}
    assert list(value_changes(before, after)) == [
        ("b.c.1", 2, 3),
        ("b.c.2", None, 4),
        ("gone", True, None),
        ("e", None, 1.0),
    ]
    assert list(value_changes({"n": 1}, {"n": True})) == [("n", 1, True)]


def test_verdict_names_each_outcome() -> None:
    base = {"enabled": True, "matched": True, "delivered": True, "errors": []}
    assert verdict(base) == "matched"
    assert verdict({**base, "enabled": False}) == "disabled"
    assert verdict({**base, "trigger_error": "bad"}) == "trigger error"
    assert verdict({**base, "matched": False}) == "not matched"
    assert verdict({**base, "mapping_error": "oops"}) == "matched but invalid"
    assert verdict({**base, "delivered": False}) == "matched but not delivered"


def test_a_mapping_edit_changes_the_payload_field_and_the_sdk_command() -> None:
    before = default_config()
    i = _named(before, "Send Track Event")
    sub = before.subscriptions[i]
    mapping = {**sub.mapping, "event_name": {"@path": "$.properties.plan"}}
    after = _with(before, i, mapping=mapping)
    events = [make_event(event="Signed Up", properties={"plan": "growth"}), make_event("page")]
    diffs = list(diff_configs(events, before, after, fresh_sdk=True))
    assert [d.index for d in diffs] == [0, 1]
    assert diffs[1].changes == []
    payload = [c for c in diffs[0].changes if c.what == "payload"]
    assert [(c.subscription, c.path, c.before, c.after) for c in payload] == [
        (sub.name, "event_name", "Signed Up", "growth")
    ]
    assert any(c.what == "commands" and c.after == "growth" for c in diffs[0].changes)
    assert diffs[0].to_json()["messageId"] == events[0]["messageId"]


def test_a_narrowed_trigger_is_a_verdict_change_and_counts_as_no_longer_matching() -> None:
    before = default_config()
    i = _named(before, "Send User Data")
    after = _with(before, i, trigger='type = "identify" and traits.plan = "pro"')
    events = [make_event("identify"), make_event("identify", traits={"plan": "pro"})]
    diffs = list(diff_configs(events, before, after))
    verdicts = [c for c in diffs[0].changes if c.what == "verdict"]
    assert [(c.before, c.after) for c in verdicts] == [("matched", "not matched")]
    assert diffs[1].changes == []
    summary = DiffSummary()
    for diff in diffs:
        summary.add(diff)
    name = before.subscriptions[i].name
    assert summary.lines() == [f"{name}: 1 event no longer matches"]
    assert (summary.events, summary.differing) == (2, 1)


def test_added_and_removed_subscriptions_change_only_the_events_they_match() -> None:
    before = default_config()
    extra = Subscription("Signups only", "sendTrackEvent", 'event = "Signed Up"', True, {})
    track = next(s for s in before.subscriptions if s.action == "sendTrackEvent")
    extra = dataclasses.replace(extra, mapping=dict(track.mapping))
    after = dataclasses.replace(before, subscriptions=[*before.subscriptions, extra])
    events = [make_event(event="Signed Up"), make_event(event="Logged In")]
    diffs = list(diff_configs(events, before, after))
    assert [(c.subscription, c.what, c.after) for c in diffs[0].changes] == [
        ("Signups only", "added", "matched")
    ]
    assert diffs[1].changes == []
    back = list(diff_configs(events, after, before))
    assert [(c.subscription, c.what, c.before) for c in back[0].changes] == [
        ("Signups only", "removed", "matched")
    ]


def test_hazards_are_compared_per_subscription() -> None:
    line = {"results": [{"subscription": "S", "enabled": True, "matched": False}]}
    hazard = {"code": "track-before-identify", "message": "m", "subscription": 0}
    changes = diff_lines(line, {**line, "hazards": [hazard]})
    assert [(c.subscription, c.what, c.path, c.before, c.after) for c in changes] == [
        ("S", "hazards", "track-before-identify", None, "m")
    ]


def test_summary_sentence_counts_payload_changes_per_subscription() -> None:
    res = {"subscription": "Send Track Event", "enabled": True, "matched": True}
    res = {**res, "delivered": True, "errors": []}
    summary = DiffSummary()
    for n in range(3):
        before = {"results": [{**res, "payload": {"n": n}}]}
        after = {"results": [{**res, "payload": {"n": n + 1}}]}
        summary.add(EventDiff(n, None, diff_lines(before, after)))
    assert summary.lines() == ["Send Track Event: 3 payloads change"]


def test_a_comparison_runs_in_steps_and_keeps_only_differing_events() -> None:
    before = default_config()
    after = _with(before, _named(before, "Send User Data"), enabled=False)
    events = [make_event("identify") for _ in range(5)] + [make_event()]
    comparison = Comparison(events, before, after)
    assert (comparison.total, comparison.done, comparison.finished) == (6, 0, False)
    while not comparison.step(0.0):  # one event per step at least
        assert comparison.done < 7
    assert comparison.done == 6 and [d.index for d in comparison.diffs] == [0, 1, 2, 3, 4, 5]
    assert comparison.summary.lines() == [  # the track now comes before any identify
        "Send User Data: 5 events no longer match",
        "Send Track Event: 1 hazard list changes",
    ]
    assert Comparison([], before, after).finished
