"""The device-mode replay page in headless Chromium with Jimo's SDK blocked."""

from __future__ import annotations

import asyncio
import contextlib
import html
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from aiohttp import web

from inspector.core._js import js_stringify
from inspector.core.destinations import DestinationConfig, get_destination
from inspector.core.inspection import EventInspection, inspect
from inspector.core.inspection._compiled import compile_config
from inspector.core.inspection._device import plan_device
from inspector.core.send.replay import REPLAY_PATH, replay_html, replay_routes
from tests.factories import make_event

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _config(**settings: Any) -> DestinationConfig:
    return DestinationConfig.from_json(
        {"destination": "actions-jimo", "settings": {"projectId": "proj-42", **settings}}
    )


def _events() -> list[dict[str, Any]]:
    return [
        make_event("track", event="Before Login", messageId="t0"),
        make_event(
            "identify",
            userId="u1",
            messageId="i1",
            traits={"email": "ana@example.com", "plan": "pro"},
        ),
        make_event("group", groupId="org-9", traits={"name": "Acme"}, messageId="g1"),
        make_event(
            "track",
            event="Report Created",
            userId="u1",
            messageId="t1",
            properties={"n": 3, "ok": True, "html": "</script><b>x</b>"},
        ),
        make_event("page", messageId="p1"),
    ]


def _simulated(
    inspections: list[EventInspection], config: DestinationConfig, with_callbacks: bool
) -> Any:
    plan = plan_device(get_destination(config.destination), compile_config(config))
    commands = [
        c.to_json()
        for ins in inspections
        for _action, indices in plan.plugins
        for i in indices
        for c in ins.results[i].commands
        if with_callbacks or not c.from_callback
    ]
    return orjson.loads(js_stringify(commands))


def _serve(page: str) -> Iterator[str]:
    loop = asyncio.new_event_loop()
    app = web.Application()
    app.add_routes(replay_routes(lambda: page))
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
    ready = threading.Event()
    url: list[str] = []

    async def start() -> None:
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        url.append(f"http://127.0.0.1:{port}{REPLAY_PATH}")
        ready.set()

    def run() -> None:
        loop.run_until_complete(start())
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(5)
    try:
        yield url[0]
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)


def _queue_in_chromium(url: str) -> Any:
    assert CHROMIUM is not None
    out = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--virtual-time-budget=3000",
            # nothing but the loopback page resolves: Jimo's SDK URL is blocked
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        timeout=90,
        check=True,
    ).stdout.decode()
    match = re.search(r'<pre id="queue">(.*?)</pre>', out, re.S)
    assert match, out[:2000]
    sdk = re.search(r'<p id="sdk">(.*?)</p>', out, re.S)
    return orjson.loads(html.unescape(match.group(1))), html.unescape(sdk.group(1) if sdk else "")


@pytest.fixture(scope="module")
def page() -> Iterator[tuple[str, list[EventInspection], DestinationConfig]]:
    config = _config()
    inspections = list(inspect(_events(), config))
    with contextlib.contextmanager(_serve)(replay_html(config, inspections)) as url:
        yield url, inspections, config


needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed: apt-get install chromium to run the replay page test",
)


@needs_chromium
def test_window_jimo_holds_exactly_the_simulated_commands(
    page: tuple[str, list[EventInspection], DestinationConfig],
) -> None:
    url, inspections, config = page
    queue, sdk = _queue_in_chromium(url)
    assert queue == _simulated(inspections, config, with_callbacks=False)
    assert "Jimo SDK not loaded" in sdk
    assert ["do", "identify", ["u1", "<callback>"]] in queue


@needs_chromium
def test_with_the_sdk_simulated_the_callbacks_push_what_the_simulation_shows(
    page: tuple[str, list[EventInspection], DestinationConfig],
) -> None:
    url, inspections, config = page
    queue, _sdk = _queue_in_chromium(url + "#simulate-sdk")
    expected = _simulated(inspections, config, with_callbacks=True)
    assert queue == expected
    assert ["set", "user:email", ["ana@example.com"]] in queue


def test_the_page_is_only_for_device_mode_and_embeds_data_safely() -> None:
    config = _config()
    text = replay_html(config, list(inspect(_events(), config)))
    assert "</script><b>" not in text and "proj-42" in text
    cloud = DestinationConfig.from_json({"destination": "actions-jimo-cloud"})
    with pytest.raises(ValueError, match="device-mode"):
        replay_html(cloud, [])
