"""``jimo-inspector capture`` as a user runs it: a real process, real signals, real posts."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from inspector import cli_capture
from inspector.core.capture import DEFAULT_PORT
from tests.conftest import ROOT
from tests.factories import make_event


@contextmanager
def _capture(*args: str, env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "inspector", "capture", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        process.stderr.close()


def _first_line(process: subprocess.Popen[str]) -> dict[str, str]:
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line, process.stderr.read() if process.stderr else ""
    first: dict[str, str] = json.loads(line)
    return first


def test_default_port_matches_the_server() -> None:
    assert cli_capture.DEFAULT_PORT == DEFAULT_PORT


def test_first_line_then_one_inspect_line_per_event_and_sigterm_exits_0(tmp_path: Path) -> None:
    session = tmp_path / "cli.jimo-session"
    with _capture("--port", "0", "--session", str(session)) as process:
        first = _first_line(process)
        assert first["session"] == str(session)
        assert first["url"].startswith("http://127.0.0.1:")
        with httpx.Client(base_url=first["url"]) as client:
            client.post("/v1/i", json=make_event("identify", messageId="m-1"))
            client.post("/v1/batch", json={"batch": [make_event(messageId="m-2")]})
            client.post("/v1/t", content=b"{broken")
        assert process.stdout is not None
        lines = [json.loads(process.stdout.readline()) for _ in range(2)]
        process.send_signal(signal.SIGTERM)
        assert process.wait(15) == 0
        rest = process.stdout.read()
        assert process.stderr is not None
        err = process.stderr.read()
    assert rest == ""
    assert [(x["index"], x["type"], x["messageId"]) for x in lines] == [
        (0, "identify", "m-1"),
        (1, "track", "m-2"),
    ]
    assert lines[0]["source"] == "/v1/i#entry 1"
    assert lines[0]["results"] and {"subscription", "matched"} <= set(lines[0]["results"][0])
    assert "jimo-inspector: skipped /v1/t#entry 3: the request body is not valid JSON" in err
    stored = sqlite3.connect(session).execute("SELECT count(*) FROM events").fetchone()
    assert stored == (2,)


def test_sigint_stops_cleanly_too(tmp_path: Path) -> None:
    with _capture("--port", "0", "--session", str(tmp_path / "s.jimo-session")) as process:
        _first_line(process)
        process.send_signal(signal.SIGINT)
        assert process.wait(15) == 0


def test_without_session_a_new_file_in_the_data_directory(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with _capture("--port", "0", env={"JIMO_INSPECTOR_DATA_DIR": str(data)}) as process:
        first = _first_line(process)
        process.send_signal(signal.SIGTERM)
        assert process.wait(15) == 0
    session = Path(first["session"])
    assert session.parent == data / "captures" and session.exists()


def test_a_port_in_use_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with _capture("--port", str(port), "--session", str(tmp_path / "s")) as process:
            assert process.wait(30) == 2
            assert process.stdout is not None and process.stderr is not None
            assert process.stdout.read() == ""
            err = process.stderr.read()
    assert err == f"jimo-inspector: port {port} on 127.0.0.1 is already in use\n"


@pytest.mark.timeout(120)
def test_sigkill_during_a_burst_loses_no_acknowledged_event(tmp_path: Path) -> None:
    session = tmp_path / "burst.jimo-session"
    acknowledged: list[str] = []
    lock = threading.Lock()
    with _capture("--port", "0", "--session", str(session)) as process:
        url = _first_line(process)["url"]
        assert process.stdout is not None
        # drain the event lines so a full pipe never slows the server down
        threading.Thread(target=process.stdout.read, daemon=True).start()

        def burst(n: int) -> None:
            with httpx.Client(base_url=url, timeout=5) as client:
                for k in range(100_000):
                    ids = [f"c{n}-{k}-{j}" for j in range(1 if n % 2 else 20)]
                    batch = [make_event(messageId=i) for i in ids]
                    try:
                        response = client.post("/v1/batch", json={"batch": batch})
                    except httpx.HTTPError:
                        return
                    if response.status_code == 200:
                        with lock:
                            acknowledged.extend(ids)

        threads = [threading.Thread(target=burst, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 20
        while len(acknowledged) < 2000 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.kill()
        for t in threads:
            t.join(30)
    conn = sqlite3.connect(session)
    stored = {
        m
        for (m,) in conn.execute(
            "SELECT json_extract(CAST(raw AS TEXT), '$.messageId') FROM events"
        )
    }
    conn.close()
    assert len(acknowledged) >= 2000
    missing = set(acknowledged) - stored
    assert not missing, f"{len(missing)} acknowledged events are not in the session file"


def test_a_port_out_of_range_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    from inspector.cli import main

    assert main(["capture", "--port", "70000"]) == 2
    err = capsys.readouterr().err
    assert "'70000' is not a port number (0 to 65535)" in err


def test_malformed_http_prints_no_traceback(tmp_path: Path) -> None:
    with _capture("--port", "0", "--session", str(tmp_path / "s.jimo-session")) as process:
        url = _first_line(process)["url"]
        host, port = url.removeprefix("http://").rsplit(":", 1)
        for data in (
            b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
            b"POST /v1/t HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}",
        ):
            with socket.create_connection((host, int(port)), timeout=5) as sock:
                sock.sendall(data)
                assert sock.recv(64).startswith((b"HTTP/1.0 400", b"HTTP/1.1 400"))
        process.send_signal(signal.SIGTERM)
        assert process.wait(15) == 0
        assert process.stderr is not None
        assert process.stderr.read() == ""


def test_what_segment_would_drop_is_a_note_on_the_line(tmp_path: Path) -> None:
    with _capture("--port", "0", "--session", str(tmp_path / "n.jimo-session")) as process:
        first = _first_line(process)
        with httpx.Client(base_url=first["url"]) as client:
            client.post("/v1/track", json={"event": "Clicked", "messageId": "m-1"})
            client.post("/v1/track", json=make_event(messageId="m-2"))
        assert process.stdout is not None
        raw = [process.stdout.readline() for _ in range(2)]
        process.send_signal(signal.SIGTERM)
        assert process.wait(15) == 0
    dropped, kept = (json.loads(line) for line in raw)
    assert dropped["notes"] == ['no "userId" or "anonymousId": Segment accepts it, then drops it']
    assert "notes" not in kept and '"notes"' not in raw[1]
