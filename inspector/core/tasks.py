"""Owned asyncio tasks: every background job has a name, a reference, and is cancelled on quit."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

__all__ = ["TaskOwner"]

log = logging.getLogger(__name__)


class TaskOwner:
    """Keeps strong references to the tasks it starts (asyncio only keeps weak ones)."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self.error_handlers: list[Callable[[str, BaseException], None]] = []
        """Told ``(task name, exception)`` when a task fails (the GUI shows a dialog)."""

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled() or task.exception() is None:
            return
        error = task.exception()
        assert error is not None
        log.error("task %s failed", task.get_name(), exc_info=error)
        for handler in self.error_handlers:
            handler(task.get_name(), error)

    @property
    def running(self) -> list[str]:
        return sorted(t.get_name() for t in self._tasks)

    async def shutdown(self) -> None:
        """Cancel every task and wait for them to finish."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
