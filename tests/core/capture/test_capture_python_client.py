"""Segment's own analytics-python posting to the capture, with and without gzip."""

from __future__ import annotations

import pytest
from segment.analytics import Client

from tests.core.capture.conftest import Capture


@pytest.mark.parametrize("gzip", [False, True])
def test_analytics_python_calls_are_all_stored(capture: Capture, gzip: bool) -> None:
    errors: list[Exception] = []
    client = Client(
        "py-write-key",
        host=capture.server.url,
        gzip=gzip,
        on_error=lambda error, batch: errors.append(error),
        max_retries=0,
        upload_interval=0.05,
    )
    client.identify("user-7", {"email": "ana@example.com", "plan": "growth"})
    client.track("user-7", "Checklist Completed", {"steps": 4})
    client.group("user-7", "org-3", {"name": "Acme"})
    client.page("user-7", "Docs", "Getting started", {"path": "/docs"})
    client.flush()
    client.join()
    assert errors == []
    stored = capture.stored()
    assert [e["type"] for e in stored] == ["identify", "track", "group", "page"]
    assert [e["messageId"] for e in stored] == [r.message_id for r in capture.records]
    assert stored[1]["event"] == "Checklist Completed"
    assert stored[0]["context"]["library"]["name"] == "analytics-python"  # type: ignore[index]
    assert capture.rows("SELECT DISTINCT write_key FROM events") == [("py-write-key",)]
    headers = [h for (h,) in capture.rows("SELECT headers FROM requests")]
    assert all(('"Content-Encoding":"gzip"' in str(h)) == gzip for h in headers)
    assert all(not r.warnings for r in capture.records)
