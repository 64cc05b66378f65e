"""A whole session evaluated: per-event verdicts, the SDK timeline and hazards, for the views.

:func:`evaluate` is the long pass (run it off the GUI thread: it takes a cancel token and reports
progress); it keeps one byte per event and subscription, the SDK state every
``CHECKPOINT_EVERY`` events, and a timeline entry wherever the simulated Jimo profile changed.
:func:`inspect_event` then gives the full detail of one event quickly, replaying at most
``CHECKPOINT_EVERY - 1`` events from the nearest checkpoint.
"""

from __future__ import annotations

import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

import orjson

from inspector.core.destinations import DestinationConfig, SdkState
from inspector.core.events import EventRecord, json_bytes
from inspector.core.inspection import (
    DirectEval,
    Engine,
    EventInspection,
    Hazard,
    SubscriptionResult,
)
from inspector.core.loaders import CancelToken

__all__ = [
    "Verdict",
    "verdict_of",
    "TimelineEntry",
    "Evaluation",
    "evaluate",
    "inspect_event",
    "CHECKPOINT_EVERY",
    "TIMELINE_FIELDS",
]

CHECKPOINT_EVERY = 64
PROGRESS_INTERVAL = 0.1  # seconds
_TOTALS_BLOCK = 32_768
TIMELINE_FIELDS = ("initialized", "userId", "email", "attributes", "groupId", "groupTraits")


class Verdict(IntEnum):
    """One subscription's outcome for one event, as the views colour it."""

    NOT_MATCHED = 0
    DELIVERED = 1
    NOT_DELIVERED = 2  # matched, valid, but the action did not run (e.g. a screen in device mode)
    INVALID = 3  # matched, but the mapping failed or the payload has validation errors
    TRIGGER_ERROR = 4
    DISABLED = 5  # the subscription is switched off (its trigger would have matched or not)

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def matched(self) -> bool:
        return self in (Verdict.DELIVERED, Verdict.NOT_DELIVERED, Verdict.INVALID)


_MATCHED_CODES = frozenset({Verdict.DELIVERED, Verdict.NOT_DELIVERED, Verdict.INVALID})

_LABELS = {
    Verdict.NOT_MATCHED: "not matched",
    Verdict.DELIVERED: "matched",
    Verdict.NOT_DELIVERED: "matched, not delivered",
    Verdict.INVALID: "matched but invalid",
    Verdict.TRIGGER_ERROR: "trigger error",
    Verdict.DISABLED: "disabled",
}


def verdict_of(result: SubscriptionResult) -> Verdict:
    if result.trigger_error:
        return Verdict.TRIGGER_ERROR
    if not result.enabled:
        return Verdict.DISABLED
    if not result.matched:
        return Verdict.NOT_MATCHED
    if result.mapping_error or result.perform_error or result.errors and not result.delivered:
        return Verdict.INVALID
    return Verdict.DELIVERED if result.delivered else Verdict.NOT_DELIVERED


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """The simulated Jimo profile after ``event_index``, where it changed or a hazard arose.

    The snapshot is kept as compact JSON (a million-event session has hundreds of thousands of
    entries) and decoded when a view asks for ``state``.
    """

    event_index: int
    snapshot_json: bytes
    changed: tuple[str, ...]
    hazards: tuple[Hazard, ...] = ()

    @property
    def state(self) -> dict[str, Any]:
        value: dict[str, Any] = orjson.loads(self.snapshot_json)
        return value


@dataclass(slots=True)
class Evaluation:
    """Verdicts of every event × subscription, plus the timeline; False ``complete`` = cancelled.

    ``verdicts[i][j]`` is the :class:`Verdict` value of subscription ``j`` for event ``i``.
    """

    config: DestinationConfig
    fresh_sdk: bool = False
    verdicts: list[bytes] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    hazards: list[Hazard] = field(default_factory=list)
    duplicates: dict[int, int] = field(default_factory=dict)
    """Event index -> the earlier event with the same messageId (Segment keeps only the first)."""
    checkpoints: dict[int, SdkState | None] = field(default_factory=dict)
    complete: bool = False
    unmatched: bytearray = field(default_factory=bytearray)
    """One byte per evaluated event: 1 when no enabled subscription matched it."""
    _totals: list[dict[Verdict, int]] | None = None

    @property
    def nothing_matched(self) -> int:
        """How many evaluated events no enabled subscription matched."""
        self._sync_unmatched()
        return self.unmatched.count(1)

    def _sync_unmatched(self) -> None:
        # ``evaluate`` fills ``unmatched`` as it goes; verdicts added otherwise are caught up here
        for row in self.verdicts[len(self.unmatched) :]:
            self.unmatched.append(0 if any(code in _MATCHED_CODES for code in row) else 1)

    def verdict(self, event: int, subscription: int) -> Verdict | None:
        if event >= len(self.verdicts) or subscription >= len(self.verdicts[event]):
            return None
        return Verdict(self.verdicts[event][subscription])

    def totals(self) -> list[dict[Verdict, int]]:
        """For each subscription, how many events got each verdict (cached once complete)."""
        if self._totals is not None:
            return [dict(t) for t in self._totals]
        width = len(self.config.subscriptions)
        totals = [dict.fromkeys(Verdict, 0) for _ in range(width)]
        # Byte slicing and counting run at C speed; in blocks, so that a worker thread doing
        # this never holds the GIL long enough to stall the GUI thread.
        for start in range(0, len(self.verdicts), _TOTALS_BLOCK):
            joined = b"".join(self.verdicts[start : start + _TOTALS_BLOCK])
            for j in range(width):
                column = joined[j::width]
                for v in Verdict:
                    totals[j][v] += column.count(v)
        if self.complete:
            self._totals = totals
        return [dict(t) for t in totals]

    def matches_nothing(self, event: int) -> bool:
        if len(self.unmatched) < len(self.verdicts):
            self._sync_unmatched()
        return event < len(self.unmatched) and self.unmatched[event] == 1


Progress = Callable[[int, int], None]


def _timeline_changes(before: dict[str, Any] | None, after: dict[str, Any]) -> tuple[str, ...]:
    if before is None:
        return tuple(k for k in TIMELINE_FIELDS if after.get(k) not in (None, False, {}))
    return tuple(k for k in TIMELINE_FIELDS if before.get(k) != after.get(k))


def evaluate(
    records: Sequence[EventRecord],
    config: DestinationConfig,
    *,
    fresh_sdk: bool = False,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    """Run every event through every subscription, in order (the session's one SDK page)."""
    engine = Engine(config)
    result = Evaluation(config, fresh_sdk)
    state = engine.start
    snapshot: dict[str, Any] | None = None
    rows: dict[bytes, bytes] = {}  # most events share a verdict pattern: keep one copy of each
    seen = _SeenIds()
    total = len(records)
    reported = time.monotonic()
    for i, record in enumerate(records):
        if i % CHECKPOINT_EVERY == 0:
            result.checkpoints[i] = state
            if cancel is not None and cancel.cancelled:
                return result
            # at most ~10 reports a second: each one costs the GUI thread a label update
            if progress is not None and time.monotonic() - reported >= PROGRESS_INTERVAL:
                reported = time.monotonic()
                progress(i, total)
        event = record.data
        seen.add(event.get("messageId"))
        inspection = engine.evaluate(i, record, event, DirectEval(event, engine.compiled), state)
        row = bytes(verdict_of(r) for r in inspection.results)
        row = rows.setdefault(row, row)
        result.verdicts.append(row)
        result.unmatched.append(0 if any(code in _MATCHED_CODES for code in row) else 1)
        result.hazards.extend(inspection.hazards)
        if inspection.state is not None and not fresh_sdk:
            state = inspection.state
            after = state.snapshot()
            changed = _timeline_changes(snapshot, after)
            if changed or inspection.hazards:
                hazards = tuple(inspection.hazards)
                result.timeline.append(TimelineEntry(i, json_bytes(after), changed, hazards))
            snapshot = after
        elif inspection.hazards:
            state_json = json_bytes(inspection.state.snapshot() if inspection.state else {})
            entry = TimelineEntry(i, state_json, (), tuple(inspection.hazards))
            result.timeline.append(entry)
    result.complete = True
    result.totals()  # counted here, in the worker, so the views need not
    result.duplicates = seen.duplicates(records)
    if progress is not None:
        progress(total, total)
    return result


class _SeenIds:
    """Which messageIds were seen, in 8 bytes an event plus a 4 MB Bloom filter.

    A filter hit marks the id's hash as a candidate; candidates are confirmed against the real
    ids at the end. No step sorts or hashes a million entries at once, so a worker thread
    never holds the GIL long enough to stall the window.
    """

    BITS = 1 << 25

    def __init__(self) -> None:
        self.hashes = array("q")
        self.bloom = bytearray(self.BITS // 8)
        self.candidates: set[int] = set()

    def add(self, message_id: object) -> None:
        if not isinstance(message_id, str) or not message_id:
            self.hashes.append(0)
            return
        h = hash(message_id) or 1
        self.hashes.append(h)
        hit = True
        for bit in (h % self.BITS, (h >> 25) % self.BITS, (h >> 39) % self.BITS):
            byte, mask = bit >> 3, 1 << (bit & 7)
            if not self.bloom[byte] & mask:
                hit = False
                self.bloom[byte] |= mask
        if hit:
            self.candidates.add(h)

    def duplicates(self, records: Sequence[EventRecord]) -> dict[int, int]:
        """Event index -> the first event with the same messageId, for every repeat."""
        found: dict[int, int] = {}
        first: dict[str, int] = {}
        candidates = self.candidates
        for i, h in enumerate(self.hashes):
            if h in candidates:
                message_id = records[i].message_id
                if message_id in first:
                    found[i] = first[message_id]
                else:
                    first[message_id] = i
        return found


def inspect_event(
    records: Sequence[EventRecord],
    index: int,
    config: DestinationConfig,
    evaluation: Evaluation | None = None,
    *,
    fresh_sdk: bool = False,
) -> EventInspection:
    """Full results for one event, with the SDK state the session leaves before it.

    Replays from ``evaluation``'s nearest checkpoint at or before ``index`` when it was made
    with the same config (otherwise from the start): pass an evaluation for long sessions.
    """
    engine = Engine(config)
    start, state = 0, engine.start
    if fresh_sdk:
        start = index
    elif evaluation is not None and evaluation.config == config:
        base = max((k for k in evaluation.checkpoints if k <= index), default=None)
        if base is not None:
            start, state = base, evaluation.checkpoints[base]
    for i in range(start, index + 1):
        record = records[i]
        event = record.data
        inspection = engine.evaluate(i, record, event, DirectEval(event, engine.compiled), state)
        if i == index:
            return inspection
        if inspection.state is not None:
            state = inspection.state
    raise IndexError(index)
