"""Evaluating a session: all of it, what was appended, or the stretch an edit affects."""

from __future__ import annotations

from collections.abc import Sequence

from inspector.core.destinations import DestinationConfig, SdkState
from inspector.core.evaluation._blocks import BlockList
from inspector.core.evaluation._model import (
    Evaluation,
    add_totals,
    count_verdicts,
)
from inspector.core.evaluation._pass import Pass, Progress
from inspector.core.events import EventRecord
from inspector.core.inspection import Engine, EventInspection, step
from inspector.core.loaders import CancelToken
from inspector.core.message_ids import SeenIds, duplicate_ids

__all__ = ["evaluate", "extend", "reevaluate", "inspect_event"]

_NO_STATE = object()


def evaluate(
    records: Sequence[EventRecord],
    config: DestinationConfig,
    *,
    fresh_sdk: bool = False,
    cancel: CancelToken | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    """Run every event through every subscription, in order (the session's one SDK page)."""
    run = Pass(config, fresh_sdk, records, cancel, progress)
    result = run.segment(0, run.engine.start, None)
    if not run.finished:
        return result
    _in_blocks(result)
    result.complete = True
    result.totals()  # counted here, in the worker, so the views need not
    result.seen_ids = SeenIds()
    result.duplicates = duplicate_ids(result.message_hashes, records, result.seen_ids)
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
        return evaluate(
            records, previous.config, fresh_sdk=previous.fresh_sdk, cancel=cancel, progress=progress
        )
    run = Pass(previous.config, previous.fresh_sdk, records, cancel, progress)
    fresh = previous.fresh_sdk or start == 0
    state = run.engine.start if fresh else previous.final_state
    snapshot = state.snapshot() if state is not None and not fresh else None
    segment = run.segment(start, state, snapshot)
    if not run.finished:
        return previous
    result = Evaluation(
        previous.config,
        previous.fresh_sdk,
        verdicts=BlockList.of(previous.verdicts).extended(segment.verdicts),
        timeline=BlockList.of(previous.timeline).extended(segment.timeline),
        hazards=BlockList.of(previous.hazards).extended(segment.hazards),
        message_hashes=previous.message_hashes + segment.message_hashes,
        checkpoints={**previous.checkpoints, **segment.checkpoints},
        complete=True,
        unmatched=previous.unmatched + segment.unmatched,
        final_state=segment.final_state,
        seen_ids=previous.seen_ids.copy(),  # a dropped job must not leave its ids behind
        lineage=previous.lineage,
    )
    width = len(previous.config.subscriptions)
    result._totals = add_totals(previous.totals(), count_verdicts(segment.verdicts, width))
    later = duplicate_ids(
        result.message_hashes, records, result.seen_ids, start, previous.duplicates
    )
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
        return evaluate(
            records, previous.config, fresh_sdk=previous.fresh_sdk, cancel=cancel, progress=progress
        )
    run = Pass(previous.config, previous.fresh_sdk, records, cancel, progress)
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
    _in_blocks(result)
    result.totals()
    result.seen_ids = SeenIds()
    result.duplicates = duplicate_ids(result.message_hashes, records, result.seen_ids)
    run.report(len(records))
    return result


def _in_blocks(result: Evaluation) -> None:
    """Hold the long sequences as block lists, which later appends share instead of copying."""
    result.verdicts = BlockList.of(result.verdicts)
    result.timeline = BlockList.of(result.timeline)
    result.hazards = BlockList.of(result.hazards)


def _splice(previous: Evaluation, segment: Evaluation, start: int, stop: int) -> Evaluation:
    """``previous`` with events ``start..stop-1`` replaced by ``segment``'s."""
    inside = range(start, stop)
    ran_to_end = stop == len(previous.verdicts)
    return Evaluation(
        previous.config,
        previous.fresh_sdk,
        verdicts=[*previous.verdicts[:start], *segment.verdicts, *previous.verdicts[stop:]],
        timeline=[e for e in previous.timeline if e.event_index < start]
        + list(segment.timeline)
        + [e for e in previous.timeline if e.event_index >= stop],
        hazards=[h for h in previous.hazards if h.event_index < start]
        + list(segment.hazards)
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
        final_state=segment.final_state if ran_to_end else previous.final_state,
    )


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
        inspection = step(engine, i, records[i], state)
        if i == index:
            return inspection
        if inspection.state is not None:
            state = inspection.state
    raise IndexError(index)
