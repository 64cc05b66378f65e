"""Jimo (Actions) and Jimo Cloud as data, their config, the SDK simulation and cloud requests."""

from __future__ import annotations

from inspector.core._js import UNDEFINED, js_string, js_stringify
from inspector.core.destinations._catalog import DESTINATIONS, get_destination
from inspector.core.destinations._cloud_request import (
    SECRET_REMOVED,
    HttpRequest,
    auth_failure_message,
    mask_secret,
    user_body,
    user_request,
    verify_key_request,
)
from inspector.core.destinations._jimo import DEMO_SETTINGS, SDK_SCRIPT_URL
from inspector.core.destinations._model import ActionDef, DestinationDef, FieldDef, Preset
from inspector.core.destinations._page import PageSetup
from inspector.core.destinations._sdk import NO_CLIENT_ERROR, JimoPage, initial_state
from inspector.core.destinations._sdk_types import (
    CALLBACK_JSON,
    ActionRun,
    Callback,
    Command,
    DispatchedEvent,
    SdkState,
)
from inspector.core.destinations.config import (
    MAX_SUBSCRIPTIONS,
    DestinationConfig,
    Subscription,
    default_config,
    load_config,
    preset_subscriptions,
    save_config,
)

__all__ = [
    "DESTINATIONS",
    "get_destination",
    "DestinationDef",
    "ActionDef",
    "Preset",
    "FieldDef",
    "DEMO_SETTINGS",
    "SDK_SCRIPT_URL",
    "PageSetup",
    "JimoPage",
    "initial_state",
    "NO_CLIENT_ERROR",
    "SdkState",
    "ActionRun",
    "Command",
    "Callback",
    "CALLBACK_JSON",
    "DispatchedEvent",
    "HttpRequest",
    "mask_secret",
    "SECRET_REMOVED",
    "user_body",
    "user_request",
    "verify_key_request",
    "auth_failure_message",
    "UNDEFINED",
    "js_string",
    "js_stringify",
    "MAX_SUBSCRIPTIONS",
    "Subscription",
    "DestinationConfig",
    "load_config",
    "save_config",
    "default_config",
    "preset_subscriptions",
]
