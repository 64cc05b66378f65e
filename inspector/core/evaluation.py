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
from dataclasses import dataclass, field, replace
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
from inspector.core.message_ids import duplicate_ids, message_hash

__all__ = [
    "Verdict",
    "verdict_of",
    "TimelineEntry",
    "Evaluation",
    "evaluate",
    "reevaluate",
    "inspect_event",
    "CHECKPOINT_EVERY",
    "TIMELINE_FIELDS",
]

CHECKPOINT_EVERY = 64
PROGRESS_INTERVAL = 0.1  # seconds
_NO_STATE = object()
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


def _unmatched_flag(row: bytes) -> int:
    """1 when no subscription matched (verdicts of one event), else 0."""
    return 0 if any(code in _MATCHED_CODES for code in row) else 1


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
    message_hashes: array[int] = field(default_factory=lambda: array("q"))
    """``hash(messageId)`` per event (0: none), kept so edits can recheck duplicates cheaply."""
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
            self.unmatched.append(_unmatched_flag(row))

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
    run = _Pass(config, fresh_sdk, records, cancel, progress)
    result = run.segment(0, run.engine.start, None)
    if not run.finished:
        return result
    result.complete = True
    result.totals()  # counted here, in the worker, so the views need not
    result.duplicates = duplicate_ids(result.message_hashes, records)
    run.report(len(records))
    return result


def reevaluate(
    previous: Evaluation,
    records: Sequence[EventRecord],
    changed: int,
    *,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    """The evaluation after event ``changed`` was edited, recomputing only what it affects.

    Replays from the checkpoint before the edit and stops at the first later checkpoint where
    the SDK state is the one ``previous`` had there (with a fresh SDK per event: just the
    event). Falls back to :func:`evaluate` when ``previous`` does not fit ``records``.
    """
    fits = previous.complete and len(previous.verdicts) == len(records)
    if not fits or not 0 <= changed < len(records):
        return evaluate(
            records, previous.config, fresh_sdk=previous.fresh_sdk, cancel=cancel, progress=progress
        )
    run = _Pass(previous.config, previous.fresh_sdk, records, cancel, progress)
    if previous.fresh_sdk:
        base, state = changed, run.engine.start
    else:
        base = max(k for k in previous.checkpoints if k <= changed)
        state = previous.checkpoints[base]

    def converged(i: int, now: SdkState | None) -> bool:
        if i <= changed:
            return False
        return previous.fresh_sdk or previous.checkpoints.get(i, _NO_STATE) == now

    before = state.snapshot() if state is not None and base > 0 else None
    segment = run.segment(base, state, before, until=converged)
    if not run.finished:
        return previous  # cancelled: the old evaluation still describes everything but the edit
    result = _splice(previous, segment, base, base + len(segment.verdicts))
    result.totals()
    result.duplicates = duplicate_ids(result.message_hashes, records)
    run.report(len(records))
    return result


def _splice(previous: Evaluation, segment: Evaluation, start: int, stop: int) -> Evaluation:
    """``previous`` with events ``start..stop-1`` replaced by ``segment``'s."""
    inside = range(start, stop)
    return Evaluation(
        previous.config,
        previous.fresh_sdk,
        verdicts=previous.verdicts[:start] + segment.verdicts + previous.verdicts[stop:],
        timeline=[e for e in previous.timeline if e.event_index < start]
        + segment.timeline
        + [e for e in previous.timeline if e.event_index >= stop],
        hazards=[h for h in previous.hazards if h.event_index < start]
        + segment.hazards
        + [h for h in previous.hazards if h.event_index >= stop],
        checkpoints={
            **{k: v for k, v in previous.checkpoints.items() if k not in inside},
            **segment.checkpoints,
        },
        complete=True,
        unmatched=previous.unmatched[:start] + segment.unmatched + previous.unmatched[stop:],
        message_hashes=previous.message_hashes[:start]
        + segment.message_hashes
        + previous.message_hashes[stop:],
    )


class _Pass:
    """One run of events through a compiled config, writing a (partial) Evaluation."""

    def __init__(
        self,
        config: DestinationConfig,
        fresh_sdk: bool,
        records: Sequence[EventRecord],
        cancel: CancelToken | None,
        progress: Progress | None,
    ) -> None:
        self.engine = Engine(config)
        self.config, self.fresh_sdk, self.records = config, fresh_sdk, records
        self.cancel, self.progress = cancel, progress
        self.rows: dict[bytes, bytes] = {}  # most events share a verdict pattern: one copy each
        self.reported = time.monotonic()
        self.finished = False

    def report(self, done: int) -> None:
        if self.progress is not None:
            self.progress(done, len(self.records))

    def segment(
        self,
        start: int,
        state: SdkState | None,
        snapshot: dict[str, Any] | None,
        until: Callable[[int, SdkState | None], bool] | None = None,
    ) -> Evaluation:
        """Events from ``start`` on, until the end or until ``until(i, state)`` holds."""
        out = Evaluation(self.config, self.fresh_sdk)
        for i in range(start, len(self.records)):
            if until is not None and until(i, state):
                break
            if i % CHECKPOINT_EVERY == 0 or i == start:
                if i % CHECKPOINT_EVERY == 0:
                    out.checkpoints[i] = state
                if self.cancel is not None and self.cancel.cancelled:
                    return out
                # at most ~10 reports a second: each one costs the GUI thread a label update
                if time.monotonic() - self.reported >= PROGRESS_INTERVAL:
                    self.reported = time.monotonic()
                    self.report(i)
            state, snapshot = self._step(out, i, state, snapshot)
        self.finished = True
        return out

    def _step(
        self, out: Evaluation, i: int, state: SdkState | None, snapshot: dict[str, Any] | None
    ) -> tuple[SdkState | None, dict[str, Any] | None]:
        record = self.records[i]
        event = record.data
        out.message_hashes.append(message_hash(event.get("messageId")))
        engine = self.engine
        inspection = engine.evaluate(i, record, event, DirectEval(event, engine.compiled), state)
        row = bytes(verdict_of(r) for r in inspection.results)
        out.verdicts.append(self.rows.setdefault(row, row))
        out.unmatched.append(_unmatched_flag(row))
        out.hazards.extend(inspection.hazards)
        hazards = tuple(inspection.hazards)
        if inspection.state is not None and not self.fresh_sdk:
            state = inspection.state
            after = state.snapshot()
            changed = _timeline_changes(snapshot, after)
            if changed or hazards:
                out.timeline.append(TimelineEntry(i, json_bytes(after), changed, hazards))
            return state, after
        if hazards:
            state_json = json_bytes(inspection.state.snapshot() if inspection.state else {})
            out.timeline.append(TimelineEntry(i, state_json, (), hazards))
        return state, snapshot


def inspect_event(
    records: Sequence[EventRecord],
    index: int,
    config: DestinationConfig,
    evaluation: Evaluation | None = None,
    *,
    fresh_sdk: bool = False,
) -> EventInspection:
    """Full results for one event, with the SDK state the session leaves before it.

    Its hazards are all those that hold for that state and event, even when an earlier event
    already raised them (the evaluation's list tells each once, where it first arises).

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
        if i == index and state is not None:
            # every hazard that holds at this event, not only those first seen here
            state = replace(state, reported=frozenset())
        inspection = engine.evaluate(i, record, event, DirectEval(event, engine.compiled), state)
        if i == index:
            return inspection
        if inspection.state is not None:
            state = inspection.state
    raise IndexError(index)
