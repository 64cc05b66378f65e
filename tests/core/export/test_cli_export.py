"""``jimo-inspector export``: each format from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.cli import main
from inspector.core.export import is_bundle
from tests.factories import make_event


@pytest.fixture()
def events(tmp_path: Path) -> Path:
    path = tmp_path / "events.ndjson"
    lines = [make_event("identify", traits={"email": "ana@example.com"}), make_event()]
    path.write_text("".join(json.dumps(e) + "\n" for e in lines))
    return path


def test_bundle_needs_an_output_and_masks_added_paths(
    events: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(events), "--format", "bundle"]) == 2
    assert "needs --output" in capsys.readouterr().err
    out = tmp_path / "repro.zip"
    args = ["export", str(events), "--format", "bundle", "-o", str(out), "--mask", "event"]
    assert main(args) == 0
    assert is_bundle(out)
    assert main(["inspect", str(out)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2 and "ana@example.com" not in json.dumps(lines)


def test_ndjson_goes_to_the_output_file(events: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.ndjson"
    assert main(["export", str(events), "--format", "ndjson", "-o", str(out)]) == 0
    assert out.read_text() == events.read_text()  # the bytes as loaded


def test_har_needs_one_session_file(events: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(events), str(events), "--format", "har"]) == 2
    assert "one session file" in capsys.readouterr().err
    assert main(["export", str(events), "--format", "har"]) == 2
    assert "cannot read captured requests" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["ndjson", "curl", "bundle"])
def test_an_output_in_a_missing_directory_is_one_line_and_exit_2(
    events: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / f"out.{fmt}"
    assert main(["export", str(events), "--format", fmt, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"jimo-inspector: {target}: cannot write the ")
