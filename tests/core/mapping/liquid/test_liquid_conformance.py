"""Replays liquidjs answers recorded through @segment/actions-core 3.170.0's ``@liquid``.

``tests/data/liquid/<class>.json`` holds, per template class, each template with liquidjs's
output or error message and the global variables liquidjs's analysis reports; every template
renders against ``event.json``. Recorded by ``tools/conformance/liquid/record.cjs``.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from inspector.core.mapping import MappingError, resolve
from inspector.core.mapping.liquid import LiquidFailure, reads, render

DATA = Path(__file__).resolve().parents[3] / "data" / "liquid"
EVENT: dict[str, Any] = json.loads((DATA / "event.json").read_text(encoding="utf-8"))
CLASSES = sorted(p.stem for p in DATA.glob("*.json") if p.stem != "event")


def _cases(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    return cases


def test_recording_covers_every_class_with_enough_answers() -> None:
    counts = {name: len(_cases(name)) for name in CLASSES}
    assert set(counts) >= {"filters", "disabled", "filter_args", "paths", "values", "conditions",
                           "dates", "tags", "literals"}  # fmt: skip
    assert sum(counts.values()) >= 3000


@pytest.mark.parametrize("name", CLASSES)
def test_class_renders_as_liquidjs(name: str) -> None:
    event = copy.deepcopy(EVENT)
    wrong = []
    for case in _cases(name):
        try:
            got: tuple[str, str] = ("out", render(case["t"], event))
        except LiquidFailure as err:
            got = ("error", str(err))
        want = ("error", case["error"]) if "error" in case else ("out", case["out"])
        if got != want:
            wrong.append((case["t"], want, got))
    assert wrong == []
    assert event == EVENT, "rendering changed the event"


@pytest.mark.parametrize("name", CLASSES)
def test_class_reads_the_variables_liquidjs_reports(name: str) -> None:
    wrong = []
    for case in _cases(name):
        if case.get("reads") is None or "error" in case:
            continue
        got = reads(case["t"])
        if got != case["reads"]:
            wrong.append((case["t"], case["reads"], got))
    assert wrong == []


@pytest.mark.parametrize("name", ["tags", "literals", "disabled"])
def test_class_through_the_mapping_directive(name: str) -> None:
    """The ``@liquid`` directive gives the same text, or raises the same message."""
    for case in _cases(name):
        mapping = {"v": {"@liquid": case["t"]}}
        if "error" in case:
            with pytest.raises(MappingError) as info:
                resolve(mapping, copy.deepcopy(EVENT))
            assert info.value.message == case["error"]
        else:
            payload = resolve(mapping, copy.deepcopy(EVENT)).payload
            assert payload == {"v": case["out"]}
