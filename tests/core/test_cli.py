"""The headless inspect command: output lines, positions on stderr, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.cli import main
from tests.conftest import DATA, ROOT
from tests.factories import make_event


def _file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "events.ndjson"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_ndjson_lines_carry_index_source_type_message_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(
        tmp_path,
        json.dumps(make_event(messageId="m-1")),
        json.dumps(make_event("page", messageId="m-2")),
    )
    assert main(["inspect", str(path)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [{k: o[k] for k in ("index", "source", "type", "messageId")} for o in out] == [
        {"index": 0, "source": f"{path}:1", "type": "track", "messageId": "m-1"},
        {"index": 1, "source": f"{path}:2", "type": "page", "messageId": "m-2"},
    ]


def test_skipped_records_go_to_stderr_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, json.dumps(make_event()), "{oops", json.dumps(make_event()))
    assert main(["inspect", str(path)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert captured.err.splitlines() == [
        f"{path}:2: invalid JSON: unexpected character, expected a string key (column 2)"
    ]


def test_a_file_that_is_not_events_is_reported_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert main(["inspect", str(path)]) == 1
    assert "this is a PNG image, not an event file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["inspect", "--format", "xml"], "argument --format: invalid choice: 'xml'"),
        (["inspect", "--bogus"], "unrecognized arguments: --bogus"),
        (["inspect", "/no/such/file.json"], "/no/such/file.json: no such file"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert message in err
    assert "Traceback" not in err


def test_table_format_lists_every_event(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--format", "table", str(DATA / "loaders" / "chrome-export.har")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 9  # header + 8 events
    assert "chrome-export.har#entry 11[1]" in lines[-1]


def test_stdin_and_module_entry_point(tmp_path: Path) -> None:
    body = json.dumps(make_event(messageId="s-1")) + "\n"
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "inspect", "-"],
        input=body,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout)
    assert (line["source"], line["messageId"]) == ("<stdin>:1", "s-1")


def test_lines_before_a_file_that_cannot_be_read_are_printed(tmp_path: Path) -> None:
    """Lines are written in batches; those made before the run stops are written all the same."""
    good = _file(tmp_path, *(json.dumps(make_event(messageId=f"g-{k}")) for k in range(3)))
    for args in ([str(good)], ["--format", "ndjson", "--jobs", "1", str(good)]):
        result = subprocess.run(
            [sys.executable, "-m", "inspector", "inspect", *args, str(tmp_path / "missing.ndjson")],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
        assert result.returncode != 0
        assert "missing.ndjson" in result.stderr
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert [line["messageId"] for line in lines] == ["g-0", "g-1", "g-2"]


def test_fresh_sdk_and_sdk_sessions_together_are_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, json.dumps(make_event()))
    assert main(["inspect", str(path), "--fresh-sdk", "--sdk-sessions", "page"]) == 2
    assert "not allowed with argument" in capsys.readouterr().err
    assert main(["inspect", str(path), "--fresh-sdk"]) == 0
