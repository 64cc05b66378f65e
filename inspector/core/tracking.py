"""Segment's tracking-API routes and request bodies: which path is which call, and its events.

Shared by the HAR loader (requests recorded by a browser) and the capture server (requests
received live), so both read a request exactly the same way:

=======================================  ==================================================
``/v1/track`` … ``/v1/alias``            one event; ``type`` from the route when missing
``/v1/t`` ``/v1/i`` ``/v1/p`` …          analytics.js's one-letter forms of the same
``/v1/batch`` ``/v1/import`` ``/v1/b``   ``{"batch": [...], "sentAt", "writeKey", ...}``
``/v1/m``                                analytics.js metrics: not an event call
=======================================  ==================================================
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from inspector.core.events import EventRecord, EventSource
from inspector.core.loaders._segment import BadRecord, event_record, split_batch

__all__ = [
    "BATCH_ROUTES",
    "EVENT_ROUTES",
    "METRICS_ROUTE",
    "ROUTE_TYPES",
    "call_events",
    "drop_reasons",
    "route_in_path",
]

ROUTE_TYPES = {
    "t": "track", "p": "page", "i": "identify", "g": "group", "a": "alias", "s": "screen",
    "track": "track", "page": "page", "identify": "identify", "screen": "screen",
    "group": "group", "alias": "alias",
}  # fmt: skip
"""Route name (the part after ``/v1/``) -> the call type it implies."""

BATCH_ROUTES = frozenset({"b", "batch", "import"})
EVENT_ROUTES = frozenset(ROUTE_TYPES) | BATCH_ROUTES
METRICS_ROUTE = "m"

_ROUTE = re.compile(r"/v1/(" + "|".join(sorted(EVENT_ROUTES, key=len, reverse=True)) + r")/?$")


def route_in_path(path: str) -> str | None:
    """The event route a URL path ends with (any prefix: proxies and custom hosts), or None."""
    match = _ROUTE.search(path)
    return match.group(1) if match else None


def call_events(
    body: dict[str, Any],
    route: str,
    source: EventSource,
    *,
    warnings: tuple[str, ...] = (),
    write_key: str | None = None,
) -> Iterator[EventRecord | BadRecord]:
    """The events of one call's JSON body sent to ``/v1/<route>``, batches split.

    ``warnings`` go on every event; ``write_key`` is used when the body names none (the
    Basic-auth user of the request). A batch route, or a batch-shaped body on any route, is
    split as the loaders split batches; otherwise the body is one event of the route's type.
    """
    implied = ROUTE_TYPES.get(route)
    if route in BATCH_ROUTES or ("batch" in body and "type" not in body):
        items: Iterator[EventRecord | BadRecord] = split_batch(body, source)
    else:
        if implied and body.get("type") not in (None, implied):
            warnings = (*warnings, f"sent to /v1/{route} but its type is {body['type']!r}")
        body.setdefault("type", implied)
        items = iter([event_record(body, source, warnings=warnings)])
        warnings = ()
    for item in items:
        if isinstance(item, EventRecord):
            if warnings:
                item.warnings = (*item.warnings, *warnings)
            if item.write_key is None and write_key:
                item.write_key = write_key
        yield item


_NEEDS = {"track": "event", "group": "groupId", "alias": "previousId"}


def drop_reasons(event: dict[str, Any]) -> tuple[str, ...]:
    """Why Segment would accept this event with a 200 and then drop it (empty: it keeps it)."""
    reasons = []
    etype = event.get("type")
    if etype == "alias":
        if not event.get("userId"):
            reasons.append('alias without "userId": Segment accepts it, then drops it')
    elif not event.get("userId") and not event.get("anonymousId"):
        reasons.append('no "userId" or "anonymousId": Segment accepts it, then drops it')
    needed = _NEEDS.get(etype) if isinstance(etype, str) else None
    if needed is not None and not event.get(needed):
        reasons.append(f'{etype} without "{needed}": Segment accepts it, then drops it')
    return tuple(reasons)
