# ruff: noqa: E402 - the imports follow the sys.path fix-up below
"""Open a 1,000,000-event NDJSON in the window (offscreen) and measure how the GUI copes.

Prints the longest event-loop stall while loading (a 5 ms heartbeat timer measures the gaps;
goal <= 50 ms), the time until every row is in the table, the time until the session is
evaluated (verdicts for every event x mapping, in a worker thread), and peak RSS / file size
(goal <= 1.5). Usage: python bench/gui_load.py [EVENTS] [--no-evaluate] [--browsers N] [--app-gc]

Automatic garbage collection is off, as in the app; ``--app-gc`` also runs the app's own
collections on the GUI thread (without it, the stalls leave them out).

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

import asyncio
import gc
import resource
import tempfile
import time
from pathlib import Path

import orjson
import qasync
from _events import count_and_browsers, generate
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from inspector.core.tasks import TaskOwner
from inspector.core.workbench import AsyncioRunner, Workbench
from inspector.qt.main_window import MainWindow


class Heartbeat:
    """Records the longest gap between ticks of a 5 ms timer, per phase."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)
        self.last = time.perf_counter()
        self.longest: dict[str, float] = {}
        self.phase = "idle"

    def tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        self.last = now
        self.longest[self.phase] = max(self.longest.get(self.phase, 0.0), gap)


async def run(path: Path, evaluate: bool) -> None:
    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    tasks = TaskOwner()
    workbench = Workbench(runner=AsyncioRunner(asyncio.get_running_loop()))
    window = MainWindow(workbench, tasks, settings)
    window.show()
    beat = Heartbeat()
    beat.timer.start()
    await asyncio.sleep(0.3)  # first paint (fonts) out of the way
    beat.phase = "loading"
    start = time.perf_counter()
    window.open_files([str(path)])
    while workbench.loading or window.model.rowCount() == 0:
        await asyncio.sleep(0.01)
    loaded = time.perf_counter() - start
    rows = window.model.rowCount()
    evaluated = None
    if evaluate:
        beat.phase = "evaluating"

        def busy() -> bool:
            return not workbench.idle or workbench.evaluation is None

        while busy():
            await asyncio.sleep(0.05)
        evaluated = time.perf_counter() - start
        beat.phase = "selecting"
        for row in (0, rows // 2, rows - 1):
            window.select_row(row)
            await asyncio.sleep(0.05)
    beat.timer.stop()
    size = path.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"{rows:,} events, {size / 1e6:.0f} MB file")
    print(
        f"loaded in {loaded:.1f} s ({rows / loaded:,.0f} events/s); "
        f"longest stall while loading {beat.longest.get('loading', 0) * 1000:.0f} ms"
    )
    if evaluated is not None:
        print(
            f"evaluated in {evaluated:.1f} s from opening ({evaluated - loaded:.1f} s after "
            f"loading ended; goal <= 10 s); longest stall while evaluating "
            f"{beat.longest.get('evaluating', 0) * 1000:.0f} ms; while selecting events "
            f"{beat.longest.get('selecting', 0) * 1000:.0f} ms"
        )
    print(f"peak RSS {peak / 1e6:.0f} MB = {peak / size:.2f} x file size")
    start = time.perf_counter()
    gc.collect()
    print(
        f"one full garbage collection ({len(gc.get_objects()):,} tracked objects): "
        f"{(time.perf_counter() - start) * 1000:.0f} ms (the app collects on the GUI thread)"
    )
    window.close()
    await tasks.shutdown()


def main() -> None:
    args = sys.argv[1:]
    count, browsers = count_and_browsers(args)
    evaluate = "--no-evaluate" not in sys.argv
    app = QApplication(sys.argv[:1])
    gc.disable()  # as the app does: collections run on the GUI thread only
    if "--app-gc" in args:  # and collect there as the app does (the stalls then include it)
        from inspector.app import _GuiThreadGarbageCollector

        collector = _GuiThreadGarbageCollector()
    from inspector.core.foreground import GUI_SWITCH_INTERVAL

    sys.setswitchinterval(GUI_SWITCH_INTERVAL)  # as the app does
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.ndjson"
        with path.open("wb") as out:
            for event in generate(count, browsers=browsers):
                out.write(orjson.dumps(event) + b"\n")
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            runner.run(run(path, evaluate))
    if "--app-gc" in args:
        collector.stop()
    del app


if __name__ == "__main__":
    main()
