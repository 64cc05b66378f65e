"""After an edit with per-browser sessions, the replay stops where the whole tables agree."""

from __future__ import annotations

import random

import pytest

from inspector.core.destinations import default_config
from inspector.core.evaluation import _pass as evaluation_pass
from inspector.core.evaluation import _run as evaluation_run
from inspector.core.evaluation import evaluate, reevaluate
from inspector.core.events import EventRecord, EventSource
from inspector.core.sdk_sessions import PageState
from tests.factories import make_event


def _records(count: int, browsers: int, rng: random.Random) -> list[EventRecord]:
    out = []
    for _ in range(count):
        kind = rng.choice(["identify", "track", "track", "page"])
        extra = {"userId": f"u{rng.randrange(4)}"} if kind == "identify" else {}
        event = make_event(kind, anonymousId=f"b{rng.randrange(browsers)}", **extra)
        if rng.random() < 0.1:
            del event["anonymousId"]
        out.append(EventRecord.from_dict(event, EventSource("paste")))
    return out


@pytest.mark.parametrize("browsers", [3, 40])
def test_the_replay_stops_where_a_whole_comparison_would(
    monkeypatch: pytest.MonkeyPatch, browsers: int
) -> None:
    monkeypatch.setattr(evaluation_pass, "CHECKPOINT_EVERY", 8)
    rng = random.Random(browsers)
    records = _records(600, browsers, rng)
    config = default_config()
    previous = evaluate(records, config, browsers=True)
    decisions: list[tuple[bool, bool]] = []
    check = evaluation_run._Convergence.__call__

    def both(self: evaluation_run._Convergence, i: int, now: PageState) -> bool:
        answer = check(self, i, now)
        if i > self.changed:
            whole = self.previous.checkpoints.get(i, object()) == now
            decisions.append((answer, whole))
        return answer

    monkeypatch.setattr(evaluation_run._Convergence, "__call__", both)
    for _ in range(12):
        changed = rng.randrange(len(records))
        data = records[changed].data
        data["type"] = "identify"
        data["userId"] = rng.choice(["u1", "someone-else"])
        edited = [
            *records[:changed],
            EventRecord.from_dict(data, EventSource("paste")),
            *records[changed + 1 :],
        ]
        result = reevaluate(previous, edited, changed)
        full = evaluate(edited, config, browsers=True)
        assert list(result.verdicts) == list(full.verdicts)
        assert list(result.timeline) == list(full.timeline)
        assert result.final_state == full.final_state
    assert decisions and all(answer == whole for answer, whole in decisions)
    assert any(answer for answer, _ in decisions)  # some replays did stop early
