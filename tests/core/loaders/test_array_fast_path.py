"""The JSON-array fast path finds exactly the elements the structural scan finds."""

from __future__ import annotations

import json
from typing import Any

import pytest

from inspector.core.events import EventRecord
from inspector.core.loaders import _jsonstream, read_bytes

EVENTS = [
    {"type": "track", "event": "A }, {", "properties": {"x": {"y": [1, {"z": "}"}]}}},
    {"type": "identify", "userId": 'u\\"}', "traits": {"a": "{{", "b": {}}},
    {"type": "page", "name": "P", "properties": {}},
]


def _texts() -> list[str]:
    pretty = json.dumps(EVENTS, indent=2)
    return [
        pretty,
        json.dumps(EVENTS),
        pretty.replace("},\n  {", "}\n  {", 1),  # a missing comma
        pretty.replace('"P"', '"P\\ud800"'),  # a lone surrogate: orjson refuses it
        pretty.replace('"x": {', '"x": {"big": 123456789012345678901234567890, ', 1),
        pretty.replace('"type": "page"', '"type": "page" "oops"'),  # a broken element
        pretty.replace('"name": "P"', '"name": ' + "[" * 300 + "]" * 300),  # too deep
        pretty[:-1],  # no closing bracket
        pretty[: len(pretty) // 2],  # cut short
        "[" + ", ".join(["{}", "", '{"type": "track"}', "1", '{"a": {}}']) + ",]",
        pretty + "\n" + pretty,
    ]


def _shape(items: list[Any]) -> list[Any]:
    return [
        (i.raw, i.source.label) if isinstance(i, EventRecord) else ("bad", str(i)) for i in items
    ]


@pytest.mark.parametrize("text", _texts())
def test_fast_and_structural_scans_agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = text.encode()
    fast = _shape(list(read_bytes(data, name="a.json")))
    monkeypatch.setattr(_jsonstream, "_object_end", lambda buf, start: None)
    slow = _shape(list(read_bytes(data, name="a.json")))
    assert fast == slow


def test_the_fast_path_is_taken_for_a_pretty_array(monkeypatch: pytest.MonkeyPatch) -> None:
    found: list[Any] = []
    real = _jsonstream._object_end

    def spy(buf: bytes, start: int) -> Any:
        found.append(real(buf, start))
        return found[-1]

    monkeypatch.setattr(_jsonstream, "_object_end", spy)
    plain = [{"type": "track", "event": f"E{n}", "properties": {"n": {"k": n}}} for n in range(5)]
    items = list(read_bytes(json.dumps(plain, indent=2).encode(), name="a.json"))
    assert len(items) == 5 and len(found) == 5 and None not in found
