"""Delivery against httpx.MockTransport: retries, waits, refusals, ledger, cancel."""

from __future__ import annotations

import asyncio
import email.utils
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx
import orjson
import pytest

from inspector.core.destinations import DestinationConfig
from inspector.core.inspection import inspect
from inspector.core.send import (
    NOT_SENT,
    Ledger,
    Sender,
    SendOptions,
    UnitResult,
    custom_requests,
    jimo_cloud_requests,
    segment_requests,
    server_wait,
    verify_key,
    verify_write_key,
)
from tests.factories import make_event

KEY = "sk_test_0123456789abcd"
FAST = SendOptions(concurrency=4, wait_initial=0.01, wait_max=0.05, wait_jitter=0.0, timeout=2)
Handler = Callable[[httpx.Request], httpx.Response]


def _cloud_config() -> DestinationConfig:
    return DestinationConfig.from_json(
        {"destination": "actions-jimo-cloud", "settings": {"apiKey": KEY}}
    )


def _identifies(n: int) -> list[dict[str, object]]:
    return [make_event("identify", userId=f"u{i}", messageId=f"m{i}") for i in range(n)]


def _send(
    handler: Handler,
    events: list[dict[str, object]],
    options: SendOptions = FAST,
    ledger: Ledger | None = None,
    base: str = "http://jimo.test",
) -> tuple[list[UnitResult], Sender]:
    results: list[UnitResult] = []
    requests = jimo_cloud_requests(inspect(events, _cloud_config()), KEY, base)
    sender = Sender(
        requests,
        options,
        ledger=ledger,
        on_result=results.append,
        transport=httpx.MockTransport(handler),
    )
    asyncio.run(sender.run())
    return sorted(results, key=lambda r: r.unit.index), sender


def test_a_2xx_is_delivered_with_the_bearer_key_and_the_user_body() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    results, sender = _send(handler, _identifies(1))
    assert [r.outcome for r in results] == ["delivered"]
    assert seen[0].url == "http://jimo.test/segmentio-cloud/user"
    assert seen[0].headers["authorization"] == f"Bearer {KEY}"
    assert orjson.loads(seen[0].content) == {"userId": "u0", "email": "ana@example.com"}
    assert results[0].to_json()["attempts"][0]["status"] == 200
    assert sender.summary.ok


def test_500_then_200_is_retried_once_with_a_wait() -> None:
    calls = Counter[str]()

    def handler(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        return httpx.Response(500 if calls["n"] == 1 else 200)

    results, _ = _send(handler, _identifies(1))
    [result] = results
    assert result.outcome == "delivered"
    assert [a.status for a in result.attempts] == [500, 200]
    assert result.attempts[0].waited_ms >= 10


def test_429_retry_after_in_seconds_is_honoured() -> None:
    calls = Counter[str]()

    def handler(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] == 1:
            return httpx.Response(429, headers={"Retry-After": "0.3"})
        return httpx.Response(200)

    [result], _ = _send(handler, _identifies(1))
    assert result.outcome == "delivered"
    assert 290 <= result.attempts[0].waited_ms < 1500


def test_a_wait_past_the_deadline_is_not_waited() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, headers={"Retry-After": "120"})

    options = SendOptions(concurrency=1, deadline=1.0, timeout=1)
    [result], sender = _send(handler, _identifies(1), options)
    assert result.outcome == "failed"
    assert len(result.attempts) == 1
    assert "asked to wait 120 s, past the 1 s deadline" in (result.reason or "")
    assert not sender.summary.ok


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (401, "the key was rejected"),
        (403, "the key was rejected"),
        (404, "check the base URL"),
        (413, "too large"),
        (400, "refused the body"),
        (501, "the server failed"),
    ],
)
def test_refusals_are_not_retried_and_are_explained(status: int, words: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json={"error": "Unauthorized"})

    [result], _ = _send(handler, _identifies(1))
    assert result.outcome == "failed"
    assert len(result.attempts) == 1
    assert words in (result.reason or "")
    assert result.status == status
    assert result.response is not None and b"Unauthorized" in result.response.body


def test_connection_errors_are_retried_up_to_the_attempt_limit() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    options = SendOptions(concurrency=1, attempts=3, wait_initial=0.01, wait_jitter=0)
    [result], _ = _send(handler, _identifies(1), options)
    assert result.outcome == "failed"
    assert [a.error for a in result.attempts] == ["could not connect: connection refused"] * 3
    assert result.status is None


def test_the_ledger_skips_what_was_delivered_and_resend_sends_again(tmp_path: Path) -> None:
    hits = Counter[str]()

    def handler(request: httpx.Request) -> httpx.Response:
        hits[orjson.loads(request.content)["userId"]] += 1
        return httpx.Response(200)

    ledger = Ledger(str(tmp_path / "ledger.db"))
    first, _ = _send(handler, _identifies(3), ledger=ledger)
    second, _ = _send(handler, _identifies(3), ledger=ledger)
    assert [r.outcome for r in first] == ["delivered"] * 3
    assert [r.outcome for r in second] == ["skipped"] * 3
    assert "already delivered" in (second[0].reason or "")
    third, _ = _send(handler, _identifies(3), SendOptions(resend=True), ledger=ledger)
    assert [r.outcome for r in third] == ["delivered"] * 3
    assert hits == {"u0": 2, "u1": 2, "u2": 2}
    ledger.close()


def test_a_row_left_sending_is_sent_again_as_a_possible_duplicate(tmp_path: Path) -> None:
    path = str(tmp_path / "ledger.db")
    ledger = Ledger(path)
    url = "http://jimo.test/segmentio-cloud/user"
    from inspector.core.send import UnitKey

    ledger.mark_sending([(UnitKey("jimo-cloud", url, "m0", "Send User Data"), False)])
    ledger.close()  # as a crash would leave it: "sending", no outcome

    ledger = Ledger(path)
    results, sender = _send(lambda r: httpx.Response(200), _identifies(2), ledger=ledger)
    assert [r.possible_duplicate for r in results] == [True, False]
    assert results[0].to_json()["possible_duplicate"] is True
    assert sender.summary.possible_duplicates == 1
    ledger.close()
    rows = (
        Ledger(path)
        ._conn.execute(
            "SELECT message_id, state, possible_duplicate FROM send_ledger ORDER BY message_id"
        )
        .fetchall()
    )
    assert rows == [("m0", "delivered", 1), ("m1", "delivered", 0)]


def test_cancel_stops_new_requests_and_the_ledger_says_which(tmp_path: Path) -> None:
    ledger = Ledger(str(tmp_path / "ledger.db"))
    results: list[UnitResult] = []
    holder: list[Sender] = []

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200)

    def on_result(result: UnitResult) -> None:
        results.append(result)
        if len(results) == 3:
            holder[0].cancel()

    requests = jimo_cloud_requests(inspect(_identifies(40), _cloud_config()), KEY, "http://j.t")
    sender = Sender(
        requests,
        SendOptions(concurrency=1, block=8),
        ledger=ledger,
        on_result=on_result,
        transport=httpx.MockTransport(handler),
    )
    holder.append(sender)
    summary = asyncio.run(sender.run())
    assert summary.cancelled and not summary.ok
    delivered = [r for r in results if r.outcome == "delivered"]
    unsent = [r for r in results if r.reason == NOT_SENT]
    assert len(delivered) == 3
    assert len(delivered) + len(unsent) == len(results) < 40
    ledger.flush()
    states = Counter(s for (s,) in ledger._conn.execute("SELECT state FROM send_ledger").fetchall())
    assert states == {"delivered": 3, "cancelled": len(unsent)}
    ledger.close()


def test_custom_url_posts_each_event_with_custom_headers() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    events = [make_event("track", messageId="t1"), make_event("identify", messageId="i1")]
    config = DestinationConfig.from_json({"destination": "actions-jimo"})
    requests = list(
        custom_requests(
            inspect(events, config),
            "http://hook.test/in",
            {"X-Token": "tok_0123456789wxyz"},
            "event",
        )
    )
    assert requests[0].shown_headers["X-Token"] == "****wxyz"
    sender = Sender(requests, FAST, transport=httpx.MockTransport(handler))
    summary = asyncio.run(sender.run())
    assert summary.counts["delivered"] == 2
    assert sorted(orjson.loads(r.content)["messageId"] for r in seen) == ["i1", "t1"]
    assert seen[0].headers["x-token"] == "tok_0123456789wxyz"


def test_segment_batches_stay_under_the_size_limits_and_big_events_are_not_sent() -> None:
    events = [
        (i, make_event("track", messageId=f"s{i}", properties={"x": "a" * 20_000}))
        for i in range(60)
    ]
    events.insert(3, (99, make_event("track", messageId="big", properties={"x": "b" * 40_000})))
    requests = list(segment_requests(events, "wk_0123456789wxyz", "http://seg.test"))
    batches = [r for r in requests if r.units[0].problem is None]
    [big] = [r for r in requests if r.units[0].problem is not None]
    assert "KB; Segment takes events under 32 KB: not sent" in (big.units[0].problem or "")
    assert sum(len(r.units) for r in batches) == 60
    for request in batches:
        body = request.body(request.units) or b""
        assert len(body) < 475 * 1024
        assert orjson.loads(body)["sentAt"].endswith("Z")
    assert len(batches) == 3
    assert batches[0].shown_headers["Authorization"] == "Basic <base64 of ****wxyz:>"


def test_server_wait_reads_seconds_http_dates_and_rate_limit_resets() -> None:
    now = 1_800_000_000.0
    assert server_wait({"Retry-After": "7"}, now) == 7
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert server_wait({"retry-after": date}, now) == 30
    assert server_wait({"X-RateLimit-Reset": str(now + 12)}, now) == 12
    assert server_wait({"X-RateLimit-Reset": "4"}, now) == 4
    assert server_wait({"Retry-After": "soon"}, now) is None
    assert server_wait({}, now) is None


def test_a_rate_limit_spaces_the_attempts() -> None:
    results, _ = _send(lambda r: httpx.Response(200), _identifies(6), SendOptions(rate=20))
    starts = sorted(a.started for r in results for a in r.attempts)
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert min(gaps) >= 0.04  # 20/s: one every 50 ms, never a burst


def test_an_unexpected_error_fails_that_request_only() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if orjson.loads(request.content)["userId"] == "u1":
            raise ValueError("broken transport")
        return httpx.Response(200)

    results, sender = _send(handler, _identifies(20), SendOptions(concurrency=2))
    outcomes = Counter(r.outcome for r in results)
    assert outcomes == {"delivered": 19, "failed": 1}
    assert "unexpected error" in (results[1].reason or "") and "broken transport" in (
        results[1].reason or ""
    )
    assert not sender.summary.ok


@pytest.mark.parametrize(
    ("status", "valid", "words"),
    [(200, True, "the key is valid"), (401, False, "401: the key was rejected")],
)
def test_verify_key_asks_the_verify_endpoint(status: int, valid: bool, words: str) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json={} if valid else {"error": "Unauthorized"})

    ok, sentence = asyncio.run(
        verify_key(KEY, "http://jimo.test", transport=httpx.MockTransport(handler))
    )
    assert (ok, words in sentence) == (valid, True)
    assert seen[0].method == "GET"
    assert seen[0].url == "http://jimo.test/segmentio-cloud/verifyapikey"
    assert seen[0].headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize(
    ("status", "valid", "words"),
    [(200, True, "a Segment source has this write key"), (404, False, "no Segment source")],
)
def test_verify_write_key_asks_segment_s_cdn(status: int, valid: bool, words: str) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json={})

    ok, sentence = asyncio.run(
        verify_write_key(
            "wk_0123456789wxyz", "http://cdn.test", transport=httpx.MockTransport(handler)
        )
    )
    assert (ok, words in sentence) == (valid, True)
    assert "0123456789" not in sentence
    assert seen[0].url == "http://cdn.test/v1/projects/wk_0123456789wxyz/settings"
