"""A typed list of listeners: the core's plain-Python stand-in for a Qt signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, ParamSpec

__all__ = ["Signal"]

P = ParamSpec("P")


class Signal(Generic[P]):
    """Callables told, in the order they connected, each time :meth:`emit` runs.

    Emitting happens on the workbench's owner thread only, so listeners may touch widgets.
    """

    def __init__(self) -> None:
        self._listeners: list[Callable[P, object]] = []

    def connect(self, listener: Callable[P, object]) -> None:
        self._listeners.append(listener)

    def disconnect(self, listener: Callable[P, object]) -> None:
        """Remove ``listener`` (harmless when it is not connected)."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, *args: P.args, **kwargs: P.kwargs) -> None:
        for listener in list(self._listeners):
            listener(*args, **kwargs)
