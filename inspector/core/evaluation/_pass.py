"""One run of events through a compiled config, writing a (partial) evaluation."""

from __future__ import annotations

import time
from array import array
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field
from typing import Any

from inspector.core.destinations import DestinationConfig
from inspector.core.evaluation._model import (
    TIMELINE_FIELDS,
    Evaluation,
    TimelineEntry,
    unmatched_flag,
    verdict_of,
)
from inspector.core.events import EventRecord, json_bytes
from inspector.core.foreground import FOREGROUND
from inspector.core.inspection import Engine, Hazard, not_run, step
from inspector.core.loaders import CancelToken
from inspector.core.message_ids import message_hash
from inspector.core.sdk_sessions import BrowserStates, PageState, kept, leave, meet

__all__ = ["Pass", "Progress", "CHECKPOINT_EVERY"]

CHECKPOINT_EVERY = 64
MAX_CHECKPOINT_SPACING = 2_048  # what an event's detail may replay (the workbench's limit)


def checkpoint_spacing(state: PageState) -> int:
    """Events between kept SDK states: every ``CHECKPOINT_EVERY`` for one page, and in a
    per-browser session about one per browser, since each kept state copies every browser's
    page (a million events from thousands of browsers would otherwise keep gigabytes)."""
    if not isinstance(state, BrowserStates):
        return CHECKPOINT_EVERY
    spacing = CHECKPOINT_EVERY
    while spacing < state.browsers and spacing < MAX_CHECKPOINT_SPACING:
        spacing *= 2
    return spacing
PROGRESS_INTERVAL = 0.1  # seconds
Progress = Callable[[int, int], None]


def _timeline_changes(before: dict[str, Any] | None, after: dict[str, Any]) -> tuple[str, ...]:
    if before is None:
        return tuple(k for k in TIMELINE_FIELDS if after.get(k) not in (None, False, {}))
    return tuple(k for k in TIMELINE_FIELDS if before.get(k) != after.get(k))


class Pass:
    """Runs ``records`` through ``config``'s engine, a stretch at a time (:meth:`segment`)."""

    def __init__(
        self,
        config: DestinationConfig,
        fresh_sdk: bool,
        records: Sequence[EventRecord],
        cancel: CancelToken | None,
        progress: Progress | None,
        browsers: bool = False,
        repeats: Container[int] = (),
    ) -> None:
        """``repeats``: the events repeating an earlier messageId, which never reach the SDK."""
        self.engine = Engine(config)
        self.repeats = repeats
        self.config, self.fresh_sdk, self.records = config, fresh_sdk, records
        self.browsers = browsers and not fresh_sdk
        self.start: PageState = (
            BrowserStates(self.engine.start) if self.browsers else self.engine.start
        )
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
        state: PageState,
        snapshot: dict[str, Any] | None,
        until: Callable[[int, PageState], bool] | None = None,
    ) -> Evaluation:
        """Events from ``start`` on, until the end or until ``until(i, state)`` holds.

        ``state`` is the SDK state before event ``start`` and ``snapshot`` its timeline view.
        Run to the end, the segment's ``final_state`` is the state after the last event.
        """
        rows = _Rows()
        out = Evaluation(
            self.config,
            self.fresh_sdk,
            browsers=self.browsers,
            verdicts=rows.verdicts,
            timeline=rows.timeline,
            hazards=rows.hazards,
            message_hashes=rows.hashes,
            unmatched=rows.unmatched,
        )
        state = kept(state)  # carried on here: what was passed in stays as it was
        checkpoint_every = CHECKPOINT_EVERY
        for i in range(start, len(self.records)):
            if until is not None and until(i, state):
                break
            if i % checkpoint_every == 0 or i == start:
                if i % checkpoint_every == 0 and i % checkpoint_spacing(state) == 0:
                    out.checkpoints[i] = kept(state)
                if self.cancel is not None and self.cancel.cancelled:
                    return out
                # at most ~10 reports a second: each one costs the GUI thread a label update
                if time.monotonic() - self.reported >= PROGRESS_INTERVAL:
                    self.reported = time.monotonic()
                    self.report(i)
            FOREGROUND.pass_through()  # the window's repaint first (see core.foreground)
            state, snapshot = self._step(rows, i, state, snapshot)
        else:
            out.final_state = state
        self.finished = True
        return out

    def _step(
        self, out: _Rows, i: int, state: PageState, snapshot: dict[str, Any] | None
    ) -> tuple[PageState, dict[str, Any] | None]:
        record = self.records[i]
        data = record.data  # decoded once: the browser's page and the messageId read it
        out.hashes.append(message_hash(data.get("messageId")))
        before = meet(state, data)
        if isinstance(state, BrowserStates):  # what changed is told against this browser's page
            snapshot = state.snapshot()
        inspection = step(self.engine, i, record, before, data)
        if i in self.repeats:
            not_run(inspection, before)
        row = bytes(verdict_of(r) for r in inspection.results)
        out.verdicts.append(self.rows.setdefault(row, row))
        out.unmatched.append(unmatched_flag(row))
        if not inspection.hazards and inspection.state is state and snapshot is not None:
            return state, snapshot  # no action ran: the same state object, the same snapshot
        out.hazards.extend(inspection.hazards)
        hazards = tuple(inspection.hazards)
        if inspection.state is not None and not self.fresh_sdk:
            after = inspection.state.snapshot()
            state = leave(state, inspection.state, after)
            changed = _timeline_changes(snapshot, after)
            if changed or hazards:
                out.timeline.append(TimelineEntry(i, json_bytes(after), changed, hazards))
            return state, after
        if hazards:
            state_json = json_bytes(inspection.state.snapshot() if inspection.state else {})
            out.timeline.append(TimelineEntry(i, state_json, (), hazards))
        return state, snapshot


@dataclass(slots=True)
class _Rows:
    """What a pass writes, event by event (the segment's evaluation holds the same objects)."""

    verdicts: list[bytes] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    hazards: list[Hazard] = field(default_factory=list)
    hashes: array[int] = field(default_factory=lambda: array("q"))
    unmatched: bytearray = field(default_factory=bytearray)
