"""Starting the window from the command line: mistyped commands and machines with no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.cli_window import no_display
from tests.conftest import ROOT


def _without_display() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()}
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(key, None)
    return env


def test_a_mistyped_command_is_a_usage_error_listing_the_commands(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "inspector", "inpsect", "events.ndjson"],
        cwd=tmp_path,
        env={**_without_display(), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1
    assert "unknown command 'inpsect'" in done.stderr
    assert "inspect" in done.stderr.split("commands:")[1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland are Linux's")
def test_without_a_display_the_window_says_how_to_run_headless(tmp_path: Path) -> None:
    events = tmp_path / "events.ndjson"
    events.write_text('{"type": "track", "event": "A"}\n')
    for args in ([], [str(events)]):
        done = subprocess.run(
            [sys.executable, "-m", "inspector", *args],
            cwd=ROOT,
            env=_without_display(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1
        assert "no display" in done.stderr and "jimo-inspector inspect" in done.stderr
        assert "core dumped" not in done.stderr and "xcb" not in done.stderr


def test_a_display_or_a_chosen_qt_platform_lets_the_window_open() -> None:
    assert no_display({}, "linux") is not None
    assert no_display({"DISPLAY": ":0"}, "linux") is None
    assert no_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert no_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert no_display({}, "darwin") is None
