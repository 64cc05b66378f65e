"""Exports: NDJSON and HAR that reload to the same events, curl for Jimo Cloud requests."""

from __future__ import annotations

import gzip
import io
import json
import shlex
from pathlib import Path

import orjson
import pytest

from inspector.core.destinations import DestinationConfig
from inspector.core.events import EventRecord
from inspector.core.export import (
    ExportError,
    captured_requests_har,
    curl_commands,
    write_ndjson,
)
from inspector.core.inspection import inspect
from inspector.core.loaders import read_path
from inspector.core.sessionfile import connect, create_schema
from tests.factories import make_event

KEY = "sk_live_0123456789abcdef"


def _events(path: Path) -> list[dict[str, object]]:
    items = list(read_path(path))
    assert all(isinstance(i, EventRecord) for i in items)
    return [i.data for i in items if isinstance(i, EventRecord)]


def test_ndjson_export_reloads_to_the_same_events(tmp_path: Path) -> None:
    events = [make_event(), make_event("identify"), make_event("page")]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(events, indent=2))
    records = [r for r in read_path(source) if isinstance(r, EventRecord)]
    out = io.BytesIO()
    assert write_ndjson(records[::2], out) == 2
    target = tmp_path / "out.ndjson"
    target.write_bytes(out.getvalue())
    assert _events(target) == [events[0], events[2]]
    assert len(out.getvalue().splitlines()) == 2


def _session_with_requests(path: Path, bodies: list[tuple[bytes, dict[str, str]]]) -> None:
    conn = connect(str(path))
    create_schema(conn, "0.1.0")
    for n, (body, headers) in enumerate(bodies):
        conn.execute(
            "INSERT INTO requests(received_at, method, path, headers, body, status, reason) "
            "VALUES (?, 'POST', ?, ?, ?, 200, 'OK')",
            (
                1764000000.5 + n,
                "/v1/batch" if b"batch" in body else "/v1/t",
                json.dumps(headers),
                body,
            ),
        )
    conn.close()


def test_har_of_captured_requests_round_trips_through_the_har_loader(tmp_path: Path) -> None:
    track, identify, page = make_event(), make_event("identify"), make_event("page")
    plain = json.dumps(track).encode()
    batch = gzip.compress(json.dumps({"batch": [identify, page]}).encode())
    session = tmp_path / "capture.jimo-session"
    _session_with_requests(
        session,
        [
            (plain, {"Host": "127.0.0.1:8787", "Content-Type": "application/json"}),
            (batch, {"Content-Encoding": "gzip"}),
        ],
    )
    har = captured_requests_har(str(session), "0.1.0")
    assert har["log"]["version"] == "1.2"
    entries = har["log"]["entries"]
    assert entries[0]["request"]["url"] == "http://127.0.0.1:8787/v1/t"
    assert entries[1]["request"]["postData"]["encoding"] == "base64"
    assert entries[0]["startedDateTime"].startswith("2025-11-24T")
    target = tmp_path / "capture.har"
    target.write_bytes(orjson.dumps(har))
    loaded = _events(target)
    assert [e["messageId"] for e in loaded] == [
        track["messageId"],
        identify["messageId"],
        page["messageId"],
    ]
    assert loaded[0]["properties"] == track["properties"]


def test_har_export_says_why_when_nothing_was_captured(tmp_path: Path) -> None:
    session = tmp_path / "empty.jimo-session"
    _session_with_requests(session, [])
    with pytest.raises(ExportError, match="no captured requests"):
        captured_requests_har(str(session), "0.1.0")
    with pytest.raises(ExportError, match="cannot read"):
        captured_requests_har(str(tmp_path / "missing.jimo-session"), "0.1.0")


def test_curl_commands_for_cloud_requests_mask_the_key_unless_asked() -> None:
    config = DestinationConfig.from_json(
        {"destination": "actions-jimo-cloud", "settings": {"apiKey": KEY}}
    )
    events = [make_event("identify", traits={"email": "ana@example.com", "plan": "pro"})]
    events.append(make_event("page"))
    masked = list(curl_commands(inspect(events, config), config.settings))
    assert len(masked) == 1
    assert masked[0].startswith("# event 0 · ")
    assert KEY not in masked[0] and "****cdef" in masked[0]
    words = shlex.split(masked[0].split("\n", 1)[1].replace("\\\n", " "))
    body = json.loads(words[words.index("--data-raw") + 1])
    assert body == {"userId": "user-1", "email": "ana@example.com", "traits": {"plan": "pro"}}
    revealed = list(curl_commands(inspect(events, config), config.settings, reveal_key=True))
    assert f"Authorization: Bearer {KEY}" in revealed[0]
