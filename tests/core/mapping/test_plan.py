"""Compiled mapping plans give exactly what the generic resolver gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from inspector.core.mapping import LazyProvenance, MappingError, Origin, compile_plan, resolve

DATA = Path(__file__).resolve().parents[2] / "data" / "mapping" / "transform.json"


def _cases() -> list[dict[str, Any]]:
    loaded = json.loads(DATA.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, list) else loaded["cases"]


def _same_as_resolve(mapping: Any, event: dict[str, Any]) -> None:
    plan = compile_plan(mapping)
    assert plan is not None
    expected = resolve(mapping, event)
    payload, builtins = plan.run_flagged(event)
    assert repr(payload) == repr(expected.payload)  # key order and built-ins too
    assert plan.provenance(payload) == expected.provenance
    assert builtins == expected.builtins


def test_recorded_cases_with_a_plan_match_resolve() -> None:
    planned = 0
    for case in _cases():
        if "result" not in case or compile_plan(case["mapping"]) is None:
            continue
        _same_as_resolve(case["mapping"], case["event"])
        planned += 1
    assert planned >= 20


@pytest.mark.parametrize(
    "mapping",
    [
        {"a": {"@path": "$.traits.constructor.name"}, "b": {"@path": "$.s.length"}},
        {"f": {"@path": "$.traits.toString"}, "p": {"@path": "$.list.constructor.prototype"}},
        {"x": {"y": {"@path": "$.traits"}, "z": 1, "w": None}, "2": "two", "1": {"@path": ""}},
        {"m": {"@path": "$.missing.deep"}, "n": {"@path": "$.zero.x"}, "o": {}},
        {"p": {"@path": "$.list[1]"}, "q": {"@path": "$.num_keys"}},
    ],
)
def test_plans_match_resolve_on_awkward_events(mapping: dict[str, Any]) -> None:
    event = {
        "traits": {"b": 1, "1": 2, "__proto__": {"x": 1}},
        "s": "héllo ☃",
        "zero": 0,
        "list": ["a", {"k": None}],
        "num_keys": {"b": 1, "10": 2, "2": 3},
    }
    _same_as_resolve(mapping, event)


@pytest.mark.parametrize(
    "mapping",
    [
        {"a": {"@template": "{{userId}}"}},
        {"a": [{"@path": "$.a"}]},
        {"a": {"@path": "$.a", "_metadata": {}}},
        {"__proto__": {"@path": "$.a"}},
        {"__segment_internal_directive": {"@path": "$.a"}},
        {"a": {"@path": 3}},
        {"@path": "$.a"},
    ],
)
def test_other_mappings_have_no_plan(mapping: dict[str, Any]) -> None:
    assert compile_plan(mapping) is None


def test_an_invalid_mapping_has_no_plan_and_resolve_still_raises() -> None:
    mapping = {"a": {"@path": "no-dollar"}, "b": {"@nope": 1}}
    assert compile_plan(mapping) is None
    with pytest.raises(MappingError):
        resolve(mapping, {})


def test_lazy_provenance_reads_as_the_recorded_one() -> None:
    mapping = {"u": {"@path": "$.userId"}, "x": {"e": {"@path": "$.traits.email"}, "n": 1}}
    event = {"userId": "u1", "traits": {"email": "a@b.c"}}
    plan = compile_plan(mapping)
    assert plan is not None
    payload = plan.run(event)
    lazy = LazyProvenance(plan, payload)
    expected = resolve(mapping, event).provenance
    assert dict(lazy) == expected and lazy == expected
    assert lazy["x.e"] == (Origin("traits.email", "@path"),) and len(lazy) == 2
