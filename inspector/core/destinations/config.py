"""A destination config: which destination, its settings and up to 50 subscriptions.

JSON shape (``to_json``/``from_json``)::

    {"destination": "actions-jimo" | "actions-jimo-cloud",
     "settings": {...},
     "subscriptions": [{"name", "actionSlug", "trigger", "enabled", "mapping"}],
     "page": {"definesJimo": false, "jimoInitAvailable": true}}      # optional

``from_json`` also accepts what users paste from Segment: a subscription's mapping under
``settings`` (the Public API shape), ``partnerAction``/``subscribe`` (the browser runtime
shape), a Public API list response ``{"data": {"subscriptions": [...]}}`` as the
``subscriptions`` value or as the whole config, and device-mode settings that carry
``subscriptions`` (a list or a JSON string, as in analytics.js CDN settings) when the top level
has none. Unknown top-level keys are errors (a misspelt ``subscriptions`` must not silently mean
presets). Without ``subscriptions`` the destination's presets are used (Jimo Cloud has none:
its action's default subscription stands in).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

from inspector.core._jsjson import js_numbers
from inspector.core.destinations._catalog import get_destination
from inspector.core.destinations._config_parse import parse_config
from inspector.core.destinations._jimo import DEMO_SETTINGS
from inspector.core.destinations._page import PageSetup
from inspector.core.errors import ConfigError

__all__ = [
    "MAX_SUBSCRIPTIONS",
    "Subscription",
    "DestinationConfig",
    "load_config",
    "save_config",
    "default_config",
    "preset_subscriptions",
]

MAX_SUBSCRIPTIONS = 50


@dataclass(frozen=True, slots=True)
class Subscription:
    """One mapping: a trigger selecting events and a mapping building the action's payload."""

    name: str
    action: str
    trigger: str
    enabled: bool = True
    mapping: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "actionSlug": self.action,
            "trigger": self.trigger,
            "enabled": self.enabled,
            "mapping": self.mapping,
        }

    def with_changes(self, **changes: Any) -> Subscription:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class DestinationConfig:
    """Settings plus subscriptions (in config order) for one Jimo destination."""

    destination: str
    settings: dict[str, Any]
    subscriptions: list[Subscription]
    page: PageSetup = PageSetup()

    def __post_init__(self) -> None:
        get_destination(self.destination)
        if len(self.subscriptions) > MAX_SUBSCRIPTIONS:
            raise ConfigError(
                f"at most {MAX_SUBSCRIPTIONS} subscriptions are allowed, "
                f"got {len(self.subscriptions)}",
                "subscriptions",
            )

    @classmethod
    def from_json(cls, obj: Any) -> DestinationConfig:
        """Build a config from decoded JSON.

        Raises:
            ConfigError: with ``path`` pointing at the bad value (``subscriptions[3].trigger``).
        """
        parsed = parse_config(obj, MAX_SUBSCRIPTIONS)
        subs = parsed.subscriptions
        if subs is None:
            subs_list = preset_subscriptions(parsed.destination)
        else:
            subs_list = [Subscription(**s) for s in subs]
        return cls(parsed.destination, parsed.settings, subs_list, parsed.page)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "destination": self.destination,
            "settings": dict(self.settings),
            "subscriptions": [s.to_json() for s in self.subscriptions],
        }
        if not self.page.is_default:
            out["page"] = self.page.to_json()
        return out

    def with_subscription(self, index: int, sub: Subscription) -> DestinationConfig:
        """A copy with subscription ``index`` replaced (``index == len`` appends)."""
        subs = list(self.subscriptions)
        if index == len(subs):
            subs.append(sub)
        else:
            subs[index] = sub
        return replace(self, subscriptions=subs)


def preset_subscriptions(slug: str) -> list[Subscription]:
    """The subscriptions Segment creates with the destination (its automatic presets).

    Jimo Cloud has no presets; it gets one subscription per action from the action's default
    subscription and field defaults, which is what its test suite calls "default mappings".
    """
    dest = get_destination(slug)
    if dest.presets:
        return [
            Subscription(p.name, p.action, p.trigger, True, _copy(p.mapping)) for p in dest.presets
        ]
    return [
        Subscription(a.title, a.slug, a.default_subscription, True, a.default_mapping())
        for a in dest.actions.values()
    ]


def default_config() -> DestinationConfig:
    """Jimo (Actions) with its three presets and the demo settings."""
    return DestinationConfig(
        "actions-jimo", dict(DEMO_SETTINGS), preset_subscriptions("actions-jimo")
    )


def load_config(path: str | Path) -> DestinationConfig:
    """Read a config JSON file; its key is found as ``secrets.resolve_config`` says.

    Raises:
        ConfigError: unreadable file, invalid JSON, or an invalid config (with the value's path).
    """
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    try:
        obj = js_numbers(orjson.loads(_utf8(raw)))  # integers as JavaScript holds them
    except UnicodeError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    except orjson.JSONDecodeError as exc:
        raise ConfigError(f"{path}: invalid JSON: {exc}") from None
    from inspector.core.secrets import resolve_config

    return resolve_config(DestinationConfig.from_json(obj))[0]


_BOMS = (  # longest first: UTF-32 LE starts with UTF-16 LE's mark
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _utf8(raw: bytes) -> bytes:
    """The file as UTF-8, read as event files are: a UTF-8 BOM dropped, UTF-16/32 by their BOM."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:]
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding).encode("utf-8")
    return raw


def save_config(cfg: DestinationConfig, path: str | Path) -> None:
    """Write a config as indented JSON (UTF-8, keys in config order); a key goes to the
    keyring and the file keeps a reference to it."""
    from inspector.core.secrets import strip_secrets

    cfg = strip_secrets(cfg)[0]
    data = orjson.dumps(cfg.to_json(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    Path(path).write_bytes(data)


def _copy(value: Any) -> Any:
    result: Any = orjson.loads(orjson.dumps(value))
    return result
