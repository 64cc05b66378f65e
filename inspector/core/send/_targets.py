"""The three HTTP targets as requests: Jimo Cloud, Segment's HTTP API and a custom URL."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import orjson

from inspector.core._js import js_stringify
from inspector.core.destinations import mask_secret, user_request
from inspector.core.destinations._jimo_cloud import BASE_URL as JIMO_BASE_URL
from inspector.core.destinations._jimo_cloud import USER_AGENT
from inspector.core.inspection import EventInspection, event_data
from inspector.core.send._model import SendRequest, Unit, UnitKey

__all__ = [
    "JIMO_CLOUD",
    "SEGMENT",
    "CUSTOM",
    "JIMO_BASE_URL",
    "SEGMENT_US",
    "SEGMENT_EU",
    "EVENT_LIMIT",
    "BATCH_LIMIT",
    "BATCH_EVENTS",
    "BODY_KINDS",
    "message_id_of",
    "jimo_cloud_requests",
    "jimo_cloud_request",
    "jimo_verify_request",
    "segment_requests",
    "custom_requests",
    "mask_headers",
]

JIMO_CLOUD, SEGMENT, CUSTOM = "jimo-cloud", "segment", "custom"
SEGMENT_US = "https://api.segment.io"
SEGMENT_EU = "https://events.eu1.segmentapis.com"
EVENT_LIMIT = 32 * 1024
BATCH_LIMIT = 475 * 1024  # Segment's limit is 500 KB: keep a margin for the envelope
BATCH_EVENTS = 2500
BODY_KINDS = ("event", "payload", "commands")
_JSON = {"Content-Type": "application/json"}
_SECRET_HEADER_WORDS = ("authorization", "key", "token", "secret", "cookie", "password")


def message_id_of(event: Mapping[str, Any]) -> str:
    """The event's ``messageId``, or one derived from its content (stable across runs)."""
    mid = event.get("messageId")
    if isinstance(mid, str) and mid:
        return mid
    digest = hashlib.sha256(orjson.dumps(event, option=orjson.OPT_SORT_KEYS)).hexdigest()
    return f"jimo-inspector-{digest[:32]}"


def mask_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Headers for display: values of credential-like headers shown as ``****abcd``."""
    shown = {}
    for name, value in headers.items():
        if any(word in name.lower() for word in _SECRET_HEADER_WORDS):
            scheme, _, secret = value.partition(" ")
            shown[name] = f"{scheme} {mask_secret(secret)}" if secret else mask_secret(value)
        else:
            shown[name] = value
    return shown


def _join(base: str, path: str) -> str:
    return base.rstrip("/") + path


def _fixed(body: bytes) -> Callable[[Sequence[Unit]], bytes | None]:
    return lambda _units: body


def jimo_cloud_requests(
    inspections: Iterable[EventInspection], key: str, base_url: str = JIMO_BASE_URL
) -> Iterator[SendRequest]:
    """``POST {base}/segmentio-cloud/user`` per event x subscription Segment would deliver."""
    for inspection in inspections:
        mid = None
        for result in inspection.results:
            if not result.delivered or result.payload is None:
                continue
            mid = mid or message_id_of(event_data(inspection.record_or_event))
            yield jimo_cloud_request(
                result.payload, key, base_url, inspection.index, mid, result.subscription
            )


def jimo_cloud_request(
    payload: Mapping[str, Any],
    key: str,
    base_url: str,
    index: int,
    message_id: str,
    subscription: str,
) -> SendRequest:
    """The user upsert for one validated payload (the destination's body rules)."""
    url = _join(base_url, "/segmentio-cloud/user")
    settings = {"apiKey": key}
    real = user_request(payload, settings, mask=False)
    shown = user_request(payload, settings)
    unit = Unit(index, UnitKey(JIMO_CLOUD, url, message_id, subscription), real.json)
    return SendRequest("POST", url, real.headers, shown.headers, _fixed(real.body or b""), [unit])


def jimo_verify_request(key: str, base_url: str = JIMO_BASE_URL) -> SendRequest:
    """``GET {base}/segmentio-cloud/verifyapikey``: any 2xx means the key is valid."""
    url = _join(base_url, "/segmentio-cloud/verifyapikey")
    headers = {"Authorization": f"Bearer {key}", "User-Agent": USER_AGENT}
    unit = Unit(0, UnitKey(JIMO_CLOUD, url, "", ""), None)
    return SendRequest("GET", url, headers, mask_headers(headers), _fixed(b""), [unit])


def _segment_event(event: Mapping[str, Any], mid: str) -> dict[str, Any]:
    # Segment sets receivedAt itself and sentAt belongs to the envelope.
    out = {k: v for k, v in event.items() if k not in ("receivedAt", "sentAt", "writeKey")}
    out["messageId"] = mid
    return out


def _batch_body(units: Sequence[Unit]) -> bytes:
    sent_at = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return orjson.dumps({"batch": [u.shown for u in units], "sentAt": sent_at})


def segment_requests(
    events: Iterable[tuple[int, Mapping[str, Any]]], write_key: str, base_url: str = SEGMENT_US
) -> Iterator[SendRequest]:
    """``POST {host}/v1/batch`` batches under 475 KB and 2,500 events; an event of 32 KB or
    more becomes a unit that is reported, not sent."""
    url = _join(base_url, "/v1/batch")
    token = base64.b64encode(f"{write_key}:".encode()).decode()
    headers = {**_JSON, "Authorization": f"Basic {token}", "User-Agent": USER_AGENT}
    shown = {**headers, "Authorization": f"Basic <base64 of {mask_secret(write_key)}:>"}
    batch: list[Unit] = []
    size, number = 64, 0
    for index, event in events:
        mid = message_id_of(event)
        item = _segment_event(event, mid)
        length = len(orjson.dumps(item))
        key = UnitKey(SEGMENT, url, mid, "")
        if length >= EVENT_LIMIT:
            problem = (
                f"the event is {length / 1024:.1f} KB; Segment takes events under 32 KB: not sent"
            )
            yield SendRequest("POST", url, {}, {}, _fixed(b""), [Unit(index, key, None, problem)])
            continue
        if batch and (size + length + 1 > BATCH_LIMIT or len(batch) >= BATCH_EVENTS):
            yield SendRequest("POST", url, headers, shown, _batch_body, batch, number)
            batch, size, number = [], 64, number + 1
        batch.append(Unit(index, key, item))
        size += length + 1
    if batch:
        yield SendRequest("POST", url, headers, shown, _batch_body, batch, number)


def _custom_bodies(inspection: EventInspection, kind: str) -> Iterator[tuple[str, Any, bytes]]:
    if kind == "event":
        event = event_data(inspection.record_or_event)
        yield "", event, orjson.dumps(event)
        return
    for result in inspection.results:
        if not (result.enabled and result.matched):
            continue
        if kind == "payload" and result.payload is not None:
            yield result.subscription, result.payload, js_stringify(result.payload).encode()
        elif kind == "commands" and result.commands:
            commands = [c.to_json() for c in result.commands]
            yield result.subscription, commands, js_stringify(commands).encode()


def custom_requests(
    inspections: Iterable[EventInspection],
    url: str,
    headers: Mapping[str, str] | None = None,
    body: str = "event",
) -> Iterator[SendRequest]:
    """``POST url`` with each event, each mapping payload or each SDK command list as JSON."""
    if body not in BODY_KINDS:
        raise ValueError(f"body must be one of {', '.join(BODY_KINDS)}")
    real = {**_JSON, **(headers or {})}
    shown = mask_headers(real)
    for inspection in inspections:
        mid = message_id_of(event_data(inspection.record_or_event))
        for subscription, value, data in _custom_bodies(inspection, body):
            unit = Unit(inspection.index, UnitKey(CUSTOM, url, mid, subscription), value)
            yield SendRequest("POST", url, real, shown, _fixed(data), [unit])
