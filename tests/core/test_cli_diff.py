"""``jimo-inspector diff``: NDJSON lines, the table summary, exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.cli import main
from inspector.core.destinations import default_config
from tests.factories import make_event


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    events = tmp_path / "events.ndjson"
    lines = [
        make_event("identify", messageId="id-1"),
        make_event(event="Signed Up", messageId="tr-1"),
        make_event("page", messageId="pg-1"),
    ]
    events.write_text("".join(json.dumps(e) + "\n" for e in lines))
    before = default_config().to_json()
    after = default_config().to_json()
    after["subscriptions"][0]["trigger"] = 'type = "identify" and traits.plan = "pro"'
    after["subscriptions"][1]["mapping"]["event_name"] = {"@path": "$.properties.plan"}
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(before))
    b.write_text(json.dumps(after))
    return events, a, b


def test_one_ndjson_line_per_differing_event_and_exit_1(
    files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    events, a, b = files
    assert main(["diff", str(events), "--config", str(a), "--against", str(b)]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(line["index"], line["messageId"]) for line in lines] == [(0, "id-1"), (1, "tr-1")]
    assert set(lines[0]) == {"index", "messageId", "changes"}
    first = lines[0]["changes"][0]
    assert first == {
        "subscription": "Send User Data",
        "what": "verdict",
        "path": "",
        "before": "matched",
        "after": "not matched",
    }
    payload = [c for c in lines[1]["changes"] if c["what"] == "payload"]
    assert payload == [
        {
            "subscription": "Send Track Event",
            "what": "payload",
            "path": "event_name",
            "before": "Signed Up",
            "after": "growth",
        }
    ]


def test_identical_configs_print_nothing_and_exit_0(
    files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    events, a, _ = files
    assert main(["diff", str(events), "--config", str(a), "--against", str(a)]) == 0
    assert capsys.readouterr().out == ""


def test_table_ends_with_a_summary_per_subscription(
    files: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    events, a, b = files
    args = ["diff", str(events), "--config", str(a), "--against", str(b), "--format", "table"]
    assert main(args) == 1
    out = capsys.readouterr().out
    assert '#1  tr-1\n    Send Track Event  payload event_name: "Signed Up" → "growth"' in out
    assert out.endswith(
        "2 of 3 events differ\n"
        "  Send User Data: 1 event no longer matches\n"
        "  Send Track Event: 1 payload changes, 1 SDK command list changes, "
        "1 hazard list changes\n"
    )  # no identify any more: the track now comes before one (a hazard)
    assert "Send Track Event  hazards track-before-identify: missing → " in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "the following arguments are required: --against"),
        (["--against", "missing.json"], "missing.json"),
    ],
)
def test_usage_and_config_errors_exit_2(
    files: tuple[Path, Path, Path],
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    events, a, _ = files
    assert main(["diff", str(events), "--config", str(a), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("jimo-inspector: ") and message in err
    assert "Traceback" not in err


def test_a_broken_config_is_one_line_and_exit_2(
    files: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events, a, _ = files
    bad = tmp_path / "bad.json"
    bad.write_text('{"destination": "actions-jimo", "subscriptons": []}')
    assert main(["diff", str(events), "--config", str(a), "--against", str(bad)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
