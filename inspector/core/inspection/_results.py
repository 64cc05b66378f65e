"""What inspecting one event yields: per-subscription results, SDK state, hazards."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import orjson

from inspector.core._jsjson import dumps, dumps_js, dumps_plain
from inspector.core.destinations import Command, DispatchedEvent, HttpRequest, SdkState
from inspector.core.events import EventRecord

__all__ = [
    "Hazard",
    "SubscriptionResult",
    "EventInspection",
    "event_line",
    "line_bytes",
    "output_json",
    "RESULT_KEYS",
]

RESULT_KEYS = (
    "subscription",
    "action",
    "enabled",
    "matched",
    "trigger_error",
    "payload",
    "mapping_error",
    "errors",
    "delivered",
    "commands",
    "dispatched_events",
    "jimo_init_called",
    "request",
)
"""The keys of ``SubscriptionResult.to_json()``, in order (the CLI contract)."""


class Hazard(NamedTuple):
    """A session-level problem worth telling (each code is told once per page session).

    ``subscription`` is the index (config order) of the subscription whose action revealed it.
    """

    code: str
    message: str
    event_index: int
    subscription: int | None = None


@dataclass(slots=True)
class SubscriptionResult:
    """One subscription's outcome for one event.

    ``matched`` is the trigger's verdict alone. ``payload`` is what ``perform`` receives: the raw
    mapping output in device mode, the validated payload in cloud mode; None when the action did
    not run that far. ``errors`` are validation sentences in Segment's wording (warnings in device
    mode). ``mapping_output`` is the raw transform output and ``after_empty`` the cloud payload
    after empty-value removal only, for side-by-side views; ``jimo_init_at`` is how many of
    ``commands`` were pushed before ``jimoInit()`` ran. ``notes`` say why a matched
    subscription was not delivered, when that is not obvious.
    """

    index: int
    subscription: str
    action: str
    enabled: bool
    matched: bool = False
    trigger_error: str | None = None
    payload: Any = None
    mapping_error: str | None = None
    mapping_error_location: str | None = None
    errors: list[str] = field(default_factory=list)
    delivered: bool = False
    commands: list[Command] = field(default_factory=list)
    dispatched_events: list[DispatchedEvent] = field(default_factory=list)
    jimo_init_called: bool = False
    jimo_init_at: int | None = None
    request: HttpRequest | None = None
    provenance: Mapping[str, Any] = field(default_factory=dict)
    mapping_output: Any = None
    after_empty: Any = None
    perform_error: str | None = None
    notes: tuple[str, ...] = ()
    duplicate_of: int | None = None
    """Set when the event repeats event ``duplicate_of``'s messageId and would have been
    delivered: Segment dropped it (``delivered`` is then false)."""
    dropped: str | None = None
    """Why Segment accepts this event and then drops it, set when it would have been delivered
    otherwise (``delivered`` is then false)."""
    trigger: Any = field(default=None, repr=False, compare=False)
    event: Any = field(default=None, repr=False, compare=False)

    def add_note(self, note: str) -> None:
        self.notes = (*self.notes, note)

    @property
    def explanation(self) -> Any:
        """Why the trigger matched or not (computed on demand); None for an unparsable trigger."""
        if self.trigger is None or not self.trigger.ok:
            return None
        return self.trigger.explain(self.event)

    def to_json(self) -> dict[str, Any]:
        """Exactly the contract keys, in ``RESULT_KEYS`` order."""
        return {
            "subscription": self.subscription,
            "action": self.action,
            "enabled": self.enabled,
            "matched": self.matched,
            "trigger_error": self.trigger_error,
            "payload": self.payload,
            "mapping_error": self.mapping_error,
            "errors": list(self.errors),
            "delivered": self.delivered,
            "commands": [c.to_json() for c in self.commands],
            "dispatched_events": [e.type for e in self.dispatched_events],
            "jimo_init_called": self.jimo_init_called,
            "request": None if self.request is None else self.request.to_json(),
        }


@dataclass(slots=True)
class EventInspection:
    """One event against every subscription, in config order."""

    index: int
    record_or_event: Any
    results: list[SubscriptionResult]
    hazards: list[Hazard] = field(default_factory=list)
    state: SdkState | None = field(default=None, repr=False)
    notes: list[str] = field(default_factory=list)
    """About the event as a whole (e.g. it repeats an earlier messageId)."""
    event: dict[str, Any] | None = field(default=None, repr=False, compare=False)
    """The decoded event the results were computed from (saves decoding a record again)."""

    @property
    def sdk_state(self) -> dict[str, Any] | None:
        """The simulated page after this event (device mode), for timelines; None in cloud mode."""
        return None if self.state is None else self.state.snapshot()

    @property
    def matched_any(self) -> bool:
        """Some enabled subscription's trigger matched (``--fail-on unmatched`` is its negation)."""
        for r in self.results:
            if r.matched and r.enabled:
                return True
        return False

    @property
    def invalid(self) -> bool:
        """Some matched result has a trigger error, a mapping error or validation errors."""
        for r in self.results:
            if r.trigger_error and (r.matched or r.enabled):
                return True
            if r.matched and (r.mapping_error or r.errors):
                return True
        return False


def _text(value: Any) -> str:
    """``EventRecord.message_id`` of a decoded event."""
    if value is None:
        return ""
    return value if isinstance(value, str) else dumps(value).decode()


def output_json(line: dict[str, Any]) -> bytes:
    """An NDJSON line's bytes, numbers and strings written as ``JSON.stringify`` writes them."""
    return dumps_js(line)


def _head(inspection: EventInspection, record: Any) -> tuple[dict[str, Any], list[str]]:
    """A line's first keys (index, source, type, messageId) and its event-wide notes."""
    item = inspection.record_or_event if record is None else record
    warnings: tuple[str, ...] = ()
    if isinstance(item, EventRecord):
        source: str | None = item.source.label
        data = inspection.event if inspection.event is not None else item.data
        etype, message_id = item.type or None, _text(data.get("messageId")) or None
        warnings = item.warnings
    else:
        data = item if isinstance(item, dict) else {}
        source, etype, message_id = None, data.get("type"), data.get("messageId")
    head = {"index": inspection.index, "source": source, "type": etype, "messageId": message_id}
    return head, [*warnings, *inspection.notes]


def event_line(inspection: EventInspection, record: Any = None) -> dict[str, Any]:
    """The CLI's NDJSON line: ``{"index","source","type","messageId","results":[...]}``.

    A ``"notes"`` list follows when there is something to say about the event as a whole: the
    record's own warnings (what Segment would drop, a failed browser request…), then the
    inspection's notes (a repeated messageId).
    """
    line, notes = _head(inspection, record)
    line["results"] = [r.to_json() for r in inspection.results]
    if notes:  # only then: other lines stay exactly as they were
        line["notes"] = notes
    return line


_QUIET: dict[tuple[str, str, bool, str | None], orjson.Fragment] = {}
"""The JSON of a result that did nothing (its trigger did not match), per subscription."""


def _quiet(result: SubscriptionResult) -> orjson.Fragment | None:
    """A result's JSON, as an orjson fragment, when it did nothing; else None."""
    if result.matched or (
        result.payload is not None
        or result.mapping_error is not None
        or result.errors
        or result.delivered
        or result.commands
        or result.dispatched_events
        or result.jimo_init_called
        or result.request is not None
    ):
        return None
    key = (result.subscription, result.action, result.enabled, result.trigger_error)
    known = _QUIET.get(key)
    if known is None:
        if len(_QUIET) > 4096:
            _QUIET.clear()
        known = _QUIET[key] = orjson.Fragment(dumps_js(result.to_json()))
    return known


def line_bytes(inspection: EventInspection, record: Any = None) -> bytes:
    """``output_json(event_line(inspection, record))``, by one call to orjson when it writes the
    line as ``JSON.stringify`` would (a result whose trigger did not match is the same bytes
    every time)."""
    line, notes = _head(inspection, record)
    line["results"] = [
        r.to_json() if (quiet := _quiet(r)) is None else quiet for r in inspection.results
    ]
    if notes:
        line["notes"] = notes
    data = dumps_plain(line)
    return output_json(event_line(inspection, record)) if data is None else data
