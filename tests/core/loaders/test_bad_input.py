"""Bad records are reported with position and reason; the rest still loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.core.errors import LoadError
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord, CancelToken, LoadCancelled, read_bytes, read_path
from tests.factories import make_event


def _bad(items: list[object]) -> list[str]:
    return [str(i) for i in items if isinstance(i, BadRecord)]


def _good(items: list[object]) -> int:
    return sum(isinstance(i, EventRecord) for i in items)


def test_each_kind_of_bad_line_is_reported_with_its_line_and_reason() -> None:
    big = make_event(properties={"blob": "x" * 40_000})
    lines = [
        json.dumps(make_event()).encode(),
        b'{"type": "track", "event": "Cut',
        b"[1, 2]",
        json.dumps(big).encode(),
        b'{"type": "track", "event": "caf\xe9"}',
        b"null",
        json.dumps(make_event()).encode(),
    ]
    items = read_bytes(b"\n".join(lines), "f.ndjson")
    assert _good(items) == 2
    assert _bad(items) == [
        "f.ndjson:2: invalid JSON: unexpected end of data (column 32)",
        "f.ndjson:3: expected an event object, found an array",
        f"f.ndjson:4: event is {len(lines[3]) / 1024:.1f} KB, over Segment's 32 KB limit per event",
        "f.ndjson:5: invalid UTF-8 (byte 32)",
        "f.ndjson:6: expected an event object, found null",
    ]


def test_broken_first_line_does_not_hide_the_rest() -> None:
    text = b'{"type": "track", "event"\n' + json.dumps(make_event(event="Ok")).encode()
    items = read_bytes(text, "f")
    assert _good(items) == 1
    assert _bad(items) == ["f:1: invalid JSON: unexpected end of data (column 26)"]


def test_truncated_array_keeps_complete_elements() -> None:
    text = b'[\n  {"type": "track", "event": "A"},\n  {"type": "track", "ev'
    items = read_bytes(text, "t.json")
    assert _good(items) == 1
    assert _bad(items) == ["t.json:3: the file ends in the middle of this record"]


def test_bad_array_element_is_skipped_and_the_next_loads() -> None:
    text = b'[{"type": "track", "event": "A"}, {"type": tru}, {"type": "page"}]'
    items = read_bytes(text, "a.json")
    assert _good(items) == 2
    assert len(_bad(items)) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "this is a PNG image, not an event file"),
        (b"%PDF-1.7\n", "this is a PDF document, not an event file"),
        (b"hello world\n", "this is not JSON, not an event file"),
        (b'{"log": {"version": "1.2", "entries": []}}', "this HAR file has no requests in it"),
    ],
)
def test_not_an_event_file_gets_one_clear_message(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "input"
    path.write_bytes(content)
    with pytest.raises(LoadError) as err:
        list(read_path(path))
    assert message in str(err.value)
    assert str(err.value).startswith(str(path))


def test_missing_file_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="No such file"):
        list(read_path(tmp_path / "nope.json"))


def test_cancel_stops_a_load_between_records(tmp_path: Path) -> None:
    path = tmp_path / "many.ndjson"
    path.write_text("\n".join(json.dumps(make_event()) for _ in range(10_000)))
    token = CancelToken()
    loaded = 0
    with pytest.raises(LoadCancelled):
        for _ in read_path(path, cancel=token):
            loaded += 1
            if loaded == 10:
                token.cancel()
    assert loaded < 10_000


def test_truncated_gzip_is_one_clear_file_error(tmp_path: Path) -> None:
    import gzip

    body = "".join(json.dumps(make_event()) + "\n" for _ in range(10)).encode()
    path = tmp_path / "cut.ndjson.gz"
    path.write_bytes(gzip.compress(body)[:-9])
    with pytest.raises(LoadError, match="cannot be read"):
        list(read_path(path))


def test_array_structure_problems_are_reported_not_swallowed() -> None:
    text = b'[{"type": "track"},,{"type": "page"},]'
    assert _bad(read_bytes(text, "a.json")) == [
        "a.json:1: empty element: a comma with nothing before it",
        "a.json:1: a comma with no element after it, before ']'",
    ]
    items = read_bytes(b'[{"type": "track"},\n{"type": "page"}', "open.json")
    assert _good(items) == 2
    assert _bad(items) == ["open.json:2: the array is not closed: ']' is missing at the end"]


def test_concatenated_arrays_and_values_all_load() -> None:
    text = b'[{"type": "track"}]\n[{"type": "page"}]\n{"type": "identify"}\n'
    items = read_bytes(text, "cat.json")
    assert [(i.type, i.source.line) for i in items if isinstance(i, EventRecord)] == [
        ("track", 1),
        ("page", 2),
        ("identify", 3),
    ]


def test_an_unindented_multi_line_batch_is_a_document_not_ndjson() -> None:
    text = b'{"batch":[\n{"type":"track","event":"a"},\n{"type":"track","event":"b"}\n]}\n'
    items = read_bytes(text, "b.json")
    assert [(i.name, i.source.label) for i in items if isinstance(i, EventRecord)] == [
        ("a", "b.json:1[1]"),
        ("b", "b.json:1[2]"),
    ]
    assert not _bad(items)
