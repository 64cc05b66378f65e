"""Duplicate messageIds: Segment deduplicates on them, so only an id's first event counts.

Works from one ``hash(messageId)`` per event (8 bytes in an ``array``) and a 4 MB Bloom filter;
filter hits are confirmed against the real ids. No step sorts or hashes a million entries in
one C call, so a worker thread doing this never holds the GIL long enough to stall a window.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from inspector.core.events import EventRecord

__all__ = ["message_hash", "duplicate_ids"]

_BITS = 1 << 25


def message_hash(message_id: object) -> int:
    """The value kept per event: 0 when there is no usable messageId."""
    if not isinstance(message_id, str) or not message_id:
        return 0
    return hash(message_id) or 1


def duplicate_ids(hashes: array[int], records: Sequence[EventRecord]) -> dict[int, int]:
    """Event index -> the first event with the same messageId, for every repeat."""
    bloom = bytearray(_BITS // 8)
    candidates: set[int] = set()
    for h in hashes:
        if not h:
            continue
        hit = True
        for bit in (h % _BITS, (h >> 25) % _BITS, (h >> 39) % _BITS):
            byte, mask = bit >> 3, 1 << (bit & 7)
            if not bloom[byte] & mask:
                hit = False
                bloom[byte] |= mask
        if hit:
            candidates.add(h)
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
