"""Evaluating appended events only gives exactly what a full evaluation gives."""

from __future__ import annotations

import random

import pytest

from inspector.core.destinations import default_config, load_config
from inspector.core.evaluation import _pass as evaluation_pass
from inspector.core.evaluation import evaluate, extend, reevaluate
from inspector.core.events import EventRecord
from inspector.core.loaders import CancelToken, read_path
from inspector.resources import DEMO_CONFIG, DEMO_SESSION
from tests.core.session.test_reevaluate import _facts


def _demo() -> list[EventRecord]:
    return [r for r in read_path(DEMO_SESSION) if isinstance(r, EventRecord)]


def _with_retries(records: list[EventRecord], rng: random.Random) -> list[EventRecord]:
    """The demo session three times over, some events sent twice (client retries)."""
    out = []
    for _ in range(3):
        for record in records:
            out.append(record)
            if rng.random() < 0.1:
                out.append(record)
    return out


@pytest.mark.parametrize("fresh_sdk", [False, True])
def test_appending_in_bursts_matches_a_full_evaluation(monkeypatch, fresh_sdk: bool) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(evaluation_pass, "CHECKPOINT_EVERY", 8)
    config = load_config(DEMO_CONFIG)
    rng = random.Random(7)
    records = _with_retries(_demo(), rng)
    result = evaluate(records[:5], config, fresh_sdk=fresh_sdk)
    covered = 5
    while covered < len(records):
        covered = min(len(records), covered + rng.randrange(1, 40))
        grown = extend(result, records[:covered])
        assert grown.extends(result)
        result = grown
        expected = evaluate(records[:covered], config, fresh_sdk=fresh_sdk)
        assert _facts(result) == _facts(expected)
        assert result.final_state == expected.final_state
    assert result.duplicates  # the retries were found across bursts


def test_an_append_after_an_edit_continues_from_the_edited_state() -> None:
    config = load_config(DEMO_CONFIG)
    records = _demo()
    result = evaluate(records[:40], config)
    identify = next(i for i, r in enumerate(records[:40]) if r.type == "identify")
    edited = records[identify].data
    edited["userId"] = "someone-else"
    records[identify] = EventRecord.from_dict(edited, records[identify].source)
    result = reevaluate(result, records[:40], identify)
    result = extend(result, records)
    assert _facts(result) == _facts(evaluate(records, config))


def test_a_cancelled_append_keeps_the_previous_evaluation() -> None:
    records = _demo()
    result = evaluate(records[:10], default_config())
    token = CancelToken()
    token.cancel()
    assert extend(result, records, cancel=token) is result
    assert not evaluate(records, default_config()).extends(result)  # a new pass: a new lineage
