"""A hand-turned runner for the workbench: the test decides when timers fire and jobs run."""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from inspector.core.events import EventRecord
from inspector.core.loaders import read_bytes
from inspector.core.workbench import Done, Workbench
from tests.factories import make_event


@dataclass
class Timer:
    due: float
    callback: Callable[[], None]
    cancelled: bool = False

    def cancel(self) -> None:
        self.cancelled = True


@dataclass
class Job:
    work: Callable[[], Any]
    done: Done[Any]
    name: str


@dataclass
class ManualRunner:
    """Timers fire on :meth:`advance`; jobs wait in ``jobs`` until :meth:`run_jobs` (or run in
    real threads with ``threaded``); cross-thread callbacks wait for :meth:`tick`."""

    threaded: bool = False
    now: float = 0.0
    timers: list[Timer] = field(default_factory=list)
    jobs: list[Job] = field(default_factory=list)
    inbox: queue.SimpleQueue[Callable[[], None]] = field(default_factory=queue.SimpleQueue)
    started: list[str] = field(default_factory=list)

    def call_later(self, delay: float, callback: Callable[[], None]) -> Timer:
        timer = Timer(self.now + delay, callback)
        self.timers.append(timer)
        return timer

    def call_soon_threadsafe(self, callback: Callable[[], None]) -> None:
        self.inbox.put(callback)

    def run_in_thread(self, work: Callable[[], Any], done: Done[Any], name: str) -> None:
        self.started.append(name)
        job = Job(work, done, name)
        if self.threaded:
            threading.Thread(target=self._run, args=(job,), daemon=True).start()
        else:
            self.jobs.append(job)

    def _run(self, job: Job) -> None:
        try:
            value = job.work()
        except Exception as exc:  # noqa: BLE001 - handed back as the real runner does
            error = exc
            self.call_soon_threadsafe(lambda: job.done(None, error))
        else:
            self.call_soon_threadsafe(lambda: job.done(value, None))

    def advance(self, seconds: float) -> None:
        self.now += seconds
        for timer in [t for t in self.timers if t.due <= self.now and not t.cancelled]:
            self.timers.remove(timer)
            timer.callback()

    def tick(self) -> int:
        """Run what other threads handed to the owner thread; returns how many callbacks."""
        count = 0
        while not self.inbox.empty():
            self.inbox.get()()
            count += 1
        return count

    def run_jobs(self) -> None:
        jobs, self.jobs = self.jobs, []
        for job in jobs:
            self._run(job)
        self.tick()

    def settle(self, workbench: Workbench, rounds: int = 50) -> None:
        for _ in range(rounds):
            if workbench.idle and not self.jobs:
                return
            self.advance(1.0)
            self.run_jobs()
        raise AssertionError("the workbench never became idle")


@pytest.fixture
def runner() -> ManualRunner:
    return ManualRunner()


@pytest.fixture
def workbench(runner: ManualRunner) -> Workbench:
    return Workbench(runner=runner)


def records(*events: dict[str, Any]) -> list[EventRecord]:
    data = "\n".join(json.dumps(e) for e in events).encode()
    return [r for r in read_bytes(data, "t.ndjson", kind="file") if isinstance(r, EventRecord)]


def tracks(count: int, **overrides: Any) -> list[EventRecord]:
    return records(*(make_event(**overrides) for _ in range(count)))
