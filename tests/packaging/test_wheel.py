"""The wheel carries what the installed app reads: the demo, the icon, and Help's README."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, unpacked as an installer would put it."""
    local = ROOT / ".tools" / "bin" / "uv"  # where the Makefile puts uv when PATH has none
    uv = shutil.which("uv") or (str(local) if local.exists() else None)
    if uv is None:
        pytest.skip("uv is neither on PATH nor in .tools/bin: run `make sync` to build the wheel")
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [uv, "build", "--wheel", "--out-dir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    site = out / "site"
    with zipfile.ZipFile(next(out.glob("*.whl"))) as wheel:
        wheel.extractall(site)
    return site


def _resource(site: Path, name: str) -> Path:
    """``inspector.resources.<name>`` as the installed package (not this checkout) finds it."""
    code = f"import sys; sys.path.insert(0, {str(site)!r}); import inspector.resources as r; "
    code += f"print(r.{name})"
    found = subprocess.run(
        [sys.executable, "-I", "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return Path(found.stdout.strip())


def test_the_installed_app_finds_the_readme_and_its_pictures_for_help(installed: Path) -> None:
    readme = _resource(installed, "README")
    assert readme.is_relative_to(installed) and readme.is_file()
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", readme.read_text(encoding="utf-8"))
    assert pictures, "the README shows screenshots"
    for picture in pictures:
        assert (readme.parent / picture).is_file(), picture


def test_the_installed_app_finds_the_demo_session(installed: Path) -> None:
    demo = _resource(installed, "DEMO_SESSION")
    assert demo.is_relative_to(installed) and demo.is_file()
