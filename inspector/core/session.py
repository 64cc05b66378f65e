"""An inspection session: the events, the destination config, edits, and the latest evaluation.

The window edits through this object (never the store directly) so that an edited event can be
reverted and so that detail views know which checkpoints of the last evaluation still hold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from inspector.core.destinations import DestinationConfig, default_config
from inspector.core.evaluation import Evaluation, evaluate, inspect_event
from inspector.core.events import EventRecord
from inspector.core.inspection import EventInspection
from inspector.core.loaders import CancelToken
from inspector.core.store import EventStore

__all__ = ["Session"]

Listener = Callable[[], None]


class Session:
    """Events + config + the evaluation that goes with them.

    Listeners (plain callables) are told when the config changes (``config_listeners``) and
    when a new evaluation is installed (``evaluation_listeners``).
    """

    def __init__(
        self, store: EventStore | None = None, config: DestinationConfig | None = None
    ) -> None:
        self.store = store if store is not None else EventStore()
        self.config = config if config is not None else default_config()
        self.fresh_sdk = False
        self.evaluation: Evaluation | None = None
        self._originals: dict[int, EventRecord] = {}
        self._stale_from: int | None = None
        self.config_listeners: list[Listener] = []
        self.evaluation_listeners: list[Listener] = []

    # -- config -------------------------------------------------------------------------------
    def set_config(self, config: DestinationConfig) -> None:
        if config == self.config:
            return
        self.config = config
        for listener in self.config_listeners:
            listener()

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
        self._mark_stale(index)
        return record

    def revert_event(self, index: int) -> EventRecord:
        original = self._originals.pop(index, None)
        if original is not None:
            self.store.replace(index, original)
            self._mark_stale(index)
        return self.store[index]

    def is_edited(self, index: int) -> bool:
        return index in self._originals

    def original(self, index: int) -> EventRecord:
        return self._originals.get(index, self.store[index])

    def clear(self) -> None:
        self.store.clear()
        self._originals.clear()
        self.evaluation = None
        self._stale_from = None

    def _mark_stale(self, index: int) -> None:
        self._stale_from = index if self._stale_from is None else min(self._stale_from, index)

    # -- evaluation ---------------------------------------------------------------------------
    def run_evaluation(
        self, cancel: CancelToken | None = None, progress: Callable[[int, int], None] | None = None
    ) -> Evaluation:
        """The long pass; safe to run in a worker thread over a snapshot of the events."""
        records = list(self.store.events())
        return evaluate(
            records, self.config, fresh_sdk=self.fresh_sdk, cancel=cancel, progress=progress
        )

    def install_evaluation(self, evaluation: Evaluation) -> None:
        """Adopt a finished (or partial) pass; back on the GUI thread."""
        self.evaluation = evaluation
        self._stale_from = None
        for listener in self.evaluation_listeners:
            listener()

    def detail(self, index: int) -> EventInspection:
        """Every subscription's full result for one event, with the SDK state before it."""
        evaluation = self.evaluation
        if evaluation is not None and self._stale_from is not None:
            # checkpoints after the first edit no longer describe the session
            keep = {k: v for k, v in evaluation.checkpoints.items() if k <= self._stale_from}
            evaluation = replace(evaluation, checkpoints=keep)
        return inspect_event(
            self.store.events(), index, self.config, evaluation, fresh_sdk=self.fresh_sdk
        )
