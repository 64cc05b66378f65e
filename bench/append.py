# ruff: noqa: E402 - the imports follow the sys.path fix-up below
"""What appending events to a big open session costs: evaluation and the GUI thread's share.

Evaluates N generated events (default 1,000,000) once, then appends bursts of 100 events (five
of them retries of recent messageIds) through the workbench, as a capture would, and prints:

- the evaluation of each burst (``extend`` in the worker; goal < 50 ms), next to a full pass;
- the owner thread's share: taking the burst in (store, filter, listeners) and installing the
  result;
- with ``--gui``: the window open on the session (offscreen) and the longest gap of a 5 ms
  heartbeat timer while bursts arrive from another thread and are evaluated (goal <= 50 ms).

Usage: python bench/append.py [EVENTS] [--gui] [--browsers N]

The generated events each come from a browser of their own (anonymousId), the worst case for
the window's default SDK mode (one page per browser); ``--browsers N`` spreads them over about
N browsers instead.
"""

from __future__ import annotations

import os
import sys

_BENCH = os.path.dirname(os.path.abspath(__file__))
if sys.path and os.path.abspath(sys.path[0]) == _BENCH:
    del sys.path[0]  # bench/inspect.py would shadow the standard library's inspect
sys.path.append(_BENCH)
sys.path.insert(0, os.path.dirname(_BENCH))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import statistics
import time
from collections.abc import Callable
from typing import Any

from _events import count_and_browsers, generate

from inspector.core.destinations import default_config
from inspector.core.evaluation import Evaluation, evaluate
from inspector.core.events import EventRecord, EventSource
from inspector.core.workbench import Done, Workbench

BURST = 100
BURSTS = 10
SOURCE = EventSource("capture", "bench")


class InlineRunner:
    """Runs jobs at once on the calling thread, timing each; timers fire when asked."""

    def __init__(self) -> None:
        self.timers: list[Callable[[], None]] = []
        self.job_seconds: list[float] = []

    def call_later(self, delay: float, callback: Callable[[], None]) -> Any:
        self.timers.append(callback)
        return _Handle(self.timers, callback)

    def call_soon_threadsafe(self, callback: Callable[[], None]) -> None:
        callback()

    def run_in_thread(self, work: Callable[[], Any], done: Done[Any], name: str) -> None:
        start = time.perf_counter()
        value = work()
        self.job_seconds.append(time.perf_counter() - start)
        done(value, None)

    def fire(self) -> None:
        timers, self.timers = self.timers, []
        for callback in timers:
            callback()


class _Handle:
    def __init__(self, timers: list[Callable[[], None]], callback: Callable[[], None]) -> None:
        self.timers, self.callback = timers, callback

    def cancel(self) -> None:
        if self.callback in self.timers:
            self.timers.remove(self.callback)


def burst(records: list[EventRecord], n: int, seed: int) -> list[EventRecord]:
    """``n`` new events, five of them retries (same messageId) of events among the last 5,000.

    Clients retry within seconds, so a retried event is a recent one.
    """
    fresh = [EventRecord.from_dict(e, SOURCE) for e in generate(n, seed=seed)]
    for k in range(5):
        fresh[k * (n // 5)] = records[-1 - (seed * 37 + k * 997) % min(5_000, len(records))]
    return fresh


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def headless(records: list[EventRecord], base: Evaluation) -> None:
    runner = InlineRunner()
    workbench = Workbench(base.config, runner=runner)
    workbench.store.extend(records)
    workbench.session.install_evaluation(base)
    workbench.set_filter('type = "track" and properties.total > 100')
    runner.job_seconds.clear()  # the filter's pass over every event is not part of it
    take_in, owner, alone = [], [], []
    for b in range(BURSTS):
        events = burst(records, BURST, seed=1000 + b)
        start = time.perf_counter()
        workbench.append(events)
        take_in.append(time.perf_counter() - start)
        start = time.perf_counter()
        runner.fire()  # the pause ends: the job is captured, run (timed) and installed
        owner.append(time.perf_counter() - start - runner.job_seconds[-1])
        start = time.perf_counter()
        evaluate(events, base.config, browsers=True)  # the same events alone: the engine's share
        alone.append(time.perf_counter() - start)
    evaluation = workbench.evaluation
    assert evaluation is not None and len(evaluation.verdicts) == len(workbench)
    assert evaluation.extends(base)
    found = len(evaluation.duplicates) - len(base.duplicates)
    print(f"append {BURST} events to {len(records):,} ({BURSTS} bursts, {found} retries flagged):")
    jobs = runner.job_seconds
    print(
        f"  evaluation (worker): median {ms(statistics.median(jobs))}, max {ms(max(jobs))}; "
        f"the same {BURST} events evaluated alone: median {ms(statistics.median(alone))}"
    )
    print(
        f"  owner thread: take in (store, filter, listeners) median "
        f"{ms(statistics.median(take_in))}, max {ms(max(take_in))}; capture the job and install "
        f"the result median {ms(statistics.median(owner))}, max {ms(max(owner))}"
    )


def gui(records: list[EventRecord], base: Evaluation) -> None:
    import asyncio
    import threading

    import qasync
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from inspector.core.tasks import TaskOwner
    from inspector.core.workbench import AsyncioRunner
    from inspector.qt.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    from inspector.core.foreground import GUI_SWITCH_INTERVAL

    sys.setswitchinterval(GUI_SWITCH_INTERVAL)  # as the app does

    async def run() -> None:
        import tempfile

        settings_dir = tempfile.mkdtemp()
        settings = QSettings(f"{settings_dir}/s.ini", QSettings.Format.IniFormat)
        workbench = Workbench(base.config, runner=AsyncioRunner(asyncio.get_running_loop()))
        tasks = TaskOwner()
        window = MainWindow(workbench, tasks, settings)
        window.show()
        for start in range(0, len(records), 8_000):  # in a load's chunks
            workbench.append(records[start : start + 8_000])
            await asyncio.sleep(0)
        workbench.stop()  # the evaluation is made already (a pass started meanwhile is dropped)
        workbench.session.install_evaluation(base)
        start = time.perf_counter()
        slowest = _emit_timed(workbench.evaluation_changed, base)
        installed = time.perf_counter() - start
        window.select_row(len(records) // 2)
        await asyncio.sleep(1.0)  # first paints out of the way
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        beat = QTimer(window)
        beat.setInterval(5)
        beat.timeout.connect(tick)
        beat.start()  # the same while nothing happens: what the machine itself adds
        await asyncio.sleep(2.0)
        beat.stop()
        idle = max(gaps)
        gaps.clear()
        beat.start()  # the same while a thread does a burst's evaluation work, window idle
        worker = threading.Thread(
            target=lambda: evaluate(burst(records, BURST, 3), base.config, browsers=True)
        )
        worker.start()
        while worker.is_alive():
            await asyncio.sleep(0.005)
        beat.stop()
        busy = max(gaps)
        handling: dict[str, list[float]] = {"take in": [], "install": []}
        timed(workbench._inbox, "_deliver", handling["take in"])
        timed(workbench.evaluation_changed, "emit", handling["install"])
        worst = []
        for b in range(BURSTS):
            events = burst(records, BURST, seed=2000 + b)
            target = len(workbench) + BURST
            gaps.clear()
            last[0] = time.perf_counter()
            beat.start()
            sender = threading.Thread(
                target=lambda ev=events: [workbench.append_threadsafe([e]) for e in ev]
            )
            sender.start()
            while True:
                evaluation = workbench.evaluation
                if evaluation is not None and len(evaluation.verdicts) == target:
                    break
                await asyncio.sleep(0.005)
            await asyncio.sleep(0.05)
            beat.stop()
            sender.join()
            worst.append(max(gaps))
        print(
            f"window open on {len(records):,} events, {BURSTS} bursts of {BURST} from another "
            f"thread: longest heartbeat gap median {ms(statistics.median(worst))}, "
            f"max {ms(max(worst))} (5 ms timer; {ms(idle)} with nothing happening, "
            f"{ms(busy)} while a thread evaluates {BURST} events and the window idles)"
        )
        print(
            f"  GUI thread: installing the full evaluation took {ms(installed)} "
            f"(slowest listener {slowest[1]}: {ms(slowest[0])})"
        )
        for name, seconds in handling.items():
            print(
                f"  GUI thread {name} (workbench + every view): median "
                f"{ms(statistics.median(seconds))}, max {ms(max(seconds))}"
            )
        window.close()
        await tasks.shutdown()

    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(run())
    del app


def _emit_timed(signal: Any, value: Any) -> tuple[float, str]:
    """Tell each listener of ``signal`` in turn; the slowest one's time and name."""
    slowest = (0.0, "")
    for listener in list(signal._listeners):
        start = time.perf_counter()
        listener(value)
        took = time.perf_counter() - start
        name = getattr(listener, "__qualname__", repr(listener))
        slowest = max(slowest, (took, name))
    return slowest


def timed(owner: object, name: str, into: list[float]) -> None:
    """Wrap ``owner.name`` so that each call's duration is added to ``into``."""
    original = getattr(owner, name)

    def call(*args: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args)
        finally:
            into.append(time.perf_counter() - start)

    setattr(owner, name, call)


def main() -> None:
    count, browsers = count_and_browsers(sys.argv[1:])
    gc.disable()  # as the app does: collections run on the GUI thread only, between ticks
    start = time.perf_counter()
    records = [EventRecord.from_dict(e, SOURCE) for e in generate(count, browsers=browsers)]
    print(
        f"{count:,} events from {len({r.data.get('anonymousId') for r in records}):,} browsers "
        f"generated in {time.perf_counter() - start:.0f} s"
    )
    start = time.perf_counter()
    base = evaluate(records, default_config(), browsers=True)  # the window's default mode
    full = time.perf_counter() - start
    print(f"full evaluation: {full:.1f} s ({count / full:,.0f} events/s)")
    headless(records, base)
    if "--gui" in sys.argv:
        gui(records, base)


if __name__ == "__main__":
    main()
