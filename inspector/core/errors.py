"""The one exception hierarchy of the core."""

from __future__ import annotations

__all__ = ["InspectorError", "LoadError", "ConfigError"]


class InspectorError(Exception):
    """Base of every error the core raises on purpose."""


class LoadError(InspectorError):
    """A whole file could not be read as events (not a single bad record)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class ConfigError(InspectorError):
    """A destination config is invalid; ``path`` points at the bad value (``subscriptions[3]``)."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message
