"""The event's ``integrations`` option: analytics.js and Segment skip disabled destinations."""

from __future__ import annotations

from typing import Any

__all__ = ["integration_enabled"]


def integration_enabled(event: dict[str, Any], *names: str) -> bool:
    """False when ``integrations`` disables the destination.

    The first of ``names`` present in ``integrations`` decides (``false`` disables, anything
    else enables); when none is present, ``"All": false`` disables.
    """
    options = event.get("integrations")
    if not isinstance(options, dict) or not options:
        return True
    for name in names:
        if name in options:
            return options[name] is not False
    return options.get("All") is not False
