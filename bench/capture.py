# ruff: noqa: E402 - the imports follow the sys.path fix-up below
"""Capture throughput: events stored per second, with every acknowledged event checked.

Runs the capture server in this process (as the app does) and the clients in another process
(aiohttp, several concurrent connections), then counts the session file's rows.

1. batches of 100 events (~1 KB each) from C concurrent clients, like analytics-python/-node;
2. single-event requests (analytics.js sends one request per event) from C concurrent clients.

Parts 1 and 2 run twice: into a file of the capture's own (``jimo-inspector capture``), and
through a session recorder (``RecordedStore``) as in the window, whose session file it shares.

3. the window (offscreen) capturing 2,000 events/s: the longest GUI stall (a 5 ms heartbeat
   timer measures the gaps; goal <= 50 ms).

Usage: python bench/capture.py [SECONDS_PER_RUN] [CLIENTS] [--no-gui | --gui-only]
       [--own-file-only | --recorder-only]
(defaults: 5 s, 8 clients; the window run lasts at least 10 s)
"""

from __future__ import annotations

import os
import sys

_BENCH = os.path.dirname(os.path.abspath(__file__))
if sys.path and os.path.abspath(sys.path[0]) == _BENCH:
    del sys.path[0]  # bench/inspect.py would shadow the standard library's inspect
sys.path.append(_BENCH)
sys.path.insert(0, os.path.dirname(_BENCH))

import asyncio
import multiprocessing
import sqlite3
import tempfile
import time
from pathlib import Path

import orjson
from _events import generate

from inspector.core.capture import CaptureServer, CaptureSettings, RecordedStore


def _bodies(per_request: int, count: int) -> list[bytes]:
    events = list(generate(per_request * count))
    if per_request == 1:
        return [orjson.dumps({**e, "writeKey": "bench"}) for e in events]
    return [
        orjson.dumps({"batch": events[i : i + per_request], "writeKey": "bench"})
        for i in range(0, len(events), per_request)
    ]


async def _clients(
    url: str, path: str, bodies: list[bytes], clients: int, seconds: float
) -> list[int]:
    import aiohttp

    counts = [0, 0]  # requests answered 200, others
    stop = time.monotonic() + seconds
    headers = {"Content-Type": "text/plain"}

    async def client(n: int) -> None:
        connector = aiohttp.TCPConnector(limit=1)
        async with aiohttp.ClientSession(connector=connector) as session:
            k = n
            while time.monotonic() < stop:
                body = bodies[k % len(bodies)]
                k += clients
                async with session.post(url + path, data=body, headers=headers) as response:
                    await response.read()
                    counts[0 if response.status == 200 else 1] += 1

    await asyncio.gather(*(client(n) for n in range(clients)))
    return counts


def _client_process(
    url: str, path: str, per_request: int, clients: int, seconds: float, out: object
) -> None:
    bodies = _bodies(per_request, 200 if per_request > 1 else 5000)
    counts = asyncio.run(_clients(url, path, bodies, clients, seconds))
    out.send(counts)  # type: ignore[attr-defined]


def _run(
    label: str, path: str, per_request: int, clients: int, seconds: float, recorded: bool = False
) -> None:
    from inspector.core.sessionfile import AttachedSession, SessionContent, SessionRecorder

    with tempfile.TemporaryDirectory() as folder:
        session = str(Path(folder) / "bench.jimo-session")
        received = [0]
        recorder = None
        if recorded:  # as in the window: through the session's recorder, into its file
            recorder = SessionRecorder(AttachedSession.create(session, SessionContent([])))
            label += ", window's session file"
        server = CaptureServer(
            CaptureSettings(port=0, session=session),
            sink=lambda records, bad: received.__setitem__(0, received[0] + len(records)),
            store=RecordedStore(lambda: recorder) if recorder is not None else None,
        )
        url = server.start()
        parent, child = multiprocessing.Pipe()
        process = multiprocessing.Process(
            target=_client_process, args=(url, path, per_request, clients, seconds, child)
        )
        started = time.perf_counter()
        process.start()
        ok, failed = parent.recv()
        process.join()
        elapsed = time.perf_counter() - started
        server.stop()
        if recorder is not None:
            recorder.close()
        stored = sqlite3.connect(session).execute("SELECT count(*) FROM events").fetchone()[0]
        acknowledged = ok * per_request
        lost = acknowledged - stored
        print(
            f"{label}: {clients} clients, {elapsed:.1f} s: {ok:,} requests answered 200 "
            f"({ok / seconds:,.0f} requests/s), {acknowledged / seconds:,.0f} events/s stored; "
            f"{failed} refused; {stored:,} events in the session file; lost: {lost}"
        )


async def _paced(url: str, rate: int, seconds: float) -> list[int]:
    """``rate`` events/s as batches of 20 every 1/(rate/20) s, for ``seconds``."""
    import aiohttp

    bodies = _bodies(20, 100)
    counts = [0, 0]
    interval = 20 / rate
    async with aiohttp.ClientSession() as session:
        start = time.monotonic()
        k = 0
        while (now := time.monotonic()) < start + seconds:
            await asyncio.sleep(max(0.0, start + k * interval - now))
            async with session.post(url + "/v1/batch", data=bodies[k % len(bodies)]) as response:
                await response.read()
                counts[0 if response.status == 200 else 1] += 1
            k += 1
    return counts


def _paced_process(url: str, rate: int, seconds: float, out: object) -> None:
    out.send(asyncio.run(_paced(url, rate, seconds)))  # type: ignore[attr-defined]


async def _gui_stall(rate: int, seconds: float) -> None:
    from gui_load import Heartbeat
    from PySide6.QtCore import QSettings

    from inspector.core.tasks import TaskOwner
    from inspector.core.workbench import AsyncioRunner, Workbench
    from inspector.qt.capture_control import CaptureControl
    from inspector.qt.main_window import MainWindow

    with tempfile.TemporaryDirectory() as folder:
        os.environ["JIMO_INSPECTOR_DATA_DIR"] = folder
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        settings.setValue("capture/port", 0)
        tasks = TaskOwner()
        workbench = Workbench(runner=AsyncioRunner(asyncio.get_running_loop()))
        window = MainWindow(workbench, tasks, settings)
        window.show()
        control = CaptureControl(window, workbench)
        control.start()
        assert control.server is not None
        gaps: list[float] = []

        class Gaps(Heartbeat):
            def tick(self) -> None:
                if self.phase == "capturing":
                    gaps.append(time.perf_counter() - self.last)
                super().tick()

        beat = Gaps()
        beat.timer.start()
        await asyncio.sleep(0.3)
        beat.phase = "idle"  # the baseline: the same window doing nothing, on this machine now
        await asyncio.sleep(3.0)
        beat.phase = "capturing"
        parent, child = multiprocessing.Pipe()
        process = multiprocessing.Process(
            target=_paced_process, args=(control.server.url, rate, seconds, child)
        )
        process.start()
        while not parent.poll():
            await asyncio.sleep(0.05)
        ok, failed = parent.recv()
        process.join()
        expected = ok * 20
        while window.model.rowCount() < expected:
            await asyncio.sleep(0.05)
        beat.phase = "evaluating"
        while not workbench.idle:
            await asyncio.sleep(0.05)
        beat.timer.stop()
        control.stop()
        gaps.sort()
        p99 = gaps[int(len(gaps) * 0.99)] if gaps else 0.0
        over = sum(g > 0.05 for g in gaps)
        load = os.getloadavg()[0]  # the other processes on this machine compete for its cores
        print(
            f"window capturing {rate:,} events/s for {seconds:g} s: {expected:,} events shown "
            f"({failed} requests refused); longest GUI stall while capturing "
            f"{beat.longest.get('capturing', 0) * 1000:.0f} ms (99th percentile "
            f"{p99 * 1000:.0f} ms, {over} gaps over 50 ms), while the last evaluation "
            f"finished {beat.longest.get('evaluating', 0) * 1000:.0f} ms; the idle window's "
            f"longest gap over 3 s: {beat.longest.get('idle', 0) * 1000:.0f} ms; load average "
            f"{load:.1f} on {os.cpu_count()} cores"
        )
        window.close()
        await tasks.shutdown()


def _gui(rate: int, seconds: float) -> None:
    import gc

    import qasync
    from PySide6.QtWidgets import QApplication

    from inspector.core.foreground import GUI_SWITCH_INTERVAL

    sys.setswitchinterval(GUI_SWITCH_INTERVAL)  # as the app sets it for the window
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    gc.disable()  # as the app does: collections run on the GUI thread only
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(_gui_stall(rate, seconds))
    del app


def _disk_baseline(seconds: float = 1.0) -> None:
    """Commits/s of one small row each on this disk: the ceiling without group commits."""
    from inspector.core.sessionfile._schema import connect

    with tempfile.TemporaryDirectory() as folder:
        conn = connect(str(Path(folder) / "fsync.db"))
        conn.execute("CREATE TABLE t(x BLOB)")
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            conn.execute("BEGIN")
            conn.execute("INSERT INTO t VALUES (?)", (b"x" * 500,))
            conn.execute("COMMIT")
            count += 1
        conn.close()
    elapsed = time.perf_counter() - start
    load = os.getloadavg()[0]
    print(
        f"this disk: {count / elapsed:,.0f} one-row commits/s (WAL, synchronous=FULL); "
        f"load average {load:.1f} on {os.cpu_count()} cores"
    )


def main() -> None:
    sys.setswitchinterval(0.001)  # as the capture command sets it (the window: see _gui)
    numbers = [a for a in sys.argv[1:] if not a.startswith("-")]
    seconds = float(numbers[0]) if numbers else 5.0
    clients = int(numbers[1]) if len(numbers) > 1 else 8
    _disk_baseline()
    if "--gui-only" not in sys.argv:
        modes = [
            m for m in (False, True) if ("--recorder-only", "--own-file-only")[m] not in sys.argv
        ]
        for recorded in modes:
            _run("batches of 100", "/v1/batch", 100, clients, seconds, recorded)
            _run("single events (/v1/t)", "/v1/t", 1, clients, seconds, recorded)
            _run("single events (/v1/t)", "/v1/t", 1, clients * 4, seconds, recorded)
    if "--no-gui" not in sys.argv:
        _gui(2000, max(seconds, 10.0))


if __name__ == "__main__":
    main()
