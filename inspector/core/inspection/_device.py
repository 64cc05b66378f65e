"""Device mode: how analytics.js and the browser runtime run Jimo (Actions) for one event.

One plugin per action with an enabled subscription, in the destination's action order; within
an action, enabled subscriptions in config order. A matched subscription's raw mapping output
goes to ``perform``; a mapping error (or a throwing perform) stops that action's loop, so later
subscriptions of the same action do not run (jimo.md A.9). Screen events never reach the actions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from inspector.core._js import UNDEFINED, js_stringify, json_plain
from inspector.core.destinations import DestinationDef, JimoPage
from inspector.core.inspection._compiled import CompiledSubscription, EvalSource
from inspector.core.inspection._integrations import integration_enabled
from inspector.core.inspection._results import Hazard, SubscriptionResult

__all__ = ["HANDLED_TYPES", "DevicePlan", "plan_device", "run_device", "base_results"]

HANDLED_TYPES = frozenset({"track", "page", "identify", "group", "alias"})
_FIRST_READ = {"sendUserData": "userId", "sendTrackEvent": "event_name", "sendGroupData": "groupId"}
"""The payload field each Jimo action reads first (a null payload throws there)."""


@dataclass(frozen=True, slots=True)
class DevicePlan:
    """The plugins analytics.js would create: (action, enabled subscription indices) in order."""

    name: str
    plugins: tuple[tuple[str, tuple[int, ...]], ...]

    @property
    def loaded(self) -> bool:
        return bool(self.plugins)


def plan_device(dest: DestinationDef, compiled: Sequence[CompiledSubscription]) -> DevicePlan:
    plugins = []
    for action in dest.action_order:
        indices = tuple(c.index for c in compiled if c.sub.action == action and c.sub.enabled)
        if indices:
            plugins.append((action, indices))
    return DevicePlan(dest.name, tuple(plugins))


def base_results(
    compiled: Sequence[CompiledSubscription], ev: EvalSource, event: dict[str, Any]
) -> list[SubscriptionResult]:
    """Every subscription's trigger verdict, before anything runs."""
    results = []
    for c in compiled:
        sub = c.sub
        # positional: keywords cost twice as much with this many fields, on every event
        result = SubscriptionResult(
            c.index, sub.name, sub.action, sub.enabled, ev.matched(c.index), c.trigger_error
        )
        result.trigger = c.trigger
        result.event = event
        results.append(result)
    return results


def run_device(
    event: dict[str, Any],
    ev: EvalSource,
    compiled: Sequence[CompiledSubscription],
    plan: DevicePlan,
    page: JimoPage,
    event_index: int,
) -> tuple[list[SubscriptionResult], list[Hazard]]:
    """Run one event through the plugins; ``page`` is mutated (its state moves on)."""
    results = base_results(compiled, ev, event)
    hazards: list[Hazard] = []
    etype = event.get("type")
    if not isinstance(etype, str) or etype not in HANDLED_TYPES:
        shown = repr(etype) if isinstance(etype, str | None) else js_stringify(etype)
        _note_matched(results, f"analytics.js does not run device-mode actions for {shown} events")
        return results, hazards
    options = event.get("integrations")
    gated = isinstance(options, dict) and bool(options)  # else every destination is enabled
    for action, indices in plan.plugins:
        for j in indices:
            if results[j].matched:
                break
        else:
            continue  # nothing matched: nothing to run, nothing to note
        if gated and not integration_enabled(event, f"{plan.name} {action}", plan.name):
            _note_matched(
                [results[j] for j in indices],
                "the event's integrations option disables this destination",
            )
            continue
        _run_plugin(action, indices, results, ev, page, hazards, event_index)
    for r in results:
        if r.matched and not r.enabled:
            r.add_note("subscription disabled")
    return results, hazards


def _run_plugin(
    action: str,
    indices: tuple[int, ...],
    results: list[SubscriptionResult],
    ev: EvalSource,
    page: JimoPage,
    hazards: list[Hazard],
    event_index: int,
) -> None:
    for pos, j in enumerate(indices):
        result = results[j]
        if not result.matched:
            continue
        if not _run_subscription(action, result, ev, page, hazards, event_index):
            later = [results[k] for k in indices[pos + 1 :]]
            _note_matched(
                later,
                f"not run: {result.subscription!r} failed before it and the "
                f"browser runtime stops the {action} loop",
            )
            return


def _run_subscription(
    action: str,
    result: SubscriptionResult,
    ev: EvalSource,
    page: JimoPage,
    hazards: list[Hazard],
    event_index: int,
) -> bool:
    resolved = ev.resolved(result.index)
    if resolved.error is not None:
        result.mapping_error = resolved.error
        result.mapping_error_location = resolved.location
        return False
    payload = json_plain(resolved.payload) if resolved.builtins else resolved.payload
    result.payload = result.mapping_output = None if payload is UNDEFINED else payload
    result.provenance = resolved.provenance
    result.errors = list(ev.checked(result.index).errors)
    if payload is UNDEFINED:  # a root directive that reached a built-in function
        payload = {}
    if payload is None:  # a root directive that resolved to null or nothing
        missing = "undefined" if resolved.undefined else "null"
        result.perform_error = (
            f"Cannot read properties of {missing} (reading '{_FIRST_READ.get(action, '')}')"
        )
        return False
    run = page.perform(action, payload if isinstance(payload, dict) else {})
    result.commands = run.commands
    result.dispatched_events = run.dispatched
    result.jimo_init_called = run.jimo_init_called
    result.jimo_init_at = run.jimo_init_at
    for code, msg in run.hazards:
        hazards.append(Hazard(code, msg, event_index, result.index))
    if run.error is not None:
        result.perform_error = run.error
        return False
    result.delivered = True
    return True


def _note_matched(results: list[SubscriptionResult], note: str) -> None:
    for r in results:
        if r.matched and r.enabled:
            r.add_note(note)
