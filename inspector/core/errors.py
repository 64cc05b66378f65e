"""The one exception hierarchy of the core: every error raised to a user is an InspectorError.

Errors defined next to the code that raises them (``TriggerSyntaxError`` in ``fql``,
``MappingError`` in ``mapping``) are re-exported here, so callers import every error from one
place. They are loaded on first access, because those packages import this module themselves.

==========================  ===============================================================
``InspectorError``          base of every error the core raises on purpose
``LoadError``               a whole file could not be read as events
``LoadCancelled``           loading (or evaluating) stopped because the user cancelled it
``SessionFileError``        a session file cannot be read or written (a ``LoadError``):
``SessionTooNew``           written by a newer version of the app
``SessionLocked``           another program holds a lock on it
``SessionCorrupt``          damaged or truncated
``NotASession``             an SQLite database, but not a session file
``ConfigError``             a destination config is invalid
``TriggerSyntaxError``      a trigger does not parse
``MappingError``            a mapping fails where Segment's ``transform`` throws
==========================  ===============================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from inspector.core.capture._errors import CaptureError, StorageError
    from inspector.core.export._har import ExportError
    from inspector.core.fql._errors import TriggerSyntaxError
    from inspector.core.mapping._types import MappingError
    from inspector.core.snapshot import SnapshotError

__all__ = [
    "InspectorError",
    "LoadError",
    "LoadCancelled",
    "ConfigError",
    "SessionFileError",
    "SessionTooNew",
    "SessionLocked",
    "SessionCorrupt",
    "NotASession",
    "TriggerSyntaxError",
    "MappingError",
    "CaptureError",
    "StorageError",
    "ExportError",
    "SnapshotError",
]


class InspectorError(Exception):
    """Base of every error the core raises on purpose."""


class LoadError(InspectorError):
    """A whole file could not be read as events (not a single bad record)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class LoadCancelled(InspectorError):
    """Loading stopped because the user cancelled it."""


class ConfigError(InspectorError):
    """A destination config is invalid; ``path`` points at the bad value (``subscriptions[3]``)."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


class SessionFileError(LoadError):
    """A session file cannot be read or written; ``str()`` is one sentence naming the file."""


class SessionTooNew(SessionFileError):
    """The file was written by a newer version of Jimo Inspector (a higher format version)."""


class SessionLocked(SessionFileError):
    """Another program holds a lock on the file."""


class SessionCorrupt(SessionFileError):
    """The file is damaged or truncated."""


class NotASession(SessionFileError):
    """The file is an SQLite database, but not a Jimo Inspector session."""


_ELSEWHERE = {
    "TriggerSyntaxError": "inspector.core.fql._errors",
    "MappingError": "inspector.core.mapping._types",
    "CaptureError": "inspector.core.capture._errors",
    "StorageError": "inspector.core.capture._errors",
    "ExportError": "inspector.core.export._har",
    "SnapshotError": "inspector.core.snapshot",
}


def __getattr__(name: str) -> Any:
    module = _ELSEWHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
