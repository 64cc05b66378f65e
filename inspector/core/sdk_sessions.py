"""Which simulated SDK page each event meets: one for the file, one per browser, or per event.

Device mode runs the Jimo SDK in a browser page. A file exported from many users is many
browsers: ``browser`` gives each ``anonymousId`` its own page session (analytics.js keeps one
anonymousId per browser). An event without an anonymousId stays in the page of the event
before it, and the events before the first anonymousId belong to the first browser, so a file
from one browser gets exactly the one page session of ``page``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


class BrowserStates:
    """The SDK state of every browser seen so far (``before`` then ``after`` for each event)."""

    def __init__(self, start: SdkState | None) -> None:
        self._start = start
        self._states: dict[str | None, SdkState | None] = {}
        self._snapshots: dict[str | None, dict[str, Any]] = {}  # each page's, as last told
        self._current: str | None = None
        self._key: str | None = None

    def before(self, event: dict[str, Any]) -> SdkState | None:
        """The state the event's browser is in; remembers the browser for :meth:`after`."""
        key = browser_key(event)
        if key is None:
            key = self._current
        elif len(self._states) == 1 and None in self._states:
            # the events before the first anonymousId were this browser's
            self._states[key] = self._states.pop(None)
            if None in self._snapshots:
                self._snapshots[key] = self._snapshots.pop(None)
        self._key = key
        return self._states.get(key, self._start)

    def after(self, state: SdkState | None, snapshot: dict[str, Any] | None = None) -> None:
        """The state the event left its browser in (and its snapshot, when taken)."""
        self._states[self._key] = state
        if snapshot is not None:
            self._snapshots[self._key] = snapshot
        self._current = self._key

    def snapshot(self) -> dict[str, Any] | None:
        """The snapshot last given for the browser of the event just met (None: a new one)."""
        return self._snapshots.get(self._key)

    @property
    def browsers(self) -> int:
        return len(self._states)

    def copy(self) -> BrowserStates:
        """A copy to keep (checkpoints): the states themselves are never changed in place."""
        other = BrowserStates(self._start)
        other._states = dict(self._states)
        other._snapshots = dict(self._snapshots)
        other._current, other._key = self._current, self._key
        return other

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BrowserStates):
            return NotImplemented
        return self._states == other._states and self._current == other._current

    __hash__ = None  # type: ignore[assignment]  # mutable


PageState = SdkState | BrowserStates | None
"""What an evaluation threads from event to event: one page's state, or every browser's."""


def meet(state: PageState, event: dict[str, Any]) -> SdkState | None:
    """The SDK state ``event`` meets (its browser's, with per-browser sessions)."""
    return state.before(event) if isinstance(state, BrowserStates) else state


def leave(
    state: PageState, after: SdkState | None, snapshot: dict[str, Any] | None = None
) -> PageState:
    """What follows the event that left its page in state ``after`` (``snapshot`` of it)."""
    if isinstance(state, BrowserStates):
        state.after(after, snapshot)
        return state
    return after


def kept(state: PageState) -> PageState:
    """``state`` as it is now, safe to keep while evaluating goes on from it."""
    return state.copy() if isinstance(state, BrowserStates) else state
