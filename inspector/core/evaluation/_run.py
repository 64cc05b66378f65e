"""Evaluating a session: all of it, what was appended, or the stretch an edit affects."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import replace
from operator import attrgetter

from inspector.core.destinations import DestinationConfig, SdkState
from inspector.core.evaluation._blocks import BlockList, Sealed
from inspector.core.evaluation._duplicates import demote_duplicates
from inspector.core.evaluation._model import (
    Evaluation,
    TimelineEntry,
    add_totals,
    count_verdicts,
)
from inspector.core.evaluation._pass import Pass, Progress
from inspector.core.events import EventRecord
from inspector.core.inspection import (
    Engine,
    EventInspection,
    Hazard,
    mark_duplicate,
    not_run,
    step,
)
from inspector.core.loaders import CancelToken
from inspector.core.message_ids import SeenIds, duplicate_ids, message_hash, message_hashes
from inspector.core.sdk_sessions import BrowserStates, PageState, browser_key, kept, leave, meet

__all__ = ["evaluate", "extend", "reevaluate", "inspect_event"]

_NO_STATE = object()


def evaluate(
    records: Sequence[EventRecord],
    config: DestinationConfig,
    *,
    fresh_sdk: bool = False,
    browsers: bool = False,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    """Run every event through every subscription, in order (one SDK page, or one per browser).

    An event repeating an earlier messageId is matched but not delivered, and leaves the SDK
    page as it found it (see :mod:`inspector.core.inspection._duplicates`).
    """
    seen = SeenIds()
    run = Pass(config, fresh_sdk, records, cancel, progress, browsers, seen=seen)
    result = run.segment(0, run.start, None)
    if not run.finished:
        return result
    result.complete = True
    result.seen_ids, result.duplicates = seen, run.found
    demote_duplicates(result, result.duplicates)
    _in_blocks(result, run.sealed, result.duplicates)
    result.totals()  # counted here, in the worker, so the views need not
    run.report(len(records))
    return result


def extend(
    previous: Evaluation,
    records: Sequence[EventRecord],
    *,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    """``previous`` plus the events appended after it: only those are evaluated.

    They continue from ``previous``'s final SDK state; totals, unmatched flags, the timeline and
    duplicate messageIds are added to, not recounted; the long sequences are block lists whose
    blocks the result shares with ``previous``. The result shares ``previous``'s lineage
    (see :meth:`Evaluation.extends`). Cancelled, ``previous`` is returned. Falls back to
    :func:`evaluate` when ``previous`` is incomplete or covers more events than ``records``.
    """
    start = len(previous.verdicts)
    if not previous.complete or start > len(records) or previous.seen_ids is None:
        return _again(previous, records, cancel, progress)
    seen_ids = previous.seen_ids.copy()  # a dropped job must not leave its ids behind
    hashes = previous.message_hashes + message_hashes(records, start)
    later = duplicate_ids(hashes, records, seen_ids, start, previous.duplicates)
    run = Pass(
        previous.config, previous.fresh_sdk, records, cancel, progress, previous.browsers, later
    )
    fresh = previous.fresh_sdk or start == 0
    state = run.start if fresh else previous.final_state
    prior = state if isinstance(state, SdkState) and not fresh else None
    segment = run.segment(start, state, prior)
    if not run.finished:
        return previous
    demote_duplicates(segment, [i - start for i in later])  # its verdicts count from ``start``
    result = Evaluation(
        previous.config,
        previous.fresh_sdk,
        previous.browsers,
        verdicts=BlockList.of(previous.verdicts).extended(segment.verdicts),
        timeline=BlockList.of(previous.timeline).extended(segment.timeline),
        hazards=BlockList.of(previous.hazards).extended(segment.hazards),
        message_hashes=hashes,
        checkpoints={**previous.checkpoints, **segment.checkpoints},
        complete=True,
        unmatched=previous.unmatched + segment.unmatched,
        final_state=segment.final_state,
        seen_ids=seen_ids,
        lineage=previous.lineage,
    )
    width = len(previous.config.subscriptions)
    result._totals = add_totals(previous.totals(), count_verdicts(segment.verdicts, width))
    result.duplicates = {**previous.duplicates, **later} if later else previous.duplicates
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
        return _again(previous, records, cancel, progress)
    edited = message_hash(records[changed].data.get("messageId"))
    if edited == previous.message_hashes[changed] and previous.seen_ids is not None:
        # the same messageId (by its 64-bit hash): the repeats are those found before, and
        # a million events' messageIds are not gone through again
        seen, duplicates = previous.seen_ids, previous.duplicates
    else:
        hashes = array("q", previous.message_hashes)
        hashes[changed] = edited
        seen = SeenIds()
        duplicates = duplicate_ids(hashes, records, seen)
        if duplicates.keys() - {changed} != previous.duplicates.keys() - {changed}:
            # another event became a repeat or stopped being one: its SDK effect changed too
            return _again(previous, records, cancel, progress)
    run = Pass(
        previous.config,
        previous.fresh_sdk,
        records,
        cancel,
        progress,
        previous.browsers,
        duplicates,
    )
    if previous.fresh_sdk:
        base, state = changed, run.start
    else:
        base = max(k for k in previous.checkpoints if k <= changed)
        state = previous.checkpoints[base]

    converged = _Convergence(previous, changed, state)

    prior = state if isinstance(state, SdkState) and base > 0 else None
    segment = run.segment(base, state, prior, until=converged)
    if not run.finished:
        return previous  # cancelled: the old evaluation still describes everything but the edit
    stop = base + len(segment.verdicts)
    result = _splice(previous, segment, base, stop)
    result.seen_ids, result.duplicates = seen, duplicates
    demote_duplicates(result, result.duplicates)  # spliced, its sequences are block lists
    result.totals()
    run.report(len(records))
    return result


class _Convergence:
    """Whether a replay after an edit is back in the state the previous evaluation had.

    Checked at the previous evaluation's checkpoints after the edit. Per-browser states are
    compared only where they may differ: browsers that differed at the last check or changed
    since in either evaluation, so a long replay never compares every browser at every check.
    """

    def __init__(self, previous: Evaluation, changed: int, start: PageState) -> None:
        self.previous, self.changed = previous, changed
        self.last_previous = start
        self.last_now: PageState = None
        self.differ: set[str | None] = set()

    def __call__(self, i: int, now: PageState) -> bool:
        if self.previous.fresh_sdk:
            return i > self.changed
        if isinstance(now, BrowserStates) and self.last_now is None:
            self.last_now = now.copy()  # where the replay starts: the same as ``start``
        if i <= self.changed:
            return False
        there = self.previous.checkpoints.get(i, _NO_STATE)
        if not isinstance(now, BrowserStates) or not isinstance(there, BrowserStates):
            return bool(there == now)
        last_now, last_previous = self.last_now, self.last_previous
        assert isinstance(last_now, BrowserStates) and isinstance(last_previous, BrowserStates)
        ours, theirs = now.changed_since(last_now), there.changed_since(last_previous)
        if ours is None or theirs is None:
            return bool(there == now)  # unrelated tables (not expected): compare them whole
        self.differ = now.differing(there, self.differ | ours | theirs)
        self.last_now, self.last_previous = now.copy(), there
        return not self.differ and now.same_place(there)


def _in_blocks(result: Evaluation, sealed: Sealed, demoted: Iterable[int]) -> None:
    """Hold a pass's long sequences as block lists, which later appends and edits share
    instead of copying: the blocks ``sealed`` along the pass, then what follows them.
    ``demoted`` are the verdicts changed since the pass."""
    result.verdicts = sealed.block_list("verdicts", result.verdicts, demoted)
    result.timeline = sealed.block_list("timeline", result.timeline)
    result.hazards = sealed.block_list("hazards", result.hazards)


def _splice(previous: Evaluation, segment: Evaluation, start: int, stop: int) -> Evaluation:
    """``previous`` with events ``start..stop-1`` replaced by ``segment``'s.

    The long sequences share their blocks outside the replaced stretch, so that an edit to a
    million-event session neither copies them nor makes millions of new references for the
    GUI thread's next garbage collection to walk.
    """
    inside = range(start, stop)
    ran_to_end = stop == len(previous.verdicts)
    return Evaluation(
        previous.config,
        previous.fresh_sdk,
        previous.browsers,
        verdicts=BlockList.of(previous.verdicts).spliced(start, stop, segment.verdicts),
        timeline=BlockList.of(previous.timeline).spliced(
            *_stretch(previous.timeline, start, stop), segment.timeline
        ),
        hazards=BlockList.of(previous.hazards).spliced(
            *_stretch(previous.hazards, start, stop), segment.hazards
        ),
        checkpoints={
            **{k: v for k, v in previous.checkpoints.items() if k not in inside},
            **segment.checkpoints,
        },
        complete=True,
        unmatched=previous.unmatched[:start] + segment.unmatched + previous.unmatched[stop:],
        message_hashes=previous.message_hashes[:start]
        + segment.message_hashes
        + previous.message_hashes[stop:],
        final_state=segment.final_state if ran_to_end else previous.final_state,
    )


_EVENT_INDEX = attrgetter("event_index")


def _stretch(items: Sequence[TimelineEntry | Hazard], start: int, stop: int) -> tuple[int, int]:
    """Where the entries of events ``start..stop-1`` are in ``items`` (kept in event order)."""
    return bisect_left(items, start, key=_EVENT_INDEX), bisect_left(items, stop, key=_EVENT_INDEX)


def inspect_event(
    records: Sequence[EventRecord],
    index: int,
    config: DestinationConfig,
    evaluation: Evaluation | None = None,
    *,
    fresh_sdk: bool = False,
    browsers: bool = False,
) -> EventInspection:
    """Full results for one event, with the SDK state the session leaves before it.

    Its hazards are all those that hold for that state and event, even when an earlier event
    already raised them (the evaluation's list tells each once, where it first arises).

    Replays from ``evaluation``'s nearest checkpoint at or before ``index`` when it was made
    with the same config (otherwise from the start): pass an evaluation for long sessions.
    """
    engine = Engine(config)
    browsers = browsers and not fresh_sdk
    if evaluation is not None and evaluation.complete:
        repeats = evaluation.duplicates
    else:
        repeats = duplicate_ids(message_hashes(records, 0, index + 1), records)
    start, state = 0, BrowserStates(engine.start) if browsers else engine.start
    if fresh_sdk or engine.start is None:  # nothing carries over from event to event
        start = index
    elif evaluation is not None and evaluation.config == config and evaluation.browsers == browsers:
        base = max((k for k in evaluation.checkpoints if k <= index), default=None)
        if base is not None:
            start, state = base, kept(evaluation.checkpoints[base])
    replayed = _met_by(records, start, index, state)
    for i in range(start, index + 1):
        if replayed is not None and i not in replayed:
            # another browser's event: it only moves the table on (its own state is not
            # needed, so the event is not run)
            key = replayed.key_of(i)
            met = meet(state, {"anonymousId": key} if key is not None else {})
            state = leave(state, met)
            continue
        data = records[i].data  # decoded once: the browser's page and the step read it
        before = meet(state, data)
        if i == index and before is not None:
            # every hazard that holds at this event, not only those first seen here
            before = replace(before, reported=frozenset())
        inspection = step(engine, i, records[i], before, data)
        if i in repeats:
            not_run(inspection, before)
        if i == index:
            if index in repeats:
                mark_duplicate(inspection, repeats[index])
            return inspection
        if inspection.state is not None:
            state = leave(state, inspection.state)
    raise IndexError(index)


class _Replayed:
    """The events a per-browser replay must run: those of the browser an event meets (and of
    the unnamed browser before the first anonymousId, which it may take over)."""

    def __init__(self, start: int, keys: list[str | None], met: list[str | None]) -> None:
        self.start, self.keys, self.met = start, keys, met

    def key_of(self, i: int) -> str | None:
        return self.keys[i - self.start]

    def __contains__(self, i: int) -> bool:
        met = self.met[i - self.start]
        return met is None or met == self.met[-1]


def _met_by(
    records: Sequence[EventRecord], start: int, index: int, state: PageState
) -> _Replayed | None:
    """For a per-browser replay of ``start..index``, which events it must run (None: all)."""
    if not isinstance(state, BrowserStates) or index - start < 2:
        return None
    keys = [browser_key(records[i].data) for i in range(start, index + 1)]
    current, met = state.current, []
    for key in keys:
        current = key if key is not None else current
        met.append(current)
    return _Replayed(start, keys, met)


def _again(
    previous: Evaluation,
    records: Sequence[EventRecord],
    cancel: CancelToken | None,
    progress: Progress | None,
) -> Evaluation:
    """A full pass in ``previous``'s mode."""
    return evaluate(
        records,
        previous.config,
        fresh_sdk=previous.fresh_sdk,
        browsers=previous.browsers,
        cancel=cancel,
        progress=progress,
    )
