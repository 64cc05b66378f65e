"""The PyInstaller build (``make package``): its smoke check, when a build is present."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

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


@pytest.mark.skipif(
    not (APP / "jimo-inspector").exists(),
    reason="no build in dist/jimo-inspector: run `make package` to build and check it",
)
def test_install_desktop_puts_the_app_its_entry_icons_and_file_types_in_place(
    tmp_path: Path,
) -> None:
    data, bin_dir = tmp_path / "share", tmp_path / "bin"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "BIN_DIR": str(bin_dir)}
    result = subprocess.run(
        [str(ROOT / "packaging" / "install-desktop.sh"), str(APP)],
        capture_output=True,
        text=True,
        env=env,
        timeout=110,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    version = subprocess.run(
        [str(bin_dir / "jimo-inspector"), "--version"], capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip() == "jimo-inspector 0.1.0"
    assert (data / "applications" / "jimo-inspector.desktop").exists()
    assert (data / "icons/hicolor/512x512/apps/jimo-inspector.png").exists()
    assert (data / "icons/hicolor/scalable/apps/jimo-inspector.svg").exists()
    if shutil.which("update-mime-database"):
        assert "application/x-jimo-session:*.jimo-session" in (data / "mime/globs2").read_text()
