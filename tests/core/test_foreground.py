"""Worker threads wait at the foreground gate while it is closed, and only then."""

from __future__ import annotations

import threading
import time

from inspector.core.destinations import load_config
from inspector.core.evaluation import evaluate
from inspector.core.foreground import FOREGROUND, ForegroundGate
from inspector.resources import DEMO_CONFIG
from tests.core.workbench.conftest import tracks


def test_an_open_gate_lets_workers_through_at_once() -> None:
    gate = ForegroundGate()
    start = time.monotonic()
    for _ in range(1000):
        gate.pass_through(timeout=1.0)
    assert time.monotonic() - start < 1.0  # it never waited its timeout


def test_a_worker_waits_while_the_gate_is_closed_and_goes_on_when_it_opens() -> None:
    gate = ForegroundGate()
    passed = threading.Event()

    def worker() -> None:
        gate.pass_through(timeout=30.0)
        passed.set()

    with gate.closed():
        assert not gate.is_open
        thread = threading.Thread(target=worker)
        thread.start()
        assert not passed.wait(0.05)
    assert passed.wait(10.0)  # opened: through long before its 30 s timeout
    thread.join()


def test_nested_closes_open_the_gate_with_the_outermost() -> None:
    gate = ForegroundGate()
    with gate.closed():
        with gate.closed():
            pass
        assert not gate.is_open
    assert gate.is_open


def test_a_closed_gate_never_holds_a_worker_longer_than_its_timeout() -> None:
    gate = ForegroundGate()
    with gate.closed():
        start = time.monotonic()
        gate.pass_through(timeout=0.05)
        assert time.monotonic() - start >= 0.04  # it did wait, and came back on its own


def test_an_evaluation_pauses_between_events_while_the_window_repaints() -> None:
    records = tracks(3)
    config = load_config(DEMO_CONFIG)
    done = threading.Event()
    worker = threading.Thread(target=lambda: (evaluate(records, config), done.set()))
    with FOREGROUND.closed():
        worker.start()
        assert not done.wait(0.05)  # three events would take a few milliseconds
    assert done.wait(30.0)
    worker.join()


def test_a_gate_closed_for_long_no_longer_holds_anyone() -> None:
    """A dialog's event loop inside a closed block: workers go on at full speed meanwhile."""
    gate = ForegroundGate()
    with gate.closed():
        time.sleep(0.06)
        start = time.monotonic()
        for _ in range(100):
            gate.pass_through(timeout=0.05)
        assert time.monotonic() - start < 0.05  # not 100 waits: the close is stale
