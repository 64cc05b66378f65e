"""Turning parsed JSON values into Segment events the way Segment's Tracking API reads them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from inspector.core.events import SEGMENT_TYPES, EventRecord, EventSource, json_bytes
from inspector.core.loaders._batchsplit import UnreadableItem
from inspector.core.loaders._parse import too_deep_problem

__all__ = ["BadRecord", "MAX_EVENT_BYTES", "events_from_value", "event_record", "size_problem"]

MAX_EVENT_BYTES = 32 * 1024
"""Segment rejects a single event over 32 KB (each batch item is held to the same limit)."""


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A record that was skipped, with where it was and why."""

    source: EventSource
    reason: str

    def __str__(self) -> str:
        return f"{self.source.label}: {self.reason}"


def size_problem(size: int) -> str | None:
    if size <= MAX_EVENT_BYTES:
        return None
    return f"event is {size / 1024:.1f} KB, over Segment's 32 KB limit per event"


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an object"


def event_record(
    event: dict[str, Any],
    source: EventSource,
    *,
    write_key: str | None = None,
    warnings: tuple[str, ...] = (),
    raw: bytes | None = None,
) -> EventRecord | BadRecord:
    """Check one event's size and type, and build its record."""
    if raw is None:  # a batch item, a HAR body: checked here for what the loader could not see
        deep = too_deep_problem(event)
        if deep is not None:
            return BadRecord(source, deep)
    data = raw if raw is not None else json_bytes(event)
    problem = size_problem(len(data))
    if problem is not None:
        return BadRecord(source, problem)
    etype = event.get("type")
    if etype is None:
        warnings = (*warnings, 'event has no "type"; no trigger on type will match it')
    elif etype not in SEGMENT_TYPES:
        warnings = (*warnings, f"unknown event type {etype!r}")
    return EventRecord.from_dict(
        event, source, write_key=write_key or event.get("writeKey"), warnings=warnings, raw=data
    )


def _merged(item: dict[str, Any], envelope: dict[str, Any]) -> dict[str, Any]:
    """Apply the batch envelope to one item: its context/integrations beneath the item's own."""
    for key in ("context", "integrations"):
        outer = envelope.get(key)
        if isinstance(outer, dict) and outer:
            inner = item.get(key)
            item[key] = {**outer, **inner} if isinstance(inner, dict) else dict(outer)
    sent_at = envelope.get("sentAt")
    if sent_at is not None:
        # a batch's sentAt is the envelope's; clients strip the per-event one
        item["sentAt"] = sent_at
    return item


def split_batch(
    body: dict[str, Any], source: EventSource, *, implied_type: str | None = None
) -> Iterator[EventRecord | BadRecord]:
    """Split a ``{"batch": [...]}`` body into its events."""
    batch = body.get("batch")
    if not isinstance(batch, list):
        yield BadRecord(source, f'"batch" must be an array, found {_kind(batch)}')
        return
    if not batch:
        yield BadRecord(source, "batch is empty")
        return
    write_key = body.get("writeKey") if isinstance(body.get("writeKey"), str) else None
    warnings: tuple[str, ...] = ()
    if len(batch) > 2500:
        warnings = (f"batch has {len(batch)} events; Segment rejects batches over 2,500",)
    for k, item in enumerate(batch, start=1):
        where = EventSource(source.kind, source.path, source.line, source.entry, item=k)
        if isinstance(item, UnreadableItem):
            yield BadRecord(where, item.reason)
            continue
        if not isinstance(item, dict):
            yield BadRecord(where, f"batch item is {_kind(item)}, not an event object")
            continue
        if "type" not in item:
            if implied_type is None:
                yield BadRecord(where, 'batch item has no "type" (required inside a batch)')
                continue
            item["type"] = implied_type
        yield event_record(
            _merged(item, body),
            where,
            write_key=item.get("writeKey") or write_key,
            warnings=warnings,
        )


def events_from_value(
    value: Any, source: EventSource, *, raw: bytes | None = None
) -> Iterator[EventRecord | BadRecord]:
    """One parsed top-level value: an event, a batch body, or something else (reported)."""
    if not isinstance(value, dict):
        yield BadRecord(source, f"expected an event object, found {_kind(value)}")
        return
    if "batch" in value and "type" not in value:
        yield from split_batch(value, source)
        return
    yield event_record(value, source, raw=raw)
