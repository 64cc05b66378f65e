"""Jimo Cloud (actions): the cloud-mode destination's settings, endpoints and action as data."""

from __future__ import annotations

from inspector.core.destinations._model import ActionDef, DestinationDef

__all__ = ["JIMO_CLOUD", "BASE_URL", "USER_URL", "VERIFY_URL", "USER_AGENT", "TIMEOUT_SECONDS"]

BASE_URL = "https://karabor-sewers.usejimo.com"
USER_URL = f"{BASE_URL}/segmentio-cloud/user"
VERIFY_URL = f"{BASE_URL}/segmentio-cloud/verifyapikey"
USER_AGENT = "Segment (Actions)"
TIMEOUT_SECONDS = 10.0

_SEND_USERDATA = ActionDef(
    slug="sendUserdata",
    title="Send User Data",
    description="Send user profile details to Jimo",
    default_subscription='type = "identify"',
    fields={
        "userId": {
            "label": "User ID",
            "description": "The unique user identifier",
            "type": "string",
            "required": True,
            "default": {"@path": "$.userId"},
        },
        "email": {
            "label": "User email",
            "description": "The email of the user",
            "type": "string",
            "required": False,
            "default": {"@path": "$.traits.email"},
        },
        "traits": {
            "label": "User Traits",
            "description": "User attributes coming from segment traits",
            "type": "object",
            "required": False,
            "default": {"@path": "$.traits"},
        },
    },
)

JIMO_CLOUD = DestinationDef(
    slug="actions-jimo-cloud",
    name="Jimo Cloud (actions)",
    mode="cloud",
    description="",
    settings={
        "apiKey": {
            "label": "API Key",
            "description": "Your Jimo API key.",
            "type": "password",
            "required": True,
        },
    },
    actions={_SEND_USERDATA.slug: _SEND_USERDATA},
    presets=[],
)
