"""The event list filter: free text or FQL, with errors reported."""

from __future__ import annotations

import json

from inspector.core.events import EventRecord
from inspector.core.filtering import compile_filter, filter_rows
from inspector.core.loaders import CancelToken, read_bytes
from tests.factories import make_event


def _records() -> list[EventRecord]:
    events = [
        make_event(event="Order Completed", properties={"total": 250}),
        make_event(event="Order Completed", properties={"total": "90"}),
        make_event("identify", traits={"email": "Ana@Example.com"}),
        make_event("page", name="Pricing"),
    ]
    items = read_bytes("\n".join(json.dumps(e) for e in events).encode(), "f.ndjson", kind="file")
    return [i for i in items if isinstance(i, EventRecord)]


def test_empty_filter_passes_everything() -> None:
    flt = compile_filter("   ")
    assert flt.kind == "all"
    assert list(filter_rows(_records(), flt)) == [1, 1, 1, 1]


def test_free_text_is_case_insensitive_over_the_event_json() -> None:
    flt = compile_filter("ana@example")
    assert flt.kind == "text"
    assert list(filter_rows(_records(), flt)) == [0, 0, 1, 0]


def test_fql_answers_like_a_trigger_including_type_strictness() -> None:
    flt = compile_filter('type = "track" and properties.total > 100')
    assert flt.kind == "fql" and flt.error is None
    # "90" is a string: numeric comparisons never match it, exactly as in Segment
    assert list(filter_rows(_records(), flt)) == [1, 0, 0, 0]


def test_a_bad_expression_reports_message_and_position() -> None:
    flt = compile_filter('type = "track" and (event = "A"')
    assert flt.kind == "fql"
    assert flt.error is not None
    assert flt.error.position == 19
    assert "never closed" in flt.error.message


def test_filter_rows_stops_when_cancelled() -> None:
    token = CancelToken()
    token.cancel()
    assert filter_rows(_records() * 3000, compile_filter("Pricing"), token) == bytearray()


def test_free_text_matches_accented_letters_in_any_case_and_json_escapes() -> None:
    lines = [
        b'{"type": "track", "event": "\\u00c9t\\u00e9 Sale"}',
        '{"type": "track", "event": "Été Sale"}'.encode(),
    ]
    records = [i for i in read_bytes(b"\n".join(lines), "u.ndjson") if isinstance(i, EventRecord)]
    for needle in ("été", "ÉTÉ", "Été sale"):
        assert list(filter_rows(records, compile_filter(needle))) == [1, 1]
