"""Snapshots: stable bytes, readable differences, exit statuses of inspect --check-snapshot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.cli import main
from inspector.core.destinations import default_config
from inspector.core.snapshot import SnapshotError, read_snapshot
from tests.factories import make_event


@pytest.fixture()
def setup(tmp_path: Path) -> tuple[Path, Path]:
    events = tmp_path / "in" / "events.ndjson"
    events.parent.mkdir()
    lines = [make_event("identify", messageId="id-1"), make_event(messageId="tr-1")]
    events.write_text("".join(json.dumps(e) + "\n" for e in lines))
    config = tmp_path / "config.json"
    config.write_text(json.dumps(default_config().to_json()))
    return events, config


def _inspect(events: Path, config: Path, *extra: str) -> int:
    return main(["inspect", str(events), "--config", str(config), *extra])


def test_the_snapshot_is_stable_sorted_and_holds_no_run_details(
    setup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events, config = setup
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert _inspect(events, config, "--snapshot", str(first)) == 0
    assert _inspect(events, config, "--snapshot", str(second)) == 0
    assert capsys.readouterr().out == ""  # the results go to the file
    text = first.read_text()
    assert text == second.read_text()
    assert str(tmp_path) not in text  # sources without their directory
    data = json.loads(text)
    assert [e["source"] for e in data["events"]] == ["events.ndjson:1", "events.ndjson:2"]
    for event in data["events"]:
        assert list(event) == sorted(event)
        assert all(list(r) == sorted(r) for r in event["results"])
    # one block per event: each starts on its own line at the same indent
    assert [line for line in text.splitlines() if line == "    {"] == ["    {"] * 2


def test_check_passes_on_identical_results_and_fails_with_readable_lines(
    setup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events, config = setup
    snap = tmp_path / "snap.json"
    assert _inspect(events, config, "--snapshot", str(snap)) == 0
    assert _inspect(events, config, "--check-snapshot", str(snap)) == 0
    assert capsys.readouterr().out == ""
    edited = default_config().to_json()
    edited["subscriptions"][1]["mapping"]["event_name"] = {"@path": "$.properties.plan"}
    config.write_text(json.dumps(edited))
    assert _inspect(events, config, "--check-snapshot", str(snap)) == 1
    out = capsys.readouterr().out.splitlines()
    assert 'event 1 (tr-1) · Send Track Event · payload event_name: "Signed Up" → "growth"' in out
    assert out[-1].endswith("differences in 1 events")


def test_an_event_more_or_less_than_the_snapshot_is_reported(
    setup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events, config = setup
    snap = tmp_path / "snap.json"
    assert _inspect(events, config, "--snapshot", str(snap)) == 0
    events.write_text(events.read_text().splitlines()[0] + "\n")
    assert _inspect(events, config, "--check-snapshot", str(snap)) == 1
    assert "event 1 (tr-1): in the snapshot, not in the input" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "No such file"), ("{oops", "invalid JSON"), ('{"events": []}', "not a jimo")],
)
def test_a_bad_snapshot_file_is_one_line_and_exit_2(
    setup: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str | None,
    message: str,
) -> None:
    events, config = setup
    snap = tmp_path / "snap.json"
    if content is not None:
        snap.write_text(content)
    assert _inspect(events, config, "--check-snapshot", str(snap)) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    with pytest.raises(SnapshotError):
        read_snapshot(snap)


def test_snapshot_and_check_are_mutually_exclusive(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    events, config = setup
    assert _inspect(events, config, "--snapshot", "a", "--check-snapshot", "b") == 2
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.mark.parametrize("narrow_first", [True, False])
def test_a_trigger_change_is_a_verdict_line_in_both_directions(
    setup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], narrow_first: bool
) -> None:
    events, config = setup
    wide = default_config().to_json()
    narrow = default_config().to_json()
    narrow["subscriptions"][0]["trigger"] = 'type = "identify" and traits.plan = "pro"'
    first, second = (narrow, wide) if narrow_first else (wide, narrow)
    snap = tmp_path / "snap.json"
    config.write_text(json.dumps(first))
    assert _inspect(events, config, "--snapshot", str(snap)) == 0
    assert snap.stat().st_mode & 0o644 == 0o644  # a file to commit, not a private temp file
    config.write_text(json.dumps(second))
    assert _inspect(events, config, "--check-snapshot", str(snap)) == 1
    old, new = ("not matched", "matched") if narrow_first else ("matched", "not matched")
    line = f'event 0 (id-1) · Send User Data · verdict: "{old}" → "{new}"'
    assert line in capsys.readouterr().out.splitlines()


def test_a_compacted_result_compares_without_spurious_empty_changes() -> None:
    from inspector.core.diff import diff_lines

    full = {
        "subscription": "S", "action": "a", "enabled": True, "matched": True,
        "trigger_error": None, "payload": {"x": 1}, "mapping_error": None, "errors": [],
        "delivered": True, "commands": [], "dispatched_events": [],
        "jimo_init_called": False, "request": None,
    }  # fmt: skip
    compact = {"subscription": "S", "action": "a", "enabled": True, "matched": False}
    changes = diff_lines({"results": [compact]}, {"results": [full]})
    assert [(c.what, c.path, c.before, c.after) for c in changes] == [
        ("verdict", "", "not matched", "matched"),
        ("payload", "", None, {"x": 1}),
    ]


@pytest.mark.parametrize("where", ["missing/dir/s.json", "."])
def test_an_unwritable_snapshot_path_is_one_line_and_exit_2(
    setup: tuple[Path, Path], tmp_path: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    events, config = setup
    target = tmp_path / where
    assert _inspect(events, config, "--snapshot", str(target)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"jimo-inspector: {target}: cannot write the snapshot (")
    assert not list((tmp_path).glob(".snapshot-*"))


def test_a_check_with_skipped_records_exits_on_the_comparison_and_says_so(
    setup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events, config = setup
    with events.open("a") as f:
        f.write("{not json\n")
    snap = tmp_path / "snap.json"
    assert _inspect(events, config, "--snapshot", str(snap)) == 1  # writing still tells
    capsys.readouterr()
    assert _inspect(events, config, "--check-snapshot", str(snap)) == 0
    err = capsys.readouterr().err
    assert "no difference (2 events)" in err
    assert f"{snap}: 1 record was skipped" in err
    with events.open("a") as f:
        f.write(json.dumps(make_event(messageId="tr-2")) + "\n")
    assert _inspect(events, config, "--check-snapshot", str(snap)) == 1


def test_table_format_with_a_snapshot_is_a_usage_error(
    setup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events, config = setup
    snap = tmp_path / "snap.json"
    assert _inspect(events, config, "--format", "table", "--snapshot", str(snap)) == 2
    assert "--format table" in capsys.readouterr().err and not snap.exists()
