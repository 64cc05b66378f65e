"""Helpers for session file tests: sample configs and files."""

from __future__ import annotations

from inspector.core.destinations import DestinationConfig
from tests.conftest import DATA

DATA_HAR = DATA / "loaders" / "chrome-export.har"


def cloud_config(api_key: str) -> DestinationConfig:
    """Jimo Cloud with its default subscription and an API key (a secret)."""
    return DestinationConfig.from_json(
        {"destination": "actions-jimo-cloud", "settings": {"apiKey": api_key}}
    )
