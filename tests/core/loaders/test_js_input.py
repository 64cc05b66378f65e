"""Input JavaScript's JSON.parse accepts (or Segment refuses) loads the same way here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest

from inspector.cli import main
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord, read_bytes, read_path
from inspector.core.loaders._parse import MAX_DEPTH
from tests.conftest import DATA
from tests.factories import make_event


def _events(items: list[Any]) -> list[EventRecord]:
    return [i for i in items if isinstance(i, EventRecord)]


def _bad(items: list[Any]) -> list[BadRecord]:
    return [i for i in items if isinstance(i, BadRecord)]


def _lines(*events: dict[str, Any], end: str = "\n") -> bytes:
    return end.join(json.dumps(e) for e in events).encode() + end.encode()


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_every_line_ending_splits_records(end: str) -> None:
    items = read_bytes(_lines(*[make_event(event=f"E{n}") for n in range(40)], end=end))
    assert [e.name for e in _events(items)] == [f"E{n}" for n in range(40)]
    assert [e.source.line for e in _events(items)][:3] == [1, 2, 3]
    assert not _bad(items)


def test_a_stray_bracket_on_a_one_line_event_is_one_message() -> None:
    text = json.dumps(make_event())
    items = read_bytes((text[:-1] + "]}").encode())
    assert len(items) == 1 and isinstance(items[0], BadRecord)
    assert items[0].source.line == 1
    # the same record inside a one-line array: still one message for the line
    items = read_bytes(f"[{text[:-1]}]}}, {{]]}}, [}}]".encode())
    assert len(_bad(items)) == 1


def test_lone_surrogate_escapes_load_as_javascript_holds_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = (
        r'{"type":"track","event":"E\ud800","userId":"u",'
        r'"properties":{"x":"\udc00y\ud83d\ude00"}}'
    )
    batch = '{"batch":[' + line + "," + json.dumps(make_event()) + "]}"
    items = read_bytes((line + "\n" + batch + "\n").encode())
    events = _events(items)
    assert not _bad(items) and len(events) == 3
    assert events[0].name == "E\ud800"
    assert events[0].data["properties"]["x"] == "\udc00y\U0001f600"
    assert events[1].data["properties"]["x"] == "\udc00y\U0001f600"  # batch items are re-written
    path = tmp_path / "s.ndjson"
    path.write_text(line + "\n", encoding="utf-8")
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert r'"event_name":"E\ud800"' in out  # JSON.stringify writes a lone surrogate as an escape
    assert json.loads(out)["index"] == 0


def test_numbers_beyond_a_double_refuse_only_their_record() -> None:
    items = read_bytes(b'{"type":"track","event":"A","x":1e400}\n' + _lines(make_event()))
    assert len(_events(items)) == 1
    (bad,) = _bad(items)
    assert "Infinity" in bad.reason and bad.source.line == 1


def test_integers_beyond_2_53_are_held_as_javascript_doubles() -> None:
    items = read_bytes(
        b'{"type":"track","event":"A","properties":{"a":9007199254740993,'
        b'"b":123456789012345678901234567890,"c":12345678901234567}}'
    )
    (event,) = _events(items)
    props = event.data["properties"]
    assert props == {"a": 2.0**53, "b": 1.2345678901234568e29, "c": 12345678901234568.0}


def test_nesting_is_read_up_to_the_writers_limit_and_refused_beyond(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ok = '{"type":"identify","userId":"u","traits":{"a":' + _nested(MAX_DEPTH - 2) + "}}"
    deep = '{"type":"identify","userId":"u","traits":{"a":' + _nested(600) + "}}"
    deeper = '{"type":"identify","userId":"u","traits":{"a":' + _nested(1100) + "}}"
    batch = '{"batch":[' + deep + "," + ok + "," + deeper + "]}"
    path = tmp_path / "deep.ndjson"
    path.write_text("\n".join([ok, deep, deeper, batch]) + "\n")
    items = list(read_path(path))
    assert [(type(i).__name__, i.source.line, i.source.item) for i in items] == [
        ("EventRecord", 1, None),
        ("BadRecord", 2, None),
        ("BadRecord", 3, None),
        ("BadRecord", 4, 1),  # a batch's deep items are skipped, their neighbour loads
        ("EventRecord", 4, 2),
        ("BadRecord", 4, 3),  # beyond orjson's 1,024 levels: the batch is read item by item
    ]
    assert "nested 602 levels deep" in items[1].reason  # type: ignore[union-attr]
    assert main(["inspect", str(path)]) == 1
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert [o["source"] for o in out] == [f"{path}:1", f"{path}:4[2]"]
    assert len(captured.err.splitlines()) == 4
    assert "Traceback" not in captured.err


def test_an_event_whose_type_is_not_a_string_lists_and_runs_no_action(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.ndjson"
    path.write_bytes(_lines(make_event(type=["track"]), make_event(type={"a": 1}), make_event()))
    assert main(["inspect", str(path)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(out) == 3
    assert not any(r["delivered"] for r in out[0]["results"] + out[1]["results"])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_files_with_a_bom_load(tmp_path: Path, encoding: str) -> None:
    text = "\ufeff" + _lines(make_event(event="Été ☃ 😀"), make_event()).decode()
    path = tmp_path / "powershell.json"
    path.write_bytes(text.encode(encoding))
    items = list(read_path(path))
    assert not _bad(items)
    assert [e.name for e in _events(items)] == ["Été ☃ 😀", "Signed Up"]


def test_one_line_playwright_har_loads_whatever_its_size(tmp_path: Path) -> None:
    har = json.loads((DATA / "loaders" / "chrome-export.har").read_text())
    har["log"]["creator"] = {"name": "Playwright", "version": "1.49.0"}
    for entry in har["log"]["entries"]:  # response bodies make it well over 64 KB
        entry["response"]["content"] = {
            "size": 30000,
            "mimeType": "text/plain",
            "text": "x" * 30000,
        }
    path = tmp_path / "playwright.har"
    path.write_bytes(orjson.dumps(har))
    assert path.stat().st_size > 150_000 and b"\n" not in path.read_bytes()
    items = list(read_path(path))
    assert not _bad(items)
    assert len(_events(items)) == 8


def test_minified_chrome_export_loads() -> None:
    har = json.loads((DATA / "loaders" / "chrome-export.har").read_text())
    items = read_bytes(orjson.dumps(har), kind="file")
    assert not _bad(items)
    assert [e.name for e in _events(items)][:2] == ["Cart", "Checkout Started"]


def test_one_line_400_kb_batch_is_a_batch() -> None:
    filler = "y" * 2000
    batch = [make_event(event=f"E{n}", properties={"filler": filler}) for n in range(200)]
    data = orjson.dumps({"batch": batch, "sentAt": "2026-11-20T09:12:41.000Z"})
    assert len(data) > 400_000
    items = read_bytes(data + b"\n", kind="file")
    assert not _bad(items)
    assert len(_events(items)) == 200
    assert _events(items)[-1].source.label.endswith(":1[200]")


def test_json_decode_of_a_huge_integer_is_a_double_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from inspector.core.mapping import resolve

    mapping = {"v": {"@json": {"mode": "decode", "value": {"@path": "$.s"}}}}
    assert resolve(mapping, {"s": "[18446744073709551616, 9007199254740993, 1e400]"}).payload == {
        "v": [2.0**64, 2.0**53, float("inf")]
    }
    path = tmp_path / "n.ndjson"
    traits = {"a": 1.0, "b": -0.0, "c": 1e16, "d": 1e21, "e": 1.5e-7}
    path.write_bytes(_lines(make_event("identify", traits=traits)))
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert '"traits":{"a":1,"b":0,"c":10000000000000000,"d":1e+21,"e":1.5e-7}' in out


def test_a_har_entry_with_a_broken_url_is_not_a_segment_call() -> None:
    har = json.loads((DATA / "loaders" / "chrome-export.har").read_text())
    har["log"]["entries"][0]["request"].update(method="POST", url="https://[api.segment.io/v1/t")
    items = read_bytes(orjson.dumps(har), kind="file")
    assert not _bad(items) and len(_events(items)) == 8


def test_a_session_evaluates_events_holding_lone_surrogates() -> None:
    from inspector.core.destinations import default_config
    from inspector.core.evaluation import evaluate

    line = r'{"type":"identify","userId":"u\ud800","traits":{"name":"\udc00"}}'
    records = _events(read_bytes(line.encode(), kind="file"))
    result = evaluate(records, default_config())
    states = [entry.state for entry in result.timeline]
    assert states[-1]["attributes"] == {"name": "\udc00"}


def test_a_batch_with_a_long_integer_and_a_very_deep_item() -> None:
    deep = '{"a":' * 1000 + "1" + "}" * 1000
    line = (
        '{"batch":[{"type":"track","event":"E","userId":"u","properties":{"n":9007199254740993}},'
        '{"type":"track","properties":' + deep + "}]}"
    )
    first, second = read_bytes(line.encode(), kind="file")
    assert isinstance(first, EventRecord) and first.data["properties"] == {"n": 2.0**53}
    assert isinstance(second, BadRecord) and "1001 levels" in second.reason
