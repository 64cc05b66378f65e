"""A batch body too deep to parse whole: its envelope and each item read on their own.

orjson stops at 1,024 levels; JavaScript reads deeper. So that one absurdly deep item does not
cost its neighbours, the ``"batch"`` array is found by a structural scan, the envelope is parsed
with an empty array in its place and each item is parsed alone (a bad one is an
:class:`UnreadableItem` with its reason, which the batch splitter reports as one skipped item).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson

from inspector.core.loaders._input import Input
from inspector.core.loaders._jsonstream import iter_pieces

__all__ = ["UnreadableItem", "split_deep_batch"]

_TOKEN = re.compile(rb'["\[\]{}]')
_STRING_REST = re.compile(rb'[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_KEY_THEN_ARRAY = re.compile(rb"\s*:\s*\[")


@dataclass(frozen=True, slots=True)
class UnreadableItem:
    """A batch item that could not be read; ``reason`` says why."""

    reason: str


def _batch_array_span(data: bytes) -> tuple[int, int] | None:
    """Where the top-level object's ``"batch"`` array starts and ends (``[`` to ``]``)."""
    depth, pos, start = 0, 0, -1
    while (m := _TOKEN.search(data, pos)) is not None:
        ch, pos = m.group(), m.end()
        if ch == b'"':
            rest = _STRING_REST.match(data, pos)
            if rest is None:
                return None
            key, pos = data[pos : rest.end() - 1], rest.end()
            arrow = _KEY_THEN_ARRAY.match(data, pos) if depth == 1 and start < 0 else None
            if key == b"batch" and arrow is not None:
                start, pos, depth = arrow.end() - 1, arrow.end(), depth + 1
        elif ch in b"[{":
            depth += 1
        else:
            depth -= 1
            if start >= 0 and depth == 1:
                return start, pos
    return None


def split_deep_batch(data: bytes, parse_item: Callable[[bytes], Any]) -> dict[str, Any] | None:
    """The batch body of ``data`` with its items parsed one by one, or None if it is none.

    ``parse_item`` parses one item's text; a ``ValueError`` it raises becomes that item's reason.
    """
    span = _batch_array_span(data)
    if span is None:
        return None
    start, end = span
    try:
        envelope = orjson.loads(data[:start] + b"[]" + data[end:])
    except orjson.JSONDecodeError:
        return None
    if not isinstance(envelope, dict) or "type" in envelope:
        return None
    items: list[Any] = []
    for piece in iter_pieces(Input(io.BytesIO(data[start:end]), "<batch>")):
        if piece.problem is not None or not piece.complete or not piece.data:
            items.append(UnreadableItem(piece.problem or "this batch item is cut short"))
            continue
        try:
            items.append(parse_item(piece.data))
        except ValueError as exc:
            items.append(UnreadableItem(str(exc)))
    envelope["batch"] = items
    return envelope
