"""Split a JSON document into top-level values (or the elements of a top-level array) as bytes.

Only the structure is scanned here: strings, brackets and commas. Each piece is then parsed by
orjson, so a broken element is reported on its own and the scan carries on with the next one.
Memory stays bounded by the largest single element, whatever the file size.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from inspector.core.loaders._input import Input

__all__ = ["Piece", "iter_pieces"]

_OUTSIDE = re.compile(rb'["\[\]{},]')
_INSIDE = re.compile(rb'["\\]')
_STRING_REST = re.compile(rb'[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)  # the rest of a string, in C
_CHUNK = 1 << 20
_WS = b" \t\r\n"
_OBJECT_END = re.compile(rb"\}[ \t\r\n]*[,\]]")  # a '}' that may close an array element
_MAX_TRIES = 64


@dataclass(frozen=True, slots=True)
class Piece:
    """One top-level value (``in_array`` False) or one element of the top-level array."""

    data: bytes
    line: int
    complete: bool = True
    problem: str | None = None
    """Set for structure that holds no value: an empty element, a missing ']'."""
    parsed: Any = None
    """``orjson.loads(data)`` when the scan has it already (an object element found in C)."""


class _Scanner:
    """A growing window over the input; ``keep`` marks the first byte still needed."""

    def __init__(self, inp: Input) -> None:
        self.inp = inp
        self.buf = b""
        self.pos = 0
        self.keep = 0
        self._line_no = 1  # line number at buf offset _line_pos
        self._line_pos = 0
        self.eof = False

    def fill(self) -> bool:
        if self.eof:
            return False
        self.inp.tick()
        more = self.inp.stream.read(_CHUNK)
        if not more:
            self.eof = True
            return False
        cut = min(self.keep, self._line_pos)
        if cut:
            self.buf = self.buf[cut:]
            self.pos -= cut
            self.keep -= cut
            self._line_pos -= cut
        self.buf += more
        return True

    def line_of(self, offset: int) -> int:
        """Line number of ``offset``; offsets must be asked for in increasing order."""
        self._line_no += self.buf.count(b"\n", self._line_pos, offset)
        self._line_pos = offset
        return self._line_no


def _skip_string(sc: _Scanner) -> bool:
    """Advance past the closing quote of a string whose opening quote is before ``sc.pos``."""
    whole = _STRING_REST.match(sc.buf, sc.pos)
    if whole is not None:  # the usual case: the string ends inside the buffer
        sc.pos = whole.end()
        return True
    while True:
        m = _INSIDE.search(sc.buf, sc.pos)
        if m is None or (m.group() == b"\\" and m.end() >= len(sc.buf)):
            sc.pos = m.start() if m is not None else len(sc.buf)
            if not sc.fill():
                return False
            continue
        if m.group() == b"\\":
            sc.pos = m.end() + 1
            continue
        sc.pos = m.end()
        return True


def iter_pieces(inp: Input) -> Iterator[Piece]:
    """Yield each element of each top-level array, and each other top-level value, in order."""
    sc = _Scanner(inp)
    sc.fill()
    while True:
        while True:
            while sc.pos < len(sc.buf) and sc.buf[sc.pos] in _WS:
                sc.pos += 1
            sc.keep = sc.pos
            if sc.pos < len(sc.buf) or not sc.fill():
                break
        if sc.pos >= len(sc.buf):
            return
        if sc.buf[sc.pos : sc.pos + 1] != b"[":
            yield from _scan(sc, base_depth=0)  # values (or NDJSON-like runs) to the end
            return
        sc.pos += 1
        closed = yield from _scan(sc, base_depth=1)
        if not closed:
            return


def _object_end(buf: bytes, start: int) -> tuple[int, Any] | None:
    """The end of the object element at ``start`` (just past its '}') and its value, or None.

    In a pretty-printed array the candidate is the first '}' at the element's indentation;
    otherwise each '}' followed by ',' or ']' that balances the braces before it is one. The
    first candidate whose slice orjson parses is the end (a prefix of the text that parses as a
    whole value is exactly the first value there).
    None when no candidate parses in the buffer (not all read yet, broken, or beyond orjson):
    then the structural scan takes over.
    """
    indent = buf[buf.rfind(b"\n", 0, start) + 1 : start]
    if not indent.strip(_WS):  # pretty-printed: the element closes at its own indentation
        close = buf.find(b"\n" + indent + b"}", start)
        if close >= 0:
            end = close + len(indent) + 2
            try:
                return end, orjson.loads(buf[start:end])
            except orjson.JSONDecodeError:
                pass
    pos = start
    opened = closed = 0  # braces in buf[start:pos]
    for _ in range(_MAX_TRIES):
        m = _OBJECT_END.search(buf, pos)
        if m is None:
            return None
        end = m.start() + 1
        opened += buf.count(b"{", pos, end)
        closed += buf.count(b"}", pos, end)
        pos = end
        if opened != closed:
            continue
        try:
            return end, orjson.loads(buf[start:end])
        except orjson.JSONDecodeError:
            continue
    return None


def _piece(sc: _Scanner, start: int, end: int, complete: bool = True) -> Piece:
    return Piece(sc.buf[start:end].rstrip(_WS), sc.line_of(start), complete)


def _problem(sc: _Scanner, message: str) -> Piece:
    return Piece(b"", sc.line_of(sc.pos), complete=True, problem=message)


def _scan(sc: _Scanner, base_depth: int) -> Generator[Piece, None, bool]:
    """Pieces at ``base_depth``; in an array, returns whether its closing ']' was found."""
    depth = base_depth
    start: int | None = None
    separated = True  # in an array: the next element needs no comma before it
    after_comma = False
    while True:
        if start is None:
            while sc.pos < len(sc.buf) and sc.buf[sc.pos] in _WS:
                sc.pos += 1
            sc.keep = sc.pos
            if sc.pos >= len(sc.buf):
                if not sc.fill():
                    if base_depth:
                        yield _problem(sc, "the array is not closed: ']' is missing at the end")
                    return False
                continue
            head = sc.buf[sc.pos : sc.pos + 1]
            if base_depth and head == b"]":
                if after_comma:
                    yield _problem(sc, "a comma with no element after it, before ']'")
                sc.pos += 1
                return True
            if base_depth and head == b",":
                if separated:
                    yield _problem(sc, "empty element: a comma with nothing before it")
                separated, after_comma = True, True
                sc.pos += 1
                continue
            start = sc.pos
            after_comma = False
            if base_depth and head == b"{":
                found = _object_end(sc.buf, start)
                if found is not None:
                    sc.pos = found[0]
                    yield Piece(sc.buf[start : found[0]], sc.line_of(start), parsed=found[1])
                    start, separated = None, False
                    continue
        m = _OUTSIDE.search(sc.buf, sc.pos)
        if m is None:
            sc.pos = len(sc.buf)
            if not sc.fill():
                yield _piece(sc, start, len(sc.buf), complete=depth == base_depth)
                return False
            start = sc.keep
            continue
        ch = m.group()
        sc.pos = m.end()
        if ch == b'"':
            if not _skip_string(sc):
                yield _piece(sc, sc.keep, len(sc.buf), complete=False)
                return False
            start = sc.keep
            if depth == base_depth and not base_depth:
                yield _piece(sc, start, sc.pos)  # a bare top-level string
                start = None
        elif ch in b"[{":
            depth += 1
        elif ch in b"]}":
            depth -= 1
            if depth == base_depth:
                yield _piece(sc, start, sc.pos)
                start, separated = None, False
            elif depth < 0:  # a stray closing bracket between top-level values
                yield _problem(sc, f"unexpected '{ch.decode()}' between records")
                start, depth = None, 0
            elif depth < base_depth:
                # the top-level array closes right after a scalar element
                if sc.buf[start : m.start()].strip(_WS):
                    yield _piece(sc, start, m.start())
                return True
        elif depth == base_depth:  # a comma between elements
            yield _piece(sc, start, m.start())
            start, separated, after_comma = None, True, True
