"""The layering is enforced: the core never imports Qt or qasync (import-linter contracts)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_import_linter_contracts_hold() -> None:
    lint = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command as c; sys.argv=['lint-imports','--no-cache']; c()"]
    result = subprocess.run(lint, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "Contracts: 2 kept, 0 broken." in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0


def test_core_imports_without_qt_installed_modules_loaded() -> None:
    code = (
        "import sys, inspector.core.loaders, inspector.core.jobs, inspector.core.store, inspector.cli;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'qasync'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
