"""The list edits as plain functions: config in, ``(config, selected index, undo text)`` out.

Qt-free, so they read (and test) as data. They only rearrange subscriptions; the core checks
what a config may hold (``problem`` asks it).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from inspector.core.destinations import (
    MAX_SUBSCRIPTIONS,
    DestinationConfig,
    Subscription,
    get_destination,
)
from inspector.core.errors import ConfigError

__all__ = [
    "add",
    "duplicate",
    "remove",
    "move",
    "toggle",
    "with_setting",
    "default_settings",
    "problem",
]

Edit = tuple[DestinationConfig, int, str]


def _with_subs(config: DestinationConfig, subs: list[Subscription]) -> DestinationConfig:
    if len(subs) > MAX_SUBSCRIPTIONS:
        raise ConfigError(
            f"Segment allows at most {MAX_SUBSCRIPTIONS} mappings per destination; "
            "remove one first.",
            "subscriptions",
        )
    return replace(config, subscriptions=subs)


def add(config: DestinationConfig, action_slug: str) -> Edit:
    """A new subscription for the action, as Segment fills one in (default trigger, mapping)."""
    action = get_destination(config.destination).actions[action_slug]
    sub = Subscription(
        action.title, action.slug, action.default_subscription, True, action.default_mapping()
    )
    subs = [*config.subscriptions, sub]
    return _with_subs(config, subs), len(subs) - 1, f"Add {action.title}"


def duplicate(config: DestinationConfig, row: int) -> Edit:
    """A copy of ``row`` right after it, named "… (copy)"."""
    sub = config.subscriptions[row]
    subs = list(config.subscriptions)
    subs.insert(row + 1, sub.with_changes(name=f"{sub.name} (copy)", mapping=dict(sub.mapping)))
    return _with_subs(config, subs), row + 1, f"Duplicate {sub.name}"


def remove(config: DestinationConfig, row: int) -> Edit:
    subs = list(config.subscriptions)
    gone = subs.pop(row)
    return _with_subs(config, subs), min(row, len(subs) - 1), f"Remove {gone.name}"


def move(config: DestinationConfig, row: int, to: int) -> Edit:
    subs = list(config.subscriptions)
    sub = subs.pop(row)
    subs.insert(to, sub)
    return _with_subs(config, subs), to, f"Move {sub.name}"


def toggle(config: DestinationConfig, row: int, enabled: bool) -> Edit:
    sub = config.subscriptions[row]
    verb = "Enable" if enabled else "Disable"
    return (
        config.with_subscription(row, sub.with_changes(enabled=enabled)),
        row,
        f"{verb} {sub.name}",
    )


def with_setting(config: DestinationConfig, key: str, value: Any) -> DestinationConfig:
    """``config`` with one setting changed (``None`` removes it)."""
    settings = dict(config.settings)
    if value is None:
        settings.pop(key, None)
    else:
        settings[key] = value
    return replace(config, settings=settings)


def default_settings(slug: str) -> dict[str, Any]:
    """A destination's settings as Segment starts them: each field's default, if any."""
    fields = get_destination(slug).settings
    return {key: spec["default"] for key, spec in fields.items() if "default" in spec}


def problem(config: DestinationConfig) -> str | None:
    """Why the core would refuse ``config`` (read back from its JSON), or None."""
    try:
        DestinationConfig.from_json(config.to_json())
    except ConfigError as exc:
        return str(exc)
    return None
