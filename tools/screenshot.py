"""Open the app on the demo session under a real X server and save screenshots of its views.

Usage: xvfb-run -s "-screen 0 1440x900x24" uv run python tools/screenshot.py OUT_DIR
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from inspector.app import build_window
from inspector.core.tasks import TaskOwner


async def shoot(out: Path) -> None:
    tasks = TaskOwner()
    window = build_window(sys.argv[2:], tasks)
    window.resize(1440, 900)
    window.show()
    while window.workbench.loading or window.model.rowCount() == 0:
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)
    window.select_row(min(4, window.model.rowCount() - 1))
    await asyncio.sleep(0.3)
    window.select_row(21)
    window.mappings.select_subscription(3)
    for name, tab in (("main", 0), ("coverage-matrix", 1), ("destination", 2)):
        window.tabs.setCurrentIndex(tab)
        await asyncio.sleep(0.5)
        QApplication.primaryScreen().grabWindow(0).save(str(out / f"{name}.png"))
    window.close()
    await tasks.shutdown()


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as settings_dir:  # a first start: no saved layout
        # nor autosaves left by earlier runs (no restore offer over the views)
        os.environ["JIMO_INSPECTOR_DATA_DIR"] = str(Path(settings_dir) / "data")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
        _run(out)


def _run(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Jimo Inspector")
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        runner.run(shoot(out))
    del app


if __name__ == "__main__":
    main()
