"""Linux desktop integration: desktop entry, AppStream metainfo, MIME types, icons."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "jimo-inspector.desktop"
METAINFO = PACKAGING / "io.jimo.Inspector.metainfo.xml"
MIME = PACKAGING / "io.jimo.Inspector.mime.xml"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
OUR_TYPES = ("application/x-jimo-session", "application/x-har+json", "application/x-ndjson")


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed: apt-get install {package} to run this check")
    return path


def test_desktop_entry_validates() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_metainfo_validates() -> None:
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mime_types_compile_and_the_desktop_entry_claims_them(tmp_path: Path) -> None:
    tool = _tool("update-mime-database", "shared-mime-info")
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME, tmp_path / "packages")
    env = {**os.environ, "XDG_DATA_DIRS": str(tmp_path)}
    result = subprocess.run([tool, str(tmp_path)], capture_output=True, text=True, env=env)
    assert result.returncode == 0 and "Error" not in result.stderr, result.stderr
    globs = (tmp_path / "globs2").read_text()
    for mime, glob in zip(OUR_TYPES, ("*.jimo-session", "*.har", "*.ndjson"), strict=True):
        assert f"{mime}:{glob}" in globs
    mime_line = next(line for line in DESKTOP.read_text().splitlines() if "MimeType=" in line)
    assert set(OUR_TYPES) <= set(mime_line.split("=", 1)[1].split(";"))


@pytest.mark.parametrize("size", SIZES)
def test_hicolor_icons_exist_at_the_standard_sizes(size: int) -> None:
    png = PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "jimo-inspector.png"
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (size, size)


def test_the_scalable_icon_is_the_app_icon() -> None:
    svg = ROOT / "resources" / "icons" / "jimo-inspector.svg"
    assert svg.read_text().lstrip().startswith("<svg")
    assert "Icon=jimo-inspector" in DESKTOP.read_text().splitlines()
