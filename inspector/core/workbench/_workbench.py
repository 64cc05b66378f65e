"""The workbench: one session's events, config, what-if edits, evaluation and filter."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import partial

from inspector.core.destinations import DestinationConfig
from inspector.core.evaluation import Evaluation
from inspector.core.events import EventRecord
from inspector.core.filtering import EventFilter, compile_filter, filter_rows
from inspector.core.foreground import FOREGROUND
from inspector.core.inspection import EventInspection
from inspector.core.jobs import LoadJob
from inspector.core.loaders import BadRecord, CancelToken, read_bytes
from inspector.core.session import EvaluationJob, Session
from inspector.core.store import EventStore
from inspector.core.workbench._filter import SYNC_FILTER_LIMIT, FilterResult
from inspector.core.workbench._inbox import Inbox
from inspector.core.workbench._runner import Cancellable, Runner
from inspector.core.workbench._signal import Signal

__all__ = ["Workbench", "EVALUATE_DELAY", "DETAIL_REPLAY_LIMIT", "APPEND_INTERVAL"]

EVALUATE_DELAY = 0.3
"""Seconds of quiet after an edit before the session is evaluated again."""
DETAIL_REPLAY_LIMIT = 2_048
"""Without a usable evaluation, detail is given only for events this early (replay cost)."""
APPEND_INTERVAL = 0.1
"""Seconds at least between two appends of events handed over by other threads (a capture):
every append repaints the event list, and a repaint while worker threads hold the GIL is
what stalls the window."""


class Workbench:
    """The one owner of a session: ingest, evaluate, filter; publishes every change.

    Everything but :meth:`append_threadsafe` is called on the *owner thread* (the GUI thread in
    the app, the test's thread in tests), and every signal is emitted there, so a listener may
    touch widgets. Long work (evaluating, filtering a big list) runs in worker threads through
    the injected :class:`Runner`; its results come back to the owner thread.

    Ingesting from another thread (a capture server): call
    ``workbench.append_threadsafe(records, bad)`` as often as events arrive. Everything handed
    over before the owner thread's next tick becomes one :meth:`append`, so listeners hear of a
    burst once, not once per event; and a steady stream becomes at most one append every
    :data:`APPEND_INTERVAL` seconds (``append_interval``).

    Subscribing: ``workbench.events_appended.connect(fn)`` and so on; ``fn`` takes the
    arguments shown with each signal:

    - ``events_appended(first, last)``: events ``first..last`` were added (also in ``store``);
    - ``bad_added(records)``: records that could not be used were skipped;
    - ``evaluation_changed(evaluation | None)``: a new evaluation is installed (None: cleared);
    - ``evaluation_progress(done, total)``: how far the running evaluation is;
    - ``config_changed(config)``: the destination config or the SDK mode changed;
    - ``event_edited(index)``: a what-if edit or revert; it stays pending until evaluated;
    - ``cleared()``: every event, edit and result is gone;
    - ``filter_changed(result)``: a new :class:`FilterResult` for the event list;
    - ``load_started(name)``, ``load_progress(done_bytes, total_bytes)``,
      ``load_error(message)``, ``load_finished(cancelled)``: a file load's course;
    - ``failed(what, exception)``: background work raised (a bug: tell the user).
    """

    def __init__(
        self,
        config: DestinationConfig | None = None,
        *,
        runner: Runner,
        call_soon_threadsafe: Callable[[Callable[[], None]], None] | None = None,
        store: EventStore | None = None,
        evaluate_delay: float = EVALUATE_DELAY,
    ) -> None:
        self.session = Session(store, config)
        self.store = self.session.store
        self.runner = runner
        self.evaluate_delay = evaluate_delay
        self.sync_filter_limit = SYNC_FILTER_LIMIT
        """Up to this many events a filter runs on the owner thread; beyond, in a worker."""
        self._call_soon = call_soon_threadsafe or runner.call_soon_threadsafe
        self._inbox = Inbox(self.append, self._call_soon, runner.call_later, APPEND_INTERVAL)
        self._timer: Cancellable | None = None
        self._restart = False
        self._eval_token: CancelToken | None = None
        self._filter_token: CancelToken | None = None
        self.evaluating = False
        self.load_job: LoadJob | None = None
        self.filter_result = FilterResult()
        self.events_appended: Signal[[int, int]] = Signal()
        self.bad_added: Signal[[Sequence[BadRecord]]] = Signal()
        self.evaluation_changed: Signal[[Evaluation | None]] = Signal()
        self.evaluation_progress: Signal[[int, int]] = Signal()
        self.config_changed: Signal[[DestinationConfig]] = Signal()
        self.event_edited: Signal[[int]] = Signal()
        self.cleared: Signal[[]] = Signal()
        self.filter_changed: Signal[[FilterResult]] = Signal()
        self.load_started: Signal[[str]] = Signal()
        self.load_progress: Signal[[int, int]] = Signal()
        self.load_error: Signal[[str]] = Signal()
        self.load_finished: Signal[[bool]] = Signal()
        self.failed: Signal[[str, BaseException]] = Signal()

    # -- state --------------------------------------------------------------------------------
    @property
    def config(self) -> DestinationConfig:
        return self.session.config

    @property
    def evaluation(self) -> Evaluation | None:
        return self.session.evaluation

    @property
    def fresh_sdk(self) -> bool:
        return self.session.fresh_sdk

    @property
    def loading(self) -> bool:
        return self.load_job is not None

    @property
    def idle(self) -> bool:
        """No evaluation scheduled or running, no load running."""
        return self._timer is None and not self.evaluating and not self.loading

    def __len__(self) -> int:
        return len(self.store)

    def is_edited(self, index: int) -> bool:
        return self.session.is_edited(index)

    def matches_nothing(self, index: int) -> bool:
        evaluation = self.session.evaluation
        return evaluation is not None and evaluation.matches_nothing(index)

    # -- ingest -------------------------------------------------------------------------------
    def append(self, records: Sequence[EventRecord], bad: Sequence[BadRecord] = ()) -> None:
        """Add events (and skipped records) at the end; on the owner thread."""
        first = len(self.store)
        if records:
            self.filter_result.extend(first, records)
            self.store.extend(records)
        if bad:
            self.store.add_bad(bad)
            self.bad_added.emit(bad)
        if records:
            self.events_appended.emit(first, len(self.store) - 1)
            if not self.loading:  # a load evaluates once it finishes
                self.schedule_evaluation(restart=False)

    @property
    def append_interval(self) -> float:
        """Seconds at least between two appends of events from other threads (0: every tick)."""
        return self._inbox.interval

    @append_interval.setter
    def append_interval(self, seconds: float) -> None:
        self._inbox.interval = seconds

    def append_threadsafe(
        self, records: Sequence[EventRecord], bad: Sequence[BadRecord] = ()
    ) -> None:
        """From any thread: appended on the owner thread's next tick, with whatever else came."""
        self._inbox.put(records, bad)

    async def load_files(self, paths: Sequence[str]) -> None:
        """Load files in a worker thread, appending chunk by chunk (at most ~20 a second).

        The reader waits while the owner thread takes a chunk in (back-pressure), so the owner
        thread never queues more than one. A new load replaces a running one.
        """
        self.cancel_loading()
        job = self.load_job = LoadJob(paths)
        more = "" if len(paths) == 1 else " and more"
        self.load_started.emit(os.path.basename(paths[0]) + more)
        try:
            async for chunk in job:
                if job.cancelled or self.load_job is not job:
                    continue  # cancelled or replaced: what was still in flight is dropped
                self.append(chunk.events, chunk.bad)
                if chunk.error:
                    self.load_error.emit(chunk.error)
                self.load_progress.emit(chunk.done_bytes, chunk.total_bytes)
        finally:
            if self.load_job is job:
                self.load_job = None
            self.load_finished.emit(job.cancelled)
            self.schedule_evaluation(restart=False)

    def cancel_loading(self) -> None:
        if self.load_job is not None:
            self.load_job.cancel()

    def paste(self, text: str) -> int:
        """Append the events in ``text`` (an event, an array, NDJSON or a batch): how many.

        Raises :class:`~inspector.core.errors.InspectorError` when it is not events at all.
        """
        data = text.strip()
        if not data:
            return 0
        items = read_bytes(data.encode("utf-8"), "clipboard")
        events = [i for i in items if isinstance(i, EventRecord)]
        self.append(events, [i for i in items if isinstance(i, BadRecord)])
        return len(events)

    def stop(self) -> None:
        """Stop every background job (the window closes); events and results stay."""
        self.cancel_loading()
        self._stop_timer()
        for token in (self._eval_token, self._filter_token):
            if token is not None:
                token.cancel()
        self._eval_token = self._filter_token = None
        self.evaluating = False

    # -- editing ------------------------------------------------------------------------------
    def set_config(self, config: DestinationConfig) -> None:
        if config == self.session.config:
            return
        self.session.set_config(config)
        self.config_changed.emit(config)
        self.schedule_evaluation()

    def set_fresh_sdk(self, on: bool) -> None:
        """Each event meets a newly initialised SDK (True) or one page session (False)."""
        if on == self.session.fresh_sdk:
            return
        self.session.fresh_sdk = on
        self.config_changed.emit(self.session.config)
        self.schedule_evaluation()

    def set_sdk_sessions(self, mode: str) -> None:
        """``page``: one SDK page for all events; ``browser``: one per anonymousId; ``event``:
        a fresh SDK for each event (see :mod:`inspector.core.sdk_sessions`)."""
        fresh, browsers = mode == "event", mode == "browser"
        if (fresh, browsers) == (self.session.fresh_sdk, self.session.browsers):
            return
        self.session.fresh_sdk, self.session.browsers = fresh, browsers
        self.config_changed.emit(self.session.config)
        self.schedule_evaluation()

    @property
    def sdk_sessions(self) -> str:
        if self.session.fresh_sdk:
            return "event"
        return "browser" if self.session.browsers else "page"

    def edit_event(self, index: int, data: dict[str, object]) -> None:
        """What-if edit of event ``index``; evaluated after a pause in editing."""
        if not 0 <= index < len(self.store):
            return
        record = self.session.edit_event(index, data)
        self.filter_result.update(index, record)
        self.event_edited.emit(index)
        self.schedule_evaluation()

    def revert_event(self, index: int) -> None:
        if not 0 <= index < len(self.store):
            return
        record = self.session.revert_event(index)
        self.filter_result.update(index, record)
        self.event_edited.emit(index)
        self.schedule_evaluation()

    def clear(self) -> None:
        """Drop every event, edit and result; a load or evaluation under way is dropped too."""
        self.stop()
        self._inbox.drop()
        self.session.clear()
        flt = self.filter_result.filter
        self.filter_result = FilterResult(flt, None if flt.kind == "all" else bytearray())
        self.cleared.emit()
        self.evaluation_changed.emit(None)

    # -- filtering ----------------------------------------------------------------------------
    def set_filter(self, text: str | EventFilter) -> EventFilter:
        """Filter the event list; returns the compiled filter (its ``error`` leaves all as is).

        Small lists are filtered at once; big ones in a worker, and ``filter_changed`` follows.
        """
        flt = compile_filter(text) if isinstance(text, str) else text
        if flt.error is not None:
            return flt
        if self._filter_token is not None:
            self._filter_token.cancel()
            self._filter_token = None
        records = self.store.snapshot()
        if flt.kind == "all" or len(records) <= self.sync_filter_limit:
            accepted = None if flt.kind == "all" else filter_rows(records, flt)
            self._install_filter(FilterResult(flt, accepted))
            return flt
        token = self._filter_token = CancelToken()
        self.runner.run_in_thread(
            lambda: filter_rows(records, flt, token),
            partial(self._filtered, token, flt),
            name="filter",
        )
        return flt

    def _filtered(
        self, token: CancelToken, flt: EventFilter, accepted: bytearray | None, error: object
    ) -> None:
        if token.cancelled or self._filter_token is not token:
            return
        self._filter_token = None
        if isinstance(error, BaseException):
            self.failed.emit("filter events", error)
        elif accepted is not None:
            self._install_filter(FilterResult(flt, accepted))

    def _install_filter(self, result: FilterResult) -> None:
        self.filter_result = result
        self.filter_changed.emit(result)

    # -- evaluation ---------------------------------------------------------------------------
    def schedule_evaluation(self, restart: bool = True) -> None:
        """Evaluate after a pause: ``restart`` (edits, config) also restarts a running pass.

        Appends do not: they keep a pending pause as it is (a steady stream would otherwise
        postpone evaluation for ever) and wait for a running pass, then evaluate what is new.
        """
        self._restart = self._restart or restart
        if self._timer is not None:
            if not restart:
                return
            self._timer.cancel()
        self._timer = self.runner.call_later(self.evaluate_delay, self._start_evaluation)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _start_evaluation(self) -> None:
        self._timer = None
        if self.evaluating and not self._restart:
            return  # appends only: the running pass reschedules when it ends
        self._restart = False
        if self._eval_token is not None:
            self._eval_token.cancel()
        token = self._eval_token = CancelToken()
        job = self.session.evaluation_job()
        self.evaluating = True

        def progress(done: int, total: int) -> None:  # in the worker thread
            self._call_soon(lambda: self._progress(token, done, total))

        self.runner.run_in_thread(
            lambda: job.run(token, progress), partial(self._evaluated, token, job), "evaluate"
        )

    def _progress(self, token: CancelToken, done: int, total: int) -> None:
        if self._eval_token is token:
            self.evaluation_progress.emit(done, total)

    def _evaluated(
        self,
        token: CancelToken,
        job: EvaluationJob,
        result: Evaluation | None,
        error: BaseException | None,
    ) -> None:
        if self._eval_token is not token:
            return  # replaced by a newer pass, or the session was cleared
        self._eval_token = None
        self.evaluating = False
        if error is not None:
            self.failed.emit("evaluate session", error)
            return
        if token.cancelled or result is None or not self.session.install_evaluation(result, job):
            return
        with FOREGROUND.closed():  # every view takes it in: worker threads leave them the GIL
            self.evaluation_changed.emit(result)
        behind = len(job.records) != len(self.store) or self.session.pending_edits
        if behind and self._timer is None and not self.loading:
            self.schedule_evaluation(restart=False)

    def evaluate_now(self) -> None:
        """Start evaluating at once (no pause); the result arrives like any other."""
        self._stop_timer()
        self._restart = True
        self._start_evaluation()

    # -- detail -------------------------------------------------------------------------------
    def detail(self, index: int) -> EventInspection | None:
        """Every subscription's full result for event ``index``.

        ``None`` while no evaluation reaches near enough to the event: replaying the session
        up to it would stall the owner thread (the next evaluation brings it). Raises
        :class:`~inspector.core.errors.InspectorError` when the destination refuses the config.
        """
        if index - self.session.replay_from(index) >= DETAIL_REPLAY_LIMIT:
            return None
        return self.session.detail(index)
