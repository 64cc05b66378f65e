"""Locating event paths in JSON text (provenance highlighting)."""

from __future__ import annotations

import json

from inspector.core.jsonpaths import head_span, locate_paths, path_at


def _text_of(text: str, path: str) -> str:
    span = locate_paths(text)[path]
    return text[span.key_start : span.end]


def test_every_path_of_a_pretty_printed_event_is_found() -> None:
    text = json.dumps(
        {"userId": "u1", "traits": {"email": "a@b.c", "tags": ["x", {"k": 1}]}}, indent=2
    )
    spans = locate_paths(text)
    assert set(spans) == {
        "userId",
        "traits",
        "traits.email",
        "traits.tags",
        "traits.tags.0",
        "traits.tags.1",
        "traits.tags.1.k",
    }
    assert _text_of(text, "traits.email") == '"email": "a@b.c"'
    assert _text_of(text, "traits.tags.0") == '"x"'
    assert _text_of(text, "traits.tags.1.k") == '"k": 1'


def test_strings_with_structural_characters_and_escapes() -> None:
    text = json.dumps({"a": 'x,"}]:', "b": {"c d": True}})
    assert _text_of(text, "a") == '"a": "x,\\"}]:"'
    assert _text_of(text, "b.c d") == '"c d": true'


def test_path_at_gives_the_deepest_path_under_the_cursor() -> None:
    text = json.dumps({"traits": {"email": "a@b.c", "plan": "pro"}}, indent=2)
    spans = locate_paths(text)
    assert path_at(spans, text.index("a@b.c")) == "traits.email"
    assert path_at(spans, text.index('"plan"')) == "traits.plan"
    assert path_at(spans, text.index('"traits"')) == "traits"
    assert path_at(spans, 0) is None


def test_half_typed_json_still_yields_the_complete_parts() -> None:
    text = '{\n  "type": "track",\n  "properties": {"total": 12,'
    spans = locate_paths(text)
    assert "type" in spans and "properties.total" in spans


MAPPING = '{\n  "a": {"@path": 3},\n  "b": [1, {"x": true}],\n  "c.d": "q\\"uote"\n}'


def _head(path: str) -> str:
    span = head_span(MAPPING, path)
    assert span is not None
    return MAPPING[span[0] : span[1]]


def test_head_span_covers_the_key_and_a_scalar_or_an_opening_bracket() -> None:
    assert _head("a.@path") == '"@path": 3'
    assert _head("a") == '"a": {'
    assert _head("b") == '"b": ['
    assert _head("b.0") == "1"
    assert _head("b.1") == "{"
    assert _head("b.1.x") == '"x": true'
    assert _head("c.d") == '"c.d": "q\\"uote"'
    assert _head("") == "{"


def test_head_span_of_a_missing_path_is_its_nearest_ancestor() -> None:
    assert _head("a.@path.deeper") == '"@path": 3'
    assert _head("b.1.x.@if.then") == '"x": true'
    assert _head("nothing.here") == "{"
    assert head_span("", "a") is None
    assert head_span("  ", "") is None


def test_head_span_reuses_the_spans_it_is_given() -> None:
    spans = locate_paths(MAPPING)
    assert head_span(MAPPING, "b.1.x", spans) == head_span(MAPPING, "b.1.x")
    assert head_span('"text"', "") == (0, 6)
