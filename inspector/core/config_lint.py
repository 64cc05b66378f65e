"""Warnings about a destination config as a whole (not one trigger): repeated subscriptions."""

from __future__ import annotations

from dataclasses import dataclass

from inspector.core.destinations import DestinationConfig

__all__ = ["DuplicateSubscriptions", "duplicate_subscriptions"]


@dataclass(frozen=True, slots=True)
class DuplicateSubscriptions:
    """Enabled subscriptions (config indices) sending one action on the same trigger."""

    indices: tuple[int, ...]
    names: tuple[str, ...]
    action: str
    trigger: str

    @property
    def message(self) -> str:
        names = " and ".join(f"“{n}”" for n in self.names)
        return (
            f"{names} send {self.action} on the same trigger: "
            f"every event they match is sent {len(self.indices)} times."
        )


def _normalised(trigger: str) -> str:
    # the same trigger written with other spacing is the same trigger
    return " ".join(trigger.split())


def duplicate_subscriptions(config: DestinationConfig) -> list[DuplicateSubscriptions]:
    """Groups of enabled subscriptions with the same action and trigger, in config order."""
    groups: dict[tuple[str, str], list[int]] = {}
    for index, sub in enumerate(config.subscriptions):
        if sub.enabled:
            groups.setdefault((sub.action, _normalised(sub.trigger)), []).append(index)
    return [
        DuplicateSubscriptions(
            tuple(indices),
            tuple(config.subscriptions[i].name for i in indices),
            action,
            trigger,
        )
        for (action, trigger), indices in groups.items()
        if len(indices) > 1
    ]
