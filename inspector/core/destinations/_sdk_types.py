"""What a simulated Jimo page records: queue commands, DOM events, SDK state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inspector.core._js import UNDEFINED

__all__ = [
    "CALLBACK_JSON",
    "Callback",
    "Command",
    "DispatchedEvent",
    "ActionRun",
    "SdkState",
    "jsonable",
]

CALLBACK_JSON = "<callback>"


@dataclass(slots=True, unsafe_hash=True)  # never changed once made; not frozen: made per event
class Callback:
    """A function argument pushed onto ``window.jimo``; the SDK calls it after the command.

    ``pushes`` is how many commands it pushed when the simulated SDK ran it.
    """

    pushes: int = 0

    def __repr__(self) -> str:
        return CALLBACK_JSON


@dataclass(slots=True, unsafe_hash=True)  # never changed once made; not frozen: made per event
class Command:
    """One element pushed onto the ``window.jimo`` queue: ``[verb, name, args]``.

    ``from_callback`` marks commands pushed by a callback the SDK ran (the identify callback).
    """

    verb: str
    name: str
    args: tuple[Any, ...]
    from_callback: bool = False

    def to_json(self) -> list[Any]:
        """The pushed array as JSON: functions as ``"<callback>"``, ``undefined`` keys dropped."""
        return [self.verb, self.name, [jsonable(a) for a in self.args]]


def jsonable(value: Any) -> Any:
    if isinstance(value, Callback):
        return CALLBACK_JSON
    if value is UNDEFINED:
        return None
    return value


@dataclass(slots=True, unsafe_hash=True)  # never changed once made; not frozen: made per event
class DispatchedEvent:
    """A DOM event dispatched on ``window`` (``new CustomEvent(type)``: no detail, no bubbling)."""

    type: str
    detail: Any = None
    bubbles: bool = False
    cancelable: bool = False


@dataclass(slots=True)
class ActionRun:
    """The effects of one ``perform`` call, in order.

    ``jimo_init_at`` is how many of ``commands`` were pushed before ``window.jimoInit()`` ran.
    """

    commands: list[Command] = field(default_factory=list)
    dispatched: list[DispatchedEvent] = field(default_factory=list)
    jimo_init_called: bool = False
    jimo_init_at: int | None = None
    error: str | None = None
    hazards: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class SdkState:
    """The page's Jimo globals and what Jimo has been told so far in this page session.

    ``user_id``…``group_traits`` are the cumulative effect of every queued command (the profile
    Jimo ends up with once it processes the queue); ``initialized`` says whether it does.
    ``reported`` holds hazard codes already reported in this session (each is told once).
    """

    set_up: bool = False
    page_defined_jimo: bool = False
    initialized: bool = False
    project_id: Any = UNDEFINED
    manual_init: bool = False
    jimo_init_calls: int = 0
    queue_length: int = 0
    identified: bool = False
    user_id: Any = UNDEFINED
    email: Any = UNDEFINED
    attributes: dict[str, Any] | None = None
    group_id: Any = UNDEFINED
    group_traits: dict[str, Any] | None = None
    tracks: int = 0
    reported: frozenset[str] = frozenset()

    def snapshot(self) -> dict[str, Any]:
        """A plain dict for timelines and JSON (``undefined`` shown as null)."""
        return {
            "loaded": self.set_up or self.page_defined_jimo,
            "pageDefinedJimo": self.page_defined_jimo,
            "initialized": self.initialized,
            "projectId": jsonable(self.project_id),
            "manualInit": self.manual_init,
            "jimoInitCalls": self.jimo_init_calls,
            "queueLength": self.queue_length,
            "identified": self.identified,
            "userId": jsonable(self.user_id),
            "email": jsonable(self.email),
            "attributes": self.attributes,
            "groupId": jsonable(self.group_id),
            "groupTraits": self.group_traits,
            "tracks": self.tracks,
        }
