"""From a target name and events to the requests to send: one entry point for CLI and window."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from inspector.core.destinations import DestinationConfig, default_config, preset_subscriptions
from inspector.core.errors import ConfigError
from inspector.core.inspection import event_data, inspect
from inspector.core.secrets import JIMO_ACCOUNT, SEGMENT_ACCOUNT
from inspector.core.send._model import SendRequest
from inspector.core.send._targets import (
    BODY_KINDS,
    CUSTOM,
    JIMO_BASE_URL,
    JIMO_CLOUD,
    SEGMENT,
    SEGMENT_EU,
    SEGMENT_US,
    custom_requests,
    jimo_cloud_requests,
    segment_requests,
)

__all__ = ["Target", "parse_target", "build_requests", "KEY_ACCOUNTS"]

KEY_ACCOUNTS = {JIMO_CLOUD: JIMO_ACCOUNT, SEGMENT: SEGMENT_ACCOUNT}
_REGIONS = {"us": SEGMENT_US, "eu": SEGMENT_EU}


@dataclass(frozen=True, slots=True)
class Target:
    """``kind`` is jimo-cloud, segment or custom; ``url`` the base URL (custom: the full URL)."""

    kind: str
    url: str
    body: str = "event"

    @property
    def account(self) -> str | None:
        """The keyring account of the target's key (None: a custom URL needs none)."""
        return KEY_ACCOUNTS.get(self.kind)

    @property
    def label(self) -> str:
        return {JIMO_CLOUD: "Jimo Cloud", SEGMENT: "Segment HTTP API"}.get(self.kind, self.url)


def parse_target(name: str, base_url: str | None = None, body: str | None = None) -> Target:
    """``jimo-cloud``, ``segment`` (base URL ``us``, ``eu`` or any URL) or an http(s) URL.

    Raises:
        ConfigError: an unknown target, a base URL that is not http(s), a bad body kind.
    """
    if body is not None and body not in BODY_KINDS:
        raise ConfigError(f"--body must be one of {', '.join(BODY_KINDS)}")
    if name == JIMO_CLOUD:
        return Target(JIMO_CLOUD, _http(base_url or JIMO_BASE_URL, "--base-url"), "payload")
    if name == SEGMENT:
        base = _REGIONS.get((base_url or "us").lower(), base_url or SEGMENT_US)
        return Target(SEGMENT, _http(base, "--base-url"), "event")
    if name.startswith(("http://", "https://")):
        return Target(CUSTOM, name, body or "event")
    raise ConfigError(f"unknown target {name!r}: use jimo-cloud, segment or an http(s) URL")


def _http(url: str, what: str) -> str:
    if not url.startswith(("http://", "https://")):
        raise ConfigError(f"{what} must be an http:// or https:// URL, got {url!r}")
    return url


def cloud_config(config: DestinationConfig | None, key: str) -> DestinationConfig:
    """The Jimo Cloud config with the key in its settings (defaults: the action's mapping)."""
    if config is None:
        config = DestinationConfig(
            "actions-jimo-cloud", {}, preset_subscriptions("actions-jimo-cloud")
        )
    if config.destination != "actions-jimo-cloud":
        raise ConfigError(
            f"Jimo Cloud needs an actions-jimo-cloud config; this one is for {config.destination}"
        )
    return replace(config, settings={**config.settings, "apiKey": key})


def build_requests(
    target: Target,
    events: Iterable[Any],
    config: DestinationConfig | None,
    key: str,
    headers: Mapping[str, str] | None = None,
) -> Iterator[SendRequest]:
    """The requests for ``events`` (``EventRecord``s or dicts), built lazily in order.

    Raises:
        ConfigError: a config that does not fit the target.
    """
    if target.kind == JIMO_CLOUD:
        cfg = cloud_config(config, key)
        return jimo_cloud_requests(inspect(events, cfg), key, target.url)
    if target.kind == SEGMENT:
        pairs = ((i, event_data(item)) for i, item in enumerate(events))
        return segment_requests(pairs, key, target.url)
    extra = dict(headers or {})
    if key:
        extra.setdefault("Authorization", f"Bearer {key}")
    cfg = config or default_config()
    return custom_requests(inspect(events, cfg), target.url, extra, target.body)
