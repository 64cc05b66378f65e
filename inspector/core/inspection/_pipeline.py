"""The engine's one step (an event and the SDK state before it), and the streaming loop over it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from inspector.core.destinations import DestinationConfig, SdkState
from inspector.core.inspection._compiled import DirectEval
from inspector.core.inspection._engine import Engine, event_data
from inspector.core.inspection._results import EventInspection

__all__ = ["inspect", "step"]


def step(engine: Engine, index: int, item: Any, before: SdkState | None) -> EventInspection:
    """Inspect event ``index`` (an ``EventRecord`` or a dict) meeting the SDK state ``before``.

    Raises:
        TypeError: ``item`` is neither an ``EventRecord`` nor a dict.
    """
    event = event_data(item)
    return engine.evaluate(index, item, event, DirectEval(event, engine.compiled), before)


def inspect(
    events: Iterable[Any], config: DestinationConfig, *, fresh_sdk: bool = False
) -> Iterator[EventInspection]:
    """Inspect events (``EventRecord``s or dicts) in order against every subscription.

    Device mode runs one simulated page session for all events (each sees the SDK state the
    previous ones left), or a newly initialised page per event with ``fresh_sdk``. Works on a
    generator of any length: only the current event is held.

    Raises:
        TypeError: an item is neither an ``EventRecord`` nor a dict.
    """
    engine = Engine(config)
    state = engine.start
    for index, item in enumerate(events):
        inspection = step(engine, index, item, state)
        if not fresh_sdk:
            state = inspection.state
        yield inspection
