"""Session: what-if edits with revert, evaluation verdicts, checkpointed detail."""

from __future__ import annotations

import json

from inspector.core import evaluation as evaluation_module
from inspector.core.destinations import DestinationConfig, Subscription, default_config
from inspector.core.evaluation import Verdict, evaluate, inspect_event
from inspector.core.evaluation import _pass as evaluation_pass
from inspector.core.events import EventRecord, EventSource
from inspector.core.loaders import read_bytes, read_path
from inspector.core.session import Session
from inspector.resources import DEMO_SESSION
from tests.factories import make_event


def _demo() -> list[EventRecord]:
    return [r for r in read_path(DEMO_SESSION) if isinstance(r, EventRecord)]


def _session(*events: dict[str, object]) -> Session:
    session = Session()
    items = read_bytes("\n".join(json.dumps(e) for e in events).encode(), "s.ndjson", kind="file")
    session.store.extend([i for i in items if isinstance(i, EventRecord)])
    return session


def test_edit_changes_the_detail_and_revert_restores_it() -> None:
    session = _session(make_event(event="Signed Up", userId="u1"))
    track = [r.subscription for r in session.detail(0).results].index("Send Track Event")
    assert session.detail(0).results[track].payload["event_name"] == "Signed Up"
    edited = {**session.store[0].data, "event": "Plan Upgraded"}
    session.edit_event(0, edited)
    assert session.is_edited(0)
    assert session.detail(0).results[track].payload["event_name"] == "Plan Upgraded"
    session.revert_event(0)
    assert not session.is_edited(0)
    assert session.detail(0).results[track].payload["event_name"] == "Signed Up"


def test_editing_to_the_same_content_is_not_an_edit() -> None:
    session = _session(make_event())
    session.edit_event(0, session.store[0].data)
    assert not session.is_edited(0)


def test_evaluation_verdicts_match_the_per_event_detail() -> None:
    records = _demo()
    config = default_config()
    result = evaluate(records, config)
    assert result.complete and len(result.verdicts) == len(records)
    for i in (0, 4, 5, 20, len(records) - 1):
        detail = inspect_event(records, i, config, result)
        expected = [evaluation_module.verdict_of(r) for r in detail.results]
        assert [result.verdict(i, j) for j in range(len(expected))] == expected
    assert result.nothing_matched == sum(result.matches_nothing(i) for i in range(len(records)))


def test_trigger_errors_and_disabled_subscriptions_have_their_own_verdicts() -> None:
    subs = [
        Subscription("Broken", "sendTrackEvent", 'type = "track" and (event = "A"', True, {}),
        Subscription("Off", "sendTrackEvent", 'type = "track"', False, {}),
    ]
    config = DestinationConfig("actions-jimo", default_config().settings, subs)
    result = evaluate(_demo()[:5], config)
    assert {Verdict(c) for row in result.verdicts for c in row[:1]} == {Verdict.TRIGGER_ERROR}
    assert {Verdict(c) for row in result.verdicts for c in row[1:]} == {Verdict.DISABLED}
    assert result.nothing_matched == 5


def test_timeline_records_profile_changes_and_hazards() -> None:
    result = evaluate(_demo(), default_config())
    changes = {(e.event_index, e.changed) for e in result.timeline}
    assert (4, ("userId", "email", "attributes")) in changes
    assert (5, ("groupId", "groupTraits")) in changes
    hazards = [h.code for e in result.timeline for h in e.hazards]
    assert "track-before-identify" in hazards


def test_detail_after_an_edit_replays_from_a_checkpoint_that_still_holds(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(evaluation_pass, "CHECKPOINT_EVERY", 8)
    session = Session()
    session.store.extend(_demo())
    session.install_evaluation(session.run_evaluation())
    assert sorted(session.evaluation.checkpoints)[:3] == [0, 8, 16]  # type: ignore[union-attr]
    identify = 19  # j.smith identifies: the SDK session learns the user here
    before = session.detail(21).state.snapshot()["userId"]  # type: ignore[union-attr]
    session.edit_event(identify, {**session.store[identify].data, "userId": "someone-else"})
    after = session.detail(21).state.snapshot()["userId"]  # type: ignore[union-attr]
    assert (before, after) == ("usr_3q9x7z", "someone-else")
    fresh = inspect_event(session.store.events(), 21, session.config)
    assert fresh.state.snapshot() == session.detail(21).state.snapshot()  # type: ignore[union-attr]


def test_duplicate_message_ids_point_at_the_first_event() -> None:
    events = [
        make_event(messageId="retry-me"),
        make_event(messageId="unique"),
        make_event(messageId="retry-me", context={"library": {"name": "analytics.js"}}),
        make_event(messageId="retry-me"),
        {k: v for k, v in make_event().items() if k != "messageId"},
        {k: v for k, v in make_event().items() if k != "messageId"},
    ]
    items = read_bytes("\n".join(json.dumps(e) for e in events).encode(), "d.ndjson", kind="file")
    records = [i for i in items if isinstance(i, EventRecord)]
    result = evaluate(records, default_config())
    # events without a messageId are never duplicates of each other
    assert result.duplicates == {2: 0, 3: 0}


def test_duplicates_are_exact_among_many_unique_ids() -> None:
    records = [
        EventRecord.from_dict(make_event(messageId=f"id-{i}"), EventSource("file", "m", line=i))
        for i in range(20_000)
    ]
    repeats = [5, 19_999, 12_345]
    records += [
        EventRecord.from_dict(make_event(messageId=f"id-{i}"), EventSource("file", "m"))
        for i in repeats
    ]
    subs = [Subscription("Tracks", "sendTrackEvent", 'type = "track"', True, {})]
    config = DestinationConfig("actions-jimo", default_config().settings, subs)
    result = evaluate(records, config)
    assert result.duplicates == {20_000: 5, 20_001: 19_999, 20_002: 12_345}


def test_edits_re_evaluate_incrementally_and_later_edits_stay_pending() -> None:
    session = Session()
    session.store.extend(_demo())
    session.install_evaluation(session.run_evaluation())
    session.edit_event(40, {**session.store[40].data, "event": "Order Completed"})
    job = session.evaluation_job()
    assert (job.full, job.edits) == (False, frozenset({40}))
    # an edit made while the job runs is not covered by it
    session.edit_event(10, {**session.store[10].data, "type": "page"})
    session.install_evaluation(job.run(), job)
    later = session.evaluation_job()
    assert (later.full, later.edits) == (False, frozenset({10}))
    fresh = inspect_event(session.store.events(), 45, session.config)
    assert session.detail(45).state == fresh.state  # checkpoints after event 10 are not trusted
    session.install_evaluation(later.run(), later)
    full = evaluate(list(session.store.events()), session.config)
    assert session.evaluation.verdicts == full.verdicts  # type: ignore[union-attr]
    assert session.evaluation.timeline == full.timeline  # type: ignore[union-attr]
    # a new config means a full pass
    session.set_config(DestinationConfig("actions-jimo", default_config().settings, []))
    assert session.evaluation_job().full


def test_a_second_edit_of_the_same_event_during_a_job_stays_pending() -> None:
    session = Session()
    session.store.extend(_demo())
    session.install_evaluation(session.run_evaluation())
    session.edit_event(1, {**session.store[1].data, "event": "A"})
    job = session.evaluation_job()
    session.edit_event(1, {**session.store[1].data, "type": "page"})  # typed on meanwhile
    assert session.install_evaluation(job.run(), job)
    follow_up = session.evaluation_job()
    assert follow_up.edits == frozenset({1})
    session.install_evaluation(follow_up.run(), follow_up)
    full = evaluate(list(session.store.events()), session.config)
    assert session.evaluation.verdicts == full.verdicts  # type: ignore[union-attr]


def test_a_job_captured_before_a_clear_is_not_installed() -> None:
    session = Session()
    session.store.extend(_demo())
    job = session.evaluation_job()
    session.clear()
    session.store.extend(_demo())
    assert not session.install_evaluation(job.run(), job)
    assert session.evaluation is None
    assert session.evaluation_job().full
