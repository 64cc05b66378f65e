"""The live event list: grows while files load (or captures arrive) and tells listeners."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import overload

from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord

__all__ = ["EventStore", "Snapshot"]

Listener = Callable[[int, int], None]


class EventStore:
    """An append-mostly list of events plus the records that were skipped while loading.

    Listeners are plain callables, so the Qt layer (or a test) can adapt them:

    - ``inserted(first, last)``: rows ``first..last`` were appended;
    - ``changed(first, last)``: rows were replaced in place (an edited event);
    - ``reset(0, -1)``: everything was cleared.
    """

    def __init__(self) -> None:
        self._events: list[EventRecord] = []
        self.bad: list[BadRecord] = []
        self.inserted: list[Listener] = []
        self.changed: list[Listener] = []
        self.reset: list[Listener] = []

    def __len__(self) -> int:
        return len(self._events)

    def __getitem__(self, index: int) -> EventRecord:
        return self._events[index]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._events)

    def events(self) -> Sequence[EventRecord]:
        return self._events

    def snapshot(self) -> Snapshot:
        """The events as they are now, for a worker thread; O(1), nothing is copied.

        Later appends stay out of it and a clear leaves it whole; an edit made meanwhile shows
        through (an edit stays pending until an evaluation that saw it is installed).
        """
        return Snapshot(self._events, len(self._events))

    def extend(self, records: Iterable[EventRecord]) -> None:
        first = len(self._events)
        self._events.extend(records)
        last = len(self._events) - 1
        if last >= first:
            for listener in self.inserted:
                listener(first, last)

    def add_bad(self, records: Iterable[BadRecord]) -> None:
        self.bad.extend(records)

    def replace(self, index: int, record: EventRecord) -> None:
        self._events[index] = record
        for listener in self.changed:
            listener(index, index)

    def clear(self) -> None:
        self._events = []  # a new list: snapshots taken before keep theirs
        self.bad.clear()
        for listener in self.reset:
            listener(0, -1)


class Snapshot(Sequence[EventRecord]):
    """The first ``length`` events of a store's list."""

    __slots__ = ("_events", "_length")

    def __init__(self, events: list[EventRecord], length: int) -> None:
        self._events, self._length = events, length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> EventRecord: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[EventRecord]: ...

    def __getitem__(self, index: int | slice) -> EventRecord | Sequence[EventRecord]:
        if isinstance(index, slice):
            return self._events[: self._length][index]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return self._events[index]

    def __iter__(self) -> Iterator[EventRecord]:
        return itertools.islice(self._events, self._length)
