"""The application: the only module that knows the core, the Qt layer and qasync together."""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Sequence

import qasync
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from inspector import __version__
from inspector.core.destinations import default_config, load_config
from inspector.core.foreground import GUI_SWITCH_INTERVAL
from inspector.core.tasks import TaskOwner
from inspector.core.workbench import AsyncioRunner, Workbench
from inspector.qt.capture_control import CaptureControl
from inspector.qt.error_dialog import error_dialog
from inspector.qt.main_window import MainWindow
from inspector.qt.send_wiring import install_send
from inspector.qt.session_actions import SessionActions
from inspector.resources import APP_ICON, DEMO_CONFIG, DEMO_SESSION

__all__ = ["run", "build_window", "wire_har_export"]


def build_window(files: Sequence[str], tasks: TaskOwner) -> MainWindow:
    """Create the main window and start loading ``files`` (or the demo session and its config).

    Runs on the event loop: the workbench's timers, worker results and cross-thread appends all
    come back through it, to the GUI thread.
    """
    config = default_config() if files else load_config(DEMO_CONFIG)
    workbench = Workbench(config, runner=AsyncioRunner(asyncio.get_running_loop()))
    window = MainWindow(workbench, tasks)
    session = SessionActions(window)  # kept in a file: autosaved until saved, restored on crash
    # sends are recorded in the session's own file, beside its events
    install_send(window, ledger_path=lambda: session.document.recording_path)

    def report(name: str, error: BaseException) -> None:
        error_dialog(window, f"Jimo Inspector: {name} failed", error)

    tasks.error_handlers.append(report)
    workbench.failed.connect(report)
    session.start()
    session.open_paths(list(files) or [str(DEMO_SESSION)])
    QTimer.singleShot(0, session.offer_restore)
    return window


def wire_har_export(window: MainWindow, capture: CaptureControl) -> None:
    """Captured requests as HAR… reads the capture's or the window's session file, not a dialog.

    The running capture's file first, else the window's own session file; the export asks the
    user for a file only when there is neither.
    """
    session = window.findChild(SessionActions)

    def session_file() -> str | None:
        if capture.server is not None:
            return str(capture.server.session_path)
        return session.document.recording_path if session is not None else None

    window.compare_export.set_session_file(session_file)


class _GuiThreadGarbageCollector(QObject):
    """Runs the cyclic garbage collector on the GUI thread only.

    Left automatic, a collection can start inside a loader thread and destroy Qt objects
    there, which Qt forbids; so automatic collection is off and this timer does it instead.

    What survives a collection is frozen, and the timer runs ten times a second, so each object
    is looked at once, young, in a slice of at most 0.1 s of allocations: a million-event session
    is millions of tracked objects, and scanning them took seconds on the GUI thread (and a
    second's worth of a load's new objects a few hundred milliseconds). Frozen objects are still
    freed when nothing refers to them; only cycles among them (the core makes almost none) wait
    for :meth:`thaw`, which runs when the session is cleared, and every ``thaw_every`` ticks
    while so few objects are frozen that a whole collection is quick (:data:`SMALL_HEAP`).
    """

    SMALL_HEAP = 120_000
    """Tracked objects a whole collection scans within a frame or two (~0.4 µs each)."""

    def __init__(self, interval_ms: int = 100, thaw_every: int = 600) -> None:
        super().__init__()
        self._thaw_every = thaw_every
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._collect)
        gc.disable()
        self._timer.start(interval_ms)

    def _collect(self) -> None:
        self._ticks += 1
        if self._ticks % self._thaw_every == 0 and gc.get_freeze_count() < self.SMALL_HEAP:
            self.thaw()
            gc.freeze()
            return
        gen0, gen1, gen2 = gc.get_threshold()
        count0, count1, count2 = gc.get_count()
        if count0 > gen0:
            generation = 2 if count2 > gen2 else 1 if count1 > gen1 else 0
            gc.collect(generation)
            gc.freeze()  # what survived is long-lived: later collections look only at new objects

    def thaw(self) -> None:
        """Collect everything again (the session was cleared: what was frozen is mostly gone)."""
        gc.unfreeze()
        gc.collect()

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()
        gc.enable()


async def _main(app: QApplication, files: Sequence[str]) -> int:
    quitting = asyncio.Event()
    app.aboutToQuit.connect(quitting.set)
    collector = _GuiThreadGarbageCollector()
    tasks = TaskOwner()
    window = build_window(files, tasks)
    window.workbench.cleared.connect(collector.thaw)
    capture = CaptureControl(window, window.workbench, session=window.findChild(SessionActions))
    wire_har_export(window, capture)
    window.show()
    await quitting.wait()
    capture.stop()  # requests under way are answered and stored before the server goes
    await tasks.shutdown()
    collector.stop()
    return 0


def run(files: Sequence[str]) -> int:
    """Open the window on ``files`` (the demo session when empty) and run until it closes."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Jimo Inspector")
    app.setOrganizationName("Jimo Inspector")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(APP_ICON)))
    app.setDesktopFileName("jimo-inspector")
    # the GUI thread waits for the GIL after each Qt call while a worker thread runs: keep the
    # wait short so a background load, evaluation or capture never makes the window stutter
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    app.setStyle("Fusion")  # follows the system's light or dark colour scheme
    previous_hook = sys.excepthook

    def show_error(kind: type[BaseException], error: BaseException, tb: object) -> None:
        # an exception escaping a Qt slot: tell the user instead of printing a traceback only
        previous_hook(kind, error, tb)  # type: ignore[arg-type]
        if isinstance(error, Exception):
            error_dialog(QApplication.activeWindow(), "Jimo Inspector: unexpected error", error)

    sys.excepthook = show_error
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:  # 3.11 has no run(loop_factory=)
        return runner.run(_main(app, files))
