"""Segment calls extracted from a HAR exported the way Chrome writes one."""

from __future__ import annotations

import base64
import gzip
import json

import pytest

from inspector.core.errors import LoadError
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord, read_bytes, read_path
from tests.conftest import DATA


def test_chrome_export_yields_every_segment_event_in_order() -> None:
    items = list(read_path(DATA / "loaders" / "chrome-export.har"))
    events = [i for i in items if isinstance(i, EventRecord)]
    assert not [i for i in items if isinstance(i, BadRecord)]
    summary = [(e.type, e.name, e.source.label.split("/")[-1]) for e in events]
    assert summary == [
        ("page", "Cart", "chrome-export.har#entry 3"),
        ("track", "Checkout Started", "chrome-export.har#entry 5"),
        ("identify", "mia.k@example.com", "chrome-export.har#entry 6"),
        ("track", "Coupon Applied", "chrome-export.har#entry 8"),  # type inferred from /v1/t
        ("track", "Order Completed", "chrome-export.har#entry 9[1]"),
        ("group", "acct_55", "chrome-export.har#entry 9[2]"),
        ("track", "Review Prompt Shown", "chrome-export.har#entry 10"),
        ("screen", "Order Tracking", "chrome-export.har#entry 11[1]"),  # base64 + gzip body
    ]
    # skipped: preflights (entries 2, 4), settings GET (1), /v1/m metrics (7), app XHR (12)
    assert events[0].write_key == "wk_demo_8Hn2sQ"
    assert events[0].data["receivedAt"] == "2026-11-21T14:03:02.074Z"
    assert events[4].data["sentAt"] == "2026-11-21T14:03:12.400Z"
    assert "net::ERR_BLOCKED_BY_CLIENT" in events[6].warnings[0]


def _har(*entries: dict[str, object]) -> bytes:
    return json.dumps({"log": {"version": "1.2", "entries": list(entries)}}).encode()


def _post(url: str, text: str | None) -> dict[str, object]:
    request: dict[str, object] = {"method": "POST", "url": url, "headers": []}
    if text is not None:
        request["postData"] = {"mimeType": "text/plain", "text": text}
    return {
        "request": request,
        "response": {"status": 200},
        "startedDateTime": "2026-01-01T00:00:00Z",
    }


def test_type_disagreeing_with_the_route_is_flagged_not_rejected() -> None:
    items = read_bytes(
        _har(_post("https://x.io/v1/i", json.dumps({"type": "track", "event": "E"}))), "h"
    )
    (event,) = items
    assert isinstance(event, EventRecord)
    assert event.type == "track"
    assert event.warnings == ("sent to /v1/i but its type is 'track'",)


def test_missing_or_undecodable_bodies_are_reported_per_entry() -> None:
    items = read_bytes(
        _har(
            _post("https://api.segment.io/v1/t", None),
            _post("https://api.segment.io/v1/t", "%%% not json %%%"),
            _post(
                "https://api.segment.io/v1/track",
                base64.b64encode(gzip.compress(b'{"event":"Z"}')).decode(),
            ),
        ),
        "h.har",
    )
    assert [str(i) for i in items if isinstance(i, BadRecord)] == [
        "h.har#entry 1: request body was not captured in the HAR",
        "h.har#entry 2: request body is neither JSON nor base64",
    ]
    assert [(e.type, e.name) for e in items if isinstance(e, EventRecord)] == [("track", "Z")]


def test_har_without_segment_calls_is_one_clear_error() -> None:
    entry = {"request": {"method": "GET", "url": "https://example.com/"}, "response": {}}
    with pytest.raises(LoadError, match="none of this HAR's 1 requests is a Segment call"):
        read_bytes(_har(entry), "site.har")


def test_odd_entry_shapes_do_not_stop_the_load() -> None:
    entry = _post("https://api.segment.io/v1/t", '{"event": "x"}')
    entry["response"] = "(blocked)"
    (event,) = read_bytes(_har(entry), "odd.har")
    assert isinstance(event, EventRecord) and event.name == "x"


def test_a_har_without_segment_calls_inside_ndjson_is_one_skipped_record() -> None:
    empty = json.dumps({"log": {"version": "1.2", "entries": [{"request": {"method": "GET"}}]}})
    text = json.dumps({"type": "track", "event": "a"}) + "\n" + empty + "\n"
    text += json.dumps({"type": "page"}) + "\n"
    items = read_bytes(text.encode(), "mixed.ndjson")
    assert [i.type for i in items if isinstance(i, EventRecord)] == ["track", "page"]
    assert [str(i) for i in items if isinstance(i, BadRecord)] == [
        "mixed.ndjson:2: none of this HAR's 1 requests is a Segment call "
        "(POST to /v1/t, /v1/track, /v1/batch, …)"
    ]
