"""Live capture: a local stand-in for Segment's tracking API that real clients post to.

``CaptureServer(CaptureSettings(...), sink=...).start()`` listens (127.0.0.1:8765 by default)
on a thread and asyncio loop of its own, stores every accepted event in a session file before
answering 200, and hands the committed events to ``sink`` (the workbench, or a list). In the
window, ``store=RecordedStore(...)`` stores them in the window's own session file instead.
"""

from __future__ import annotations

from inspector.core.capture._app import ALLOWED_HEADERS, settings_document
from inspector.core.capture._errors import CaptureError, StorageError
from inspector.core.capture._paths import SESSION_SUFFIX, data_dir, new_session_path
from inspector.core.capture._recorded import RecordedStore
from inspector.core.capture._server import DEFAULT_PORT, CaptureServer, CaptureSettings, Routes
from inspector.core.capture._snippets import PLACEHOLDER_KEY, Snippet, connect_snippets
from inspector.core.capture._stats import CaptureStats
from inspector.core.capture._writer import Sink, Store

__all__ = [
    "ALLOWED_HEADERS",
    "DEFAULT_PORT",
    "PLACEHOLDER_KEY",
    "Routes",
    "SESSION_SUFFIX",
    "CaptureError",
    "CaptureServer",
    "CaptureSettings",
    "CaptureStats",
    "RecordedStore",
    "Sink",
    "Snippet",
    "StorageError",
    "Store",
    "connect_snippets",
    "data_dir",
    "new_session_path",
    "settings_document",
]
