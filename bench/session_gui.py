# ruff: noqa: E402 - the imports follow the sys.path fix-up below
"""Session files in the window (offscreen): the cost of recording a big load, Save as, reopen.

Loads EVENTS events into a window whose session is recorded into its autosave (as the app
does), saves it as a session file, and reopens that file in a second window. Prints the time of
each step and the longest event-loop stall during it (a 5 ms heartbeat; goal <= 50 ms).
Evaluation runs as in the app and adds its own share. Usage: python bench/session_gui.py [EVENTS]
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
import tempfile
import time
from pathlib import Path

import orjson
import qasync
from _events import generate
from gui_load import Heartbeat
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from inspector.core.sessionfile import DATA_DIR_ENV
from inspector.core.tasks import TaskOwner
from inspector.core.workbench import AsyncioRunner, Workbench
from inspector.qt.main_window import MainWindow
from inspector.qt.session_actions import SessionActions


def _window(folder: Path, name: str) -> tuple[MainWindow, SessionActions, TaskOwner]:
    settings = QSettings(str(folder / f"{name}.ini"), QSettings.Format.IniFormat)
    tasks = TaskOwner()
    workbench = Workbench(runner=AsyncioRunner(asyncio.get_running_loop()))
    window = MainWindow(workbench, tasks, settings)
    actions = SessionActions(window)
    actions.start()
    window.show()
    return window, actions, tasks


async def _until(condition, step: float = 0.01) -> None:  # type: ignore[no-untyped-def]
    while not condition():
        await asyncio.sleep(step)


async def run(path: Path, folder: Path, count: int) -> None:
    beat = Heartbeat()
    beat.timer.start()
    window, actions, tasks = _window(folder, "first")
    await asyncio.sleep(0.3)

    beat.phase = "load"
    start = time.perf_counter()
    window.open_files([str(path)])
    await _until(lambda: not window.workbench.loading and window.model.rowCount() == count)
    loaded = time.perf_counter() - start
    beat.phase = "record"
    await actions._in_thread(actions.document.flush, "flush")
    recorded = time.perf_counter() - start

    beat.phase = "save as"
    saved = folder / "big.jimo-session"
    start = time.perf_counter()
    await actions.save_as(str(saved))
    save_time = time.perf_counter() - start

    beat.phase = "idle"
    window.close()
    await tasks.shutdown()
    again, again_actions, again_tasks = _window(folder, "second")
    await asyncio.sleep(0.3)
    beat.phase = "reopen"
    start = time.perf_counter()
    await again_actions.open_session(str(saved))
    await _until(lambda: again.model.rowCount() == count)
    reopened = time.perf_counter() - start
    beat.timer.stop()

    def stall(phase: str) -> str:
        return f"longest stall {beat.longest.get(phase, 0) * 1000:.0f} ms"

    size = path.stat().st_size
    print(f"{count:,} events, {size / 1e6:.0f} MB NDJSON")
    print(f"load into the window      {loaded:6.1f} s  {stall('load')}")
    print(f"recorded in the autosave  {recorded:6.1f} s from opening  {stall('record')}")
    print(f"save as                   {save_time:6.1f} s  {stall('save as')}")
    print(f"reopen in a new window    {reopened:6.1f} s  {stall('reopen')}")
    again.close()
    await again_tasks.shutdown()


def main() -> None:
    count = next((int(a) for a in sys.argv[1:] if a.isdigit()), 1_000_000)
    app = QApplication(sys.argv[:1])
    gc.disable()  # as the app does: collections run on the GUI thread only
    from inspector.core.foreground import GUI_SWITCH_INTERVAL

    sys.setswitchinterval(GUI_SWITCH_INTERVAL)  # as the app does
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ[DATA_DIR_ENV] = str(folder / "data")
        path = folder / "events.ndjson"
        with path.open("wb") as out:
            for event in generate(count):
                out.write(orjson.dumps(event) + b"\n")
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            runner.run(run(path, folder, count))
    del app


if __name__ == "__main__":
    main()
