"""Extracting Segment calls from a HAR 1.2 file exported by browser devtools or a proxy."""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import orjson

from inspector.core.events import EventRecord, EventSource, json_bytes
from inspector.core.loaders._input import gunzip_bytes
from inspector.core.loaders._segment import BadRecord, event_record, split_batch

__all__ = ["is_har", "events_from_har", "NotSegmentHar"]

# /v1/<route> on any host: analytics.js's one-letter paths, the documented long ones, batch/import.
_ROUTE = re.compile(r"/v1/(t|p|i|g|a|s|b|track|page|identify|screen|group|alias|batch|import)/?$")
_TYPES = {
    "t": "track", "p": "page", "i": "identify", "g": "group", "a": "alias", "s": "screen",
    "track": "track", "page": "page", "identify": "identify", "screen": "screen",
    "group": "group", "alias": "alias",
}  # fmt: skip
_BATCH_ROUTES = {"b", "batch", "import"}


class NotSegmentHar(ValueError):
    """The HAR holds no Segment call at all (the message says what it does hold)."""


def is_har(value: Any) -> bool:
    return (
        isinstance(value, dict) and isinstance(value.get("log"), dict) and "entries" in value["log"]
    )


def _decode_body(text: str, encoding: str | None) -> Any:
    """A request body as JSON: plain text, base64, or base64 of gzip (proxies write those)."""
    if encoding != "base64":
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("request body is neither JSON nor base64") from exc
    if data[:2] == b"\x1f\x8b":
        try:
            data = gunzip_bytes(data)
        except zlib.error as exc:
            raise ValueError(f"request body is corrupt gzip ({exc})") from exc
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"request body is not JSON ({exc})") from exc


def _failure_warning(entry: dict[str, Any]) -> tuple[str, ...]:
    response = entry.get("response")
    if not isinstance(response, dict):
        response = {}
    status = response.get("status")
    error = response.get("_error")
    if error or status in (0, "0"):
        why = f" ({error})" if error else ""
        return (f"the browser request failed{why}: Segment may never have received this event",)
    return ()


def _entry_events(entry: Any, where: EventSource) -> Iterator[EventRecord | BadRecord] | None:
    """The events of one HAR entry, or None when the entry is not a Segment event call."""
    request = entry.get("request") if isinstance(entry, dict) else None
    if not isinstance(request, dict):
        return None
    method = str(request.get("method", "")).upper()
    if method != "POST" or entry.get("_resourceType") == "preflight":
        return None
    try:
        match = _ROUTE.search(urlsplit(str(request.get("url", ""))).path)
    except ValueError:  # not a URL at all ("http://[broken"): not a Segment call
        return None
    if match is None:
        return None
    return _call_events(entry, request, match.group(1), where)


def _call_events(
    entry: dict[str, Any], request: dict[str, Any], route: str, where: EventSource
) -> Iterator[EventRecord | BadRecord]:
    post = request.get("postData") or {}
    text = post.get("text") if isinstance(post, dict) else None
    if not isinstance(text, str) or not text:
        yield BadRecord(where, "request body was not captured in the HAR")
        return
    try:
        body = _decode_body(text, post.get("encoding") or entry.get("encoding"))
    except ValueError as exc:
        yield BadRecord(where, str(exc))
        return
    if not isinstance(body, dict):
        yield BadRecord(where, "request body is not a JSON object")
        return
    warnings = _failure_warning(entry)
    received = entry.get("startedDateTime")
    implied = _TYPES.get(route)
    if route in _BATCH_ROUTES or ("batch" in body and "type" not in body):
        items = split_batch(body, where)
    else:
        if implied and body.get("type") not in (None, implied):
            warnings = (*warnings, f"sent to /v1/{route} but its type is {body['type']!r}")
        body.setdefault("type", implied)
        items = iter([event_record(body, where, warnings=warnings)])
        warnings = ()
    for item in items:
        if isinstance(item, EventRecord) and warnings:
            item.warnings = (*item.warnings, *warnings)
        if isinstance(item, EventRecord) and received and b'"receivedAt"' not in item.raw:
            # Segment stamps receivedAt on arrival; the request time is the closest we have.
            data = item.data
            data["receivedAt"] = received
            item.raw = json_bytes(data)
        yield item


def events_from_har(har: dict[str, Any], path: str) -> Iterator[EventRecord | BadRecord]:
    """Every Segment call of a HAR, batches split, in entry order; raises NotSegmentHar if none."""
    entries = har["log"].get("entries")
    if not isinstance(entries, list) or not entries:
        raise NotSegmentHar("this HAR file has no requests in it")
    found = 0
    for n, entry in enumerate(entries, start=1):
        events = _entry_events(entry, EventSource("har", path, entry=n))
        if events is None:
            continue
        found += 1
        yield from events
    if not found:
        raise NotSegmentHar(
            f"none of this HAR's {len(entries)} requests is a Segment call "
            "(POST to /v1/t, /v1/track, /v1/batch, …)"
        )
