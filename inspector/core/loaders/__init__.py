"""Streaming, format-sniffing readers for Segment event files.

Formats (recognised by content, not by extension; any of them may be gzip-compressed):

==================  ===========================================================
JSON object         one event, or a Segment batch body ``{"batch": [...]}``
JSON array          events (pretty-printed or compact), streamed element by element
NDJSON / JSON Lines one event or batch body per line
HAR 1.2             every Segment call in a browser devtools / proxy export
session file        a saved Jimo Inspector session (SQLite): its events in arrival order,
                    edited ones as edited, then its skipped records
==================  ===========================================================

Readers yield :class:`EventRecord` for each event and :class:`BadRecord` for each record they
had to skip (with its position and reason), so one bad line never costs the rest of the file.
A file that is not an event file at all raises :class:`LoadError` with one clear sentence.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from typing import Any, BinaryIO, NamedTuple, TypeVar

import orjson

from inspector.core.errors import LoadError
from inspector.core.events import EventRecord, EventSource
from inspector.core.loaders._har import NotSegmentHar, events_from_har, is_har
from inspector.core.loaders._input import (
    READ_ERRORS,
    CancelToken,
    Input,
    LoadCancelled,
    Progress,
    open_input,
)
from inspector.core.loaders._jsonstream import Piece, iter_pieces
from inspector.core.loaders._parse import JsonProblem, parse_record
from inspector.core.loaders._segment import (
    MAX_EVENT_BYTES,
    BadRecord,
    event_record,
    events_from_value,
)
from inspector.core.signatures import SQLITE_MAGIC, ZIP_MAGIC, starts_with

__all__ = [
    "BadRecord",
    "CancelToken",
    "LoadCancelled",
    "LoadError",
    "MAX_EVENT_BYTES",
    "Progress",
    "read_path",
    "read_bytes",
    "read_stream",
    "FirstValue",
    "open_input",
    "open_lines",
    "line_chunks",
    "lines_records",
    "fold_skipped",
    "is_bundle_file",
]

_SNIFF_BYTES = 64 * 1024
_SNIFF_LINES = 50
_CHUNK = 1 << 20
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"\x7fELF": "a program",
    b"SQLite format 3": "an SQLite database",
}

Loaded = EventRecord | BadRecord
_Item = TypeVar("_Item")


def read_path(
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Iterator[Loaded]:
    """Stream the events of a file. Raises LoadError (whole file unusable) or LoadCancelled."""
    name = os.fspath(path)
    if _is_sqlite(name):
        yield from _read_session(name, progress, cancel)
        return
    if is_bundle_file(name):  # a redacted repro bundle opens as its events
        from inspector.core.export import bundle_events

        yield from bundle_events(name)
        return
    try:
        inp = open_input(name, progress=progress, cancel=cancel)
    except OSError as exc:
        raise LoadError(name, exc.strerror or str(exc)) from exc
    try:
        yield from _read(inp)
    finally:
        inp.close()


def read_stream(
    stream: BinaryIO,
    name: str = "<stdin>",
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Iterator[Loaded]:
    """Stream the events of an open binary stream (stdin, a socket body)."""
    yield from _read(open_input(stream, name, progress=progress, cancel=cancel))


def read_bytes(data: bytes, name: str = "clipboard", kind: str = "paste") -> list[Loaded]:
    """Events from bytes in memory (a paste); same formats and rules as files."""
    import io

    items = list(_read(open_input(io.BytesIO(data), name)))
    if kind != "file":
        for item in items:
            src = item.source
            item_source = EventSource(kind, src.path, src.line, src.entry, src.item)
            if isinstance(item, EventRecord):
                item.source = item_source
            else:
                items[items.index(item)] = BadRecord(item_source, item.reason)
    return items


def _is_sqlite(name: str) -> bool:
    return starts_with(name, SQLITE_MAGIC)


def is_bundle_file(name: str) -> bool:
    """Whether ``name`` is a repro bundle; the export code, slow to import, only for a zip."""
    if not starts_with(name, ZIP_MAGIC):
        return False
    from inspector.core.export import is_bundle

    return is_bundle(name)


def _read_session(
    name: str, progress: Progress | None, cancel: CancelToken | None
) -> Iterator[Loaded]:
    from inspector.core.sessionfile import iter_session

    size = os.path.getsize(name)

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(size * done // total if total else size, size)

    yield from iter_session(name, progress=report, cancel=cancel)


def _describe_binary(head: bytes) -> str | None:
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return what
    if b"\x00" in head[:1024]:
        return "a binary file"
    return None


def _sniff_lines(inp: Input) -> bool:
    """Whether the input is read line by line (NDJSON) rather than as JSON documents.

    Raises:
        LoadError: the input is empty, unreadable, binary or not JSON.
    """
    try:
        head = inp.stream.peek(_SNIFF_BYTES)
    except READ_ERRORS as exc:  # a corrupt gzip header, an unreadable device
        raise LoadError(inp.name, f"cannot be read ({exc})") from exc
    stripped = head.lstrip()
    if not stripped:
        raise LoadError(inp.name, "the file is empty")
    what = _describe_binary(head)
    if what is not None or stripped[:1] not in (b"{", b"["):
        raise LoadError(
            inp.name,
            f"this is {what or 'not JSON'}, not an event file "
            "(expected JSON, NDJSON, a Segment batch or a HAR file)",
        )
    return stripped[:1] == b"{" and _looks_like_lines(head)


def _read(inp: Input) -> Iterator[Loaded]:
    lines = _sniff_lines(inp)
    try:
        if lines:
            yield from _folded(_read_lines(inp))
        else:
            yield from _folded(_read_pieces(inp))
    except NotSegmentHar as exc:
        raise LoadError(inp.name, str(exc)) from exc
    except READ_ERRORS as exc:  # truncated or corrupt gzip stream
        raise LoadError(inp.name, f"reading stopped: {exc}") from exc
    inp.finish()


def _looks_like_lines(head: bytes) -> bool:
    """NDJSON when the first line is a whole object, or when it is broken and a later one is.

    A file whose first value is a whole JSON document spanning several lines (a pretty-printed
    event, a batch, a HAR) is read as a document, whatever its inner lines look like.
    """
    lines = head.splitlines()
    first = next((line.strip() for line in lines if line.strip()), b"")
    cut = len(head) == _SNIFF_BYTES and first == lines[-1].strip()  # may go on past the window
    if not cut and first[-1:] in (b"}", b"]"):
        return True  # a whole line holding an object (or a broken one: one record, one message)
    if _first_value_is_whole(head):
        return False
    if len(head) == _SNIFF_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut short by the sniff window
    for line in lines[:_SNIFF_LINES]:
        line = line.rstrip()
        if line[:1] != b"{":
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        if isinstance(value, dict) and value:
            return True
    return False


def _first_value_is_whole(head: bytes) -> bool:
    """Whether the sniffed head holds one complete, valid top-level JSON value."""
    import io

    pieces = iter_pieces(Input(io.BytesIO(head), "<head>"))
    piece = next(pieces, None)
    if piece is None or not piece.complete:
        return len(head) == _SNIFF_BYTES  # too big to tell: a document, most likely
    try:
        orjson.loads(piece.data)
    except orjson.JSONDecodeError:
        return False
    return True


def _read_lines(inp: Input) -> Iterator[Loaded]:
    """A line-based input's records, read a chunk of whole lines at a time."""
    first = True  # until the file's first value: a HAR without Segment calls there is refused
    for first_line, data in line_chunks(inp):
        inp.tick()
        for _, item, _ in lines_records(data, inp.name, first_line):
            if not isinstance(item, FirstValue):
                yield item
            elif first:
                if item.reason is not None:
                    raise LoadError(inp.name, item.reason)
                first = False


class FirstValue(NamedTuple):
    """Marks, among :func:`lines_records`' items, the first line that parsed. ``reason`` is set
    when it is a HAR without Segment calls: for a file's very first value, the file's error."""

    reason: str | None


def open_lines(path: str | os.PathLike[str]) -> Input | None:
    """A line-based (NDJSON) file opened for :func:`line_chunks`; None for any other file.

    None also when the file cannot be read or sniffed: :func:`read_path` then says why.
    """
    name = os.fspath(path)
    try:
        if not os.path.isfile(name) or _is_sqlite(name) or is_bundle_file(name):
            return None
        inp = open_input(name)
    except (OSError, LoadError):
        return None
    try:
        if _sniff_lines(inp):
            return inp
    except LoadError:
        pass
    inp.close()
    return None


def line_chunks(inp: Input, size: int = _CHUNK) -> Generator[tuple[int, bytes], None, None]:
    """The input's text in whole lines, about ``size`` bytes at a time, each with the number of
    its first line (lines end as :func:`read_path` ends them: ``\n``, ``\r\n`` or ``\r``).

    Raises:
        LoadError: reading failed part way (after every whole line read so far was given).
    """
    number, held = 1, b""
    try:
        while True:
            data = inp.stream.read(size)
            if not data:
                break
            held += data
            cut = held.rfind(b"\n") + 1
            bare = held.rfind(b"\r")
            if bare + 1 > cut and bare < len(held) - 1:  # a "\r" with no "\n" after it ends a line
                cut = bare + 1
            if cut:
                chunk, held = held[:cut], held[cut:]
                yield number, chunk
                number += _line_count(chunk)
    except READ_ERRORS as exc:  # truncated or corrupt gzip stream
        raise LoadError(inp.name, f"reading stopped: {exc}") from exc
    finally:
        inp.close()
    if held:
        yield number, held


def _line_count(chunk: bytes) -> int:
    """How many lines end in ``chunk`` (``\n``, ``\r\n`` or a bare ``\r`` each end one)."""
    newlines = chunk.count(b"\n")
    if b"\r" not in chunk:
        return newlines
    return newlines + chunk.count(b"\r") - chunk.count(b"\r\n")


def lines_records(
    data: bytes, name: str, first_line: int
) -> Iterator[tuple[int, Loaded | FirstValue, dict[str, Any] | None]]:
    """The records of whole lines of a line-based file, each with its line number, as
    :func:`read_path` reads them there (before :func:`fold_skipped`).

    The third item is the event a line's record holds, decoded, when the line is one event (not
    a batch or a HAR) kept as its own text: what the record's ``data`` gives, without decoding it
    again. (A line only the slower parser reads is stored as written again, which reads back
    differently: ``1.0`` as ``1``, a number beyond a double as null.)

    ``data`` is what :func:`line_chunks` gave, with the number of its first line. The first line
    that parses is read as a file's first value would be, except that a HAR without Segment
    calls there is a :class:`FirstValue` (followed by its skipped record): only the
    caller knows whether it is the file's first value. That line's items follow a
    :class:`FirstValue` marker in any case.
    """
    first = True
    for number, line in enumerate(data.splitlines(), start=first_line):
        line = line.strip()
        if not line:
            continue
        source = EventSource("file", name, line=number)
        try:
            value, keep = parse_record(line)
        except JsonProblem as exc:
            yield number, BadRecord(source, str(exc)), None
            continue
        raw = line if keep else None
        if type(value) is dict and "type" in value and not is_har(value):  # one event: most lines
            if first:
                first = False
                yield number, FirstValue(None), None
            record = event_record(value, source, raw=raw)
            # the decoded value is the record's data only when the line is kept as its text:
            # a line the slower parser read is stored written again, and reads back otherwise
            yield (
                number,
                record,
                value if raw is not None and isinstance(record, EventRecord) else None,
            )
            continue
        items: Iterator[Loaded] | list[Loaded]
        if first:
            first = False
            try:
                items = list(_dispatch(value, source, name, raw=raw, first=True))
                yield number, FirstValue(None), None
            except NotSegmentHar as exc:
                yield number, FirstValue(str(exc)), None
                items = _dispatch(value, source, name, raw=raw, first=False)
        else:
            items = _dispatch(value, source, name, raw=raw, first=False)
        for item in items:
            # the line's own event keeps the line's source; batch items and HAR entries do not
            single = raw is not None and isinstance(item, EventRecord) and item.source is source
            yield number, item, value if single else None


def fold_skipped(items: Iterator[_Item]) -> Iterator[_Item | BadRecord]:
    """Skipped records in a row at one place as one (with how many more problems were there)."""
    return _folded(items)


def _read_pieces(inp: Input) -> Iterator[Loaded]:
    first = True
    for piece in iter_pieces(inp):
        source = EventSource("file", inp.name, line=piece.line)
        problem = piece.problem if piece.problem is not None else _piece_problem(piece)
        if problem is None:
            try:
                value, _ = parse_record(piece.data, piece.parsed)
            except JsonProblem as exc:
                problem = str(exc)
        if problem is not None:
            yield BadRecord(source, problem)
            continue
        yield from _dispatch(value, source, inp.name, first=first)
        first = False


def _piece_problem(piece: Piece) -> str | None:
    if not piece.complete:
        return "the file ends in the middle of this record"
    if not piece.data:
        return "empty element"
    return None


def _folded(items: Iterator[_Item]) -> Iterator[_Item | BadRecord]:
    """One broken record, one message: skipped records in a row at one place become one."""
    held: BadRecord | None = None
    more = 0
    for item in items:
        if isinstance(item, BadRecord):
            if held is not None and held.source == item.source:
                more += 1
                continue
            if held is not None:
                yield _fold(held, more)
            held, more = item, 0
            continue
        if held is not None:
            yield _fold(held, more)
            held = None
        yield item
    if held is not None:
        yield _fold(held, more)


def _fold(bad: BadRecord, more: int) -> BadRecord:
    if not more:
        return bad
    also = "1 more problem" if more == 1 else f"{more} more problems"
    where = "on this line" if bad.source.entry is None else "in this entry"
    return BadRecord(bad.source, f"{bad.reason} (and {also} {where})")


def _dispatch(
    value: object, source: EventSource, name: str, raw: bytes | None = None, *, first: bool
) -> Iterator[Loaded]:
    """One top-level value's records. A HAR without Segment calls makes a file-level error
    when it is the file's first value (a plain HAR), and a skipped record further in."""
    if not is_har(value):
        yield from events_from_value(value, source, raw=raw)
        return
    try:
        yield from events_from_har(value, name)  # type: ignore[arg-type]
    except NotSegmentHar as exc:
        if first:
            raise
        yield BadRecord(source, str(exc))
