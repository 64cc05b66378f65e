"""GUI fixtures: a qasync loop on the test's QApplication, and a main window over a fresh store."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from inspector.core.destinations import load_config
from inspector.core.tasks import TaskOwner
from inspector.core.workbench import AsyncioRunner, Workbench
from inspector.qt.main_window import MainWindow
from inspector.resources import DEMO_CONFIG, DEMO_SESSION


@pytest.fixture
def loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    event_loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    pending = [t for t in asyncio.all_tasks(event_loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        event_loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    event_loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def run_until(loop: asyncio.AbstractEventLoop) -> Callable[..., None]:
    """Turn the asyncio loop until ``condition()`` holds (or fail after ``timeout`` s)."""

    def wait(condition: Callable[[], bool], timeout: float = 10.0) -> None:
        async def poll() -> None:
            while not condition():
                await asyncio.sleep(0.01)

        loop.run_until_complete(asyncio.wait_for(poll(), timeout))

    return wait


@pytest.fixture
def window(qtbot, loop: asyncio.AbstractEventLoop, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    tasks = TaskOwner()
    win = MainWindow(Workbench(runner=AsyncioRunner(loop)), tasks, settings)
    qtbot.addWidget(win)
    win.show()
    # As in the app: no automatic collection, which could start inside a loader thread and
    # destroy Qt objects there ("Timers cannot be stopped from another thread").
    gc.disable()
    try:
        yield win
        loop.run_until_complete(tasks.shutdown())
    finally:
        gc.enable()
        gc.collect()


@pytest.fixture
def demo_window(window: MainWindow, run_until: Callable[..., None]) -> MainWindow:
    """The window on the demo session and its config, loaded and evaluated."""
    window.load_config(load_config(DEMO_CONFIG))
    window.open_files([str(DEMO_SESSION)])
    run_until(lambda: not window.workbench.loading and window.model.rowCount() == 58)
    settle(window, run_until)
    return window


def settle(window: MainWindow, run_until: Callable[..., None]) -> None:
    """Wait until no evaluation is scheduled or running."""
    run_until(lambda: window.workbench.idle)
