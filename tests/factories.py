"""Factories that keep tests short: make_event(**overrides) and friends."""

from __future__ import annotations

import itertools
from typing import Any

_ids = itertools.count(1)


def make_event(type: str = "track", **overrides: Any) -> dict[str, Any]:  # noqa: A002
    n = next(_ids)
    event: dict[str, Any] = {
        "type": type,
        "messageId": f"msg-{n}",
        "timestamp": "2026-11-20T09:12:40.000Z",
        "anonymousId": "anon-1",
        "context": {"library": {"name": "analytics.js", "version": "npm:next-1.84.1"}},
    }
    if type == "track":
        event["event"] = "Signed Up"
        event["properties"] = {"plan": "growth"}
    elif type == "identify":
        event["userId"] = "user-1"
        event["traits"] = {"email": "ana@example.com"}
    elif type in ("page", "screen"):
        event["name"] = "Home"
    elif type == "group":
        event["groupId"] = "org-1"
    event.update(overrides)
    return event
