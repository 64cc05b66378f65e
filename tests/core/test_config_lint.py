"""Config-wide lint: subscriptions that send one action on the same trigger."""

from __future__ import annotations

from dataclasses import replace

from inspector.core.config_lint import duplicate_subscriptions
from inspector.core.destinations import default_config


def test_same_action_and_trigger_is_a_duplicate_once_both_are_enabled() -> None:
    config = default_config()
    assert duplicate_subscriptions(config) == []
    track = next(s for s in config.subscriptions if s.action == "sendTrackEvent")
    copy = track.with_changes(name="Track again", trigger="  " + track.trigger.replace(" ", "  "))
    config = replace(config, subscriptions=[*config.subscriptions, copy])
    [group] = duplicate_subscriptions(config)
    assert group.names == (track.name, "Track again")
    assert "sent 2 times" in group.message
    off = copy.with_changes(enabled=False)
    config = replace(config, subscriptions=[*config.subscriptions[:-1], off])
    assert duplicate_subscriptions(config) == []
