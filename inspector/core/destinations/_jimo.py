"""Jimo (Actions): the device-mode destination's settings, actions and presets as data."""

from __future__ import annotations

from inspector.core.destinations._model import ActionDef, DestinationDef, Preset, field_defaults

__all__ = ["JIMO", "SDK_SCRIPT_URL", "DEMO_SETTINGS"]

SDK_SCRIPT_URL = "https://undercity.usejimo.com/jimo-invader.js"

DEMO_SETTINGS = {
    "projectId": "demo-project-id",
    "manualInit": False,
    "refetchExperiencesOnTraitsUpdate": False,
}
"""Settings used when no config is given: a placeholder project, both options off."""


def _path(path: str) -> dict[str, str]:
    return {"@path": path}


_SETTINGS = {
    "projectId": {
        "label": "Id",
        "description": (
            "Id of the Jimo project. You can find the Project Id here: "
            "https://i.usejimo.com/settings/install/portal"
        ),
        "type": "string",
        "required": True,
    },
    "refetchExperiencesOnTraitsUpdate": {
        "label": "Refetch experiences after traits changes",
        "description": (
            "Enable this option if you'd like Jimo to refetch experiences supposed to be shown "
            "to the user after user traits get updated. This is useful when if you have "
            "experiences that use segment based on Segment traits."
        ),
        "type": "boolean",
        "required": False,
        "default": False,
    },
    "manualInit": {
        "label": "Initialize only for identified users",
        "description": (
            "If true, Jimo SDK will be initialized only after a Segment event containing a "
            "userID has been triggered. This prevents from having anonymous profile created "
            "in Jimo."
        ),
        "type": "boolean",
        "required": False,
        "default": False,
    },
}

_SEND_GROUP_DATA = ActionDef(
    slug="sendGroupData",
    title="Send Group Data",
    description="Send group ID and traits to Jimo",
    default_subscription='type = "group"',
    platform="web",
    fields={
        "groupId": {
            "label": "Group ID",
            "description": "The unique identifier for the group",
            "type": "string",
            "required": True,
            "default": _path("$.groupId"),
        },
        "traits": {
            "label": "Group Traits",
            "description": "A list of attributes coming from segment group traits",
            "type": "object",
            "required": False,
            "default": _path("$.traits"),
        },
    },
)

_SEND_USER_DATA = ActionDef(
    slug="sendUserData",
    title="Send User Data",
    description="Send user ID and email to Jimo",
    default_subscription='type = "identify"',
    platform="web",
    fields={
        "userId": {
            "label": "User ID",
            "description": "The unique user identifier",
            "type": "string",
            "required": False,
            "allowNull": True,
            "default": _path("$.userId"),
        },
        "email": {
            "label": "User email",
            "description": "The email of the user",
            "type": "string",
            "required": False,
            "allowNull": True,
            "default": _path("$.traits.email"),
        },
        "traits": {
            "label": "User Traits",
            "description": "A list of attributes coming from segment traits",
            "type": "object",
            "required": False,
            "default": _path("$.traits"),
        },
    },
)


def _track_field(
    label: str, description: str, path: str, *, kind: str = "string", required: bool = False
) -> dict[str, object]:
    return {
        "label": label,
        "description": description,
        "type": kind,
        "required": required,
        "default": _path(path),
    }


_SEND_TRACK_EVENT = ActionDef(
    slug="sendTrackEvent",
    title="Send Track Event",
    description="Submit an event to Jimo",
    default_subscription='type = "track"',
    platform="web",
    fields={
        "messageId": _track_field(
            "Message Id", "The internal id of the message.", "$.messageId", required=True
        ),
        "timestamp": _track_field(
            "Timestamp", "The timestamp of the event.", "$.timestamp", required=True
        ),
        "event_name": _track_field(
            "Event Name", "The name of the event.", "$.event", required=True
        ),
        "userId": _track_field("User ID", "A unique identifier for the user.", "$.userId"),
        "anonymousId": _track_field(
            "Anonymous ID", "An anonymous identifier for the user.", "$.anonymousId"
        ),
        "properties": _track_field(
            "Event Properties",
            "Information associated with the event",
            "$.properties",
            kind="object",
        ),
    },
)

# Preset order is the definition's, which differs from the action order.
_PRESETS = [
    Preset(
        "Send User Data",
        "sendUserData",
        'type = "identify"',
        field_defaults(_SEND_USER_DATA.fields),
    ),
    Preset(
        "Send Track Event",
        "sendTrackEvent",
        'type = "track"',
        field_defaults(_SEND_TRACK_EVENT.fields),
    ),
    Preset(
        "Send Group Data",
        "sendGroupData",
        'type = "group"',
        field_defaults(_SEND_GROUP_DATA.fields),
    ),
]

JIMO = DestinationDef(
    slug="actions-jimo",
    name="Jimo (Actions)",
    mode="device",
    description="Load Jimo SDK and send user profile data to Jimo",
    settings=_SETTINGS,
    actions={a.slug: a for a in (_SEND_GROUP_DATA, _SEND_USER_DATA, _SEND_TRACK_EVENT)},
    presets=_PRESETS,
)
