"""Errors of the capture server (part of the core's one hierarchy)."""

from __future__ import annotations

from inspector.core.errors import InspectorError

__all__ = ["CaptureError", "StorageError"]


class CaptureError(InspectorError):
    """The capture server cannot start or run (the message is one sentence for the user)."""


class StorageError(CaptureError):
    """Captured events could not be committed to the session file (disk full, not writable)."""
