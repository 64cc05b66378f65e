"""Evaluation through the workbench: debounce, stale jobs, edits and appends while it runs."""

from __future__ import annotations

from inspector.core.destinations import Subscription, default_config
from inspector.core.evaluation import Evaluation
from inspector.core.workbench import EVALUATE_DELAY, Workbench
from tests.core.workbench.conftest import ManualRunner, tracks


def _installed(workbench: Workbench) -> list[Evaluation | None]:
    heard: list[Evaluation | None] = []
    workbench.evaluation_changed.connect(heard.append)
    return heard


def test_edits_are_debounced_into_one_pass(workbench: Workbench, runner: ManualRunner) -> None:
    workbench.append(tracks(3))
    runner.settle(workbench)
    runner.started.clear()
    for name in ("A", "B", "C"):
        workbench.edit_event(1, {**workbench.store[1].data, "event": name})
        runner.advance(EVALUATE_DELAY / 2)
    assert runner.started == []  # still typing
    runner.advance(EVALUATE_DELAY)
    assert runner.started == ["evaluate"]


def test_an_edit_during_a_pass_restarts_it_and_cancels_the_stale_one(
    workbench: Workbench, runner: ManualRunner
) -> None:
    heard = _installed(workbench)
    workbench.append(tracks(4))
    runner.advance(EVALUATE_DELAY)
    assert len(runner.jobs) == 1  # the first pass is running
    workbench.edit_event(2, {**workbench.store[2].data, "event": "Renamed"})
    runner.advance(EVALUATE_DELAY)
    assert len(runner.jobs) == 2
    runner.run_jobs()
    assert len(heard) == 1  # only the newer pass is installed
    assert heard[0] is workbench.evaluation and not workbench.session.pending_edits
    assert workbench.idle


def test_edits_made_while_a_pass_runs_stay_pending(
    workbench: Workbench, runner: ManualRunner
) -> None:
    workbench.append(tracks(3))
    runner.settle(workbench)
    workbench.edit_event(0, {**workbench.store[0].data, "event": "First"})
    runner.advance(EVALUATE_DELAY)
    assert len(runner.jobs) == 1
    workbench.edit_event(0, {**workbench.store[0].data, "event": "Second"})  # same event
    runner.run_jobs()  # the pass for "First" ends, after "Second" was typed
    assert workbench.session.pending_edits
    runner.settle(workbench)
    assert not workbench.session.pending_edits
    assert workbench.store[0].data["event"] == "Second"


def test_events_appended_while_a_pass_runs_are_evaluated_after_it(
    workbench: Workbench, runner: ManualRunner
) -> None:
    heard = _installed(workbench)
    workbench.append(tracks(5))
    runner.advance(EVALUATE_DELAY)
    assert len(runner.jobs) == 1
    workbench.append(tracks(3))  # an append does not restart the running pass
    runner.advance(EVALUATE_DELAY)
    assert len(runner.jobs) == 1
    runner.run_jobs()
    assert [len(e.verdicts) for e in heard if e is not None] == [5]
    runner.settle(workbench)
    assert [len(e.verdicts) for e in heard if e is not None] == [5, 8]


def test_a_pass_from_before_a_clear_is_dropped(workbench: Workbench, runner: ManualRunner) -> None:
    heard = _installed(workbench)
    workbench.append(tracks(4))
    runner.advance(EVALUATE_DELAY)
    workbench.clear()
    assert heard == [None]
    runner.run_jobs()
    assert heard == [None] and workbench.evaluation is None and workbench.idle


def test_a_new_config_is_announced_and_re_evaluated(
    workbench: Workbench, runner: ManualRunner
) -> None:
    workbench.append(tracks(2))
    runner.settle(workbench)
    changed: list[int] = []
    workbench.config_changed.connect(lambda config: changed.append(len(config.subscriptions)))
    only = Subscription(name="Only identifies", action="sendUserData", trigger='type = "alias"')
    config = default_config().with_subscription(len(default_config().subscriptions), only)
    workbench.set_config(config)
    assert changed == [len(config.subscriptions)]
    workbench.set_config(config)  # the same config again: nothing to announce
    assert len(changed) == 1
    runner.settle(workbench)
    assert workbench.evaluation is not None and workbench.evaluation.config == config


def test_a_failing_pass_is_reported(workbench: Workbench, runner: ManualRunner) -> None:
    failures: list[str] = []
    workbench.failed.connect(lambda what, error: failures.append(f"{what}: {error}"))
    workbench.append(tracks(1))
    runner.advance(EVALUATE_DELAY)
    job = runner.jobs[0]

    def broken() -> None:
        raise RuntimeError("boom")

    job.work = broken
    runner.run_jobs()
    assert failures == ["evaluate session: boom"] and workbench.idle


def test_detail_waits_for_an_evaluation_beyond_the_replay_limit(
    workbench: Workbench, runner: ManualRunner
) -> None:
    from inspector.core.workbench import DETAIL_REPLAY_LIMIT

    workbench.append(tracks(DETAIL_REPLAY_LIMIT + 1))
    assert workbench.detail(0) is not None
    assert workbench.detail(DETAIL_REPLAY_LIMIT) is None
    runner.settle(workbench)
    assert workbench.detail(DETAIL_REPLAY_LIMIT) is not None


def test_detail_never_replays_a_long_stretch_on_the_owner_thread(
    workbench: Workbench, runner: ManualRunner
) -> None:
    from inspector.core.workbench import DETAIL_REPLAY_LIMIT

    far = 3 * DETAIL_REPLAY_LIMIT
    workbench.append(tracks(far + 1))
    runner.settle(workbench)
    assert workbench.detail(far) is not None  # from a checkpoint close by
    workbench.edit_event(5, {**workbench.store[5].data, "event": "Edited"})
    assert workbench.detail(far) is None  # checkpoints past the edit no longer hold
    runner.settle(workbench)
    assert workbench.detail(far) is not None
    workbench.append(tracks(10))  # appended, not evaluated yet: near the last checkpoint
    assert workbench.detail(far + 10) is not None
    config = workbench.config
    workbench.set_config(
        config.with_subscription(
            0, config.subscriptions[0].with_changes(trigger='type = "alias"')
        )
    )
    assert workbench.detail(far) is None  # the evaluation was made with another config
    runner.settle(workbench)
    assert workbench.detail(far) is not None


def test_appended_events_extend_the_installed_evaluation(
    workbench: Workbench, runner: ManualRunner
) -> None:
    workbench.append(tracks(30))
    runner.settle(workbench)
    first = workbench.evaluation
    workbench.append(tracks(5))
    runner.settle(workbench)
    second = workbench.evaluation
    assert first is not None and second is not None
    assert second.extends(first) and len(second.verdicts) == 35
    assert second.verdicts[:30] == first.verdicts
