"""Send → Replay in the browser: the page of the shown events, opened with the system browser."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path

import orjson
from PySide6.QtCore import QUrl

from inspector.core.destinations import DestinationConfig
from inspector.qt.main_window import MainWindow
from inspector.qt.send_replay import open_replay
from inspector.qt.send_wiring import scope_events
from tests.qt.conftest import settle


def _paste(window: MainWindow) -> None:
    events = [
        {"type": "identify", "userId": "r1", "messageId": "r1", "traits": {"email": "r@x.io"}},
        {"type": "track", "event": "Clicked", "userId": "r1", "messageId": "r2"},
    ]
    window.paste_events("\n".join(orjson.dumps(e).decode() for e in events))


def test_the_page_of_the_shown_events_opens_in_the_browser(
    window: MainWindow, run_until: Callable[..., None]
) -> None:
    window.load_config(
        DestinationConfig.from_json(
            {"destination": "actions-jimo", "settings": {"projectId": "proj-7"}}
        )
    )
    _paste(window)
    settle(window, run_until)
    opened: list[QUrl] = []
    task = open_replay(window, list(scope_events(window, "filtered")), opener=opened.append)
    run_until(task.done)
    [url] = opened
    page = Path(url.toLocalFile()).read_text(encoding="utf-8")
    assert '"projectId":"proj-7"' in page
    data = re.search(r'id="replay-events" type="application/json">(.*?)</script>', page)
    assert data is not None
    steps = [s for e in orjson.loads(data.group(1)) for s in e["steps"]]
    assert {
        "push": ["do", "identify", ["r1", "<callback>"]],
        "callback": [
            ["set", "user:email", ["r@x.io"]],
            ["set", "user:attributes", [{"email": "r@x.io"}, False, True]],
        ],
    } in steps
    assert {"dispatch": "jimo-segmentio-track:Clicked"} in steps


def test_jimo_cloud_has_no_replay_page_and_says_so(
    window: MainWindow, run_until: Callable[..., None]
) -> None:
    window.load_config(DestinationConfig.from_json({"destination": "actions-jimo-cloud"}))
    _paste(window)
    opened: list[QUrl] = []
    task = open_replay(window, list(scope_events(window, "all")), opener=opened.append)
    run_until(task.done)
    assert opened == []
    assert "device-mode destination" in window.message_bar.label.text()
    assert isinstance(task, asyncio.Task)
