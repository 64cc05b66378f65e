"""A repeated messageId: matched but not delivered, everywhere verdicts are computed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.cli import main
from inspector.core.destinations import default_config
from inspector.core.evaluation import Verdict, evaluate, extend, inspect_event, reevaluate
from inspector.core.events import EventRecord, EventSource
from inspector.core.inspection import duplicate_note, numbered_from_one
from inspector.core.inspection import inspect as inspect_events
from tests.factories import make_event


def _records() -> list[EventRecord]:
    ident = make_event("identify", messageId="id-1")
    track = make_event(messageId="dup")
    return [
        EventRecord.from_dict(e, EventSource("paste"))
        for e in (ident, track, dict(track), make_event())
    ]


def test_a_repeat_is_matched_but_not_delivered_in_the_evaluation() -> None:
    records = _records()
    config = default_config()
    result = evaluate(records, config)
    track = next(i for i, s in enumerate(config.subscriptions) if s.action == "sendTrackEvent")
    assert result.duplicates == {2: 1}
    assert result.verdict(1, track) is Verdict.DELIVERED
    assert result.verdict(2, track) is Verdict.NOT_DELIVERED
    assert result.totals()[track][Verdict.NOT_DELIVERED] == 1
    detail = inspect_event(records, 2, config, result)
    sub = detail.results[track]
    assert sub.matched and not sub.delivered and not sub.commands
    assert any("same messageId as event 1." in n for n in sub.notes)  # its index
    # appended and edited sessions agree with a full pass
    grown = extend(evaluate(records[:2], config), records)
    assert grown.verdicts == result.verdicts and grown.totals() == result.totals()
    edited = [
        *records[:2],
        EventRecord.from_dict({**records[2].data, "messageId": "new"}, records[2].source),
    ]
    edited += records[3:]
    again = reevaluate(result, edited, 2)
    assert again.verdict(2, track) is Verdict.DELIVERED and again.duplicates == {}


def test_inspect_prints_a_note_and_delivered_false_for_a_repeat(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "events.ndjson"
    path.write_text("\n".join(json.dumps(r.data) for r in _records()) + "\n")
    assert main(["inspect", str(path)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "notes" not in lines[1]
    assert lines[2]["notes"] == [
        "Not delivered: same messageId as event 1. Segment deduplicates on messageId, so only "
        "the first of them reaches Jimo."
    ]
    assert lines[1]["index"] == 1  # the note names the earlier event by its printed index
    matched = [r for r in lines[2]["results"] if r["matched"]]
    assert matched and all(not r["delivered"] and r["commands"] == [] for r in matched)
    assert list(lines[2]["results"][0]) == list(lines[1]["results"][0])  # the same keys


def _retried_identify() -> list[EventRecord]:
    """identify A, identify B, then a client retry of the first (same messageId), then a track."""
    first = make_event("identify", userId="user-a", messageId="m-a")
    return [
        EventRecord.from_dict(e, EventSource("paste"))
        for e in (
            first,
            make_event("identify", userId="user-b", messageId="m-b"),
            dict(first),
            make_event(messageId="m-t"),
        )
    ]


@pytest.mark.parametrize("browsers", [False, True])
def test_a_repeat_leaves_the_simulated_sdk_as_it_was(browsers: bool) -> None:
    # the browser ran the identify once; the retry only re-sent it to Segment's API
    records = _retried_identify()
    config = default_config()  # device mode
    result = evaluate(records, config, browsers=browsers)
    assert result.duplicates == {2: 0}
    assert result.final_state is not None
    final = result.final_state
    state = final.before(records[3].data) if hasattr(final, "before") else final
    assert state is not None and state.snapshot()["userId"] == "user-b"
    assert [e.event_index for e in result.timeline] == [0, 1]  # the repeat changed nothing
    assert (
        inspect_event(records, 3, config, result, browsers=browsers).state.snapshot()["userId"]
        == "user-b"
    )
    assert (
        inspect_event(records, 2, config, None, browsers=browsers).state.snapshot()["userId"]
        == "user-b"
    )
    # appended, edited and streamed passes agree
    grown = extend(evaluate(records[:2], config, browsers=browsers), records)
    assert list(grown.timeline) == list(result.timeline)
    edited = [*records[:3], EventRecord.from_dict(make_event(messageId="m-x"), records[3].source)]
    again = reevaluate(result, edited, 3)
    assert [e.event_index for e in again.timeline] == [0, 1]
    sessions = "browser" if browsers else "page"
    streamed = list(inspect_events(records, config, sdk_sessions=sessions))
    assert [i.state.snapshot()["userId"] for i in streamed] == [
        "user-a",
        "user-b",
        "user-b",
        "user-b",
    ]
    assert streamed[2].notes and not streamed[2].hazards


def test_inspect_marks_an_event_segment_drops_not_delivered_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    users = {
        "name": "Users",
        "actionSlug": "sendUserdata",
        "trigger": 'type = "identify"',
        "mapping": {"userId": {"@path": "$.traits.email"}},
    }
    config = tmp_path / "cloud.json"
    config.write_text(
        json.dumps(
            {
                "destination": "actions-jimo-cloud",
                "settings": {"apiKey": "k"},
                "subscriptions": [users],
            }
        )
    )
    path = tmp_path / "events.ndjson"
    kept = {"type": "identify", "userId": "u1", "traits": {"email": "a@b.c"}}
    dropped = {"type": "identify", "traits": {"email": "a@b.c"}}
    path.write_text(f"{json.dumps(kept)}\n{json.dumps(dropped)}\n")
    assert main(["inspect", "--config", str(config), str(path)]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert "notes" not in first and first["results"][0]["delivered"] is True
    assert second["results"][0]["delivered"] is False
    assert second["results"][0]["request"] is None
    assert second["notes"] == [
        'Not delivered: no "userId" or "anonymousId": Segment accepts it, then drops it.'
    ]


def test_the_window_numbers_the_duplicate_note_from_one_and_leaves_other_notes() -> None:
    assert numbered_from_one(duplicate_note(0)) == duplicate_note(1)
    assert "same messageId as event 1." in numbered_from_one(duplicate_note(0))
    assert numbered_from_one("Another note about event 3.") == "Another note about event 3."
