"""Every tracking route, answered as Segment answers, with the events stored before the 200."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import orjson
import pytest

from inspector.core._jsjson import parse as js_parse
from inspector.core.events import EventRecord
from tests.core.capture.conftest import Capture, start_capture
from tests.factories import make_event

OK = {"success": True}


def _basic(key: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{key}:".encode()).decode()}


@pytest.mark.parametrize(
    ("route", "expected"),
    [("track", "track"), ("identify", "identify"), ("page", "page"), ("screen", "screen"),
     ("group", "group"), ("alias", "alias"), ("t", "track"), ("i", "identify"), ("p", "page"),
     ("s", "screen"), ("g", "group"), ("a", "alias")],
)  # fmt: skip
def test_single_routes_store_one_event_typed_by_the_route(
    capture: Capture, route: str, expected: str
) -> None:
    body = make_event(expected, userId="u-1")
    del body["type"]
    response = capture.client.post(
        f"/v1/{route}", content=json.dumps(body), headers={"Content-Type": "text/plain"}
    )
    assert (response.status_code, response.json()) == (200, OK)
    assert response.headers["Content-Type"].startswith("application/json")
    [stored] = capture.stored()  # committed before the answer: visible to another connection
    assert stored["type"] == expected
    assert stored["messageId"] == body["messageId"]
    assert isinstance(stored["receivedAt"], str) and stored["receivedAt"].endswith("Z")
    assert [r.type for r in capture.records] == [expected]
    assert capture.records[0].source.label == f"/v1/{route}#entry 1"


@pytest.mark.parametrize("route", ["batch", "import", "b"])
def test_batch_routes_split_the_envelope(capture: Capture, route: str) -> None:
    body = {
        "batch": [make_event(), make_event("identify"), make_event("page")],
        "sentAt": "2026-11-20T09:12:41.000Z",
        "writeKey": "wk-1",
        "context": {"library": {"name": "analytics-python"}, "ip": "10.1.2.3"},
    }
    response = capture.client.post(f"/v1/{route}", json=body)
    assert response.status_code == 200
    stored = capture.stored()
    assert [e["type"] for e in stored] == ["track", "identify", "page"]
    assert all(e["sentAt"] == "2026-11-20T09:12:41.000Z" for e in stored)
    assert all(e["context"]["ip"] == "10.1.2.3" for e in stored)  # type: ignore[index]
    assert capture.rows("SELECT item, write_key, request_id FROM events ORDER BY seq") == [
        (1, "wk-1", 1),
        (2, "wk-1", 1),
        (3, "wk-1", 1),
    ]


def test_metrics_are_accepted_and_not_stored(capture: Capture) -> None:
    response = capture.client.post("/v1/m", content=b'{"series": []}')
    assert (response.status_code, response.json()) == (200, OK)
    assert capture.rows("SELECT count(*) FROM events") == [(0,)]
    assert capture.rows("SELECT count(*) FROM requests") == [(0,)]


def test_settings_point_analytics_js_at_this_server(capture: Capture) -> None:
    response = capture.client.get("/v1/projects/wk-9/settings")
    assert response.status_code == 200
    port = capture.server.url.rsplit(":", 1)[1]
    assert response.json()["integrations"] == {
        "Segment.io": {"apiKey": "wk-9", "apiHost": f"127.0.0.1:{port}/v1", "protocol": "http"}
    }
    assert response.json()["metrics"] == {"sampleRate": 0}


def test_preflight_echoes_the_origin_and_allows_the_client_headers(capture: Capture) -> None:
    response = capture.client.options(
        "/v1/t",
        headers={
            "Origin": "http://shop.test:3000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type,x-retry-count",
        },
    )
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == "http://shop.test:3000"
    allowed_text = response.headers["Access-Control-Allow-Headers"]
    allowed = {h.strip().lower() for h in allowed_text.split(",")}
    assert {"content-type", "authorization", "x-retry-count"} <= allowed
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    posted = capture.client.post(
        "/v1/t", json=make_event(), headers={"Origin": "http://shop.test:3000"}
    )
    assert posted.headers["Access-Control-Allow-Origin"] == "http://shop.test:3000"


def test_gzip_body_and_basic_auth_write_key(capture: Capture) -> None:
    body = gzip.compress(orjson.dumps({"batch": [make_event()], "sentAt": "2026-11-20T00:00:00Z"}))
    response = capture.client.post(
        "/v1/batch", content=body, headers={"Content-Encoding": "gzip", **_basic("basic-wk")}
    )
    assert response.status_code == 200
    assert capture.rows("SELECT write_key FROM events") == [("basic-wk",)]
    assert capture.rows("SELECT write_key, headers FROM requests")[0][0] == "basic-wk"
    headers = json.loads(str(capture.rows("SELECT headers FROM requests")[0][0]))
    assert "Authorization" not in headers and "authorization" not in headers


def test_an_expected_write_key_refuses_others_with_401(tmp_path: Path) -> None:
    cap = start_capture(tmp_path, write_key="right-key")
    try:
        wrong = cap.client.post("/v1/t", json=make_event(writeKey="wrong-key"))
        assert wrong.status_code == 401
        message = "write key 'wron…' is not the write key this capture expects"
        assert wrong.json()["message"] == message
        assert cap.client.post("/v1/t", json=make_event(), headers=_basic("right-key")).is_success
        assert cap.client.post("/v1/t", json=make_event(writeKey="right-key")).is_success
        assert cap.client.post("/v1/t", json=make_event()).status_code == 401
        assert cap.client.get("/v1/projects/wrong-key/settings").status_code == 401
        assert len(cap.stored()) == 2
        statuses = cap.rows("SELECT status FROM requests ORDER BY id")
        assert statuses == [(401,), (200,), (200,), (401,)]
    finally:
        cap.server.stop()


def test_what_segment_drops_later_is_accepted_and_flagged(capture: Capture) -> None:
    small = {"type": "track", "event": "Clicked", "anonymousId": "a"}
    batch = [make_event(anonymousId=None), make_event(event=None)] + [small] * 2500
    response = capture.client.post("/v1/batch", content=orjson.dumps({"batch": batch}))
    assert response.status_code == 200
    warnings = [json.loads(str(w)) for (w,) in capture.rows("SELECT warnings FROM events")]
    assert len(warnings) == 2502
    over = "batch has 2502 events; Segment rejects batches over 2,500"
    assert warnings[0] == [over, 'no "userId" or "anonymousId": Segment accepts it, then drops it']
    assert warnings[1] == [over, 'track without "event": Segment accepts it, then drops it']
    assert warnings[2] == [over]
    assert capture.records[0].warnings == tuple(warnings[0])


def test_retry_count_and_duplicate_message_ids_are_recorded(capture: Capture) -> None:
    event = make_event(messageId="ajs-next-1-same")
    assert capture.client.post("/v1/t", json=event).status_code == 200
    again = capture.client.post("/v1/t", json=event, headers={"X-Retry-Count": "1"})
    assert again.status_code == 200
    assert capture.rows("SELECT retry_count FROM requests ORDER BY id") == [(None,), (1,)]
    assert len(capture.stored()) == 2  # both kept: the duplicate is flagged, not dropped
    summary = capture.client.get("/_inspector/summary").json()
    assert {k: summary[k] for k in ("total", "accepted", "rejected", "duplicates")} == {
        "total": 2,
        "accepted": 2,
        "rejected": 0,
        "duplicates": 1,
    }


def test_summary_counts_refusals_and_reset_zeroes_it(capture: Capture) -> None:
    capture.client.post("/v1/batch", json={"batch": [make_event(), 5]})
    capture.client.post("/v1/t", content=b"{nope")
    summary = capture.client.get("/_inspector/summary").json()
    assert (summary["total"], summary["accepted"], summary["rejected"]) == (3, 1, 2)
    assert capture.client.post("/_inspector/reset").json() == OK
    assert capture.client.get("/_inspector/summary").json()["total"] == 0
    assert len(capture.stored()) == 1  # the session file keeps everything


def test_refused_requests_reach_the_sink_as_skipped_records(capture: Capture) -> None:
    capture.client.post("/v1/t", content=b"[1, 2]")
    [bad] = capture.bad
    assert str(bad) == "/v1/t#entry 1: the request body is an array, not an object"
    assert capture.rows("SELECT status, reason, body FROM requests") == [
        (400, "the request body is an array, not an object", b"[1, 2]")
    ]
    assert capture.rows("SELECT source, reason, request_id FROM bad_records") == [
        ("/v1/t#entry 1", "the request body is an array, not an object", 1)
    ]


def test_unknown_routes_answer_404_with_a_reason(capture: Capture) -> None:
    response = capture.client.post("/v1/everything", json={})
    assert response.status_code == 404
    assert response.json()["message"] == "POST /v1/everything is not a route of this capture"


def test_extra_routes_are_mounted_on_the_same_server(tmp_path: Path) -> None:
    from aiohttp import web

    from inspector.core.capture import CaptureServer, CaptureSettings

    async def hello(request: web.Request) -> web.Response:
        return web.Response(text="replay page")

    server = CaptureServer(
        CaptureSettings(port=0, session=str(tmp_path / "s.jimo-session")),
        routes=[web.get("/replay", hello)],
    )
    import httpx

    try:
        url = server.start()
        assert httpx.get(f"{url}/replay").text == "replay page"
    finally:
        server.stop()


def test_sink_gets_records_in_storage_order(capture: Capture) -> None:
    for n in range(5):
        capture.client.post("/v1/t", json=make_event(event=f"E{n}"))
    assert [r.name for r in capture.records] == [f"E{n}" for n in range(5)]
    assert all(isinstance(r, EventRecord) for r in capture.records)


def test_the_address_opened_in_a_browser_says_what_it_is(capture: Capture) -> None:
    capture.client.post("/v1/t", json=make_event())
    page = capture.client.get("/")
    assert page.status_code == 200
    assert page.text.startswith("Jimo Inspector is capturing here")
    assert "1 events stored, 0 rejected" in page.text


def test_a_lone_surrogate_escape_is_kept_as_files_keep_it(capture: Capture) -> None:
    body = b'{"type":"track","userId":"u-1","event":"sur\\ud800","messageId":"m-s"}'
    response = capture.client.post("/v1/track", content=body)
    assert (response.status_code, response.json()) == (200, OK)
    [record] = capture.records
    assert record.data["event"] == "sur\ud800"
    [(raw,)] = capture.rows("SELECT raw FROM events")
    assert js_parse(raw)["event"] == "sur\ud800"  # stored as it came, readable again


def test_the_body_write_key_comes_before_basic_auth(tmp_path: Path) -> None:
    cap = start_capture(tmp_path, write_key="WK1")
    try:
        body = make_event(writeKey="WK1")
        assert cap.client.post("/v1/t", json=body, headers=_basic("WRONG")).is_success
        batch = {"batch": [make_event(), make_event(writeKey="WK1")]}
        assert cap.client.post("/v1/batch", json=batch, headers=_basic("WRONG")).is_success
        refused = cap.client.post("/v1/t", json=make_event())
        assert refused.status_code == 401
        assert refused.json()["message"] == "no write key was given; this capture expects one"
    finally:
        cap.server.stop()
