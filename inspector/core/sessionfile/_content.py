"""What a session file holds, as Python values: what to write and what was read back."""

from __future__ import annotations

import time
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from inspector.core.destinations import DestinationConfig, get_destination
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord

__all__ = [
    "EditEntry",
    "RequestsSummary",
    "SessionContent",
    "SessionData",
    "config_without_secrets",
]


@dataclass(frozen=True, slots=True)
class EditEntry:
    """One what-if edit of event ``index``: its new JSON, or ``None`` for a revert."""

    index: int
    raw: bytes | None
    edited_at: float


@dataclass(frozen=True, slots=True)
class RequestsSummary:
    """The capture requests a session holds: how many, by HTTP status, and over what time."""

    count: int = 0
    by_status: Mapping[int, int] = field(default_factory=dict)
    first_at: float | None = None
    last_at: float | None = None


@dataclass(slots=True)
class SessionContent:
    """A whole session to write: events as received, edits in order, config and window state.

    ``records`` are the events as they arrived (an edited event's original, not its edit);
    ``arrivals`` their arrival times (``None``: now). ``ui_state`` is JSON the window gives
    back on reopening (selection, filter, tab…); the core does not interpret it.
    """

    records: Sequence[EventRecord]
    edits: Sequence[EditEntry] = ()
    bad: Sequence[BadRecord] = ()
    config: DestinationConfig | None = None
    ui_state: Mapping[str, Any] = field(default_factory=dict)
    fresh_sdk: bool = False
    arrivals: Sequence[float] | None = None

    def __post_init__(self) -> None:
        if self.arrivals is not None and len(self.arrivals) != len(self.records):
            raise ValueError(f"{len(self.arrivals)} arrival times for {len(self.records)} events")

    @classmethod
    def from_current(
        cls,
        current: Sequence[EventRecord],
        originals: Mapping[int, EventRecord],
        **rest: Any,
    ) -> SessionContent:
        """Content for events shown as ``current`` whose edited ones were ``originals``.

        Each edited event gets one edit entry (its current version); pass ``edits`` in ``rest``
        instead when the full history is known.
        """
        now = time.time()
        records = [originals.get(i, record) for i, record in enumerate(current)]
        rest.setdefault("edits", [EditEntry(i, current[i].raw, now) for i in sorted(originals)])
        return cls(records, **rest)


@dataclass(slots=True)
class SessionData:
    """A session read back from its file, events in arrival order.

    ``records`` are the current versions (an edited event's latest edit); ``originals`` the
    events as received for those that were edited; ``history`` every edit of each event.
    """

    path: str
    records: list[EventRecord]
    originals: dict[int, EventRecord]
    history: dict[int, list[EditEntry]]
    arrivals: array[float]
    bad: list[BadRecord]
    config: DestinationConfig | None
    ui_state: dict[str, Any]
    fresh_sdk: bool
    requests: RequestsSummary
    created_by: str = ""
    removed_secrets: tuple[str, ...] = ()
    """Settings that were left out of the file (passwords such as Jimo Cloud's ``apiKey``)."""
    notes: list[str] = field(default_factory=list)
    """Problems that cost part of the session (a config that no longer parses), one per line."""


def config_without_secrets(config: DestinationConfig) -> tuple[dict[str, Any], list[str]]:
    """The config's JSON with password settings left out, and the names of those left out."""
    spec = get_destination(config.destination).settings
    data = config.to_json()
    secret = [key for key in data["settings"] if spec.get(key, {}).get("type") == "password"]
    for key in secret:
        del data["settings"][key]
    return data, secret
