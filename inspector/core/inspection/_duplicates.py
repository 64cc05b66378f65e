"""Events repeating an earlier messageId are not delivered: Segment keeps only the first.

Segment deduplicates on ``messageId`` before any destination sees an event, and a device-mode
destination ran once, in the browser, for the call a retry repeats. So a repeat is shown
matched but not delivered, with a note saying which event it repeats; its payload stays (what
``perform`` would have received), while commands and requests, which never happen, are cleared.
Nor does a repeat touch the simulated SDK page: it leaves the state as it found it and raises
no hazard (:func:`not_run`).
"""

from __future__ import annotations

from inspector.core.destinations import SdkState
from inspector.core.inspection._results import EventInspection

__all__ = ["duplicate_note", "mark_duplicate", "not_run"]


def duplicate_note(first: int) -> str:
    """The note for a repeat of event ``first`` (0-based; told 1-based, as the window numbers)."""
    return (
        f"Not delivered: same messageId as event {first + 1}. Segment deduplicates on "
        "messageId, so only the first of them reaches Jimo."
    )


def mark_duplicate(inspection: EventInspection, first: int) -> None:
    """Make every matched result of ``inspection`` not delivered, with the reason as a note."""
    note = duplicate_note(first)
    inspection.notes.append(note)
    for result in inspection.results:
        if not (result.enabled and result.matched):
            continue
        if result.delivered:
            result.duplicate_of = first
        result.delivered = False
        result.commands = []
        result.dispatched_events = []
        result.jimo_init_called = False
        result.jimo_init_at = None
        result.request = None
        result.add_note(note)


def not_run(inspection: EventInspection, before: SdkState | None) -> None:
    """A repeat never ran in the browser: the SDK page stays in ``before``, with no hazard."""
    inspection.state = before
    inspection.hazards = []
