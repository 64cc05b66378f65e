"""Per-browser sessions keep SDK states sparsely, and details still agree with a full pass."""

from __future__ import annotations

from inspector.core.destinations import default_config
from inspector.core.evaluation import evaluate, extend, inspect_event
from inspector.core.evaluation._pass import MAX_CHECKPOINT_SPACING
from inspector.core.events import EventRecord, EventSource
from inspector.core.inspection import inspect
from tests.factories import make_event


def _events(count: int, browsers: int) -> list[EventRecord]:
    out = []
    for i in range(count):
        kind = "identify" if i % 3 == 0 else "track"
        extra = {"userId": f"u{i % browsers}"} if kind == "identify" else {}
        event = make_event(kind, anonymousId=f"b{i % browsers}", messageId=f"m{i}", **extra)
        out.append(EventRecord.from_dict(event, EventSource("paste")))
    return out


def test_many_browsers_keep_one_state_per_browser_stretch_not_one_per_64_events() -> None:
    records = _events(3_000, browsers=600)
    config = default_config()
    result = evaluate(records, config, browsers=True)
    # 600 browsers: a state every 1,024 events once they are all seen, not every 64
    assert len(result.checkpoints) <= 3_000 // 64 // 4
    gaps = sorted(result.checkpoints)
    assert all(b - a <= MAX_CHECKPOINT_SPACING for a, b in zip(gaps, gaps[1:], strict=False))
    streamed = list(inspect(records, config, sdk_sessions="browser"))
    for index in (5, 1_500, 2_999):
        detail = inspect_event(records, index, config, result, browsers=True)
        assert [r.to_json() for r in detail.results] == [
            r.to_json() for r in streamed[index].results
        ]
        assert detail.state == streamed[index].state
    grown = extend(evaluate(records[:2_000], config, browsers=True), records)
    assert list(grown.timeline) == list(result.timeline)


def test_a_few_browsers_keep_a_state_every_64_events() -> None:
    records = _events(640, browsers=3)
    result = evaluate(records, default_config(), browsers=True)
    assert sorted(result.checkpoints) == list(range(0, 640, 64))


def test_a_detail_runs_only_its_browser_and_agrees_with_a_stream(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import random

    from inspector.core.evaluation import _pass as evaluation_pass
    from inspector.core.inspection import _pipeline

    monkeypatch.setattr(evaluation_pass, "CHECKPOINT_EVERY", 32)
    rng = random.Random(5)
    events = []
    for i in range(400):
        kind = rng.choice(["identify", "track", "page"])
        extra = {"userId": f"u{rng.randrange(3)}"} if kind == "identify" else {}
        event = make_event(kind, anonymousId=f"b{rng.randrange(6)}", messageId=f"m{i}", **extra)
        if i < 40 or rng.random() < 0.2:  # the first ones before any anonymousId
            del event["anonymousId"]
        events.append(EventRecord.from_dict(event, EventSource("paste")))
    config = default_config()
    result = evaluate(events, config, browsers=True)
    streamed = list(inspect(events, config, sdk_sessions="browser"))
    steps = []
    real_step = _pipeline.step
    monkeypatch.setattr(
        "inspector.core.evaluation._run.step",
        lambda *args: steps.append(args[1]) or real_step(*args),
    )
    for index in range(len(events)):
        steps.clear()
        detail = inspect_event(events, index, config, result, browsers=True)
        assert [r.to_json() for r in detail.results] == [
            r.to_json() for r in streamed[index].results
        ]
        assert detail.state is not None and streamed[index].state is not None
        assert detail.state.snapshot() == streamed[index].state.snapshot()
        assert index in steps
    steps.clear()
    inspect_event(events, 399, config, result, browsers=True)
    assert len(steps) < 399 - max(k for k in result.checkpoints if k <= 399)
