"""Ingesting through the workbench: appends, appends from other threads, paste, file loads."""

from __future__ import annotations

import asyncio
import threading

from inspector.core.workbench import AsyncioRunner, Workbench
from inspector.resources import DEMO_SESSION
from tests.core.workbench.conftest import ManualRunner, tracks


def test_append_tells_listeners_once_and_evaluates_the_new_events(
    workbench: Workbench, runner: ManualRunner
) -> None:
    heard: list[tuple[int, int]] = []
    workbench.events_appended.connect(lambda first, last: heard.append((first, last)))
    workbench.append(tracks(3))
    workbench.append(tracks(2))
    assert heard == [(0, 2), (3, 4)]
    assert len(workbench) == 5
    runner.settle(workbench)
    assert workbench.evaluation is not None and len(workbench.evaluation.verdicts) == 5


def test_appends_from_other_threads_arrive_coalesced_one_call_per_tick(
    workbench: Workbench, runner: ManualRunner
) -> None:
    heard: list[tuple[int, int]] = []
    workbench.events_appended.connect(lambda first, last: heard.append((first, last)))
    batches = [tracks(10, userId=f"thread-{t}") for t in range(4)]

    def send(batch: list) -> None:  # type: ignore[type-arg]
        for record in batch:  # one event at a time, as a capture server would
            workbench.append_threadsafe([record])

    threads = [threading.Thread(target=send, args=(b,)) for b in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert heard == [] and len(workbench) == 0  # nothing before the owner thread's tick
    assert runner.tick() == 1
    assert heard == [(0, 39)]
    for t in range(4):  # each thread's events keep their order
        mine = [r for r in workbench.store if r.data["userId"] == f"thread-{t}"]
        assert mine == batches[t]


def test_a_threadsafe_append_before_a_clear_is_dropped(
    workbench: Workbench, runner: ManualRunner
) -> None:
    workbench.append_threadsafe(tracks(2))
    workbench.clear()
    runner.tick()
    assert len(workbench) == 0


def test_paste_adds_events_and_skipped_records(workbench: Workbench) -> None:
    bad: list[int] = []
    workbench.bad_added.connect(lambda records: bad.append(len(records)))
    text = '{"type": "track", "event": "A"}\n{"broken"\n'
    assert workbench.paste(text) == 1
    assert bad == [1] and len(workbench.store.bad) == 1
    assert workbench.paste("   ") == 0


def test_loading_a_file_appends_in_chunks_then_evaluates() -> None:
    async def scenario() -> Workbench:
        workbench = Workbench(runner=AsyncioRunner(asyncio.get_running_loop()), evaluate_delay=0)
        finished: list[bool] = []
        workbench.load_finished.connect(finished.append)
        await workbench.load_files([str(DEMO_SESSION)])
        assert finished == [False] and not workbench.loading
        async with asyncio.timeout(10):
            while not workbench.idle:
                await asyncio.sleep(0.01)
        return workbench

    workbench = asyncio.run(scenario())
    assert len(workbench) == 58 and len(workbench.store.bad) == 3
    assert workbench.evaluation is not None and len(workbench.evaluation.verdicts) == 58
