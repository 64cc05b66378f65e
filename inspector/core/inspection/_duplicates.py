"""Events repeating an earlier messageId are not delivered: Segment keeps only the first.

Segment deduplicates on ``messageId`` before any destination sees an event, and a device-mode
destination ran once, in the browser, for the call a retry repeats. So a repeat is shown
matched but not delivered, with a note saying which event it repeats; its payload stays (what
``perform`` would have received), while commands and requests, which never happen, are cleared.
"""

from __future__ import annotations

import re

from inspector.core.inspection._results import EventInspection

__all__ = ["duplicate_note", "mark_duplicate", "numbered_from_one"]

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
