"""A session file through the loaders and `inspect`: its events, as edited, in arrival order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.cli import main
from inspector.core.destinations import load_config
from inspector.core.errors import LoadCancelled
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord, CancelToken, read_path
from inspector.core.sessionfile import EditEntry, SessionContent, write_session
from inspector.resources import DEMO_CONFIG, DEMO_HAR, DEMO_SESSION
from tests.factories import make_event


def _save_loaded(files: list[Path], target: Path, edits: list[EditEntry] | None = None) -> None:
    """What the window does: load the files in order, then save the session."""
    items = [item for path in files for item in read_path(path)]
    records = [i for i in items if isinstance(i, EventRecord)]
    bad = [i for i in items if isinstance(i, BadRecord)]
    write_session(target, SessionContent(records, bad=bad, edits=edits or []))


def _inspect(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    status = main(["inspect", *args])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), sorted(captured.err.splitlines())


@pytest.fixture
def with_bad_line(tmp_path: Path) -> Path:
    path = tmp_path / "more.ndjson"
    path.write_text(json.dumps(make_event(event="Late")) + "\n{not json\n")
    return path


@pytest.mark.parametrize("config", [[], ["--config", str(DEMO_CONFIG)]])
def test_inspect_of_a_saved_session_prints_the_lines_of_its_original_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], with_bad_line: Path, config: list[str]
) -> None:
    files = [DEMO_SESSION, DEMO_HAR, with_bad_line]
    saved = tmp_path / "saved.jimo-session"
    _save_loaded(files, saved)

    original = _inspect(capsys, *map(str, files), *config)
    from_session = _inspect(capsys, str(saved), *config)
    assert len(original[1]) > 50
    assert from_session == original
    assert original[0] == 1 and any(e.startswith(f"{with_bad_line}:2: ") for e in original[2])


def test_inspect_of_a_session_shows_the_edited_version_of_edited_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = [make_event("identify", userId=f"u{n}") for n in range(3)]
    source = tmp_path / "events.ndjson"
    source.write_text("".join(json.dumps(e) + "\n" for e in events))
    edited = dict(events[1], userId="someone-else", traits={"email": "x@example.com"})
    saved = tmp_path / "saved.jimo-session"
    _save_loaded([source], saved, [EditEntry(1, json.dumps(edited).encode(), 1.0)])

    # the same lines as the file with that event edited in place
    source.write_text("".join(json.dumps(e) + "\n" for e in (events[0], edited, events[2])))
    assert _inspect(capsys, str(saved)) == _inspect(capsys, str(source))
    assert "someone-else" in _inspect(capsys, str(saved))[1][1]


def test_read_path_reports_progress_in_bytes_and_can_be_cancelled(tmp_path: Path) -> None:
    saved = tmp_path / "saved.jimo-session"
    _save_loaded([DEMO_SESSION], saved)
    seen: list[tuple[int, int | None]] = []
    items = list(read_path(saved, progress=lambda done, total: seen.append((done, total))))
    assert len(items) > 50 and seen[-1] == (saved.stat().st_size, saved.stat().st_size)
    token = CancelToken()
    token.cancel()
    with pytest.raises(LoadCancelled):
        list(read_path(saved, cancel=token))
    assert load_config(DEMO_CONFIG)  # the demo config is a real config


def test_a_bad_session_file_is_one_line_on_stderr_and_the_other_files_still_print(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "saved.jimo-session"
    _save_loaded([DEMO_SESSION], saved)
    saved.write_bytes(saved.read_bytes()[:5000])
    demo = _inspect(capsys, str(DEMO_SESSION))
    status, out, err = _inspect(capsys, str(saved), str(DEMO_SESSION))
    assert status == 1 and out == demo[1]
    assert err == sorted(
        [f"{saved}: the session file is damaged or truncated and cannot be read", *demo[2]]
    )
