"""The shape of a destination definition: settings, actions with their fields, presets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["FieldDef", "ActionDef", "Preset", "DestinationDef", "field_defaults"]

FieldDef = dict[str, Any]
"""One input field, shaped like actions-core's ``InputField`` (label, type, required, default…)."""

Mode = Literal["device", "cloud"]


def field_defaults(fields: dict[str, FieldDef]) -> dict[str, Any]:
    """``defaultValues(fields)``: each field's ``default`` in field order, absent ones skipped."""
    return {key: spec["default"] for key, spec in fields.items() if "default" in spec}


@dataclass(frozen=True, slots=True)
class ActionDef:
    """One action of a destination, with the labels Segment's UI shows."""

    slug: str
    title: str
    description: str
    fields: dict[str, FieldDef]
    default_subscription: str
    platform: str = "cloud"

    def default_mapping(self) -> dict[str, Any]:
        """The mapping Segment fills in for a new subscription: the fields' defaults."""
        return field_defaults(self.fields)


@dataclass(frozen=True, slots=True)
class Preset:
    """An automatic preset: a subscription Segment creates with the destination."""

    name: str
    action: str
    trigger: str
    mapping: dict[str, Any]
    type: str = "automatic"


@dataclass(frozen=True, slots=True)
class DestinationDef:
    """A destination as data: identity, settings fields, actions in definition order, presets."""

    slug: str
    name: str
    mode: Mode
    description: str
    settings: dict[str, FieldDef]
    actions: dict[str, ActionDef]
    presets: list[Preset] = field(default_factory=list)

    def action(self, slug: str) -> ActionDef | None:
        return self.actions.get(slug)

    @property
    def action_order(self) -> tuple[str, ...]:
        """Action slugs in definition order (the order the browser runtime creates plugins)."""
        return tuple(self.actions)
