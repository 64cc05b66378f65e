"""Which simulated SDK page each event meets: one for the file, one per browser, or per event.

Device mode runs the Jimo SDK in a browser page. A file exported from many users is many
browsers: ``browser`` gives each ``anonymousId`` its own page session (analytics.js keeps one
anonymousId per browser). An event without an anonymousId stays in the page of the event
before it, and the events before the first anonymousId belong to the first browser, so a file
from one browser gets exactly the one page session of ``page``.

The browsers' states are kept in a versioned table (:class:`_History`) that every copy shares:
keeping a copy (an evaluation's checkpoint) costs nothing however many browsers there are, and
the table holds each browser's state once per stretch between copies, never a whole table per
copy.
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import Any, TypeVar

from inspector.core.destinations import SdkState

__all__ = [
    "SDK_SESSION_MODES",
    "SDK_SESSION_TEXT",
    "BrowserStates",
    "PageState",
    "browser_key",
    "browser_of",
    "meet",
    "leave",
    "kept",
]

T = TypeVar("T")

SDK_SESSION_MODES = ("page", "browser", "event")
SDK_SESSION_TEXT = {
    "page": "one SDK page session for the whole file",
    "browser": "one SDK page session per browser (anonymousId)",
    "event": "a fresh SDK for every event",
}


def browser_key(event: dict[str, Any]) -> str | None:
    value = event.get("anonymousId")
    return value if isinstance(value, str) and value else None


def browser_of(events: Sequence[T], index: int, data: Callable[[T], dict[str, Any]]) -> str | None:
    """The browser (anonymousId) whose page event ``index`` meets with per-browser sessions.

    Its own anonymousId, else that of the nearest event before it that has one, else (events
    before the first anonymousId) the first one after it; None when no event has one.
    ``data`` gives an item's event dict.
    """
    for i in range(index, -1, -1):
        key = browser_key(data(events[i]))
        if key is not None:
            return key
    for i in range(index + 1, len(events)):
        key = browser_key(data(events[i]))
        if key is not None:
            return key
    return None


_MISSING: Any = object()  # a browser not seen (yet)
_GONE: Any = object()  # written over a browser that stopped existing (renamed)
_version_of = itemgetter(0)
_lock = threading.Lock()
_SHARDS = 64
_SHARD_MASK = _SHARDS - 1


class _History:
    """Every browser's state, by version: one writer appends, copies read as of their version.

    ``entries[shard][key]`` is ``(version, state)``, or a list of them in version order when copies
    were kept between two writes; a write made since the last kept version replaces the last
    one in place (nothing can read it). A history started from a copy of another (``parent``
    at ``since``) holds only what changed after it. ``log`` lists, by version, the browsers
    given a new entry: what changed between two versions.
    """

    __slots__ = ("entries", "parent", "since", "clock", "pinned", "owner", "log", "log_at")

    def __init__(self, parent: _History | None = None, since: int = 0) -> None:
        # in shards: growing one dict of a million browsers rehashes it all in one C call,
        # holding the GIL long enough to stall the GUI thread
        self.entries: list[dict[str | None, Any]] = [{} for _ in range(_SHARDS)]
        self.parent, self.since = parent, since
        self.clock = 0  # the version of the last write
        self.pinned = 0  # the newest version a copy may read
        # the token of the one copy that may write (a token, not the copy: no reference cycle)
        self.owner: object | None = None
        self.log: list[str | None] = []
        self.log_at = array("q")

    def get(self, key: str | None, version: int) -> Any:
        history: _History | None = self
        shard = hash(key) & _SHARD_MASK
        while history is not None:
            entry = history.entries[shard].get(key)
            if entry is not None:
                if type(entry) is tuple:
                    if entry[0] <= version:
                        return entry[1]
                else:
                    at = bisect_right(entry, version, key=_version_of)
                    if at:
                        return entry[at - 1][1]
            version, history = history.since, history.parent
        return _MISSING

    def put(self, key: str | None, value: Any) -> int:
        self.clock += 1
        version = self.clock
        entries = self.entries[hash(key) & _SHARD_MASK]
        entry = entries.get(key)
        if entry is None:
            entries[key] = (version, value)
        elif type(entry) is tuple:
            if entry[0] > self.pinned:  # no copy can read it: replace
                entries[key] = (version, value)
                return version
            entries[key] = [entry, (version, value)]
        elif entry[-1][0] > self.pinned:
            entry[-1] = (version, value)
            return version
        else:
            entry.append((version, value))
        self.log.append(key)
        self.log_at.append(version)
        return version

    def changed(self, after: int, upto: int) -> list[str | None]:
        """Browsers that may have changed from version ``after`` to ``upto`` (after < upto)."""
        return self.log[bisect_right(self.log_at, after) : bisect_right(self.log_at, upto)]

    def chain(self, version: int) -> list[tuple[_History, int]]:
        """This history and those it continues, each with the version read there."""
        out: list[tuple[_History, int]] = []
        history: _History | None = self
        while history is not None:
            out.append((history, version))
            version, history = history.since, history.parent
        return out


class BrowserStates:
    """The SDK state of every browser seen so far (``before`` then ``after`` for each event).

    A copy (:func:`kept`) shares the table and reads it as of the moment it was made; writing
    to a copy carries on from there without changing what any other copy reads.
    """

    __slots__ = (
        "_start",
        "_history",
        "_version",
        "_browsers",
        "_current",
        "_key",
        "_known",
        "_token",
    )

    def __init__(self, start: SdkState | None) -> None:
        self._start = start
        self._history = _History()
        self._token = object()
        self._history.owner = self._token
        self._version = 0
        self._browsers = 0
        self._current: str | None = None
        self._key: str | None = None
        self._known = False

    def _get(self, key: str | None) -> Any:
        value = self._history.get(key, self._version)
        return _MISSING if value is _GONE else value

    def _put(self, key: str | None, value: Any) -> None:
        history = self._history
        if history.owner is not self._token:
            history = self._writable()
        self._version = history.put(key, value)

    def _writable(self) -> _History:
        """The history this copy writes to: its own one's end if free, else a new one."""
        with _lock:
            history = self._history
            if history.owner is None and history.clock == self._version:
                history.owner = self._token
                return history
            history.pinned = max(history.pinned, self._version)  # read from the new one
            self._history = _History(history, self._version)
            self._history.owner = self._token
            self._version = 0
            return self._history

    def before(self, event: dict[str, Any]) -> SdkState | None:
        """The state the event's browser is in; remembers the browser for :meth:`after`."""
        key = browser_key(event)
        if key is None:
            key = self._current
        elif self._browsers == 1 and key is not None:
            alone = self._get(None)
            if alone is not _MISSING:  # the events before the first anonymousId were this one's
                self._put(None, _GONE)
                self._put(key, alone)
        self._key = key
        value = self._get(key)
        self._known = value is not _MISSING
        return self._start if value is _MISSING else value

    @property
    def known(self) -> bool:
        """Whether the browser of the event just met had been seen before."""
        return self._known

    def after(self, state: SdkState | None) -> None:
        """The state the event left its browser in."""
        if not self._known:
            self._browsers += 1
            self._known = True
        self._put(self._key, state)
        self._current = self._key

    @property
    def current(self) -> str | None:
        """The browser of the last event: where the next event without an anonymousId goes."""
        return self._current

    @property
    def browsers(self) -> int:
        return self._browsers

    def copy(self) -> BrowserStates:
        """A copy to keep (checkpoints): it reads the table as it is now, whatever follows."""
        other = object.__new__(BrowserStates)
        other._start, other._history, other._version = self._start, self._history, self._version
        other._browsers, other._current, other._key = self._browsers, self._current, self._key
        other._known = self._known
        other._token = object()
        with _lock:
            history = self._history
            history.pinned = max(history.pinned, self._version)
        return other

    def release(self) -> None:
        """Stop writing here: a copy at the end of the table may carry on in place."""
        with _lock:
            history = self._history
            if history.owner is self._token:
                history.pinned = max(history.pinned, self._version)
                history.owner = None

    def changed_since(self, other: BrowserStates) -> set[str | None] | None:
        """The browsers whose state may differ between ``other`` and this copy (a superset),
        or None when the two share no history (compare them whole)."""
        mine, theirs = self._history.chain(self._version), other._history.chain(other._version)
        common = {id(h) for h, _ in mine} & {id(h) for h, _ in theirs}
        if not common:
            return None
        keys: set[str | None] = set()
        for chain in (mine, theirs):
            for history, version in chain:
                if id(history) in common:
                    break
                keys.update(history.changed(0, version))
        at_mine = next(v for h, v in mine if id(h) in common)
        at_theirs = next(v for h, v in theirs if id(h) in common)
        shared = next(h for h, _ in mine if id(h) in common)
        if at_mine != at_theirs:
            keys.update(shared.changed(min(at_mine, at_theirs), max(at_mine, at_theirs)))
        return keys

    def differing(self, other: BrowserStates, keys: Iterable[str | None]) -> set[str | None]:
        """Those of ``keys`` whose browser is not in the same state in both."""
        return {k for k in keys if self._get(k) != other._get(k)}

    def same_place(self, other: BrowserStates) -> bool:
        """As many browsers in both, and the same one current (where an event without an
        anonymousId goes)."""
        return self._current == other._current and self._browsers == other._browsers

    def _all_keys(self) -> set[str | None]:
        keys: set[str | None] = set()
        for history, version in self._history.chain(self._version):
            keys.update(history.changed(0, version))
        return keys

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BrowserStates):
            return NotImplemented
        if not self.same_place(other):
            return False
        if self._history is other._history and self._version == other._version:
            return True
        keys = self.changed_since(other)
        if keys is None:
            keys = self._all_keys() | other._all_keys()
        return not self.differing(other, keys)

    __hash__ = None  # type: ignore[assignment]  # mutable


PageState = SdkState | BrowserStates | None
"""What an evaluation threads from event to event: one page's state, or every browser's."""


def meet(state: PageState, event: dict[str, Any]) -> SdkState | None:
    """The SDK state ``event`` meets (its browser's, with per-browser sessions)."""
    return state.before(event) if isinstance(state, BrowserStates) else state


def leave(state: PageState, after: SdkState | None) -> PageState:
    """What follows the event that left its page in state ``after``."""
    if isinstance(state, BrowserStates):
        state.after(after)
        return state
    return after


def kept(state: PageState) -> PageState:
    """``state`` as it is now, safe to keep while evaluating goes on from it."""
    return state.copy() if isinstance(state, BrowserStates) else state
