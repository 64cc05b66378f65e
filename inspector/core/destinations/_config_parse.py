"""Checks decoded config JSON and normalises the shapes users paste from Segment."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from inspector.core._js import real_type_of
from inspector.core._jsjson import js_numbers
from inspector.core.destinations._catalog import get_destination
from inspector.core.destinations._model import ActionDef, DestinationDef, FieldDef
from inspector.core.destinations._page import PageSetup
from inspector.core.errors import ConfigError

__all__ = ["ParsedConfig", "parse_config"]

_TOP_KEYS = ("destination", "settings", "subscriptions", "page", "data")
_SETTING_TYPES = {"string": str, "password": str, "text": str, "boolean": bool}


@dataclass(frozen=True, slots=True)
class ParsedConfig:
    destination: str
    settings: dict[str, Any]
    subscriptions: list[dict[str, Any]] | None
    page: PageSetup


def parse_config(obj: Any, limit: int) -> ParsedConfig:
    """Check a decoded config; subscriptions come back as ``Subscription`` keyword dicts."""
    _expect(obj, dict, "", "the config must be a JSON object")
    _check_keys(obj)
    slug = obj.get("destination", "actions-jimo")
    _expect(slug, str, "destination", "the destination must be a string")
    dest = get_destination(slug)
    settings = obj.get("settings", {})
    _expect(settings, dict, "settings", "settings must be an object")
    settings = dict(settings)
    raw_subs, path = obj.get("subscriptions"), "subscriptions"
    if raw_subs is None and isinstance(obj.get("data"), dict):
        raw_subs, path = obj["data"].get("subscriptions"), "data.subscriptions"
    if raw_subs is None and dest.mode == "device" and "subscriptions" in settings:
        raw_subs, path = _embedded_subscriptions(settings.pop("subscriptions"))
    _check_settings(dest, settings)
    subs = None if raw_subs is None else _parse_subscriptions(dest, raw_subs, path, limit)
    return ParsedConfig(dest.slug, settings, subs, _parse_page(obj.get("page")))


def _check_keys(obj: dict[str, Any]) -> None:
    # A misspelt "subscriptions" would otherwise silently fall back to the presets.
    for key in obj:
        if key not in _TOP_KEYS:
            expected = ", ".join(k for k in _TOP_KEYS if k != "data")
            raise ConfigError(f"unknown key {key!r}; a config has {expected}", key)


def _expect(value: Any, kind: type | tuple[type, ...], path: str, message: str) -> None:
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ConfigError(f"{message}, got {_a_type_of(value)}", path)


def _a_type_of(value: Any) -> str:
    """A config value's JSON type with its article: ``a string``, ``an array``, ``null``."""
    name = real_type_of(value)
    if name == "null":
        return name
    return f"an {name}" if name[0] in "aeiou" else f"a {name}"


def _check_settings(dest: DestinationDef, settings: dict[str, Any]) -> None:
    for key, spec in dest.settings.items():
        if key not in settings:
            continue
        _check_setting(key, spec, settings[key])


def _check_setting(key: str, spec: FieldDef, value: Any) -> None:
    kind = _SETTING_TYPES.get(spec.get("type", "string"), str)
    if value is None and not spec.get("required"):
        return
    word = "a boolean" if kind is bool else "a string"
    _expect(value, kind, f"settings.{key}", f"{spec['label']} ({key}) must be {word}")


def _embedded_subscriptions(value: Any) -> tuple[Any, str]:
    path = "settings.subscriptions"
    if isinstance(value, str):
        try:
            value = js_numbers(orjson.loads(value))
        except orjson.JSONDecodeError as exc:
            raise ConfigError(f"subscriptions is not valid JSON: {exc}", path) from None
    return value, path


def _parse_subscriptions(
    dest: DestinationDef, raw: Any, path: str, limit: int
) -> list[dict[str, Any]]:
    if isinstance(raw, dict) and isinstance(raw.get("data"), dict):
        raw = raw["data"].get("subscriptions")
        path = f"{path}.data.subscriptions"
    _expect(raw, list, path, "subscriptions must be an array")
    if len(raw) > limit:
        raise ConfigError(f"at most {limit} subscriptions are allowed, got {len(raw)}", path)
    return [_parse_subscription(dest, item, f"{path}[{i}]") for i, item in enumerate(raw)]


def _pick(item: dict[str, Any], *keys: str) -> tuple[str, Any]:
    for key in keys:
        if key in item:
            return key, item[key]
    return keys[0], None


def _parse_subscription(dest: DestinationDef, item: Any, path: str) -> dict[str, Any]:
    _expect(item, dict, path, "a subscription must be an object")
    action = _parse_action(dest, item, path)
    return {
        "name": _parse_name(item, path, action),
        "action": action.slug,
        "trigger": _parse_trigger(item, path, action),
        "enabled": _parse_enabled(item, path),
        "mapping": _parse_mapping(item, path, action),
    }


def _parse_action(dest: DestinationDef, item: dict[str, Any], path: str) -> ActionDef:
    key, slug = _pick(item, "actionSlug", "partnerAction", "action")
    if slug is None:
        raise ConfigError("the subscription has no actionSlug", f"{path}.actionSlug")
    _expect(slug, str, f"{path}.{key}", "actionSlug must be a string")
    action = dest.action(slug)
    if action is None:
        known = ", ".join(dest.actions)
        raise ConfigError(
            f"unknown action {slug!r} for {dest.name}; expected one of {known}",
            f"{path}.{key}",
        )
    return action


def _parse_name(item: dict[str, Any], path: str, action: ActionDef) -> str:
    name = item.get("name")
    if name is None:
        return action.title
    _expect(name, str, f"{path}.name", "name must be a string")
    return str(name)


def _parse_trigger(item: dict[str, Any], path: str, action: ActionDef) -> str:
    key, trigger = _pick(item, "trigger", "subscribe")
    if trigger is None:
        return action.default_subscription
    _expect(trigger, str, f"{path}.{key}", "trigger must be a string")
    return str(trigger)


def _parse_enabled(item: dict[str, Any], path: str) -> bool:
    enabled = item.get("enabled", True)
    _expect(enabled, bool, f"{path}.enabled", "enabled must be true or false")
    return bool(enabled)


def _parse_mapping(item: dict[str, Any], path: str, action: ActionDef) -> dict[str, Any]:
    key, mapping = _pick(item, "mapping", "settings")
    if mapping is None:
        return action.default_mapping()
    _expect(mapping, dict, f"{path}.{key}", "the mapping must be an object")
    return dict(mapping)


def _parse_page(raw: Any) -> PageSetup:
    if raw is None:
        return PageSetup()
    _expect(raw, dict, "page", "page must be an object")
    values = {}
    for key, attr in (
        ("definesJimo", "defines_jimo"),
        ("jimoInitAvailable", "jimo_init_available"),
    ):
        if key in raw:
            _expect(raw[key], bool, f"page.{key}", f"{key} must be true or false")
            values[attr] = raw[key]
    return PageSetup(**values)
