"""The one way to reach bundled files (the demo session and config), installed or not."""

from __future__ import annotations

from pathlib import Path

__all__ = ["resource_path", "DEMO_SESSION", "DEMO_HAR", "DEMO_CONFIG", "APP_ICON", "README"]

_HERE = Path(__file__).resolve().parent


def _root() -> Path:
    installed = _HERE / "_resources"
    return installed if installed.is_dir() else _HERE.parent / "resources"


def _readme() -> Path:
    # installed (wheel, PyInstaller), the README and its docs/ pictures are packed with the
    # resources; in a checkout they are at the repository's root
    installed = _HERE / "_resources" / "README.md"
    return installed if installed.is_file() else _HERE.parent / "README.md"


def resource_path(*parts: str) -> Path:
    """Absolute path of a bundled resource, e.g. ``resource_path("demo", "session.ndjson")``."""
    return _root().joinpath(*parts)


DEMO_SESSION = resource_path("demo", "session.ndjson")
DEMO_HAR = resource_path("demo", "checkout.har")
DEMO_CONFIG = resource_path("demo", "config.json")
APP_ICON = resource_path("icons", "jimo-inspector.svg")
README = _readme()
"""The README (Help shows its tutorial); its screenshots are in ``docs/`` beside it."""
