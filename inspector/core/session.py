"""An inspection session: the events, the destination config, edits, and the latest evaluation.

The workbench edits through this object (never the store directly) so that an edited event can be
reverted and so that detail views know which checkpoints of the last evaluation still hold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from inspector.core.destinations import DestinationConfig, default_config
from inspector.core.evaluation import Evaluation, evaluate, extend, inspect_event, reevaluate
from inspector.core.events import EventRecord
from inspector.core.inspection import EventInspection
from inspector.core.loaders import CancelToken
from inspector.core.store import EventStore

__all__ = ["Session", "EvaluationJob"]


@dataclass(frozen=True)
class EvaluationJob:
    """A snapshot of what to evaluate; :meth:`run` is safe in a worker thread."""

    records: Sequence[EventRecord]
    config: DestinationConfig
    fresh_sdk: bool
    previous: Evaluation | None
    edits: frozenset[int]
    full: bool
    versions: tuple[tuple[int, int], ...] = ()
    """(event, edit number) for each pending edit the job covers."""
    generation: int = 0
    """The session's generation when captured: a job from before a clear is never installed."""

    def run(
        self, cancel: CancelToken | None = None, progress: Callable[[int, int], None] | None = None
    ) -> Evaluation:
        if self.full or self.previous is None:
            return evaluate(
                self.records,
                self.config,
                fresh_sdk=self.fresh_sdk,
                cancel=cancel,
                progress=progress,
            )
        result, covered = self.previous, len(self.previous.verdicts)
        if covered < len(self.records):
            result = extend(result, self.records, cancel=cancel, progress=progress)
        for index in sorted(i for i in self.edits if i < covered):  # appended ones: done
            result = reevaluate(result, self.records, index, cancel=cancel, progress=progress)
        return result


class Session:
    """Events + config + the evaluation that goes with them (the workbench publishes changes)."""

    def __init__(
        self, store: EventStore | None = None, config: DestinationConfig | None = None
    ) -> None:
        self.store = store if store is not None else EventStore()
        self.config = config if config is not None else default_config()
        self.fresh_sdk = False
        self.evaluation: Evaluation | None = None
        self._originals: dict[int, EventRecord] = {}
        # event -> number of its latest edit, for edits no installed evaluation covers yet
        self._pending: dict[int, int] = {}
        self._edits_made = 0
        self.generation = 0

    # -- config -------------------------------------------------------------------------------
    def set_config(self, config: DestinationConfig) -> None:
        if config == self.config:
            return
        self.config = config

    # -- events -------------------------------------------------------------------------------
    def edit_event(self, index: int, data: dict[str, Any]) -> EventRecord:
        """Replace event ``index`` with ``data`` (what-if editing); the original is kept."""
        current = self.store[index]
        if data == current.data:
            return current
        if index in self._originals and data == self._originals[index].data:
            return self.revert_event(index)  # edited back to what was loaded
        self._originals.setdefault(index, current)
        record = EventRecord.from_dict(
            data, current.source, write_key=current.write_key, warnings=current.warnings
        )
        self.store.replace(index, record)
        self._note_edit(index)
        return record

    def revert_event(self, index: int) -> EventRecord:
        original = self._originals.pop(index, None)
        if original is not None:
            self.store.replace(index, original)
            self._note_edit(index)
        return self.store[index]

    def is_edited(self, index: int) -> bool:
        return index in self._originals

    @property
    def pending_edits(self) -> bool:
        """Whether some edit is not covered by the installed evaluation yet."""
        return bool(self._pending)

    def replay_from(self, index: int) -> int:
        """Where :meth:`detail` for event ``index`` starts replaying the session.

        The installed evaluation's checkpoints hold up to its end, or up to the first edit it
        does not cover, and only for the current config and SDK mode.
        """
        if self.fresh_sdk:
            return index
        evaluation = self.evaluation
        if evaluation is None or evaluation.config != self.config or evaluation.fresh_sdk:
            return 0
        usable = min([len(evaluation.verdicts), *self._pending])
        return max((k for k in evaluation.checkpoints if k <= min(index, usable)), default=0)

    def clear(self) -> None:
        self.store.clear()
        self._originals.clear()
        self.evaluation = None
        self._pending.clear()
        self.generation += 1

    def _note_edit(self, index: int) -> None:
        self._edits_made += 1
        self._pending[index] = self._edits_made

    # -- evaluation ---------------------------------------------------------------------------
    def evaluation_job(self) -> EvaluationJob:
        """What the next evaluation must do, captured now (on the GUI thread).

        Appended events are evaluated on their own, from where the last pass left the SDK;
        event edits re-evaluate just the stretch of session each can affect; a new config or a
        different SDK mode means a full pass.
        """
        records = self.store.snapshot()
        previous = self.evaluation
        full = (
            previous is None
            or not previous.complete
            or previous.config != self.config
            or previous.fresh_sdk != self.fresh_sdk
            or len(previous.verdicts) > len(records)
        )
        return EvaluationJob(
            records,
            self.config,
            self.fresh_sdk,
            previous,
            frozenset(self._pending),
            full,
            versions=tuple(self._pending.items()),
            generation=self.generation,
        )

    def run_evaluation(
        self, cancel: CancelToken | None = None, progress: Callable[[int, int], None] | None = None
    ) -> Evaluation:
        """Capture and run a job at once (scripts and tests; the window runs jobs in a thread)."""
        return self.evaluation_job().run(cancel, progress)

    def install_evaluation(self, evaluation: Evaluation, job: EvaluationJob | None = None) -> bool:
        """Adopt a finished pass, back on the GUI thread; returns False if it came too late.

        Edits made after the job was captured (even to the same event) stay pending, and a job
        captured before the events were cleared is dropped.
        """
        if job is not None and job.generation != self.generation:
            return False
        self.evaluation = evaluation
        if job is None:
            self._pending.clear()
        else:
            for index, number in job.versions:
                if self._pending.get(index) == number:
                    del self._pending[index]
        return True

    def detail(self, index: int) -> EventInspection:
        """Every subscription's full result for one event, with the SDK state before it."""
        evaluation = self.evaluation
        if evaluation is not None and evaluation.fresh_sdk != self.fresh_sdk:
            evaluation = None
        if evaluation is not None and self._pending:
            # checkpoints after the first pending edit no longer describe the session
            first = min(self._pending)
            keep = {k: v for k, v in evaluation.checkpoints.items() if k <= first}
            evaluation = replace(evaluation, checkpoints=keep)
        return inspect_event(
            self.store.events(), index, self.config, evaluation, fresh_sdk=self.fresh_sdk
        )
