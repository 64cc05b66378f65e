"""Events as NDJSON: one event per line, as loaded (or as edited), in order."""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import orjson

from inspector.core.events import EventRecord

__all__ = ["write_ndjson"]


def write_ndjson(records: Iterable[EventRecord | dict[str, object]], out: BinaryIO) -> int:
    """Write each event on its own line (compact JSON); returns how many were written.

    An ``EventRecord``'s bytes are written as they are (re-encoded only when they span lines),
    so an export reloads to the same events.
    """
    count = 0
    for record in records:
        if isinstance(record, EventRecord):
            raw = record.raw if b"\n" not in record.raw else orjson.dumps(record.data)
        else:
            raw = orjson.dumps(record)
        out.write(raw.strip() + b"\n")
        count += 1
    return count
