"""Events Segment drops are not delivered: repeats of an earlier messageId, events without ids.

Segment deduplicates on ``messageId`` before any destination sees an event, and a device-mode
destination ran once, in the browser, for the call a retry repeats. So a repeat is shown
matched but not delivered, with a note saying which event it repeats; its payload stays (what
``perform`` would have received), while commands and requests, which never happen, are cleared.
Nor does a repeat touch the simulated SDK page: it leaves the state as it found it and raises
no hazard (:func:`not_run`).

Segment also answers 200 to events it then drops (no ``userId`` or ``anonymousId``, a track
without ``event``...; see :func:`inspector.core.tracking.drop_reasons`): in cloud mode those are
shown the same way, whatever their source (a file, a paste or a capture). Device mode runs in
the page before Segment's servers see the call, so there they stay delivered.
"""

from __future__ import annotations

import re
from typing import Any

from inspector.core.destinations import SdkState
from inspector.core.inspection._results import EventInspection, SubscriptionResult
from inspector.core.tracking import drop_reasons

__all__ = [
    "duplicate_note",
    "mark_duplicate",
    "not_run",
    "dropped_note",
    "mark_dropped",
    "numbered_from_one",
]

_HEAD = "Not delivered: same messageId as event "
_NOTE = re.compile(re.escape(_HEAD) + r"(\d+)\.")


def duplicate_note(first: int, *, first_number: int = 0) -> str:
    """The note for a repeat of event ``first`` (0-based), numbered as ``inspect``'s ``index``.

    ``first_number=1`` numbers it as the window's rows (see ``numbered_from_one``).
    """
    return (
        f"{_HEAD}{first + first_number}. Segment deduplicates on "
        "messageId, so only the first of them reaches Jimo."
    )


def numbered_from_one(note: str) -> str:
    """``note`` as a window shows it: a duplicate note names the earlier event by its row."""
    match = _NOTE.match(note)
    if match is None or note != duplicate_note(int(match.group(1))):
        return note
    return duplicate_note(int(match.group(1)), first_number=1)


def mark_duplicate(inspection: EventInspection, first: int) -> None:
    """Make every matched result of ``inspection`` not delivered, with the reason as a note."""
    note = duplicate_note(first)
    inspection.notes.append(note)
    for result in _matched(inspection):
        if result.delivered:
            result.duplicate_of = first
        _undeliver(result, note)


def not_run(inspection: EventInspection, before: SdkState | None) -> None:
    """A repeat never ran in the browser: the SDK page stays in ``before``, with no hazard."""
    inspection.state = before
    inspection.hazards = []


def dropped_note(reason: str) -> str:
    """The note for an event Segment accepts and then drops, ``reason`` as ``drop_reasons`` says."""
    return f"Not delivered: {reason}."


def mark_dropped(inspection: EventInspection, event: dict[str, Any]) -> None:
    """When Segment would drop ``event``: every matched result not delivered, the reasons noted."""
    reasons = drop_reasons(event)
    if not reasons:
        return
    notes = [dropped_note(reason) for reason in reasons]
    inspection.notes.extend(notes)
    for result in _matched(inspection):
        if result.delivered:
            result.dropped = reasons[0]
        for note in notes:
            _undeliver(result, note)


def _matched(inspection: EventInspection) -> list[SubscriptionResult]:
    return [r for r in inspection.results if r.enabled and r.matched]


def _undeliver(result: SubscriptionResult, note: str) -> None:
    result.delivered = False
    result.commands = []
    result.dispatched_events = []
    result.jimo_init_called = False
    result.jimo_init_at = None
    result.request = None
    result.add_note(note)
