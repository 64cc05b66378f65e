"""Duplicate messageIds: Segment deduplicates on them, so only an id's first event counts.

Works from one ``hash(messageId)`` per event (8 bytes in an ``array``) and a 4 MB Bloom filter;
filter hits are confirmed against the real ids. No step sorts or hashes a million entries in
one C call, so a worker thread doing this never holds the GIL long enough to stall a window.
The filter is kept with an evaluation, so events appended later are checked against everything
before them at the cost of the new events (plus one scan of the hashes per filter hit).
"""

from __future__ import annotations

import re
import struct
from array import array
from collections import ChainMap
from collections.abc import Mapping, Sequence

from inspector.core.events import EventRecord

__all__ = ["message_hash", "message_hashes", "duplicate_ids", "repeat_of", "SeenIds"]

_BITS = 1 << 25
_BLOCK = 1 << 14  # hashes searched at a time, going back from a repeat


def message_hash(message_id: object) -> int:
    """The value kept per event: 0 when there is no usable messageId."""
    if not isinstance(message_id, str) or not message_id:
        return 0
    return hash(message_id) or 1


def message_hashes(
    records: Sequence[EventRecord], start: int = 0, stop: int | None = None
) -> array[int]:
    """:func:`message_hash` of events ``start`` to ``stop`` (default: the end)."""
    stop = len(records) if stop is None else stop
    return array("q", (message_hash(records[i].data.get("messageId")) for i in range(start, stop)))


class SeenIds:
    """A Bloom filter of the messageId hashes seen so far."""

    __slots__ = ("bloom",)

    def __init__(self, bloom: bytearray | None = None) -> None:
        self.bloom = bloom if bloom is not None else bytearray(_BITS // 8)

    def note(self, h: int) -> bool:
        """Add ``h``; True when it may have been seen before (every bit was already set)."""
        bloom, hit = self.bloom, True
        for bit in (h % _BITS, (h >> 25) % _BITS, (h >> 39) % _BITS):
            byte, mask = bit >> 3, 1 << (bit & 7)
            if not bloom[byte] & mask:
                hit = False
                bloom[byte] |= mask
        return hit

    def copy(self) -> SeenIds:
        return SeenIds(bytearray(self.bloom))


def duplicate_ids(
    hashes: array[int],
    records: Sequence[EventRecord],
    seen: SeenIds | None = None,
    start: int = 0,
    known: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Event index -> the first event with the same messageId, for every repeat at ``start`` on.

    ``seen`` (filled with the hashes before ``start``) gains the hashes from ``start`` on;
    ``known`` holds the repeats found before ``start``.
    """
    seen = seen if seen is not None else SeenIds()
    if start:
        return _later_duplicates(hashes, records, seen, start, known or {})
    candidates = {h for h in hashes if h and seen.note(h)}
    found: dict[int, int] = {}
    first: dict[str, int] = {}
    if candidates:
        for i, h in enumerate(hashes):
            if h in candidates:
                message_id = records[i].message_id
                if message_id in first:
                    found[i] = first[message_id]
                else:
                    first[message_id] = i
    return found


def _later_duplicates(
    hashes: array[int],
    records: Sequence[EventRecord],
    seen: SeenIds,
    start: int,
    known: Mapping[int, int],
) -> dict[int, int]:
    found: dict[int, int] = {}
    repeats = ChainMap(found, known)  # type: ignore[arg-type]
    for i in range(start, len(hashes)):
        first = repeat_of(hashes, records, seen, i, repeats)
        if first is not None:
            found[i] = first
    return found


def repeat_of(
    hashes: array[int],
    records: Sequence[EventRecord],
    seen: SeenIds,
    i: int,
    repeats: Mapping[int, int],
) -> int | None:
    """The first event with event ``i``'s messageId when ``i`` repeats it, else None.

    For finding repeats event by event: ``hashes`` holds the hashes of events ``0..i``,
    ``seen`` those before ``i`` (it gains ``i``'s) and ``repeats`` the repeats before ``i``.
    """
    h = hashes[i]
    if not h or not seen.note(h):
        return None
    earlier = _earlier_with_id(hashes, records, i)
    return None if earlier is None else repeats.get(earlier, earlier)


def _earlier_with_id(hashes: array[int], records: Sequence[EventRecord], i: int) -> int | None:
    """An event before ``i`` with event ``i``'s messageId, searched backwards in blocks.

    Retries come soon after the first attempt, so the block just before ``i`` usually holds
    one; each block is a C-speed scan of the hashes.
    """
    pattern = re.compile(re.escape(struct.pack("q", hashes[i])))
    wanted = records[i].message_id
    with memoryview(hashes) as items, items.cast("B") as raw:
        stop = i
        while stop > 0:
            begin = max(0, stop - _BLOCK)
            position = 8 * begin
            while (match := pattern.search(raw, position, 8 * stop)) is not None:
                offset = match.start()
                if offset % 8:  # straddles two hashes
                    position = offset + 1
                    continue
                if records[offset // 8].message_id == wanted:
                    return offset // 8
                position = offset + 8
            stop = begin
    return None
