"""Captured requests exported as a HAR load back as the same events, accepted ones included."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import orjson

from inspector.core.events import EventRecord
from inspector.core.export import captured_requests_har
from inspector.core.loaders import read_path
from tests.core.capture.conftest import Capture


def test_a_capture_exported_as_har_loads_back_as_its_events(
    capture: Capture, tmp_path: Path
) -> None:
    url = capture.server.url
    batch = {"batch": [{"type": "track", "event": f"E{i}", "userId": "u1"} for i in range(3)]}
    plain = capture.client.post(f"{url}/v1/batch", content=orjson.dumps(batch))
    zipped = capture.client.post(
        f"{url}/v1/t",
        content=gzip.compress(orjson.dumps({"event": "Zipped", "anonymousId": "a1"})),
        headers={"Content-Encoding": "gzip", "Content-Type": "text/plain"},
    )
    refused = capture.client.post(f"{url}/v1/t", content=b"[]")
    assert (plain.status_code, zipped.status_code, refused.status_code) == (200, 200, 400)

    har = tmp_path / "capture.har"
    har.write_bytes(orjson.dumps(captured_requests_har(str(capture.server.session_path), "test")))
    loaded = [r for r in read_path(har) if isinstance(r, EventRecord)]
    assert [r.name for r in loaded] == ["E0", "E1", "E2", "Zipped"]
    assert [r.type for r in loaded] == ["track"] * 4
    assert json.loads(har.read_text())["log"]["entries"][2]["response"]["status"] == 400
