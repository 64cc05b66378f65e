"""Opening event input: gzip detection, BOM removal, progress and cancellation."""

from __future__ import annotations

import gzip
import io
import os
import threading
import zlib
from collections.abc import Callable
from typing import BinaryIO

from inspector.core.errors import InspectorError, LoadError

__all__ = ["LoadCancelled", "CancelToken", "Progress", "Input", "open_input", "READ_ERRORS"]

READ_ERRORS = (OSError, EOFError, zlib.error)
"""What reading a damaged file raises (gzip reports truncation as EOFError)."""

GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = (  # longest first: UTF-32 LE starts with UTF-16 LE's mark
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

Progress = Callable[[int, int | None], None]
"""Called as ``progress(bytes_read, total_bytes_or_None)``; bytes are on-disk (compressed) bytes."""


class LoadCancelled(InspectorError):
    """Loading stopped because the user cancelled it."""


class CancelToken:
    """A thread-safe flag a loader checks between records; ``cancel()`` stops it promptly."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise LoadCancelled("loading cancelled")


class Input:
    """A peekable binary stream that reports how far through the underlying bytes it is."""

    def __init__(
        self,
        stream: BinaryIO,
        name: str,
        *,
        raw: BinaryIO | None = None,
        total: int | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        self.stream = _buffered(stream)
        self.name = name
        self._raw = raw
        self.total = total
        self._progress = progress
        self._cancel = cancel
        self._last_report = -1

    def position(self) -> int:
        """Bytes consumed from the underlying (possibly compressed) source."""
        src = self._raw if self._raw is not None else self.stream
        try:
            return src.tell()
        except (OSError, ValueError):
            return 0

    def tick(self) -> None:
        """Check for cancellation and report progress; cheap enough to call often."""
        if self._cancel is not None:
            self._cancel.check()
        if self._progress is not None:
            pos = self.position()
            if pos - self._last_report >= 1 << 20 or pos == self.total:
                self._last_report = pos
                self._progress(pos, self.total)

    def close(self) -> None:
        self.stream.close()
        if self._raw is not None:
            self._raw.close()

    def finish(self) -> None:
        if self._progress is not None:
            self._progress(self.total or self.position(), self.total)

    def peek(self, n: int) -> bytes:
        """Up to ``n`` bytes ahead without consuming them (fewer at end of input)."""
        data = self.stream.peek(n)
        if len(data) >= n:
            return data[:n]
        # BufferedReader.peek returns at most one buffer; read through a side copy instead.
        return data


def _buffered(stream: BinaryIO) -> io.BufferedReader:
    """The stream itself if it can peek, else a buffered reader around it."""
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(stream)  # type: ignore[arg-type]  # BinaryIO lacks readinto in typeshed


def open_input(
    source: str | os.PathLike[str] | BinaryIO,
    name: str | None = None,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Input:
    """Open a path or binary stream, transparently gunzipping and skipping a UTF-8 BOM."""
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        raw: BinaryIO = open(path, "rb", buffering=1 << 20)  # noqa: SIM115 - owned by Input
        total: int | None = os.fstat(raw.fileno()).st_size
        label = name or path
    else:
        raw = source
        total = None
        label = name or "<stdin>"
    reader = _buffered(raw)
    stream: io.BufferedReader = reader
    try:
        if reader.peek(2)[:2] == GZIP_MAGIC:
            stream = io.BufferedReader(gzip.GzipFile(fileobj=reader, mode="rb"), 1 << 20)
        stream = _as_utf8(stream)
        inp = Input(stream, label, raw=reader, total=total, progress=progress, cancel=cancel)
        if inp.stream.peek(3)[:3] == UTF8_BOM:
            inp.stream.read(3)
    except READ_ERRORS as exc:  # a truncated or corrupt gzip stream, an unreadable device
        raw.close()
        raise LoadError(label, f"cannot be read ({exc})") from exc
    return inp


class _Utf8Reader(io.RawIOBase):
    """UTF-8 bytes of a UTF-16 or UTF-32 stream (PowerShell writes UTF-16 with a BOM)."""

    def __init__(self, stream: io.BufferedReader, encoding: str) -> None:
        super().__init__()
        self._text = io.TextIOWrapper(stream, encoding=encoding, errors="replace")
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            text = self._text.read(1 << 16)
            if not text:
                return 0
            self._pending = text.encode("utf-8", errors="replace")
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def close(self) -> None:
        self._text.detach()
        super().close()


def _as_utf8(stream: io.BufferedReader) -> io.BufferedReader:
    """The stream itself, or its text re-encoded as UTF-8 when it opens with a UTF-16/32 BOM."""
    head = stream.peek(4)[:4]
    for bom, encoding in _WIDE_BOMS:
        if head.startswith(bom):
            return io.BufferedReader(_Utf8Reader(stream, encoding), 1 << 20)
    return stream


def gunzip_bytes(data: bytes) -> bytes:
    """Decompress a whole gzip member held in memory (HAR bodies)."""
    return zlib.decompress(data, 16 + zlib.MAX_WBITS)
