"""Where a capture writes when no session file is named: the user data directory."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import platformdirs

__all__ = ["data_dir", "new_session_path", "SESSION_SUFFIX"]

SESSION_SUFFIX = ".jimo-session"


def data_dir() -> Path:
    """``$JIMO_INSPECTOR_DATA_DIR``, else the platform's user data directory for the app."""
    override = os.environ.get("JIMO_INSPECTOR_DATA_DIR")
    return (
        Path(override)
        if override
        else Path(platformdirs.user_data_dir("jimo-inspector", appauthor=False))
    )


def new_session_path() -> str:
    """A new, unused ``captures/capture-YYYYmmdd-HHMMSS.jimo-session`` path (directory made)."""
    folder = data_dir() / "captures"
    folder.mkdir(parents=True, exist_ok=True)
    stem = "capture-" + datetime.now().strftime("%Y%m%d-%H%M%S")
    path, n = folder / f"{stem}{SESSION_SUFFIX}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{SESSION_SUFFIX}"
    return str(path)
