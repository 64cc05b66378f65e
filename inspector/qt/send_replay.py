"""Send → Replay in the browser: device mode's live path, the replay page in the system browser."""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from inspector.core.inspection import inspect
from inspector.core.send.replay import replay_html

if TYPE_CHECKING:
    from inspector.qt.main_window import MainWindow

__all__ = ["write_replay", "open_replay"]


async def write_replay(window: MainWindow, events: list[Any]) -> Path | None:
    """Write the replay page of ``events`` to a temporary file (None: not device mode)."""
    config = window.workbench.config
    if config.destination != "actions-jimo":
        window.message_bar.show_message(
            "The replay page is for Jimo (Actions), the device-mode destination; "
            "Jimo Cloud is sent with Send → Send events…"
        )
        return None
    fresh = window.workbench.fresh_sdk

    def build() -> str:
        return replay_html(config, list(inspect(events, config, fresh_sdk=fresh)))

    page = await asyncio.to_thread(build)
    folder = Path(tempfile.gettempdir()) / "jimo-inspector"
    folder.mkdir(exist_ok=True)
    path = folder / f"replay-{os.getpid()}.html"
    path.write_text(page, encoding="utf-8")
    return path


def open_replay(
    window: MainWindow,
    events: list[Any],
    opener: Callable[[QUrl], object] = QDesktopServices.openUrl,
) -> asyncio.Task[None]:
    """Build the page in the background, then open it with the system browser."""

    async def run() -> None:
        path = await write_replay(window, events)
        if path is not None:
            opener(QUrl.fromLocalFile(str(path)))

    return window.tasks.spawn(run(), name="replay page")
