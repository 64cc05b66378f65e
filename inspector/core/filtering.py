"""The event list's filter: free text, or a trigger expression in Segment's FQL.

``Signed Up`` finds events whose JSON contains the text (case-insensitive); anything that
looks like an expression (``type = "track" and properties.total > 100``, ``contains(…)``,
``match(…)``) is parsed by the trigger engine, so the filter answers exactly what a mapping's
trigger would. A bad expression is reported with its position instead of filtering.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from inspector.core.events import EventRecord, json_bytes
from inspector.core.fql import Trigger, TriggerSyntaxError, parse
from inspector.core.loaders import CancelToken

__all__ = ["EventFilter", "compile_filter", "filter_rows"]

_LOOKS_LIKE_FQL = re.compile(r"!?=|[<>]|\b(contains|match)\s*\(")
# Segment's parser reads ``type = `` as a comparison with a made-up value; a filter being typed
# must not hide every event for it, so a trailing operator is reported instead.
_DANGLING = re.compile(r"(!?=|[<>]=?|\b(?:and|or|not))\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """A compiled filter; ``kind`` is ``all`` (empty text), ``text`` or ``fql``."""

    text: str
    kind: str
    trigger: Trigger | None = None
    needle: str = ""
    incomplete: TriggerSyntaxError | None = None

    @property
    def error(self) -> TriggerSyntaxError | None:
        if self.incomplete is not None:
            return self.incomplete
        return self.trigger.error if self.trigger is not None else None

    def matches(self, record: EventRecord) -> bool:
        if self.kind == "all":
            return True
        if self.kind == "text":
            return (
                self.needle in _searchable(record) or self.needle in record.source.label.casefold()
            )
        assert self.trigger is not None
        return self.trigger.ok and self.trigger.matches(record.data)


def _searchable(record: EventRecord) -> str:
    """The event's JSON as text to search, casefolded; ``\\u00e9``-style escapes decoded."""
    text = record.raw.decode("utf-8", "replace")
    if "\\" in text:
        text = json_bytes(record.data).decode()  # json_bytes also writes lone surrogates
    return text.casefold()


def compile_filter(text: str) -> EventFilter:
    """Compile once per edit; ``error`` is set when an expression does not parse."""
    stripped = text.strip()
    if not stripped:
        return EventFilter(text, "all")
    if _LOOKS_LIKE_FQL.search(stripped):
        dangling = _DANGLING.search(stripped)
        incomplete = None
        if dangling is not None:
            word = dangling.group(1)
            incomplete = TriggerSyntaxError(
                f"nothing after {word!r}: finish the expression", dangling.start(1)
            )
        return EventFilter(text, "fql", trigger=parse(stripped), incomplete=incomplete)
    return EventFilter(text, "text", needle=stripped.casefold())


def filter_rows(
    records: Sequence[EventRecord], flt: EventFilter, cancel: CancelToken | None = None
) -> bytearray:
    """One byte per record: 1 when it passes. Stops early (short result) when cancelled."""
    out = bytearray()
    for i, record in enumerate(records):
        if i % 4096 == 0 and cancel is not None and cancel.cancelled:
            break
        out.append(1 if flt.matches(record) else 0)
    return out
