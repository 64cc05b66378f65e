"""The layering is enforced: the core never imports Qt or qasync (import-linter contracts)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

IMPORT_EVERY_CORE_MODULE = """
import pkgutil, sys
import inspector.cli, inspector.core
for info in pkgutil.walk_packages(inspector.core.__path__, "inspector.core."):
    __import__(info.name)
bad = sorted(m for m in sys.modules if m.startswith(("PySide6", "qasync", "inspector.qt")))
print(bad)
sys.exit(1 if bad else 0)
"""


def test_import_linter_contracts_hold() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert "Contracts: 2 kept, 0 broken." in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0


def test_every_core_module_and_the_cli_import_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_CORE_MODULE], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
