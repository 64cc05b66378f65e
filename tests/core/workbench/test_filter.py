"""The workbench's filter: computed at once or in a worker, and kept up by appends and edits."""

from __future__ import annotations

from inspector.core.workbench import FilterResult, Workbench
from tests.core.workbench.conftest import ManualRunner, tracks


def test_a_filter_follows_appends_and_edits(workbench: Workbench) -> None:
    results: list[FilterResult] = []
    workbench.filter_changed.connect(results.append)
    workbench.append([*tracks(2, event="Signed Up"), *tracks(1, event="Other")])
    flt = workbench.set_filter('event = "Signed Up"')
    assert flt.error is None
    assert results[-1].accepted == bytearray([1, 1, 0])
    workbench.append(tracks(2, event="Other") + tracks(1, event="Signed Up"))
    assert workbench.filter_result.accepted == bytearray([1, 1, 0, 0, 0, 1])
    workbench.edit_event(0, {**workbench.store[0].data, "event": "Renamed"})
    assert workbench.filter_result.accepted == bytearray([0, 1, 0, 0, 0, 1])
    assert len(results) == 1  # appends and edits update it in place, without a new result


def test_a_bad_expression_changes_nothing(workbench: Workbench) -> None:
    workbench.append(tracks(2))
    workbench.set_filter("plan")
    flt = workbench.set_filter('event = "unterminated')
    assert flt.error is not None
    assert workbench.filter_result.filter.text == "plan"


def test_big_lists_are_filtered_in_a_worker_and_a_newer_filter_wins(
    workbench: Workbench, runner: ManualRunner
) -> None:
    workbench.sync_filter_limit = 0
    workbench.append(tracks(3, event="A") + tracks(1, event="B"))
    results: list[FilterResult] = []
    workbench.filter_changed.connect(results.append)
    workbench.set_filter('event = "A"')
    workbench.set_filter('event = "B"')
    assert results == []  # both computing
    runner.run_jobs()
    assert [r.filter.text for r in results] == ['event = "B"']
    assert results[0].accepted == bytearray([0, 0, 0, 1])
    assert results[0].passes(3, workbench.store[3])
    workbench.set_filter("")
    assert results[-1].accepted is None and results[-1].passes(0, workbench.store[0])
