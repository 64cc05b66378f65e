"""Which simulated SDK page each event meets: one for the file, one per browser, or per event.

Device mode runs the Jimo SDK in a browser page. A file exported from many users is many
browsers: ``browser`` gives each ``anonymousId`` its own page session (analytics.js keeps one
anonymousId per browser). An event without an anonymousId stays in the page of the event
before it, and the events before the first anonymousId belong to the first browser, so a file
from one browser gets exactly the one page session of ``page``.
"""

from __future__ import annotations

from typing import Any

from inspector.core.destinations import SdkState

__all__ = ["SDK_SESSION_MODES", "SDK_SESSION_TEXT", "BrowserStates", "browser_key"]

SDK_SESSION_MODES = ("page", "browser", "event")
SDK_SESSION_TEXT = {
    "page": "one SDK page session for the whole file",
    "browser": "one SDK page session per browser (anonymousId)",
    "event": "a fresh SDK for every event",
}


def browser_key(event: dict[str, Any]) -> str | None:
    value = event.get("anonymousId")
    return value if isinstance(value, str) and value else None


class BrowserStates:
    """The SDK state of every browser seen so far (``before`` then ``after`` for each event)."""

    def __init__(self, start: SdkState | None) -> None:
        self._start = start
        self._states: dict[str | None, SdkState | None] = {}
        self._current: str | None = None
        self._key: str | None = None

    def before(self, event: dict[str, Any]) -> SdkState | None:
        """The state the event's browser is in; remembers the browser for :meth:`after`."""
        key = browser_key(event)
        if key is None:
            key = self._current
        elif key not in self._states and list(self._states) == [None]:
            # the events before the first anonymousId were this browser's
            self._states[key] = self._states.pop(None)
        self._key = key
        return self._states.get(key, self._start)

    def after(self, state: SdkState | None) -> None:
        """The state the event left its browser in."""
        self._states[self._key] = state
        self._current = self._key

    @property
    def browsers(self) -> int:
        return len(self._states)
