"""Each supported format, sniffed by content, with positions kept."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord, read_bytes, read_path
from tests.factories import make_event


def _events(items: list[object]) -> list[EventRecord]:
    return [i for i in items if isinstance(i, EventRecord)]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_ndjson_keeps_line_numbers_and_skips_blank_lines(tmp_path: Path) -> None:
    lines = [json.dumps(make_event(event="A")), "", json.dumps(make_event("page", name="P"))]
    items = list(read_path(_write(tmp_path, "e.jsonl", "\n".join(lines).encode())))
    assert [(r.type, r.name, r.source.label) for r in _events(items)] == [
        ("track", "A", f"{tmp_path}/e.jsonl:1"),
        ("page", "P", f"{tmp_path}/e.jsonl:3"),
    ]


def test_single_pretty_printed_event() -> None:
    items = read_bytes(json.dumps(make_event(event="Solo"), indent=2).encode(), "e.json")
    assert [(r.name, r.source.line) for r in _events(items)] == [("Solo", 1)]


def test_json_array_streams_elements_with_their_start_lines() -> None:
    body = json.dumps([make_event(event="A"), make_event(event="B")], indent=2).encode()
    items = read_bytes(body, "a.json")
    events = _events(items)
    assert [e.name for e in events] == ["A", "B"]
    first_b_line = body.decode().splitlines().index("  {", 2) + 1
    assert events[1].source.line == first_b_line


def test_strings_with_brackets_and_escaped_quotes_do_not_confuse_the_array_scanner() -> None:
    tricky = make_event(event='He said "]}," then {left}', properties={"x": "\\"})
    items = read_bytes(json.dumps([tricky, make_event(event="B")]).encode(), "a.json")
    assert [e.name for e in _events(items)] == ['He said "]}," then {left}', "B"]


def test_batch_body_is_split_with_envelope_context_integrations_and_sent_at() -> None:
    body = {
        "writeKey": "wk_1",
        "sentAt": "2026-11-20T10:00:00.000Z",
        "context": {"ip": "1.2.3.4", "library": {"name": "analytics-python"}},
        "integrations": {"All": False, "Jimo": True},
        "batch": [
            make_event(event="A", context={"locale": "fr-FR"}),
            make_event("identify", context={"ip": "9.9.9.9"}),
        ],
    }
    events = _events(read_bytes(json.dumps(body).encode(), "b.json"))
    assert [e.source.label for e in events] == ["b.json:1[1]", "b.json:1[2]"]
    a, b = (e.data for e in events)
    assert a["context"] == {
        "ip": "1.2.3.4",
        "library": {"name": "analytics-python"},
        "locale": "fr-FR",
    }
    assert b["context"]["ip"] == "9.9.9.9"  # the item's own value wins over the envelope's
    assert a["integrations"] == {"All": False, "Jimo": True}
    assert a["sentAt"] == b["sentAt"] == "2026-11-20T10:00:00.000Z"
    assert events[0].write_key == "wk_1"


def test_batch_items_must_carry_a_type() -> None:
    body = {"batch": [make_event(), {"event": "No type"}, 7]}
    items = read_bytes(json.dumps(body).encode(), "b.json")
    assert [str(i) for i in items if isinstance(i, BadRecord)] == [
        'b.json:1[2]: batch item has no "type" (required inside a batch)',
        "b.json:1[3]: batch item is a number, not an event object",
    ]


def test_ndjson_lines_may_hold_batches() -> None:
    text = json.dumps({"batch": [make_event(event="A"), make_event(event="B")]}) + "\n"
    text += json.dumps(make_event(event="C")) + "\n"
    labels = [e.source.label for e in _events(read_bytes(text.encode(), "x"))]
    assert labels == ["x:1[1]", "x:1[2]", "x:2"]


def test_gzip_compressed_file_is_read_transparently(tmp_path: Path) -> None:
    text = "\n".join(json.dumps(make_event(event=f"E{i}")) for i in range(50))
    path = _write(tmp_path, "events.ndjson.gz", gzip.compress(text.encode()))
    names = [e.name for e in _events(list(read_path(path)))]
    assert names == [f"E{i}" for i in range(50)]


def test_format_is_sniffed_not_taken_from_the_extension(tmp_path: Path) -> None:
    path = _write(tmp_path, "misleading.har", json.dumps(make_event(event="Plain")).encode())
    assert [e.name for e in _events(list(read_path(path)))] == ["Plain"]


def test_utf8_bom_is_ignored() -> None:
    items = read_bytes(b"\xef\xbb\xbf" + json.dumps(make_event(event="Bom")).encode(), "b")
    assert [e.name for e in _events(items)] == ["Bom"]


@pytest.mark.parametrize("layout", ["compact", "pretty"])
def test_progress_reaches_the_file_size(tmp_path: Path, layout: str) -> None:
    events = [make_event(event=f"E{i}") for i in range(2000)]
    data = json.dumps(events, indent=2 if layout == "pretty" else None).encode()
    path = _write(tmp_path, "big.json", data)
    seen: list[tuple[int, int | None]] = []
    assert len(_events(list(read_path(path, progress=lambda d, t: seen.append((d, t)))))) == 2000
    assert seen[-1] == (len(data), len(data))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_columns_summarise_each_type() -> None:
    events = [
        make_event("track", event="Order Completed", userId="u1"),
        make_event("page", name="Pricing"),
        make_event("group", groupId="org-9"),
        make_event("alias", previousId="old", userId="new"),
    ]
    recs = _events(read_bytes("\n".join(json.dumps(e) for e in events).encode(), "x"))
    assert [(r.type, r.name, r.user) for r in recs] == [
        ("track", "Order Completed", "u1"),
        ("page", "Pricing", "anon-1"),
        ("group", "org-9", "anon-1"),
        ("alias", "old", "new"),
    ]
