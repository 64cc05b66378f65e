"""The `jimo-inspector inspect` contract that scripts and CI pipelines rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from inspector.cli import main
from inspector.core.inspection import RESULT_KEYS
from tests.factories import make_event

ROOT = Path(__file__).parents[3]
LINE_KEYS = ["index", "source", "type", "messageId", "results"]


def write_events(tmp_path: Path, *events: Any, name: str = "events.ndjson") -> Path:
    path = tmp_path / name
    path.write_text("".join((e if isinstance(e, str) else json.dumps(e)) + "\n" for e in events))
    return path


def write_config(tmp_path: Path, obj: dict[str, Any]) -> Path:
    path = tmp_path / "config.json"
    path.write_text(json.dumps(obj))
    return path


def inspect_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[Any], str]:
    code = main(["inspect", *args])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    return code, lines, captured.err


def device_config(**settings: Any) -> dict[str, Any]:
    return {"destination": "actions-jimo", "settings": {"projectId": "p", **settings}}


def test_default_config_line_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_events(tmp_path, make_event("identify", messageId="m1"), make_event("page"))
    code, lines, err = inspect_cli(capsys, str(path))
    assert (code, err) == (0, "")
    assert [list(line) for line in lines] == [LINE_KEYS, LINE_KEYS]
    first = lines[0]
    assert (first["index"], first["source"], first["type"], first["messageId"]) == (
        0,
        f"{path}:1",
        "identify",
        "m1",
    )
    assert [r["subscription"] for r in first["results"]] == [
        "Send User Data",
        "Send Track Event",
        "Send Group Data",
    ]
    assert all(list(r) == list(RESULT_KEYS) for line in lines for r in line["results"])


def test_device_result_values(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    identify = make_event("identify", userId="u1", traits={"email": "e@x", "plan": "pro"})
    track = make_event("track", event="Signed Up", timestamp="T", properties={"p": 1})
    path = write_events(tmp_path, identify, track)
    _, lines, _ = inspect_cli(capsys, str(path))
    user = lines[0]["results"][0]
    assert user == {
        "subscription": "Send User Data",
        "action": "sendUserData",
        "enabled": True,
        "matched": True,
        "trigger_error": None,
        "payload": {"userId": "u1", "email": "e@x", "traits": {"email": "e@x", "plan": "pro"}},
        "mapping_error": None,
        "errors": [],
        "delivered": True,
        "commands": [
            ["do", "identify", ["u1", "<callback>"]],
            ["set", "user:email", ["e@x"]],
            ["set", "user:attributes", [{"email": "e@x", "plan": "pro"}, False, True]],
        ],
        "dispatched_events": [],
        "jimo_init_called": False,
        "request": None,
    }
    unmatched = lines[0]["results"][1]
    assert (unmatched["matched"], unmatched["payload"], unmatched["commands"]) == (False, None, [])
    tracked = lines[1]["results"][1]
    assert tracked["dispatched_events"] == ["jimo-segmentio-track:Signed Up"]
    assert tracked["commands"][0][2][0]["receivedAt"] == "T"


def test_results_follow_config_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = device_config()
    cfg["subscriptions"] = [
        {"name": "T", "actionSlug": "sendTrackEvent", "trigger": 'type = "track"'},
        {
            "name": "G",
            "actionSlug": "sendGroupData",
            "trigger": 'type = "track"',
            "settings": {"groupId": "g"},
        },
    ]
    path = write_events(tmp_path, make_event())
    _, [line], _ = inspect_cli(capsys, str(path), "--config", str(write_config(tmp_path, cfg)))
    assert [r["subscription"] for r in line["results"]] == ["T", "G"]
    assert line["results"][1]["commands"] == [
        ["set", "user:group", [{"groupId": "g", "traits": {}}, {"fromSegment": True}]]
    ]


def test_screen_events_are_not_delivered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = device_config()
    cfg["subscriptions"] = [
        {"name": "S", "actionSlug": "sendTrackEvent", "trigger": 'type = "screen"'}
    ]
    path = write_events(tmp_path, make_event("screen"))
    _, [line], _ = inspect_cli(capsys, str(path), "--config", str(write_config(tmp_path, cfg)))
    result = line["results"][0]
    assert (result["matched"], result["delivered"], result["commands"]) == (True, False, [])


def test_cloud_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = {"destination": "actions-jimo-cloud", "settings": {"apiKey": "secret-key-123456"}}
    path = write_events(
        tmp_path,
        make_event("identify", traits={"email": "a@b.c", "n": 1}),
        make_event("identify", userId=None),
    )
    code, lines, _ = inspect_cli(capsys, str(path), "--config", str(write_config(tmp_path, cfg)))
    assert code == 0
    ok, missing = lines[0]["results"][0], lines[1]["results"][0]
    assert ok["request"] == {
        "method": "POST",
        "url": "https://karabor-sewers.usejimo.com/segmentio-cloud/user",
        "headers": {
            "Authorization": "Bearer ****3456",
            "User-Agent": "Segment (Actions)",
            "Content-Type": "application/json",
        },
        "json": {"userId": "user-1", "email": "a@b.c", "traits": {"n": 1}},
    }
    assert ok["delivered"] is True and ok["commands"] == []
    assert missing["errors"] == ["The root value is missing the required field 'userId'."]
    assert (missing["delivered"], missing["request"]) == (False, None)


def test_fresh_sdk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = write_config(tmp_path, device_config(manualInit=True))
    path = write_events(tmp_path, make_event("identify"), make_event("identify", userId="u2"))
    _, shared, _ = inspect_cli(capsys, str(path), "--config", str(cfg))
    _, fresh, _ = inspect_cli(capsys, str(path), "--config", str(cfg), "--fresh-sdk")
    assert [line["results"][0]["jimo_init_called"] for line in shared] == [True, False]
    assert [line["results"][0]["jimo_init_called"] for line in fresh] == [True, True]


def test_unparsable_trigger_is_reported_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = device_config()
    cfg["subscriptions"] = [
        {"name": "Bad", "actionSlug": "sendTrackEvent", "trigger": 'type = "track'}
    ]
    path = write_events(tmp_path, make_event())
    code, [line], _ = inspect_cli(capsys, str(path), "--config", str(write_config(tmp_path, cfg)))
    assert code == 0
    assert line["results"][0]["matched"] is False and line["results"][0]["trigger_error"]


def test_skipped_records_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_events(tmp_path, make_event(), "{oops", make_event())
    code, lines, err = inspect_cli(capsys, str(path))
    assert code == 1
    assert [line["index"] for line in lines] == [0, 1]
    assert [line["source"] for line in lines] == [f"{path}:1", f"{path}:3"]
    assert err.startswith(f"{path}:2: ")


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ({"destination": "actions-nope"}, "destination"),
        (
            {"destination": "actions-jimo", "subscriptions": [{"actionSlug": "nope"}]},
            "subscriptions[0].actionSlug",
        ),
        (
            {
                "destination": "actions-jimo",
                "subscriptions": [{"actionSlug": "sendTrackEvent"}] * 51,
            },
            "at most 50",
        ),
        ({"destination": "actions-jimo", "settings": {"manualInit": "yes"}}, "settings.manualInit"),
    ],
)
def test_config_errors_exit_2_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: dict[str, Any], words: str
) -> None:
    path = write_events(tmp_path, make_event())
    code, lines, err = inspect_cli(
        capsys, str(path), "--config", str(write_config(tmp_path, config))
    )
    assert (code, lines) == (2, [])
    assert len(err.strip().splitlines()) == 1 and words in err and "Traceback" not in err


def test_unreadable_config_and_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_events(tmp_path, make_event())
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    for args in (
        ["--config", str(bad)],
        ["--config", str(tmp_path / "none.json")],
        ["--format", "xml"],
        ["--fail-on", "everything"],
    ):
        code, _, err = inspect_cli(capsys, str(path), *args)
        assert code == 2, args
        assert len(err.strip().splitlines()) == 1, args


def test_fail_on_unmatched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_events(tmp_path, make_event(), make_event("page"))
    assert inspect_cli(capsys, str(path))[0] == 0
    code, lines, _ = inspect_cli(capsys, str(path), "--fail-on", "unmatched")
    assert code == 1 and len(lines) == 2
    matched_only = write_events(tmp_path, make_event(), name="tracks.ndjson")
    assert inspect_cli(capsys, str(matched_only), "--fail-on", "unmatched")[0] == 0


def test_fail_on_unmatched_ignores_disabled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = device_config()
    cfg["subscriptions"] = [
        {"actionSlug": "sendTrackEvent", "trigger": 'type = "track"', "enabled": False}
    ]
    path = write_events(tmp_path, make_event())
    args = ["--config", str(write_config(tmp_path, cfg)), "--fail-on", "unmatched"]
    assert inspect_cli(capsys, str(path), *args)[0] == 1


def test_fail_on_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = device_config()
    cfg["subscriptions"] = [
        {
            "name": "Broken",
            "actionSlug": "sendTrackEvent",
            "trigger": 'type = "track"',
            "mapping": {"event_name": {"@nope": 1}},
        }
    ]
    config = str(write_config(tmp_path, cfg))
    path = write_events(tmp_path, make_event())
    code, [line], _ = inspect_cli(capsys, str(path), "--config", config)
    assert code == 0 and line["results"][0]["mapping_error"]
    assert line["results"][0]["payload"] is None
    assert inspect_cli(capsys, str(path), "--config", config, "--fail-on", "invalid")[0] == 1
    both = ["--config", config, "--fail-on", "unmatched,invalid"]
    assert inspect_cli(capsys, str(path), *both)[0] == 1


def test_fail_on_invalid_cloud_validation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = {"destination": "actions-jimo-cloud", "settings": {"apiKey": "k"}}
    path = write_events(tmp_path, make_event("identify", userId=None))
    config = str(write_config(tmp_path, cfg))
    assert inspect_cli(capsys, str(path), "--config", config)[0] == 0
    assert inspect_cli(capsys, str(path), "--config", config, "--fail-on", "invalid")[0] == 1


def test_table_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_events(tmp_path, make_event())
    code = main(["inspect", str(path), "--format", "table"])
    out = capsys.readouterr().out
    assert code == 0 and "Send Track Event" in out


def run_process(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inspector", "inspect", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_stdin_end_to_end() -> None:
    events = json.dumps(make_event("identify")) + "\n" + json.dumps(make_event()) + "\n"
    for args in ((), ("-",)):
        proc = run_process(*args, stdin=events)
        assert proc.returncode == 0, proc.stderr
        lines = [json.loads(line) for line in proc.stdout.splitlines()]
        assert [line["index"] for line in lines] == [0, 1]
        assert lines[0]["results"][0]["delivered"] is True


def test_config_error_in_a_process_has_no_traceback(tmp_path: Path) -> None:
    config = write_config(tmp_path, {"destination": "actions-jimo", "subscriptions": 3})
    proc = run_process("--config", str(config), stdin="")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "subscriptions" in proc.stderr
