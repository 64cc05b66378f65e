"""Segment tracking-API routes and bodies, as both the HAR loader and the capture read them."""

from __future__ import annotations

import pytest

from inspector.core.events import EventRecord, EventSource
from inspector.core.loaders import BadRecord
from inspector.core.tracking import call_events, drop_reasons, route_in_path
from tests.factories import make_event

SRC = EventSource("capture", "/v1/t", entry=1)


@pytest.mark.parametrize(
    ("path", "route"),
    [
        ("/v1/t", "t"),
        ("/v1/track", "track"),
        ("/v1/batch/", "batch"),
        ("/proxy/segment/v1/b", "b"),
        ("/v1/import", "import"),
        ("/v1/m", None),
        ("/v1/projects/k/settings", None),
        ("/v1/tracks", None),
        ("/v2/track", None),
    ],
)
def test_route_in_path(path: str, route: str | None) -> None:
    assert route_in_path(path) == route


@pytest.mark.parametrize(
    ("route", "expected"),
    [("t", "track"), ("i", "identify"), ("p", "page"), ("s", "screen"), ("g", "group"),
     ("a", "alias"), ("screen", "screen"), ("alias", "alias")],
)  # fmt: skip
def test_a_single_route_gives_its_type_to_a_body_without_one(route: str, expected: str) -> None:
    body = make_event()
    del body["type"]
    [record] = call_events(body, route, SRC)
    assert isinstance(record, EventRecord)
    assert record.type == expected
    assert not record.warnings


def test_a_type_that_disagrees_with_the_route_is_kept_and_flagged() -> None:
    [record] = call_events(make_event("identify"), "t", SRC)
    assert isinstance(record, EventRecord)
    assert record.type == "identify"
    assert record.warnings == ("sent to /v1/t but its type is 'identify'",)


def test_batch_routes_split_the_envelope_like_the_loaders() -> None:
    body = {
        "batch": [make_event(context={"page": {"path": "/a"}}), make_event("identify"), 7],
        "sentAt": "2026-11-20T09:12:41.000Z",
        "writeKey": "wk",
        "context": {"ip": "10.0.0.1"},
    }
    items = list(call_events(body, "b", SRC))
    first, second, bad = items
    assert isinstance(first, EventRecord) and isinstance(second, EventRecord)
    assert first.data["context"]["ip"] == "10.0.0.1"
    assert first.data["context"]["page"] == {"path": "/a"}
    assert first.data["sentAt"] == "2026-11-20T09:12:41.000Z"
    assert (first.write_key, first.source.item, second.source.item) == ("wk", 1, 2)
    assert isinstance(bad, BadRecord) and "batch item is a number" in bad.reason


def test_a_batch_item_without_type_is_skipped_on_a_batch_route() -> None:
    item = make_event()
    del item["type"]
    [bad] = call_events({"batch": [item]}, "batch", SRC)
    assert isinstance(bad, BadRecord) and 'no "type"' in bad.reason


def test_write_key_from_the_request_when_the_body_has_none() -> None:
    [record] = call_events(make_event(), "track", SRC, write_key="basic-key")
    [keyed] = call_events(make_event(writeKey="body-key"), "track", SRC, write_key="basic")
    assert isinstance(record, EventRecord) and isinstance(keyed, EventRecord)
    assert (record.write_key, keyed.write_key) == ("basic-key", "body-key")


def test_extra_warnings_reach_every_event_of_a_batch() -> None:
    body = {"batch": [make_event(), make_event()]}
    records = list(call_events(body, "batch", SRC, warnings=("retried",)))
    assert [r.warnings for r in records if isinstance(r, EventRecord)] == [("retried",)] * 2


def test_drop_reasons_name_what_segment_drops_after_accepting() -> None:
    assert drop_reasons(make_event()) == ()
    assert drop_reasons(make_event(anonymousId=None)) == (
        'no "userId" or "anonymousId": Segment accepts it, then drops it',
    )
    assert drop_reasons(make_event(event=None)) == (
        'track without "event": Segment accepts it, then drops it',
    )
    assert drop_reasons(make_event("group", groupId="")) == (
        'group without "groupId": Segment accepts it, then drops it',
    )
    assert drop_reasons(make_event("alias", previousId="a")) == (
        'alias without "userId": Segment accepts it, then drops it',
    )
    assert drop_reasons(make_event("alias", userId="u", previousId="a")) == ()
