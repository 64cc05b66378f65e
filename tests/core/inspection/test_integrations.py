"""The event's integrations option."""

from __future__ import annotations

from typing import Any

import pytest

from inspector.core.inspection._integrations import integration_enabled

NAMES = ("Jimo (Actions) sendTrackEvent", "Jimo (Actions)")


@pytest.mark.parametrize(
    ("integrations", "enabled"),
    [
        (None, True),
        ({}, True),
        ("junk", True),
        ({"All": False}, False),
        ({"All": True}, True),
        ({"All": False, "Jimo (Actions)": True}, True),
        ({"All": False, "Jimo (Actions)": {"projectId": "x"}}, True),
        ({"Jimo (Actions)": False}, False),
        ({"Jimo (Actions) sendTrackEvent": False}, False),
        ({"Jimo (Actions) sendTrackEvent": True, "Jimo (Actions)": False}, True),
        ({"Segment.io": False}, True),
    ],
)
def test_integration_enabled(integrations: Any, enabled: bool) -> None:
    event = {} if integrations is None else {"integrations": integrations}
    assert integration_enabled(event, *NAMES) is enabled
