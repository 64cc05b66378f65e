"""The Qt-free helpers: one-line field values, list edits."""

from __future__ import annotations

import pytest

from inspector.core.destinations import MAX_SUBSCRIPTIONS, default_config
from inspector.core.errors import ConfigError
from inspector.qt.destination_editor import _edits as edits
from inspector.qt.destination_editor._field_values import UNSET, field_text, parse_field_text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ({"@path": "$.traits.email"}, "$.traits.email"),
        ("Signed Up", "Signed Up"),
        ("true", '"true"'),
        ("$.x", '"$.x"'),
        (" padded", '" padded"'),
        ("", '""'),
        (True, "true"),
        (12, "12"),
        ({"@if": {"exists": 1}}, '{"@if": {"exists": 1}}'),
        (UNSET, ""),
    ],
)
def test_field_text_round_trips(value: object, text: str) -> None:
    assert field_text(value) == text
    assert parse_field_text(text) == value or (value is UNSET and parse_field_text(text) is UNSET)


def test_field_text_reading_leniently() -> None:
    assert parse_field_text("  $.userId ") == {"@path": "$.userId"}
    assert parse_field_text("NaN") == "NaN"
    assert parse_field_text("{broken") == "{broken"


def test_list_edits() -> None:
    config = default_config()
    config2, index, text = edits.duplicate(config, 0)
    assert (index, text) == (1, "Duplicate Send User Data")
    assert config2.subscriptions[1].name == "Send User Data (copy)"
    config3, index, _ = edits.move(config2, 1, 3)
    assert index == 3
    assert config3.subscriptions[3].name == "Send User Data (copy)"
    config4, index, _ = edits.remove(config3, 3)
    assert index == 2
    assert config4 == config
    config5, index, text = edits.toggle(config, 2, False)
    assert (config5.subscriptions[2].enabled, text) == (False, "Disable Send Group Data")


def test_list_edits_stop_at_the_limit() -> None:
    config = default_config()
    while len(config.subscriptions) < MAX_SUBSCRIPTIONS:
        config = edits.add(config, "sendTrackEvent")[0]
    with pytest.raises(ConfigError, match="at most 50 mappings"):
        edits.add(config, "sendTrackEvent")
    with pytest.raises(ConfigError, match="at most 50 mappings"):
        edits.duplicate(config, 0)


def test_settings_and_problems() -> None:
    config = edits.with_setting(default_config(), "projectId", None)
    assert "projectId" not in config.settings
    assert edits.default_settings("actions-jimo-cloud") == {}
    assert edits.problem(config) is None
    bad = edits.with_setting(config, "manualInit", "yes")
    assert edits.problem(bad) == (
        "settings.manualInit: Initialize only for identified users (manualInit) must be a "
        "boolean, got a string"
    )
