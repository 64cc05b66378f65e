"""Subscriptions ready to evaluate, and the pure per-(event, subscription) steps.

Matching, mapping resolution and payload checking depend only on the event and the
subscription, never on other events or on SDK state: they are what the incremental inspector
caches, while the stateful SDK replay is cheap and redone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple, Protocol

from inspector.core._js import UNDEFINED, js_key_order
from inspector.core.destinations import ActionDef, DestinationConfig, Subscription, get_destination
from inspector.core.fql import parse
from inspector.core.mapping import LazyProvenance, MappingError, PathPlan, compile_plan, resolve
from inspector.core.schema import check_payload

__all__ = [
    "CompiledSubscription",
    "Resolved",
    "Checked",
    "EvalSource",
    "DirectEval",
    "compile_subscription",
    "compile_config",
    "match_event",
    "resolve_event",
    "check_resolved",
]


@dataclass(frozen=True, slots=True)
class CompiledSubscription:
    """A subscription with its parsed trigger and its action definition."""

    index: int
    sub: Subscription
    action: ActionDef
    trigger: Any
    trigger_error: str | None
    mapping: Any = None
    """The mapping with every object in JavaScript key order, which is the order actions-core
    resolves keys in (and so which error it reports first); built once, not per event."""
    plan: PathPlan | None = None
    """The mapping compiled for speed when it is made of ``@path``, objects and literals."""


def compile_subscription(
    index: int, sub: Subscription, actions: Mapping[str, ActionDef]
) -> CompiledSubscription:
    trigger = parse(sub.trigger)
    error = None if trigger.error is None else trigger.error.message
    mapping = js_key_order(sub.mapping)
    plan = compile_plan(mapping)
    return CompiledSubscription(index, sub, actions[sub.action], trigger, error, mapping, plan)


def compile_config(config: DestinationConfig) -> list[CompiledSubscription]:
    actions = get_destination(config.destination).actions
    return [compile_subscription(j, s, actions) for j, s in enumerate(config.subscriptions)]


_NO_PROVENANCE: Mapping[str, Any] = MappingProxyType({})


class Resolved(NamedTuple):
    """The mapping output for one event, or the mapping error.

    ``payload`` is whatever the mapping's root resolves to: an object for ordinary mappings, any
    JSON value for a root directive (``None`` with ``undefined`` set when it resolves to nothing).
    """

    payload: Any
    provenance: Mapping[str, Any] = _NO_PROVENANCE
    error: str | None = None
    location: str | None = None
    undefined: bool = False
    builtins: bool = False


class Checked(NamedTuple):
    """The payload after empty-value removal and validation, with Segment's error sentences."""

    payload: Any
    errors: tuple[str, ...]
    after_empty: dict[str, Any] | None = None


def match_event(compiled: CompiledSubscription, event: dict[str, Any]) -> bool:
    """The trigger's verdict; an unparsable trigger never matches."""
    if compiled.trigger_error is not None:
        return False
    return bool(compiled.trigger.matches(event))


def resolve_event(compiled: CompiledSubscription, event: dict[str, Any]) -> Resolved:
    plan = compiled.plan
    if plan is not None and isinstance(event, dict):
        payload, builtins = plan.run_flagged(event)
        return Resolved(payload, LazyProvenance(plan, payload), builtins=builtins)
    try:
        mapping = compiled.sub.mapping if compiled.mapping is None else compiled.mapping
        resolution = resolve(mapping, event)
    except MappingError as exc:
        message = str(exc.args[0]) if exc.args else str(exc)
        return Resolved(None, error=message, location=getattr(exc, "location", None))
    return Resolved(
        resolution.payload,
        dict(resolution.provenance),
        undefined=resolution.undefined,
        builtins=resolution.builtins,
    )


def check_resolved(compiled: CompiledSubscription, resolved: Resolved) -> Checked:
    """Cloud-style validation of a resolved payload (the input is not modified)."""
    payload = UNDEFINED if resolved.undefined else resolved.payload
    result = check_payload(payload, compiled.action.fields, mode="cloud")
    return Checked(result.payload, tuple(result.errors), result.after_empty)


class EvalSource(Protocol):
    """Per-event access to the pure steps, computed or cached."""

    def matched(self, j: int) -> bool: ...

    def resolved(self, j: int) -> Resolved: ...

    def checked(self, j: int) -> Checked: ...


class DirectEval:
    """Computes the pure steps for one event, each at most once (streaming mode)."""

    __slots__ = ("event", "compiled", "_resolved", "_checked")

    def __init__(self, event: dict[str, Any], compiled: list[CompiledSubscription]) -> None:
        self.event = event
        self.compiled = compiled
        self._resolved: dict[int, Resolved] = {}
        self._checked: dict[int, Checked] = {}

    def matched(self, j: int) -> bool:
        return match_event(self.compiled[j], self.event)

    def resolved(self, j: int) -> Resolved:
        if j not in self._resolved:
            self._resolved[j] = resolve_event(self.compiled[j], self.event)
        return self._resolved[j]

    def checked(self, j: int) -> Checked:
        if j not in self._checked:
            self._checked[j] = check_resolved(self.compiled[j], self.resolved(j))
        return self._checked[j]
