"""The PyInstaller build (``make package``): its smoke check, when a build is present."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import ROOT

APP = ROOT / "dist" / "jimo-inspector"


@pytest.mark.skipif(
    not (APP / "jimo-inspector").exists(),
    reason="no build in dist/jimo-inspector: run `make package` to build and check it",
)
def test_built_app_inspects_the_demo_and_opens_its_window() -> None:
    result = subprocess.run(
        [str(ROOT / "packaging" / "check-build.sh"), str(APP)],
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "inspect: 58 events from the demo session" in result.stdout
    assert "window: running after" in result.stdout
