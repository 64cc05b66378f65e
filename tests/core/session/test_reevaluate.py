"""Re-evaluating after an edit gives exactly what a full evaluation gives, doing less work."""

from __future__ import annotations

import random
from typing import Any

import pytest

from inspector.core.destinations import load_config
from inspector.core.evaluation import Evaluation, evaluate, reevaluate
from inspector.core.evaluation import _pass as evaluation_pass
from inspector.core.events import EventRecord, EventSource
from inspector.core.loaders import read_path
from inspector.resources import DEMO_CONFIG, DEMO_SESSION


def _demo() -> list[EventRecord]:
    return [r for r in read_path(DEMO_SESSION) if isinstance(r, EventRecord)]


def _facts(ev: Evaluation) -> dict[str, Any]:
    return {
        "verdicts": list(ev.verdicts),
        "unmatched": bytes(ev.unmatched),
        "timeline": [(e.event_index, e.snapshot_json, e.changed, e.hazards) for e in ev.timeline],
        "hazards": list(ev.hazards),
        "checkpoints": {k: v for k, v in ev.checkpoints.items()},
        "duplicates": ev.duplicates,
        "totals": ev.totals(),
        "complete": ev.complete,
    }


def _edits(records: list[EventRecord], rng: random.Random) -> tuple[int, dict[str, Any]]:
    i = rng.randrange(len(records))
    data = records[i].data
    choice = rng.randrange(5)
    if choice == 0:
        data["event"] = "Order Completed"
        data["type"] = "track"
    elif choice == 1:
        data["type"] = "identify"
        data["userId"] = f"user-{rng.randrange(3)}"
        data["traits"] = {"email": "x@example.com", "plan": "pro"}
    elif choice == 2:
        data["properties"] = {"total": rng.choice([5, 500, "500"])}
    elif choice == 3:
        data["messageId"] = records[rng.randrange(len(records))].message_id  # a retry
    else:
        data["type"] = "page"
    return i, data


@pytest.mark.parametrize("block", [None, 4])  # 4: each splice shares some blocks, copies others
@pytest.mark.parametrize(("fresh_sdk", "browsers"), [(False, False), (True, False), (False, True)])
def test_random_edits_match_a_full_evaluation(
    monkeypatch, fresh_sdk: bool, browsers: bool, block: int | None
) -> None:  # type: ignore[no-untyped-def]
    from inspector.core.evaluation import _blocks

    if block is not None:
        monkeypatch.setattr(_blocks, "BLOCK", block)
    monkeypatch.setattr(evaluation_pass, "CHECKPOINT_EVERY", 8)
    config = load_config(DEMO_CONFIG)
    records = _demo()
    rng = random.Random(7)
    current = evaluate(records, config, fresh_sdk=fresh_sdk, browsers=browsers)
    for _ in range(40):
        i, data = _edits(records, rng)
        records[i] = EventRecord.from_dict(data, EventSource("edit"))
        current = reevaluate(current, records, i)
        expected = evaluate(records, config, fresh_sdk=fresh_sdk, browsers=browsers)
        assert _facts(current) == _facts(expected)
    assert current.duplicates  # some edits were retries: demoted inside spliced blocks


def test_an_edit_that_leaves_the_sdk_state_alone_recomputes_one_stretch(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(evaluation_pass, "CHECKPOINT_EVERY", 8)
    config = load_config(DEMO_CONFIG)
    records = _demo()
    previous = evaluate(records, config)
    stepped: list[int] = []
    original = evaluation_pass.Pass._step

    def counting(self, out, i, state, snapshot):  # type: ignore[no-untyped-def]
        stepped.append(i)
        return original(self, out, i, state, snapshot)

    monkeypatch.setattr(evaluation_pass.Pass, "_step", counting)
    data = records[40].data
    data["properties"] = {**data.get("properties", {}), "note": "edited"}
    records[40] = EventRecord.from_dict(data, records[40].source)
    result = reevaluate(previous, records, 40)
    assert stepped == list(range(40, 48))  # from its checkpoint to the next one
    assert _facts(result) == _facts(evaluate(records, config))
