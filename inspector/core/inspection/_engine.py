"""One config made ready to run: evaluates an event given the SDK state before it."""

from __future__ import annotations

from typing import Any

from inspector.core.destinations import (
    DestinationConfig,
    JimoPage,
    SdkState,
    get_destination,
    initial_state,
)
from inspector.core.events import EventRecord
from inspector.core.inspection._cloud import run_cloud, settings_errors
from inspector.core.inspection._compiled import CompiledSubscription, EvalSource, compile_config
from inspector.core.inspection._device import plan_device, run_device
from inspector.core.inspection._results import EventInspection

__all__ = ["Engine", "event_data"]


def event_data(item: Any) -> dict[str, Any]:
    """The event dict of an ``EventRecord`` (decoded) or of a plain dict (as is).

    Raises:
        TypeError: for anything else.
    """
    if isinstance(item, EventRecord):
        return item.data
    if isinstance(item, dict):
        return item
    raise TypeError(f"expected an EventRecord or a dict, got {type(item).__name__}")


class Engine:
    """A config compiled once: destination, parsed triggers, plugin plan, start state."""

    def __init__(
        self, config: DestinationConfig, compiled: list[CompiledSubscription] | None = None
    ) -> None:
        self.config = config
        self.dest = get_destination(config.destination)
        self.compiled = compile_config(config) if compiled is None else compiled
        self.device = self.dest.mode == "device"
        self.plan = plan_device(self.dest, self.compiled)
        self.start: SdkState | None = None
        self.setting_errors: tuple[str, ...] = ()
        if self.device:
            self.start = initial_state(config.settings, config.page, self.plan.loaded)
        else:
            self.setting_errors = settings_errors(self.dest, config.settings)

    def evaluate(
        self,
        index: int,
        item: Any,
        event: dict[str, Any],
        ev: EvalSource,
        before: SdkState | None,
    ) -> EventInspection:
        """Inspect one event; in device mode ``before`` is the page state it meets."""
        if not self.device:
            results = run_cloud(
                event, ev, self.compiled, self.dest, self.config.settings, self.setting_errors
            )
            return EventInspection(index, item, results, event=event)
        assert before is not None
        page = JimoPage(self.config.settings, self.config.page, before)
        results, hazards = run_device(event, ev, self.compiled, self.plan, page, index)
        return EventInspection(index, item, results, hazards, page.state, event=event)
