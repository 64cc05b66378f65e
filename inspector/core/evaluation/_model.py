"""What an evaluation holds: one verdict byte per event and subscription, the timeline, totals."""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from inspector.core.destinations import DestinationConfig, SdkState
from inspector.core.events import json_bytes, json_value
from inspector.core.inspection import Hazard, SubscriptionResult
from inspector.core.message_ids import SeenIds
from inspector.core.sdk_sessions import PageState

__all__ = ["Verdict", "verdict_of", "TimelineEntry", "Evaluation", "TIMELINE_FIELDS"]

_TOTALS_BLOCK = 32_768
TIMELINE_FIELDS = ("initialized", "userId", "email", "attributes", "groupId", "groupTraits")
_lineages = itertools.count(1)


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


def unmatched_flag(row: bytes) -> int:
    """1 when no subscription matched (verdicts of one event), else 0."""
    return 0 if any(code in _MATCHED_CODES for code in row) else 1


def verdict_of(result: SubscriptionResult) -> Verdict:
    if result.trigger_error:
        return Verdict.TRIGGER_ERROR
    if not result.enabled:
        return Verdict.DISABLED
    if not result.matched:
        return Verdict.NOT_MATCHED
    if result.duplicate_of is not None or result.dropped is not None:  # Segment dropped it
        return Verdict.NOT_DELIVERED
    if result.mapping_error or result.perform_error or result.errors and not result.delivered:
        return Verdict.INVALID
    return Verdict.DELIVERED if result.delivered else Verdict.NOT_DELIVERED


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """The simulated Jimo profile after ``event_index``, where it changed or a hazard arose.

    ``sdk_state`` is the SDK page state the event left (None: no page), the very object the
    evaluation carried on with: states are never changed once an event has left them, so a
    million-event session's hundreds of thousands of entries cost a reference each. Its
    snapshot is made when a view asks for ``state`` or ``snapshot_json``.
    """

    event_index: int
    sdk_state: SdkState | None
    changed: tuple[str, ...]
    hazards: tuple[Hazard, ...] = ()

    @property
    def snapshot_json(self) -> bytes:
        """The snapshot as compact JSON (``{}`` without a page)."""
        return json_bytes(self.sdk_state.snapshot() if self.sdk_state is not None else {})

    @property
    def state(self) -> dict[str, Any]:
        """The snapshot, a fresh dict (callers may change it)."""
        value: dict[str, Any] = json_value(self.snapshot_json)
        return value


def new_lineage() -> int:
    return next(_lineages)


@dataclass(slots=True)
class Evaluation:
    """Verdicts of every event × subscription, plus the timeline; False ``complete`` = cancelled.

    ``verdicts[i][j]`` is the :class:`Verdict` value of subscription ``j`` for event ``i``.
    """

    config: DestinationConfig
    fresh_sdk: bool = False
    browsers: bool = False
    """Each browser (anonymousId) had its own SDK page session (see ``core.sdk_sessions``)."""
    verdicts: Sequence[bytes] = field(default_factory=list)
    timeline: Sequence[TimelineEntry] = field(default_factory=list)
    hazards: Sequence[Hazard] = field(default_factory=list)
    duplicates: dict[int, int] = field(default_factory=dict)
    """Event index -> the earlier event with the same messageId (Segment keeps only the first)."""
    message_hashes: array[int] = field(default_factory=lambda: array("q"))
    """``hash(messageId)`` per event (0: none), kept so edits can recheck duplicates cheaply."""
    checkpoints: dict[int, PageState] = field(default_factory=dict)
    complete: bool = False
    unmatched: bytearray = field(default_factory=bytearray)
    """One byte per evaluated event: 1 when no enabled subscription matched it."""
    final_state: PageState = None
    """The SDK state after the last event: where evaluating appended events starts."""
    seen_ids: SeenIds | None = None
    """Every messageId hash so far, for checking appended events for duplicates."""
    lineage: int = field(default_factory=new_lineage)
    """Shared by evaluations that only append to one another: what both cover is the same."""
    _totals: list[dict[Verdict, int]] | None = None

    @property
    def nothing_matched(self) -> int:
        """How many evaluated events no enabled subscription matched."""
        self._sync_unmatched()
        return self.unmatched.count(1)

    def _sync_unmatched(self) -> None:
        # ``evaluate`` fills ``unmatched`` as it goes; verdicts added otherwise are caught up here
        for row in self.verdicts[len(self.unmatched) :]:
            self.unmatched.append(unmatched_flag(row))

    def extends(self, other: Evaluation | None) -> bool:
        """Whether this evaluation is ``other`` plus appended events (all else unchanged)."""
        return (
            other is not None
            and other.lineage == self.lineage
            and len(other.verdicts) <= len(self.verdicts)
        )

    def verdict(self, event: int, subscription: int) -> Verdict | None:
        if event >= len(self.verdicts) or subscription >= len(self.verdicts[event]):
            return None
        return Verdict(self.verdicts[event][subscription])

    def totals(self) -> list[dict[Verdict, int]]:
        """For each subscription, how many events got each verdict (cached once complete)."""
        if self._totals is not None:
            return [dict(t) for t in self._totals]
        totals = count_verdicts(self.verdicts, len(self.config.subscriptions))
        if self.complete:
            self._totals = totals
        return [dict(t) for t in totals]

    def matches_nothing(self, event: int) -> bool:
        if len(self.unmatched) < len(self.verdicts):
            self._sync_unmatched()
        return event < len(self.unmatched) and self.unmatched[event] == 1


def count_verdicts(verdicts: Sequence[bytes], width: int) -> list[dict[Verdict, int]]:
    """For each of ``width`` subscriptions, how many of ``verdicts`` have each verdict."""
    totals = [dict.fromkeys(Verdict, 0) for _ in range(width)]
    # Byte slicing and counting run at C speed; in blocks, so that a worker thread doing
    # this never holds the GIL long enough to stall the GUI thread.
    for start in range(0, len(verdicts), _TOTALS_BLOCK):
        joined = b"".join(verdicts[start : start + _TOTALS_BLOCK])
        for j in range(width):
            column = joined[j::width]
            for v in Verdict:
                totals[j][v] += column.count(v)
    return totals


def add_totals(
    a: list[dict[Verdict, int]], b: list[dict[Verdict, int]]
) -> list[dict[Verdict, int]]:
    return [{v: x[v] + y[v] for v in Verdict} for x, y in zip(a, b, strict=True)]
