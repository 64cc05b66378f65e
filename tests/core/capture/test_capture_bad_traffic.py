"""Bad traffic never crashes or wedges the capture, and each kind gets a one-sentence reason."""

from __future__ import annotations

import gzip
import json
import resource
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager

import orjson
import pytest

from inspector.core.capture import _app, _server
from tests.core.capture.conftest import Capture
from tests.factories import make_event


def _address(capture: Capture) -> tuple[str, int]:
    host, port = capture.server.url.removeprefix("http://").rsplit(":", 1)
    return host, int(port)


@contextmanager
def _socket(capture: Capture) -> Iterator[socket.socket]:
    sock = socket.create_connection(_address(capture), timeout=10)
    try:
        yield sock
    finally:
        sock.close()


def _head(path: str, length: int | None, extra: str = "") -> bytes:
    size = f"Content-Length: {length}\r\n" if length is not None else ""
    return f"POST {path} HTTP/1.1\r\nHost: x\r\n{size}{extra}\r\n".encode()


def _answer(sock: socket.socket) -> tuple[int, dict[str, object]]:
    data = b""
    while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


def _still_serving(capture: Capture) -> None:
    assert capture.client.post("/v1/t", json=make_event(event="After")).status_code == 200
    assert capture.stored()[-1]["event"] == "After"


def _refused(capture: Capture, status: int, reason: str) -> None:
    rows = capture.rows("SELECT status, reason FROM requests WHERE status != 200")
    assert rows[-1] == (status, reason)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "the request body is empty"),
        (b'{"event": "\xff\xfe"}', "the request body is not valid UTF-8"),
        (b'"just a string"', "the request body is a string, not an object"),
        (b"12.5", "the request body is a number, not an object"),
        (b"[" * 5000 + b"]" * 5000, "the request body is nested over 1,024 levels deep"),
    ],
)
def test_bodies_that_are_not_an_object_are_refused_with_400(
    capture: Capture, body: bytes, reason: str
) -> None:
    response = capture.client.post("/v1/t", content=body)
    assert (response.status_code, response.json()["message"]) == (400, reason)
    _refused(capture, 400, reason)
    _still_serving(capture)


def test_deeply_nested_objects_are_refused(capture: Capture) -> None:
    body = b'{"a":' * 3000 + b"1" + b"}" * 3000
    response = capture.client.post("/v1/t", content=body)
    assert response.status_code == 400
    assert response.json()["message"] == "the request body is nested over 1,024 levels deep"
    _still_serving(capture)


def test_invalid_json_names_the_position(capture: Capture) -> None:
    response = capture.client.post("/v1/batch", content=b'{"batch": [1, }')
    assert response.status_code == 400
    assert response.json()["message"].startswith("the request body is not valid JSON (")
    assert "column" in response.json()["message"]


def test_an_event_over_32_kb_is_refused(capture: Capture) -> None:
    event = make_event(properties={"blob": "x" * 33_000})
    response = capture.client.post("/v1/t", content=orjson.dumps(event))
    assert response.status_code == 400
    assert response.json()["message"].startswith("the event is 32.")
    assert response.json()["message"].endswith("KB, over Segment's 32 KB limit")
    assert capture.stored() == []


def test_a_batch_item_over_32_kb_refuses_the_batch(capture: Capture) -> None:
    batch = [make_event(), make_event(properties={"blob": "x" * 40_000})]
    response = capture.client.post("/v1/batch", content=orjson.dumps({"batch": batch}))
    assert response.status_code == 400
    assert response.json()["message"].startswith("batch item 2 is 39.")
    assert capture.stored() == []


def test_a_batch_over_500_kb_is_refused_whether_announced_or_chunked(capture: Capture) -> None:
    batch = [make_event(properties={"blob": "x" * 20_000}) for _ in range(30)]
    body = orjson.dumps({"batch": batch})
    response = capture.client.post("/v1/batch", content=body)
    assert response.status_code == 400
    assert response.json()["message"].endswith("KB, over Segment's 500 KB limit")

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 16_384):
            yield body[start : start + 16_384]

    chunked = capture.client.post("/v1/batch", content=chunks())
    assert chunked.status_code == 400
    assert chunked.json()["message"].endswith("KB, over Segment's 500 KB limit")
    _still_serving(capture)


def test_a_gzip_bomb_stops_at_the_cap(capture: Capture) -> None:
    bomb = gzip.compress(b'{"event": "' + b" " * 200_000_000 + b'"}', compresslevel=9)
    assert len(bomb) < 500_000
    started = time.monotonic()
    response = capture.client.post("/v1/batch", content=bomb, headers={"Content-Encoding": "gzip"})
    assert time.monotonic() - started < 5
    assert response.status_code == 400
    message = "the request body is over Segment's 500 KB limit once decompressed"
    assert response.json()["message"] == message
    _still_serving(capture)


def _corrupt_gzip() -> bytes:
    data = bytearray(gzip.compress(b'{"event": "x"}' * 100))
    data[15:25] = b"\xff" * 10
    return bytes(data)


@pytest.mark.parametrize(
    ("body", "encoding", "status", "reason"),
    [
        (_corrupt_gzip(), "gzip", 400, "the gzip body is corrupt"),
        (gzip.compress(b'{"event": "x"}')[:-12], "gzip", 400, "the gzip body is truncated"),
        (b"{}", "br", 415, "Content-Encoding 'br' is not supported (use gzip)"),
    ],
)
def test_bad_encodings_are_refused(
    capture: Capture, body: bytes, encoding: str, status: int, reason: str
) -> None:
    response = capture.client.post("/v1/t", content=body, headers={"Content-Encoding": encoding})
    assert response.status_code == status
    assert response.json()["message"].startswith(reason)
    _still_serving(capture)


def test_an_absurd_content_length_is_answered_without_waiting(capture: Capture) -> None:
    with _socket(capture) as sock:
        sock.sendall(_head("/v1/t", 10**15) + b'{"event": "x"}')
        status, body = _answer(sock)
    assert status == 400
    assert body["message"] == "the request body is 976562500000.0 KB, over Segment's 500 KB limit"
    _still_serving(capture)


def test_a_truncated_body_is_recorded_as_cut_short(capture: Capture) -> None:
    with _socket(capture) as sock:
        sock.sendall(_head("/v1/t", 1000) + b'{"event": "')
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(5)
        try:
            sock.recv(1024)
        except OSError:
            pass
    deadline = time.monotonic() + 5
    while not capture.rows("SELECT 1 FROM requests WHERE status = 400"):
        assert time.monotonic() < deadline, "the cut-short request was never recorded"
        time.sleep(0.05)
    _refused(capture, 400, "the request body was cut short")
    _still_serving(capture)


def test_a_slow_client_gets_408(capture: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_app, "READ_TIMEOUT", 0.5)
    with _socket(capture) as sock:
        sock.sendall(_head("/v1/t", 100) + b'{"event": ')
        status, body = _answer(sock)
    assert status == 408
    assert body["message"] == "the request body did not arrive within 0.5 s"
    _still_serving(capture)


def test_garbage_that_is_not_http_is_refused(capture: Capture) -> None:
    with _socket(capture) as sock:
        sock.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 100 + b"\r\n\r\n")
        sock.settimeout(5)
        answer = sock.recv(1024)
    assert answer.startswith((b"HTTP/1.1 400", b"HTTP/1.0 400")) or answer == b""
    _still_serving(capture)


def _idle_sockets_allowed() -> int:
    """1,500, or what the open-file limit leaves room for (each idle socket costs two here)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < 3300:
        wanted = 3300 if hard == resource.RLIM_INFINITY else min(3300, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    room = 1500 if soft == resource.RLIM_INFINITY else min(1500, (soft - 300) // 2)
    if room < 250:
        pytest.skip(f"the open-file limit ({soft}) leaves no room for hundreds of idle sockets")
    return room


def test_thousands_of_idle_connections_cost_a_bounded_number_of_sockets(
    capture: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_server, "MAX_CONNECTIONS", 100)
    count = _idle_sockets_allowed()
    idle = [socket.create_connection(_address(capture), timeout=5) for _ in range(count)]
    try:
        time.sleep(0.5)  # all accepted: the request below comes from the newest connection
        _still_serving(capture)
        time.sleep(0.2)
        closed = 0
        for sock in idle:
            sock.setblocking(False)
            try:
                closed += sock.recv(1) == b""
            except BlockingIOError:
                pass
            except OSError:
                closed += 1
        assert closed >= count - 100
    finally:
        for sock in idle:
            sock.close()
    _still_serving(capture)
