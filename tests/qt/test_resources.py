"""Bundled resources are reachable and usable: the demo session, its config, the app icon."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from inspector.core.destinations import load_config
from inspector.resources import APP_ICON, DEMO_CONFIG, DEMO_HAR, DEMO_SESSION


def test_demo_files_exist_and_the_config_loads() -> None:
    assert DEMO_SESSION.is_file() and DEMO_HAR.is_file()
    config = load_config(DEMO_CONFIG)
    assert len(config.subscriptions) == 8


def test_the_app_icon_renders(qapp) -> None:  # type: ignore[no-untyped-def]
    pixmap = QIcon(str(APP_ICON)).pixmap(64, 64)
    assert not pixmap.isNull()
    assert pixmap.toImage().pixelColor(32, 6).name() == "#2f6fc0"  # the blue tile
