"""Events from other threads reach the owner thread coalesced, and at a bounded rate."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from inspector.core.events import EventRecord
from inspector.core.foreground import FOREGROUND
from inspector.core.loaders import BadRecord
from inspector.core.workbench import APPEND_INTERVAL, Workbench
from inspector.core.workbench._inbox import Inbox
from tests.core.workbench.conftest import ManualRunner, tracks


class _Clock:
    def __init__(self, runner: ManualRunner) -> None:
        self.runner = runner

    def __call__(self) -> float:
        return self.runner.now


def _inbox(runner: ManualRunner, interval: float) -> tuple[Inbox, list[list[EventRecord]]]:
    delivered: list[list[EventRecord]] = []

    def deliver(records: Sequence[EventRecord], _bad: Sequence[BadRecord]) -> None:
        delivered.append(list(records))

    inbox = Inbox(
        deliver, runner.call_soon_threadsafe, runner.call_later, interval, clock=_Clock(runner)
    )
    return inbox, delivered


def test_a_steady_stream_is_delivered_at_most_once_per_interval_and_nothing_is_lost() -> None:
    runner = ManualRunner()
    inbox, delivered = _inbox(runner, 0.1)
    sent = tracks(50)
    inbox.put(sent[:1])
    runner.tick()
    assert delivered == [sent[:1]]  # the first event of a quiet spell shows at once
    for step in range(1, 50):  # then one event every 10 ms, for half a second
        runner.advance(0.01)
        inbox.put(sent[step : step + 1])
        runner.tick()
    runner.advance(0.1)  # the stream has ended: what is left is delivered in one go
    runner.tick()
    assert [r for batch in delivered for r in batch] == sent  # every event, in order
    assert 5 <= len(delivered) <= 7  # ~0.5 s at one delivery per 0.1 s, not 50


def test_without_an_interval_every_tick_delivers() -> None:
    runner = ManualRunner()
    inbox, delivered = _inbox(runner, 0.0)
    sent = tracks(3)
    for record in sent:
        inbox.put([record])
        runner.tick()
    assert delivered == [[r] for r in sent]


def test_a_delivery_waiting_for_its_turn_is_dropped_by_a_clear() -> None:
    runner = ManualRunner()
    workbench = Workbench(runner=runner)
    assert workbench.append_interval == APPEND_INTERVAL > 0
    workbench.append_interval = 60.0  # however slow this machine, the second put is too soon
    workbench.append_threadsafe(tracks(1))
    runner.tick()
    assert len(workbench) == 1
    sender = threading.Thread(target=lambda: workbench.append_threadsafe(tracks(2)))
    sender.start()
    sender.join()
    runner.tick()  # too soon after the first: it waits for the interval
    assert len(workbench) == 1
    workbench.clear()
    runner.advance(60.0)
    runner.tick()
    assert len(workbench) == 0


def test_worker_threads_wait_while_the_owner_takes_in_appends_and_evaluations() -> None:
    runner = ManualRunner()
    workbench = Workbench(runner=runner)
    gate_open: dict[str, bool] = {}
    workbench.events_appended.connect(lambda *_: gate_open.setdefault("append", FOREGROUND.is_open))
    workbench.evaluation_changed.connect(
        lambda _ev: gate_open.setdefault("evaluation", FOREGROUND.is_open)
    )
    workbench.append_threadsafe(tracks(2))
    runner.tick()
    runner.settle(workbench)
    assert gate_open == {"append": False, "evaluation": False}
    assert FOREGROUND.is_open
