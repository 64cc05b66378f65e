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


def test_the_window_numbers_the_duplicate_note_from_one_and_leaves_other_notes() -> None:
    assert numbered_from_one(duplicate_note(0)) == duplicate_note(1)
    assert "same messageId as event 1." in numbered_from_one(duplicate_note(0))
    assert numbered_from_one("Another note about event 3.") == "Another note about event 3."
