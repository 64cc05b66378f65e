"""The engine's one step (an event and the SDK state before it), and the streaming loop over it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from inspector.core.destinations import DestinationConfig, SdkState
from inspector.core.inspection._compiled import DirectEval
from inspector.core.inspection._duplicates import mark_dropped, mark_duplicate, not_run
from inspector.core.inspection._engine import Engine, event_data
from inspector.core.inspection._results import EventInspection
from inspector.core.message_ids import message_hash
from inspector.core.sdk_sessions import BrowserStates

__all__ = ["inspect", "step"]


def step(
    engine: Engine,
    index: int,
    item: Any,
    before: SdkState | None,
    event: dict[str, Any] | None = None,
) -> EventInspection:
    """Inspect event ``index`` (an ``EventRecord`` or a dict) meeting the SDK state ``before``.

    ``event`` is ``item``'s decoded event when the caller already has it (decoded once).

    Raises:
        TypeError: ``item`` is neither an ``EventRecord`` nor a dict.
    """
    if event is None:
        event = event_data(item)
    inspection = engine.evaluate(index, item, event, DirectEval(event, engine.compiled), before)
    if not engine.device:  # device mode runs in the page, before Segment's servers see the call
        mark_dropped(inspection, event)
    return inspection


def inspect(
    events: Iterable[Any],
    config: DestinationConfig,
    *,
    fresh_sdk: bool = False,
    sdk_sessions: str = "page",
) -> Iterator[EventInspection]:
    """Inspect events (``EventRecord``s or dicts) in order against every subscription.

    Device mode runs one simulated page session for all events (each sees the SDK state the
    previous ones left), one page per browser with ``sdk_sessions="browser"`` (see
    :mod:`inspector.core.sdk_sessions`), or a newly initialised page per event with
    ``fresh_sdk`` (or ``sdk_sessions="event"``). Works on a
    generator of any length: only the current event is held (and a hash per messageId, so that
    a repeat is shown not delivered, as Segment drops it).

    Raises:
        TypeError: an item is neither an ``EventRecord`` nor a dict.
    """
    engine = Engine(config)
    state = engine.start
    fresh = fresh_sdk or sdk_sessions == "event"
    browsers = BrowserStates(engine.start) if sdk_sessions == "browser" and not fresh else None
    first_of: dict[int, int] = {}  # message_hash(messageId) -> the first event carrying it
    for index, item in enumerate(events):
        event = event_data(item)  # decoded once for the browser, the messageId and the step
        if browsers is not None:
            state = browsers.before(event)
        key = message_hash(event.get("messageId"))
        first = first_of.setdefault(key, index) if key else index
        inspection = step(engine, index, item, state, event)
        if first != index:  # a repeat: dropped by Segment, never run again in the browser
            not_run(inspection, state)
            mark_duplicate(inspection, first)
        if browsers is not None:
            browsers.after(inspection.state)
        elif not fresh:
            state = inspection.state
        yield inspection
