"""Loading files off the event loop's thread, delivered back in coalesced chunks."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field

from inspector.core.errors import InspectorError
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord, CancelToken, LoadCancelled, read_path

__all__ = ["Chunk", "LoadJob"]

_CHUNK_SECONDS = 0.05
_CHUNK_MAX = 8_000
RESUME_DELAY = 0.01


@dataclass(slots=True)
class Chunk:
    """What one tick of loading delivers: new events, skipped records, progress, a file error."""

    path: str
    events: list[EventRecord] = field(default_factory=list)
    bad: list[BadRecord] = field(default_factory=list)
    done_bytes: int = 0
    total_bytes: int = 0
    error: str | None = None
    finished: bool = False
    seq: int = 0  # the job's count of chunks posted, this one included


class LoadJob:
    """Reads files in a worker thread; ``async for chunk in job`` yields at most ~20 chunks/s.

    ``cancel()`` stops the worker at its next record; chunks already delivered stay delivered.
    """

    def __init__(self, paths: Iterable[str], reader: Callable[..., Iterable[object]] = read_path):
        self.paths = [os.fspath(p) for p in paths]
        self.token = CancelToken()
        self._reader = reader
        self._queue: asyncio.Queue[Chunk | None] = asyncio.Queue()
        self._loop: asyncio.AbstractEventLoop | None = None
        self.total_bytes = sum(_size(p) for p in self.paths)
        self._done_before = 0
        self.cancelled = False
        self._consumed = threading.Event()
        self._posted = 0  # chunks handed to the loop, so a late resume signal is recognised

    def cancel(self) -> None:
        """Stop at the next record, on the user's request (``cancelled`` becomes True)."""
        self.cancelled = True
        self.token.cancel()

    def _post(self, chunk: Chunk | None) -> None:
        assert self._loop is not None
        self._consumed.clear()
        self._posted += 1
        if chunk is not None:
            chunk.seq = self._posted
        self._loop.call_soon_threadsafe(self._queue.put_nowait, chunk)

    def _resume(self, posted: int) -> None:
        # a resume meant for an earlier chunk must not release the wait for a later one
        if posted == self._posted:
            self._consumed.set()

    def _wait_consumed(self) -> None:
        """Pause reading until the loop has taken the last chunk in.

        While the GUI thread inserts a chunk it needs the GIL at every Qt call; a reader thread
        parsing at full speed would make it wait up to a switch interval each time. Pausing here
        keeps every stall down to the insert itself, at a small cost in throughput.
        """
        while not self._consumed.wait(0.1):
            if self.token.cancelled:
                return

    def _work(self) -> None:
        try:
            for path in self.paths:
                if self.token.cancelled:
                    break
                self._read_one(path)
                self._done_before += _size(path)
        finally:
            self._post(None)

    def _read_one(self, path: str) -> None:
        chunk = Chunk(path, total_bytes=self.total_bytes)
        last = time.monotonic()
        position = [0]

        def progress(done: int, _total: int | None) -> None:
            position[0] = done

        try:
            for item in self._reader(path, progress=progress, cancel=self.token):
                (chunk.bad if isinstance(item, BadRecord) else chunk.events).append(item)  # type: ignore[arg-type]
                now = time.monotonic()
                if now - last >= _CHUNK_SECONDS or len(chunk.events) >= _CHUNK_MAX:
                    chunk.done_bytes = self._done_before + position[0]
                    self._post(chunk)
                    self._wait_consumed()
                    chunk, last = Chunk(path, total_bytes=self.total_bytes), time.monotonic()
        except LoadCancelled:
            pass
        except InspectorError as exc:
            chunk.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - a reader bug must not kill the app
            chunk.error = f"{path}: unexpected error while reading ({type(exc).__name__}: {exc})"
        chunk.finished = True
        chunk.done_bytes = self._done_before + _size(path)
        self._post(chunk)

    async def __aiter__(self) -> AsyncIterator[Chunk]:
        self._loop = asyncio.get_running_loop()
        worker = threading.Thread(target=self._work, name="load-files", daemon=True)
        worker.start()
        try:
            while (chunk := await self._queue.get()) is not None:
                yield chunk
                # the consumer is done with it; reading goes on once the loop has had a moment
                # to repaint what the chunk changed (painting calls back into Python: GIL)
                self._loop.call_later(RESUME_DELAY, self._resume, chunk.seq)
        finally:
            self._consumed.set()
            self.token.cancel()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
