"""The event list's filter as the workbench keeps it: one byte per event, grown with appends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from inspector.core.events import EventRecord
from inspector.core.filtering import EventFilter, compile_filter, filter_rows

__all__ = ["FilterResult", "SYNC_FILTER_LIMIT"]

SYNC_FILTER_LIMIT = 20_000
"""Up to this many events a filter runs on the owner thread; beyond, in a worker."""


@dataclass(slots=True)
class FilterResult:
    """``accepted[i]`` is 1 when event ``i`` passes ``filter``; ``None``: every event passes.

    While a worker computes it, ``accepted`` may be shorter than the event list: rows beyond it
    are tested directly by whoever shows them.
    """

    filter: EventFilter = field(default_factory=lambda: compile_filter(""))
    accepted: bytearray | None = None

    def passes(self, index: int, record: EventRecord) -> bool:
        if self.filter.kind == "all":
            return True
        if self.accepted is not None and index < len(self.accepted):
            return bool(self.accepted[index])
        return self.filter.matches(record)

    def extend(self, first: int, records: Sequence[EventRecord]) -> None:
        """Events ``first…`` were appended: test just those."""
        if self.accepted is not None and len(self.accepted) == first:
            self.accepted += filter_rows(records, self.filter)

    def update(self, index: int, record: EventRecord) -> None:
        """Event ``index`` was edited or reverted."""
        if self.accepted is not None and index < len(self.accepted):
            self.accepted[index] = self.filter.matches(record)
