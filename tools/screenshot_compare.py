"""Screenshots of Compare with config… and the repro bundle dialog on the demo session.

Usage: xvfb-run -s "-screen 0 1440x900x24" uv run python tools/screenshot_compare.py OUT_DIR
The compared config is the demo config with two edits: "Send Track Event" reads its event name
from the wrong path, and "Send User Data" only takes pro users.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path

import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from inspector.app import build_window
from inspector.core.tasks import TaskOwner
from inspector.qt.export_dialog import BundleDialog
from inspector.resources import DEMO_CONFIG


def edited_config(folder: Path) -> Path:
    config = json.loads(DEMO_CONFIG.read_text())
    config["subscriptions"][1]["mapping"]["event_name"] = {"@path": "$.properties.name"}
    config["subscriptions"][0]["trigger"] = 'type = "identify" and traits.plan = "pro"'
    path = folder / "jimo-config-edited.json"
    path.write_text(json.dumps(config, indent=2))
    return path


def fixed_config(folder: Path) -> Path:
    config = json.loads(DEMO_CONFIG.read_text())
    config["subscriptions"][4]["trigger"] = (
        'type = "track" and (event = "Signed Up" or event = "signed up" or event = "Signed Up ")'
    )
    path = folder / "jimo-config-fixed.json"
    path.write_text(json.dumps(config, indent=2))
    return path


def grab(widget: QWidget, path: Path) -> None:
    screen = QApplication.primaryScreen()
    screen.grabWindow(0, widget.x(), widget.y(), widget.frameGeometry().width(),
                      widget.frameGeometry().height()).save(str(path))  # fmt: skip


async def shoot(out: Path, folder: Path) -> None:
    tasks = TaskOwner()
    window = build_window([], tasks)
    window.resize(1440, 900)
    window.show()
    while window.workbench.loading or window.model.rowCount() == 0:
        await asyncio.sleep(0.05)
    while not window.workbench.idle:
        await asyncio.sleep(0.05)
    window.select_row(18)  # "signed up": the Sign-ups mapping does not match it
    window.mappings.select_subscription(4)
    await asyncio.sleep(0.5)
    grab(window, out / "tutorial-why.png")
    for name, config in (("compare", edited_config), ("tutorial-compare", fixed_config)):
        dialog = window.compare_export.compare_with(str(config(folder)))
        assert dialog is not None
        dialog.move(0, 0)
        dialog.resize(1400, 860 if name == "compare" else 560)
        while dialog.view.running:
            await asyncio.sleep(0.05)
        dialog.view.event_list.setCurrentRow(0)
        await asyncio.sleep(0.5)
        grab(dialog, out / f"{name}.png")
        dialog.close()
    bundle = BundleDialog(window)
    bundle.new_path.setText("traits.name")
    bundle.add_path()
    bundle.move(100, 100)
    bundle.show()
    await asyncio.sleep(0.5)
    grab(bundle, out / "export-bundle.png")
    bundle.close()
    window.close()
    await tasks.shutdown()


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Jimo Inspector")
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            runner.run(shoot(out, Path(folder)))
        del app


if __name__ == "__main__":
    main()
