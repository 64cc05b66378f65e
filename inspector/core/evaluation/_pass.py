"""One run of events through a compiled config, writing a (partial) evaluation."""

from __future__ import annotations

import time
from array import array
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field
from typing import Any

from inspector.core.destinations import DestinationConfig, SdkState
from inspector.core.destinations._sdk_types import jsonable
from inspector.core.evaluation._blocks import Sealed
from inspector.core.evaluation._model import (
    TIMELINE_FIELDS,
    Evaluation,
    TimelineEntry,
    unmatched_flag,
    verdict_of,
)
from inspector.core.events import EventRecord
from inspector.core.foreground import FOREGROUND
from inspector.core.inspection import Engine, Hazard, not_run, step
from inspector.core.loaders import CancelToken
from inspector.core.message_ids import SeenIds, message_hash, repeat_of
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


def _timeline_values(state: SdkState) -> tuple[Any, ...]:
    """The :data:`TIMELINE_FIELDS` of ``state.snapshot()``, without making the whole dict."""
    return (
        state.initialized,
        jsonable(state.user_id),
        jsonable(state.email),
        state.attributes,
        jsonable(state.group_id),
        state.group_traits,
    )


def _timeline_changes(before: SdkState | None, after: SdkState) -> tuple[str, ...]:
    """The timeline fields that differ from ``before`` (None: the page had no state to tell)."""
    if (
        before is not None  # a page copies its state: fields no command set are the same objects
        and before.initialized is after.initialized
        and before.user_id is after.user_id
        and before.email is after.email
        and before.attributes is after.attributes
        and before.group_id is after.group_id
        and before.group_traits is after.group_traits
    ):
        return ()
    values = _timeline_values(after)
    if before is None:
        changed = tuple(k for k, v in zip(TIMELINE_FIELDS, values, strict=True) if v not in _BLANK)
    else:
        old = _timeline_values(before)
        changed = tuple(k for k, v, w in zip(TIMELINE_FIELDS, old, values, strict=True) if v != w)
    return _CHANGES.setdefault(changed, changed)  # one tuple per combination, not per entry


_BLANK: tuple[Any, ...] = (None, False, {})
_CHANGES: dict[tuple[str, ...], tuple[str, ...]] = {}


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
        seen: SeenIds | None = None,
    ) -> None:
        """``repeats``: the events repeating an earlier messageId, which never reach the SDK.

        With ``seen`` (no messageId seen yet), a pass from the first event finds the repeats
        itself as it goes (into ``found``), sparing a decoding of every event beforehand.
        """
        self.engine = Engine(config)
        self.seen = seen
        self.found: dict[int, int] = {}
        self.repeats = self.found if seen is not None else repeats
        self.config, self.fresh_sdk, self.records = config, fresh_sdk, records
        self.browsers = browsers and not fresh_sdk
        self.start: PageState = (
            BrowserStates(self.engine.start) if self.browsers else self.engine.start
        )
        self.cancel, self.progress = cancel, progress
        # most events share a verdict pattern: one copy each, with its "nothing matched" flag
        self.rows: dict[bytes, tuple[bytes, int]] = {}
        self.reported = time.monotonic()
        self.finished = False
        self.sealed = Sealed()
        """The blocks sealed by the last segment's pass (see :meth:`_Rows.seal`)."""

    def report(self, done: int) -> None:
        if self.progress is not None:
            self.progress(done, len(self.records))

    def segment(
        self,
        start: int,
        state: PageState,
        prior: SdkState | None,
        until: Callable[[int, PageState], bool] | None = None,
    ) -> Evaluation:
        """Events from ``start`` on, until the end or until ``until(i, state)`` holds.

        ``state`` is the SDK state before event ``start``; ``prior`` is the one page's state
        the timeline tells changes against (None: the first event tells what it sets).
        Run to the end, the segment's ``final_state`` is the state after the last event.
        """
        rows = _Rows()
        self.sealed = rows.sealed
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
        assert self.seen is None or start == 0, "repeats are found from the first event on"
        state = kept(state)  # carried on here: what was passed in stays as it was
        try:
            self._run(out, rows, start, state, prior, until)
        finally:
            if isinstance(state, BrowserStates):
                state.release()  # a later pass may carry on from the end in place
        return out

    def _run(
        self,
        out: Evaluation,
        rows: _Rows,
        start: int,
        state: PageState,
        prior: SdkState | None,
        until: Callable[[int, PageState], bool] | None,
    ) -> None:
        checkpoint_every = CHECKPOINT_EVERY
        for i in range(start, len(self.records)):
            if until is not None and until(i, state):
                break
            if i % checkpoint_every == 0 or i == start:
                if i % checkpoint_every == 0 and i % checkpoint_spacing(state) == 0:
                    out.checkpoints[i] = kept(state)
                rows.seal()
                if self.cancel is not None and self.cancel.cancelled:
                    return
                # at most ~10 reports a second: each one costs the GUI thread a label update
                if time.monotonic() - self.reported >= PROGRESS_INTERVAL:
                    self.reported = time.monotonic()
                    self.report(i)
            FOREGROUND.pass_through()  # the window's repaint first (see core.foreground)
            state, prior = self._step(rows, i, state, prior)
        else:
            out.final_state = state
        self.finished = True

    def _step(
        self, out: _Rows, i: int, state: PageState, prior: SdkState | None
    ) -> tuple[PageState, SdkState | None]:
        record = self.records[i]
        data = record.data  # decoded once: the browser's page and the messageId read it
        out.hashes.append(message_hash(data.get("messageId")))
        if self.seen is not None:  # the pass started at the first event: hashes[i] is i's
            first = repeat_of(out.hashes, self.records, self.seen, i, self.found)
            if first is not None:
                self.found[i] = first
        before = meet(state, data)
        if isinstance(state, BrowserStates):  # what changed is told against this browser's page
            prior = before if state.known else None
        inspection = step(self.engine, i, record, before, data)
        if i in self.repeats:
            not_run(inspection, before)
        row = bytes([verdict_of(r) for r in inspection.results])
        known = self.rows.get(row)
        if known is None:
            known = self.rows[row] = (row, unmatched_flag(row))
        out.verdicts.append(known[0])
        out.unmatched.append(known[1])
        hazards = tuple(inspection.hazards) if inspection.hazards else ()
        if hazards:
            out.hazards.extend(hazards)
        after = inspection.state
        if after is not None and not self.fresh_sdk:
            state = leave(state, after)
            changed = () if after is prior else _timeline_changes(prior, after)
            if changed or hazards:
                out.timeline.append(TimelineEntry(i, after, changed, hazards))
            return state, after
        if hazards:
            out.timeline.append(TimelineEntry(i, after, (), hazards))
        return state, prior


@dataclass(slots=True)
class _Rows:
    """What a pass writes, event by event (the segment's evaluation holds the same objects)."""

    verdicts: list[bytes] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    hazards: list[Hazard] = field(default_factory=list)
    hashes: array[int] = field(default_factory=lambda: array("q"))
    unmatched: bytearray = field(default_factory=bytearray)
    sealed: Sealed = field(default_factory=Sealed)

    def seal(self) -> None:
        """Copy the lists' completed blocks into tuples now, a few at a time, rather than all
        in one burst at the end (see :class:`~inspector.core.evaluation._blocks.Sealed`)."""
        self.sealed.add("verdicts", self.verdicts)
        self.sealed.add("timeline", self.timeline)
        self.sealed.add("hazards", self.hazards)
