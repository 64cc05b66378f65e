"""The two destinations as data: identity, settings, actions, fields and presets."""

from __future__ import annotations

import pytest

from inspector.core.destinations import DESTINATIONS, get_destination
from inspector.core.errors import ConfigError


def test_known_destinations() -> None:
    assert list(DESTINATIONS) == ["actions-jimo", "actions-jimo-cloud"]
    with pytest.raises(ConfigError) as err:
        get_destination("actions-nope")
    assert err.value.path == "destination"


def test_jimo_identity_and_action_order() -> None:
    jimo = get_destination("actions-jimo")
    assert (jimo.name, jimo.mode) == ("Jimo (Actions)", "device")
    assert jimo.description == "Load Jimo SDK and send user profile data to Jimo"
    assert list(jimo.actions) == ["sendGroupData", "sendUserData", "sendTrackEvent"]


def test_jimo_settings() -> None:
    settings = get_destination("actions-jimo").settings
    assert list(settings) == ["projectId", "refetchExperiencesOnTraitsUpdate", "manualInit"]
    assert settings["projectId"]["label"] == "Id" and settings["projectId"]["required"]
    assert settings["manualInit"]["label"] == "Initialize only for identified users"
    assert settings["manualInit"]["default"] is False
    assert settings["refetchExperiencesOnTraitsUpdate"]["label"] == (
        "Refetch experiences after traits changes"
    )


@pytest.mark.parametrize(
    ("slug", "title", "description", "fields"),
    [
        (
            "sendUserData",
            "Send User Data",
            "Send user ID and email to Jimo",
            {
                "userId": ("User ID", False),
                "email": ("User email", False),
                "traits": ("User Traits", False),
            },
        ),
        (
            "sendTrackEvent",
            "Send Track Event",
            "Submit an event to Jimo",
            {
                "messageId": ("Message Id", True),
                "timestamp": ("Timestamp", True),
                "event_name": ("Event Name", True),
                "userId": ("User ID", False),
                "anonymousId": ("Anonymous ID", False),
                "properties": ("Event Properties", False),
            },
        ),
        (
            "sendGroupData",
            "Send Group Data",
            "Send group ID and traits to Jimo",
            {"groupId": ("Group ID", True), "traits": ("Group Traits", False)},
        ),
    ],
)
def test_jimo_actions(slug: str, title: str, description: str, fields: dict) -> None:
    action = get_destination("actions-jimo").actions[slug]
    assert (action.title, action.description) == (title, description)
    got = {k: (f["label"], f["required"]) for k, f in action.fields.items()}
    assert got == fields
    assert list(got) == list(fields)


def test_user_data_fields_allow_null() -> None:
    fields = get_destination("actions-jimo").actions["sendUserData"].fields
    assert fields["userId"]["allowNull"] and fields["email"]["allowNull"]
    assert "allowNull" not in fields["traits"]
    assert fields["traits"]["type"] == "object"


def test_jimo_presets() -> None:
    presets = get_destination("actions-jimo").presets
    assert [(p.name, p.action, p.trigger) for p in presets] == [
        ("Send User Data", "sendUserData", 'type = "identify"'),
        ("Send Track Event", "sendTrackEvent", 'type = "track"'),
        ("Send Group Data", "sendGroupData", 'type = "group"'),
    ]
    assert presets[1].mapping == {
        "messageId": {"@path": "$.messageId"},
        "timestamp": {"@path": "$.timestamp"},
        "event_name": {"@path": "$.event"},
        "userId": {"@path": "$.userId"},
        "anonymousId": {"@path": "$.anonymousId"},
        "properties": {"@path": "$.properties"},
    }
    assert presets[0].mapping == {
        "userId": {"@path": "$.userId"},
        "email": {"@path": "$.traits.email"},
        "traits": {"@path": "$.traits"},
    }
    assert presets[2].mapping == {
        "groupId": {"@path": "$.groupId"},
        "traits": {"@path": "$.traits"},
    }


def test_jimo_cloud() -> None:
    cloud = get_destination("actions-jimo-cloud")
    assert (cloud.name, cloud.mode, cloud.presets) == ("Jimo Cloud (actions)", "cloud", [])
    assert cloud.settings["apiKey"] == {
        "label": "API Key",
        "description": "Your Jimo API key.",
        "type": "password",
        "required": True,
    }
    action = cloud.actions["sendUserdata"]
    assert (action.title, action.description) == (
        "Send User Data",
        "Send user profile details to Jimo",
    )
    assert action.default_subscription == 'type = "identify"'
    assert action.fields["userId"]["required"] is True
    assert action.fields["traits"]["description"] == "User attributes coming from segment traits"
    assert action.default_mapping() == {
        "userId": {"@path": "$.userId"},
        "email": {"@path": "$.traits.email"},
        "traits": {"@path": "$.traits"},
    }
