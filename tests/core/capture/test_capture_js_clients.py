"""Segment's JavaScript clients against the capture: analytics-node, and analytics.js in Chromium.

Both need ``node``/``npm`` and the packages of ``tools/capture-clients`` (its ``install.sh``);
the browser test also needs Debian's ``chromium``. Missing ones skip with how to get them.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.core.capture.conftest import Capture

CLIENTS = ROOT / "tools" / "capture-clients"
MODULES = CLIENTS / "node_modules" / "@segment"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _need_node_package(name: str) -> None:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: apt-get install nodejs npm, then run " + _INSTALL)
    if not (MODULES / name).is_dir():
        pytest.skip(f"@segment/{name} is not installed: run {_INSTALL}")


_INSTALL = "tools/capture-clients/install.sh"


def _wait_for(capture: Capture, count: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while len(capture.records) < count and time.monotonic() < deadline:
        time.sleep(0.05)


def _node_major() -> int:
    result = subprocess.run(["node", "--version"], capture_output=True, text=True, timeout=30)
    return int(result.stdout.strip().lstrip("v").split(".")[0] or 0)


def test_analytics_node_calls_are_all_stored(capture: Capture) -> None:
    _need_node_package("analytics-node")
    if _node_major() < 20:
        pytest.skip("@segment/analytics-node 3 needs node 20 or later (Debian 13's nodejs)")
    result = subprocess.run(
        ["node", str(CLIENTS / "node-client.mjs"), capture.server.url, "node-write-key"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    stored = capture.stored()
    types = ["identify", "track", "page", "screen", "group", "alias"]
    assert [e["type"] for e in stored] == types
    assert stored[1]["event"] == "Report Exported"
    assert str(stored[0]["messageId"]).startswith("node-next-")
    assert capture.rows("SELECT DISTINCT path, write_key FROM events") == [
        ("/v1/batch", "node-write-key")
    ]
    assert not capture.bad


@pytest.fixture
def page_server() -> Iterator[str]:
    """The test page and analytics-next's browser bundle, served from an origin of their own."""
    _need_node_package("analytics-next")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for page in ("page.html", "page-snippet.html"):
            shutil.copy(CLIENTS / page, root / page)
        shutil.copytree(MODULES / "analytics-next" / "dist" / "umd", root / "analytics-next")

        class Quiet(SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=folder))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            server.server_close()


def _browse(url: str, capture: Capture, count: int, profile: Path) -> str:
    """Open ``url`` in headless Chromium until ``count`` events are stored; its stderr."""
    _need_node_package("analytics-next")
    if CHROMIUM is None:
        pytest.skip("chromium is not installed: apt-get install chromium (CI's .ci/run does)")
    browser = subprocess.Popen(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            f"--user-data-dir={profile}",
            url,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(capture, count, timeout=60)
    finally:
        browser.terminate()
        try:
            browser.wait(15)
        except subprocess.TimeoutExpired:
            browser.kill()
            browser.wait(15)
        assert browser.stderr is not None
        log = browser.stderr.read()
        browser.stderr.close()
    return log


@pytest.mark.timeout(120)
def test_analytics_js_in_chromium_fetches_settings_and_every_event_is_stored(
    capture: Capture, page_server: str, tmp_path: Path
) -> None:
    url = f"{page_server}/page.html?capture={capture.server.url}&key=browser-key"
    log = _browse(url, capture, 5, tmp_path / "profile")
    stored = capture.stored()
    assert [e["type"] for e in stored] == ["page", "identify", "track", "group", "alias"], log
    assert stored[2]["event"] == "Tour Started"
    assert str(stored[0]["messageId"]).startswith("ajs-next-")
    assert {p for (p,) in capture.rows("SELECT path FROM events")} == {
        "/v1/p", "/v1/i", "/v1/t", "/v1/g", "/v1/a"
    }  # fmt: skip
    assert capture.rows("SELECT DISTINCT write_key FROM events") == [("browser-key",)]
    summary = capture.client.get("/_inspector/summary").json()
    assert summary["settings_fetches"] >= 1
    assert summary["preflights"] >= 1  # Basic auth on a cross-origin POST
    headers = [str(h) for (h,) in capture.rows("SELECT headers FROM requests")]
    assert all('"Content-Type":"text/plain' in h for h in headers)
    assert all(f'"Origin":"{page_server}"' in h for h in headers)


@pytest.mark.timeout(120)
def test_the_snippet_with_its_cdn_set_as_how_to_connect_says(
    capture: Capture, page_server: str, tmp_path: Path
) -> None:
    url = f"{page_server}/page-snippet.html?capture={capture.server.url}&key=snippet-key"
    log = _browse(url, capture, 3, tmp_path / "profile")
    stored = capture.stored()
    assert [e["type"] for e in stored] == ["page", "identify", "track"], log
    assert stored[2]["event"] == "Snippet Loaded"
    assert capture.rows("SELECT DISTINCT write_key FROM events") == [("snippet-key",)]
    assert capture.client.get("/_inspector/summary").json()["settings_fetches"] >= 1
