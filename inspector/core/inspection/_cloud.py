"""Cloud mode: how Segment's servers run Jimo Cloud for one event.

Each enabled subscription is evaluated on its own (jimo.md B.5): trigger, mapping, empty-value
removal and validation; a valid payload becomes the ``POST /segmentio-cloud/user`` request.
Settings are validated first: without ``apiKey`` nothing is delivered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from inspector.core._js import UNDEFINED, json_plain
from inspector.core.destinations import DestinationDef, user_request
from inspector.core.inspection._compiled import CompiledSubscription, EvalSource
from inspector.core.inspection._device import base_results
from inspector.core.inspection._integrations import integration_enabled
from inspector.core.inspection._results import SubscriptionResult
from inspector.core.schema import check_payload

__all__ = ["settings_errors", "run_cloud"]


def settings_errors(dest: DestinationDef, settings: Mapping[str, Any]) -> tuple[str, ...]:
    """Segment's settings check: ``The root value is missing the required field 'apiKey'.``"""
    return tuple(check_payload(dict(settings), dest.settings, mode="cloud").errors)


def run_cloud(
    event: dict[str, Any],
    ev: EvalSource,
    compiled: Sequence[CompiledSubscription],
    dest: DestinationDef,
    settings: Mapping[str, Any],
    setting_errors: tuple[str, ...],
) -> list[SubscriptionResult]:
    results = base_results(compiled, ev, event)
    allowed = integration_enabled(event, dest.name)
    for result in results:
        if result.trigger_error is not None and result.enabled:
            result.add_note(_subscription_error(compiled[result.index], result.trigger_error))
        if not (result.matched and result.enabled):
            if result.matched:
                result.add_note("subscription disabled")
            continue
        if not allowed:
            result.add_note("the event's integrations option disables this destination")
            continue
        _deliver(result, ev, settings, setting_errors)
        if result.delivered:
            _check_context(result, event)
    return results


def _same(value: Any) -> Any:
    return value


def _check_context(result: SubscriptionResult, event: dict[str, Any]) -> None:
    """actions-core reads ``context.personas`` before ``perform``; a null there throws."""
    context = event.get("context", UNDEFINED)
    if context is None:
        message = "Cannot destructure property 'personas' of '{}' as it is null."
    elif isinstance(context, dict) and context.get("personas", UNDEFINED) is None:
        message = "Cannot read properties of null (reading 'computation_class')"
    else:
        return
    result.errors = [message]
    result.request = None
    result.delivered = False


def _subscription_error(compiled: CompiledSubscription, message: str) -> str:
    """How Segment's cloud runtime reports a subscription it cannot evaluate."""
    if not compiled.sub.trigger:
        return "Failed to validate subscription"
    return f"Invalid subscription : {message}"


def _deliver(
    result: SubscriptionResult,
    ev: EvalSource,
    settings: Mapping[str, Any],
    setting_errors: tuple[str, ...],
) -> None:
    resolved = ev.resolved(result.index)
    if resolved.error is not None:
        result.mapping_error = resolved.error
        result.mapping_error_location = resolved.location
        return
    checked = ev.checked(result.index)
    plain = json_plain if resolved.builtins else _same
    result.payload = plain(checked.payload)
    result.mapping_output = plain(resolved.payload)
    result.after_empty = plain(checked.after_empty)
    result.provenance = resolved.provenance
    result.errors = [*setting_errors, *checked.errors]
    if result.errors:
        return
    result.request = user_request(result.payload, settings)
    result.delivered = True
