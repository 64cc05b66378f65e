"""The capture server: the aiohttp application on a thread and an asyncio loop of its own.

Its own loop, not the window's, so that a modal dialog or a busy GUI never delays an answer
(clients retry what is not answered in time). Connections are capped: past the cap the
oldest idle one is closed, so thousands of idle sockets cost a bounded amount of memory.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from inspector.core.capture._app import CaptureHandlers, build_app
from inspector.core.capture._errors import CaptureError, StorageError
from inspector.core.capture._paths import new_session_path
from inspector.core.capture._stats import CaptureStats
from inspector.core.capture._writer import (
    SessionWriter,
    Sink,
    Store,
    WriteJob,
    history,
    open_session_file,
)
from inspector.core.errors import InspectorError

__all__ = ["CaptureServer", "CaptureSettings", "DEFAULT_PORT", "Routes"]

Routes = Sequence[web.AbstractRouteDef]
"""More pages to serve on the capture's address (``aiohttp.web.get(path, handler)``...)."""

_http_log = logging.getLogger(__name__ + ".http")
_http_log.addHandler(logging.NullHandler())
_http_log.propagate = False  # malformed HTTP is the client's fault: answered 400, not printed

DEFAULT_PORT = 8765
MAX_CONNECTIONS = 256
"""Open connections at most; each holds at most one request body (≤ 500 KB) at a time."""
IDLE_TIMEOUT = 15.0
"""Seconds an open connection may stay without a request before it is closed."""


@dataclass(frozen=True, slots=True)
class CaptureSettings:
    """Where to listen and store.

    ``port`` 0 picks any free port; ``session`` empty makes a new file in the user data
    directory; ``write_key`` set refuses (401) requests carrying another key.
    """

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    session: str = ""
    write_key: str | None = None

    @property
    def loopback(self) -> bool:
        return self.host in ("127.0.0.1", "localhost", "::1") or self.host.startswith("127.")


class CaptureServer:
    """Start, run and stop a capture; thread-safe ``start``/``stop`` from any one thread.

    Args:
        settings: host, port, session file, expected write key.
        sink: told of committed events and skipped records (writer thread).
        on_storage_error: told (writer thread) when a commit fails; requests got 503.
        routes: more routes to mount on the same application.
        store: where to commit instead of ``settings.session`` (the window's session file,
            which follows the window: Save as, Clear); ``new_session`` then only numbers anew.
    """

    def __init__(
        self,
        settings: CaptureSettings,
        *,
        sink: Sink | None = None,
        on_storage_error: Callable[[str], None] | None = None,
        routes: Routes = (),
        store: Store | None = None,
    ) -> None:
        self.settings = settings
        self._store = store
        self._session_path = "" if store is not None else settings.session or new_session_path()
        self.stats = CaptureStats()
        self.url = ""
        self._sink = sink
        self._on_storage_error = on_storage_error
        self._routes = routes
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._writer: SessionWriter | None = None
        self._handlers: CaptureHandlers | None = None
        self._runner: web.AppRunner | None = None
        self._listener: asyncio.Server | None = None

    @property
    def session_path(self) -> str:
        """The file events are stored in now."""
        return self._store.path if self._store is not None else self._session_path

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 10.0) -> str:
        """Open the session file and listen; returns the URL. CaptureError when it cannot."""
        if self.running:
            return self.url
        self._writer = SessionWriter(self._session_path, self._notify, self._sink, self._store)
        ready = threading.Event()
        failure: list[BaseException] = []
        self._thread = threading.Thread(
            target=self._run, args=(ready, failure), name="capture-server", daemon=True
        )
        self._writer.start()
        self._thread.start()
        if not ready.wait(timeout):
            failure.append(CaptureError("the capture server did not start in time"))
        if failure:
            self._thread.join(timeout)
            self._thread = None
            self._writer.close()
            error = failure[0]
            raise error if isinstance(error, CaptureError) else CaptureError(str(error))
        return self.url

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the requests under way (their events are stored), then close everything."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        future = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
        try:
            future.result(timeout)
        except Exception:  # noqa: BLE001 - stopping must not fail; the loop is stopped below
            pass
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        self._thread = None
        if self._writer is not None:
            self._writer.close()

    def new_session(self, path: str = "") -> str:
        """Go on capturing into a new session file (the old one is kept); returns its path.

        Requests answered before the switch are in the old file, later ones in the new one.
        """
        loop, handlers, writer = self._loop, self._handlers, self._writer
        if not self.running or loop is None or handlers is None or writer is None:
            raise CaptureError("the capture is not running")
        if self._store is not None:  # the window already moved its session to a new file
            try:
                numbering = self._store.history()
            except InspectorError as exc:
                raise CaptureError(str(exc)) from exc
            asyncio.run_coroutine_threadsafe(
                _call(lambda: handlers.restart(*numbering)), loop
            ).result(10)
            return self.session_path
        path = path or new_session_path()
        conn = open_session_file(path)
        next_id, seen = history(conn)

        def switch() -> None:  # on the loop: numbering and file change between two requests
            handlers.restart(next_id, seen)
            writer.switch(conn, path)

        done = asyncio.run_coroutine_threadsafe(_call(switch), loop)
        done.result(10)
        self._session_path = path
        return path

    # -- the server's thread -------------------------------------------------------------------

    def _run(self, ready: threading.Event, failure: list[BaseException]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._listen())
        except BaseException as exc:  # noqa: BLE001 - reported to start()
            failure.append(exc)
            ready.set()
            loop.close()
            return
        ready.set()
        try:
            loop.run_forever()
        finally:
            loop.close()

    async def _listen(self) -> None:
        assert self._writer is not None
        next_id, seen = self._writer.history()
        self.stats.seen = seen
        self._handlers = CaptureHandlers(
            self._writer,
            self.stats,
            expected_key=self.settings.write_key,
            next_request_id=next_id,
        )
        app = build_app(self._handlers, self._routes)
        self._runner = web.AppRunner(
            app,
            handle_signals=False,
            access_log=None,
            logger=_http_log,
            keepalive_timeout=IDLE_TIMEOUT,
            auto_decompress=False,  # gunzipped here, with a cap (gzip bombs)
            shutdown_timeout=5.0,
        )
        await self._runner.setup()
        server = self._runner.server
        assert server is not None
        host, port = self.settings.host, self.settings.port
        try:
            self._listener = await asyncio.get_running_loop().create_server(
                _capped(server), host, port, backlog=256, reuse_address=True
            )
        except OSError as exc:
            await self._runner.cleanup()
            if exc.errno == errno.EADDRINUSE:
                raise CaptureError(f"port {port} on {host} is already in use") from exc
            raise CaptureError(f"cannot listen on {host}:{port} ({exc.strerror})") from exc
        bound = self._listener.sockets[0].getsockname()[1]
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{bound}"

    async def _shutdown(self) -> None:
        if self._listener is not None:
            self._listener.close()
        if self._runner is None:
            return
        server = self._runner.server
        await self._runner.cleanup()
        # closed transports release their sockets in later loop turns: let them, before stopping
        async with asyncio.timeout(2.0):
            while server is not None and server.connections:
                await asyncio.sleep(0.01)
        await asyncio.sleep(0)

    def _notify(self, jobs: list[WriteJob], error: StorageError | None) -> None:
        if error is not None and self._on_storage_error is not None:
            try:  # told before the 503s go out
                self._on_storage_error(str(error))
            except Exception:  # the writer thread must outlive a failing listener
                logging.getLogger(__name__).exception("the storage-error listener failed")
        if self._handlers is not None:
            self._handlers.notify(jobs, error)


async def _call(function: Callable[[], None]) -> None:
    function()


def _capped(server: web.Server) -> Callable[[], Any]:
    """The protocol factory, closing the oldest idle connection beyond MAX_CONNECTIONS."""

    closing: set[Any] = set()  # closed, until their connection_lost takes them off the list

    def factory() -> Any:
        current = server.connections
        closing.intersection_update(current)
        live = [c for c in current if c not in closing]
        excess = len(live) - MAX_CONNECTIONS + 1
        if excess > 0:
            idle = [c for c in live if getattr(c, "_current_request", None) is None]
            for handler in (idle or live)[:excess]:
                closing.add(handler)
                handler.force_close()
        return server()

    return factory
