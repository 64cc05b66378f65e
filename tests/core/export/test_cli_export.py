"""``jimo-inspector export``: each format from the command line."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from inspector.cli import main
from inspector.core.export import bundle_sdk_sessions, is_bundle, read_bundle, write_bundle
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


def _without_run_details(line: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in line.items() if k not in ("source", "hazards")}


@pytest.mark.parametrize(("cloud", "fresh_sdk"), [(True, False), (False, True)])
def test_inspect_on_a_bundle_reproduces_its_results_with_its_config_and_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cloud: bool, fresh_sdk: bool
) -> None:
    from inspector import __version__
    from inspector.core.destinations import DestinationConfig, default_config
    from inspector.core.events import EventRecord, EventSource

    config = DestinationConfig.from_json(
        {"destination": "actions-jimo-cloud", "settings": {"apiKey": "SECRETKEY-abc123XYZ"}}
    )
    if not cloud:  # device mode: a fresh SDK page per event changes the commands
        config = default_config()
    events = [
        make_event("identify", userId="u-1", traits={"email": "ana@example.com"}),
        make_event(userId="u-1"),
        make_event("identify", userId="u-2", anonymousId="a-2"),
    ]
    records = [EventRecord.from_dict(e, EventSource("paste")) for e in events]
    bundle = tmp_path / "repro.zip"
    write_bundle(bundle, records, config, app_version=__version__, fresh_sdk=fresh_sdk)
    with zipfile.ZipFile(bundle) as zf:
        expected = [json.loads(line) for line in zf.read("results.ndjson").splitlines()]
    assert any(r["request"] for line in expected for r in line["results"]) is cloud
    assert main(["inspect", str(bundle)]) == 0
    got = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [_without_run_details(g) for g in got] == [_without_run_details(e) for e in expected]
    # a config or mode given on the command line wins over the bundle's
    assert main(["inspect", str(bundle), "--config", str(_presets(tmp_path))]) == 0
    presets = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(r["request"] is None for line in presets for r in line["results"])
    assert bundle_sdk_sessions(read_bundle(bundle)) == ("event" if fresh_sdk else "page")


def _presets(tmp_path: Path) -> Path:
    from inspector.core.destinations import default_config

    path = tmp_path / "presets.json"
    path.write_text(json.dumps(default_config().to_json()))
    return path
