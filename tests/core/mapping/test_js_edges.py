"""Edges found by random events and mappings against actions-core (seeds beyond the recorded)."""

from __future__ import annotations

from inspector.core.inspection import output_json
from inspector.core.mapping import resolve


def test_merge_of_a_string_assigns_one_key_per_utf16_code_unit() -> None:
    mapping = {"v": {"@merge": {"objects": [{"@path": "$.s"}, {"a": 1}], "direction": "right"}}}
    payload = resolve(mapping, {"s": "x\U0001f600"}).payload
    assert payload == {"v": {"0": "x", "1": "\ud83d", "2": "\ude00", "a": 1}}


def test_a_root_number_is_written_as_json_stringify_writes_it() -> None:
    assert output_json(1.0) == b"1"
    assert output_json(2.0**53) == b"9007199254740992"
    assert output_json([1.0]) == b"[1]"
