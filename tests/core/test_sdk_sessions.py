"""SDK sessions per browser, per file or per event, in ``inspect``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inspector.cli import main
from tests.factories import make_event


def _run(path: Path, capsys: pytest.CaptureFixture[str], *options: str) -> list[dict]:  # type: ignore[type-arg]
    assert main(["inspect", str(path), "--config", str(_config(path.parent)), *options]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def _config(folder: Path) -> Path:
    path = folder / "config.json"
    settings = {"projectId": "p", "manualInit": True}
    path.write_text(json.dumps({"destination": "actions-jimo", "settings": settings}))
    return path


def _write(tmp_path: Path, events: list[dict]) -> Path:  # type: ignore[type-arg]
    path = tmp_path / "events.ndjson"
    path.write_text("\n".join(json.dumps(e) for e in events) + "\n")
    return path


def _init_called(line: dict) -> bool:  # type: ignore[type-arg]
    return any(r["jimo_init_called"] for r in line["results"])


def test_one_browser_gives_the_same_output_as_one_page_session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = [
        make_event("page", anonymousId="a"),
        make_event("identify", anonymousId="a", userId="u1"),
        make_event(anonymousId="a"),
        make_event("identify", userId="u1"),
    ]
    del events[3]["anonymousId"]  # sent server side: stays with the page before it
    path = _write(tmp_path, events)
    default = _run(path, capsys)
    assert default == _run(path, capsys, "--sdk-sessions", "page")
    assert _init_called(default[1]) and not _init_called(default[3])


def test_each_browser_gets_its_own_page_and_fresh_sdk_is_event(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = [
        make_event("identify", anonymousId="a", userId="u1"),
        make_event("identify", anonymousId="b", userId="u2"),
        make_event("identify", anonymousId="a", userId="u1"),
    ]
    path = _write(tmp_path, events)
    browser = _run(path, capsys)
    assert [_init_called(line) for line in browser] == [True, True, False]
    page = _run(path, capsys, "--sdk-sessions", "page")
    assert [_init_called(line) for line in page] == [True, False, False]
    fresh = _run(path, capsys, "--fresh-sdk")
    assert fresh == _run(path, capsys, "--sdk-sessions", "event")
    assert [_init_called(line) for line in fresh] == [True, True, True]


def test_per_browser_detail_agrees_with_the_evaluation(monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector.core.destinations import load_config
    from inspector.core.evaluation import _pass as evaluation_pass
    from inspector.core.evaluation import evaluate, inspect_event, verdict_of
    from inspector.core.events import EventRecord
    from inspector.core.loaders import read_path
    from inspector.resources import DEMO_CONFIG, DEMO_SESSION

    monkeypatch.setattr(evaluation_pass, "CHECKPOINT_EVERY", 8)
    records = [r for r in read_path(DEMO_SESSION) if isinstance(r, EventRecord)]
    config = load_config(DEMO_CONFIG)
    result = evaluate(records, config, browsers=True)
    assert result.verdicts != evaluate(records, config).verdicts or result.hazards != (
        evaluate(records, config).hazards
    )
    for i in range(len(records)):
        detail = inspect_event(records, i, config, result, browsers=True)
        scratch = inspect_event(records, i, config, browsers=True)
        row = bytes(verdict_of(r) for r in detail.results)
        assert row == result.verdicts[i] == bytes(verdict_of(r) for r in scratch.results)
        assert detail.state == scratch.state


def test_an_event_without_anonymous_id_belongs_to_the_browser_before_it() -> None:
    from inspector.core.sdk_sessions import browser_of

    events = [
        make_event("page"),  # before the first anonymousId: the first browser's
        make_event("track", anonymousId="a"),
        make_event("track"),
        make_event("track", anonymousId="b"),
        make_event("identify"),
    ]
    for event in (events[0], events[2], events[4]):
        event.pop("anonymousId", None)
    found = [browser_of(events, i, lambda e: e) for i in range(len(events))]
    assert found == ["a", "a", "a", "b", "b"]
    assert browser_of([events[0]], 0, lambda e: e) is None
