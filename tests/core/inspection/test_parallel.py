"""``inspect`` over worker processes gives exactly the one-process lines and messages, in order."""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inspector.core.destinations import DestinationConfig, default_config, load_config
from inspector.core.errors import LoadError
from inspector.core.events import EventRecord
from inspector.core.inspection import (
    event_line,
    inspect,
    inspect_lines,
    lines_inputs,
    output_json,
    parallel_available,
)
from inspector.core.loaders import BadRecord, read_path
from inspector.resources import DEMO_CONFIG, DEMO_SESSION
from tests.conftest import DATA, ROOT

pytestmark = pytest.mark.skipif(
    not parallel_available(), reason="worker processes need fork (Linux or macOS)"
)


def one_process(
    files: list[str], config: DestinationConfig, sdk_sessions: str, fresh: bool = False
) -> list[bytes | str]:
    """What the one-process ``inspect`` prints: lines and skipped-record messages, in order."""
    out: list[bytes | str] = []

    def records() -> Iterator[EventRecord]:
        for name in files:
            try:
                for item in read_path(name):
                    if isinstance(item, BadRecord):
                        out.append(str(item))
                    else:
                        yield item
            except LoadError as exc:
                out.append(str(exc))

    for inspection in inspect(records(), config, sdk_sessions=sdk_sessions, fresh_sdk=fresh):
        out.append(output_json(event_line(inspection, inspection.record_or_event)))
    return out


def in_parallel(
    files: list[str],
    config: DestinationConfig,
    sdk_sessions: str,
    fresh: bool = False,
    chunk_bytes: int = 2048,
    jobs: int = 2,
) -> list[bytes | str]:
    out: list[bytes | str] = []
    for item in inspect_lines(
        files,
        config,
        sdk_sessions=sdk_sessions,
        fresh_sdk=fresh,
        jobs=jobs,
        chunk_bytes=chunk_bytes,
    ):
        if isinstance(item, str):
            out.append(item)
        else:
            assert item.data.endswith(b"\n")
            out.extend(item.data.splitlines())
    return out


def _event(rng: random.Random, i: int, ids: list[str]) -> dict[str, Any]:
    kind = rng.choice(["track", "identify", "identify", "page", "group", "alias", "screen"])
    event: dict[str, Any] = {"type": kind, "messageId": f"m-{i}"}
    if rng.random() < 0.15 and ids:  # a client's retry
        event["messageId"] = rng.choice(ids)
    ids.append(event["messageId"])
    if rng.random() < 0.1:  # no usable messageId: never a repeat, whatever the others carry
        odd = rng.choice([None, "", 42, ["m-1"], "absent"])
        if odd == "absent":
            del event["messageId"]
        else:
            event["messageId"] = odd
    if rng.random() < 0.8:
        event["anonymousId"] = f"anon-{rng.randrange(6)}"
    if rng.random() < 0.7:
        event["userId"] = rng.choice([f"u{rng.randrange(4)}", "", None, 42])
    if kind == "track":
        event["event"] = rng.choice(["Signed Up", "Order Completed", "", None])
        event["properties"] = {"total": rng.choice([1, 2.5, 1e21, 2**60, -0.0]), "x": "é\u2028"}
    elif kind == "identify":
        event["traits"] = {"email": rng.choice(["a@b.c", "", None]), "plan": "pro"}
    elif kind == "group":
        event["groupId"] = rng.choice(["g1", "", None])
    if rng.random() < 0.05:
        event["integrations"] = {"All": False}
    return event


def _odd_lines(rng: random.Random, count: int) -> list[bytes]:
    """NDJSON lines of every shape the loaders take, many of them broken on purpose."""
    ids: list[str] = []
    lines: list[bytes] = []
    for i in range(count):
        roll = rng.random() if i else 1.0  # a file opening with an event reads as NDJSON
        if roll < 0.04:
            lines.append(rng.choice([b"{oops", b"{oops", b"[1,", b"", b"   ", b"null", b"7"]))
        elif roll < 0.09:
            batch = [_event(rng, i * 100 + k, ids) for k in range(rng.randrange(0, 5))]
            if rng.random() < 0.3:
                batch.append("not an event")  # type: ignore[arg-type]
            lines.append(json.dumps({"batch": batch, "context": {"ip": "1.2.3.4"}}).encode())
        elif roll < 0.10:
            lines.append(json.dumps({"log": {"version": "1.2", "entries": []}}).encode())
        elif roll < 0.11:
            lines.append(b'{"type":"track","event":"\\ud800","anonymousId":"anon-1"}')
        elif roll < 0.115:  # read by the slower parser: its values as JSON.parse gives them
            lines.append(
                b'{"type":"track","event":"\\ud800","messageId":'
                + rng.choice([b"1.0", b"-0.0", b'"m-1"'])
                + b',"properties":{"total":1'
                + b"0" * rng.choice([20, 400])
                + b',"f":2.0}}'
            )
        elif roll < 0.12:
            lines.append(b'{"type":"track","event":"Big","properties":{"n":123456789012345678901}}')
        else:
            lines.append(json.dumps(_event(rng, i, ids), ensure_ascii=rng.random() < 0.5).encode())
    return lines


def _write(path: Path, lines: list[bytes], rng: random.Random) -> str:
    ends = [rng.choice([b"\n", b"\n", b"\r\n", b"\r"]) for _ in lines]
    data = b"".join(line + end for line, end in zip(lines, ends, strict=True))
    path.write_bytes(data[:-1] if rng.random() < 0.5 else data)  # with or without a last end
    return str(path)


CONFIGS = {
    "presets": default_config(),
    "demo": load_config(DEMO_CONFIG),
    "manual-init": DestinationConfig.from_json(
        {
            "destination": "actions-jimo",
            "settings": {"projectId": "p", "manualInit": True},
            "page": {"jimoInit": True},
            "subscriptions": [
                dict(s, enabled=True) for s in default_config().to_json()["subscriptions"]
            ],
        }
    ),
    "cloud": DestinationConfig.from_json({"destination": "actions-jimo-cloud", "settings": {}}),
}


@pytest.mark.parametrize("sdk_sessions", ["browser", "page", "event"])
@pytest.mark.parametrize("config", sorted(CONFIGS))
def test_odd_shaped_files_give_the_same_lines_and_messages(
    tmp_path: Path, config: str, sdk_sessions: str
) -> None:
    rng = random.Random(f"{config}-{sdk_sessions}")
    files = [_write(tmp_path / f"f{k}.ndjson", _odd_lines(rng, 400), rng) for k in range(2)]
    expected = one_process(files, CONFIGS[config], sdk_sessions)
    assert sum(isinstance(x, bytes) for x in expected) > 600
    assert any(b"same messageId" in x for x in expected if isinstance(x, bytes))
    assert in_parallel(files, CONFIGS[config], sdk_sessions) == expected
    # one process, a chunk at a time (what --jobs 1 and small files take)
    assert in_parallel(files, CONFIGS[config], sdk_sessions, jobs=1) == expected


def test_manual_init_lines_depend_on_the_page_and_still_match(tmp_path: Path) -> None:
    rng = random.Random(3)
    path = _write(tmp_path / "e.ndjson", _odd_lines(rng, 600), rng)
    config = CONFIGS["manual-init"]
    expected = one_process([path], config, "browser")
    assert any(b'"jimo_init_called":true' in x for x in expected if isinstance(x, bytes))
    for chunk in (512, 4096, 1 << 20):
        assert in_parallel([path], config, "browser", chunk_bytes=chunk) == expected


def test_demo_session_and_recorded_device_sessions(tmp_path: Path) -> None:
    demo = str(DEMO_SESSION)
    for config in (default_config(), load_config(DEMO_CONFIG)):
        for mode, fresh in (("browser", False), ("page", False), ("page", True)):
            expected = one_process([demo], config, mode, fresh)
            assert in_parallel([demo], config, mode, fresh, chunk_bytes=1024) == expected
    sessions = json.loads((DATA / "jimo" / "device_sessions.json").read_text("utf-8"))
    for k, session in enumerate(sessions["sessions"]):
        config = DestinationConfig.from_json(
            {"destination": "actions-jimo", "settings": session.get("settings", {})}
            | ({"page": session["page"]} if "page" in session else {})
        )
        path = tmp_path / f"s{k}.ndjson"
        path.write_text("".join(json.dumps(e) + "\n" for e in session["events"]))
        for mode in ("page", "browser"):
            expected = one_process([str(path)], config, mode)
            assert in_parallel([str(path)], config, mode, chunk_bytes=256) == expected


def test_a_har_without_segment_calls_first_refuses_the_file_and_the_next_one_goes_on(
    tmp_path: Path,
) -> None:
    har = json.dumps({"log": {"version": "1.2", "entries": []}}).encode()
    event = json.dumps({"type": "track", "event": "A", "anonymousId": "x"}).encode()
    first = tmp_path / "first.ndjson"
    first.write_bytes(b"{oops\n" * 20 + har + b"\n" + event + b"\n")
    later = tmp_path / "later.ndjson"
    later.write_bytes(event + b"\n" + b"{oops\n" * 20 + har + b"\n" + event + b"\n")
    files = [str(first), str(later)]
    assert lines_inputs(files) is not None
    expected = one_process(files, default_config(), "browser")
    assert sum("no requests" in x for x in expected if isinstance(x, str)) == 2
    assert in_parallel(files, default_config(), "browser", chunk_bytes=30) == expected
    assert in_parallel(files, default_config(), "browser", chunk_bytes=30, jobs=1) == expected


def test_gzip_utf16_and_a_truncated_gzip(tmp_path: Path) -> None:
    rng = random.Random(9)
    text = b"".join(line + b"\n" for line in _odd_lines(rng, 300))
    zipped = tmp_path / "a.ndjson.gz"
    zipped.write_bytes(gzip.compress(text))
    wide = tmp_path / "b.ndjson"
    wide.write_bytes(
        b"\xff\xfe" + text.decode("utf-8", "surrogatepass").encode("utf-16-le", "surrogatepass")
    )
    cut = tmp_path / "c.ndjson.gz"
    long = b"".join(line + b"\n" for line in _odd_lines(rng, 30_000))
    assert len(long) > 2 << 20  # past the first read, so the file opens and then stops
    packed = gzip.compress(long)
    cut.write_bytes(packed[: len(packed) * 4 // 5])
    files = [str(zipped), str(wide), str(cut)]
    assert lines_inputs(files) is not None
    expected = one_process(files, default_config(), "browser")
    assert any("reading stopped" in x for x in expected if isinstance(x, str))
    assert in_parallel(files, default_config(), "browser", chunk_bytes=4096) == expected
    assert in_parallel(files, default_config(), "browser", chunk_bytes=4096, jobs=1) == expected


def test_other_formats_are_not_line_files(tmp_path: Path) -> None:
    array = tmp_path / "a.json"
    array.write_text(json.dumps([{"type": "track", "event": "A"}]))
    assert lines_inputs([str(array)]) is None
    assert lines_inputs([str(DEMO_SESSION), "-"]) is None
    assert lines_inputs([str(tmp_path / "missing.ndjson")]) is None
    assert lines_inputs([str(DEMO_SESSION)]) == DEMO_SESSION.stat().st_size


def test_the_command_prints_the_same_bytes_with_one_or_two_processes(tmp_path: Path) -> None:
    rng = random.Random(11)
    path = _write(tmp_path / "e.ndjson", _odd_lines(rng, 3000), rng)
    runs = {}
    for jobs in ("1", "2"):
        runs[jobs] = subprocess.run(
            [
                sys.executable,
                "-m",
                "inspector",
                "inspect",
                path,
                "--jobs",
                jobs,
                "--fail-on",
                "invalid",
            ],
            capture_output=True,
            cwd=ROOT,
            check=False,
        )
    assert runs["1"].stdout.count(b"\n") > 2500
    assert runs["1"].stderr
    assert (runs["2"].returncode, runs["2"].stdout, runs["2"].stderr) == (
        runs["1"].returncode,
        runs["1"].stdout,
        runs["1"].stderr,
    )
    # standard input is read record by record: the same lines, but for where they came from
    piped = subprocess.run(
        [sys.executable, "-m", "inspector", "inspect", "-", "--fail-on", "invalid"],
        input=Path(path).read_bytes(),
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    named = path.encode()
    assert (
        piped.returncode,
        piped.stdout.replace(b'"<stdin>:', b'"' + named + b":"),
        piped.stderr.replace(b"<stdin>:", named + b":"),
    ) == (runs["1"].returncode, runs["1"].stdout, runs["1"].stderr)


def test_jobs_must_be_a_positive_number(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "inspector", "inspect", str(DEMO_SESSION), "--jobs", "0"],
        capture_output=True,
        cwd=ROOT,
        check=False,
        text=True,
    )
    assert run.returncode == 2
    assert "expected 1 or more processes" in run.stderr


def test_without_worker_processes_the_command_inspects_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from inspector.cli import main
    from inspector.core.inspection import _parallel

    rng = random.Random(5)
    path = _write(tmp_path / "e.ndjson", _odd_lines(rng, 300), rng)
    assert main(["inspect", path, "--jobs", "1"]) == 1  # some records are skipped
    expected = capsys.readouterr()

    def no_pool(jobs: int) -> None:
        raise OSError(38, "Function not implemented")  # as sem_open says without /dev/shm

    monkeypatch.setattr(_parallel, "_start", no_pool)
    assert main(["inspect", path, "--jobs", "2"]) == 1
    got = capsys.readouterr()
    assert (got.out, got.err) == (expected.out, expected.err)
    assert got.out.count("\n") > 250
