"""Destination config: JSON round trip, shapes pasted from Segment, errors with paths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from inspector.core.destinations import (
    MAX_SUBSCRIPTIONS,
    DestinationConfig,
    PageSetup,
    Subscription,
    default_config,
    load_config,
    preset_subscriptions,
    save_config,
)
from inspector.core.errors import ConfigError

DATA = Path(__file__).parents[2] / "data" / "jimo"


def make_sub(**overrides: Any) -> dict[str, Any]:
    sub = {
        "name": "Track",
        "actionSlug": "sendTrackEvent",
        "trigger": 'type = "track"',
        "enabled": True,
        "mapping": {"event_name": {"@path": "$.event"}},
    }
    sub.update(overrides)
    return sub


def make_config(*subs: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "destination": "actions-jimo",
        "settings": {"projectId": "p"},
        "subscriptions": list(subs),
    }
    obj.update(overrides)
    return obj


def config_error(obj: Any) -> ConfigError:
    with pytest.raises(ConfigError) as err:
        DestinationConfig.from_json(obj)
    return err.value


def test_round_trip() -> None:
    cfg = DestinationConfig.from_json(make_config(make_sub()))
    assert cfg.subscriptions == [
        Subscription(
            "Track", "sendTrackEvent", 'type = "track"', True, {"event_name": {"@path": "$.event"}}
        )
    ]
    assert DestinationConfig.from_json(cfg.to_json()) == cfg
    assert cfg.to_json()["subscriptions"][0] == make_sub()


def test_no_subscriptions_means_presets() -> None:
    cfg = DestinationConfig.from_json({"destination": "actions-jimo", "settings": {}})
    assert [s.name for s in cfg.subscriptions] == [
        "Send User Data",
        "Send Track Event",
        "Send Group Data",
    ]
    assert DestinationConfig.from_json(make_config()).subscriptions == []


def test_cloud_without_subscriptions_uses_the_default_subscription() -> None:
    cfg = DestinationConfig.from_json(
        {"destination": "actions-jimo-cloud", "settings": {"apiKey": "k"}}
    )
    assert cfg.subscriptions == preset_subscriptions("actions-jimo-cloud")
    assert cfg.subscriptions[0].action == "sendUserdata"
    assert cfg.subscriptions[0].trigger == 'type = "identify"'


def test_default_config() -> None:
    cfg = default_config()
    assert cfg.destination == "actions-jimo"
    assert cfg.settings["projectId"] and cfg.settings["manualInit"] is False
    assert len(cfg.subscriptions) == 3
    cfg.subscriptions[0].mapping["userId"] = "changed"
    assert default_config().subscriptions[0].mapping["userId"] == {"@path": "$.userId"}


def test_public_api_shape() -> None:
    cfg = load_config(DATA / "public_api_subscriptions.json")
    first, second = cfg.subscriptions
    assert first == Subscription(
        "Identify users",
        "sendUserData",
        'type = "identify"',
        True,
        {"userId": {"@path": "$.userId"}, "traits": {"@path": "$.traits"}},
    )
    assert second.enabled is False and second.mapping["messageId"] == {"@path": "$.messageId"}


def test_browser_runtime_shape_embedded_in_settings() -> None:
    embedded = [
        {
            "partnerAction": "sendGroupData",
            "name": "G",
            "enabled": True,
            "subscribe": 'type = "group"',
            "mapping": {},
        }
    ]
    obj = {
        "destination": "actions-jimo",
        "settings": {"projectId": "p", "subscriptions": orjson.dumps(embedded).decode()},
    }
    cfg = DestinationConfig.from_json(obj)
    assert cfg.subscriptions == [Subscription("G", "sendGroupData", 'type = "group"', True, {})]
    assert "subscriptions" not in cfg.settings


def test_defaults_for_missing_subscription_keys() -> None:
    cfg = DestinationConfig.from_json(make_config({"actionSlug": "sendGroupData"}))
    sub = cfg.subscriptions[0]
    assert (sub.name, sub.trigger, sub.enabled) == ("Send Group Data", 'type = "group"', True)
    assert sub.mapping == {"groupId": {"@path": "$.groupId"}, "traits": {"@path": "$.traits"}}


def test_unparsable_trigger_is_not_a_config_error() -> None:
    cfg = DestinationConfig.from_json(make_config(make_sub(trigger="type = = (")))
    assert cfg.subscriptions[0].trigger == "type = = ("


@pytest.mark.parametrize(
    ("obj", "path", "words"),
    [
        ([], "", "must be a JSON object"),
        (make_config(destination="actions-nope"), "destination", "unknown destination"),
        (make_config(destination=3), "destination", "must be a string, got a number"),
        (make_config(settings=[]), "settings", "settings must be an object, got an array"),
        (
            make_config(settings={"projectId": 5}),
            "settings.projectId",
            "Id (projectId) must be a string",
        ),
        (make_config(settings={"manualInit": "yes"}), "settings.manualInit", "must be a boolean"),
        (make_config(subscriptions={}), "subscriptions", "must be an array"),
        (make_config(make_sub(), 7), "subscriptions[1]", "must be an object"),
        (
            make_config(make_sub(), make_sub(), make_sub(actionSlug="sendUserdata")),
            "subscriptions[2].actionSlug",
            "unknown action 'sendUserdata' for Jimo (Actions)",
        ),
        (make_config(make_sub(actionSlug=None)), "subscriptions[0].actionSlug", "no actionSlug"),
        (
            make_config(make_sub(), make_sub(), make_sub(), make_sub(trigger=3)),
            "subscriptions[3].trigger",
            "trigger must be a string",
        ),
        (make_config(make_sub(enabled="true")), "subscriptions[0].enabled", "true or false"),
        (make_config(make_sub(mapping=[])), "subscriptions[0].mapping", "must be an object"),
        (make_config(make_sub(name=1)), "subscriptions[0].name", "must be a string"),
        (
            {"destination": "actions-jimo-cloud", "settings": {"apiKey": 1}},
            "settings.apiKey",
            "API Key (apiKey) must be a string",
        ),
        (
            {"destination": "actions-jimo-cloud", "subscriptions": [make_sub()]},
            "subscriptions[0].actionSlug",
            "expected one of sendUserdata",
        ),
        (make_config(page={"definesJimo": 1}), "page.definesJimo", "true or false"),
    ],
)
def test_errors_point_at_the_bad_value(obj: Any, path: str, words: str) -> None:
    error = config_error(obj)
    assert error.path == path
    assert words in error.message


def test_at_most_fifty_subscriptions() -> None:
    assert MAX_SUBSCRIPTIONS == 50
    ok = DestinationConfig.from_json(make_config(*[make_sub()] * 50))
    assert len(ok.subscriptions) == 50
    error = config_error(make_config(*[make_sub()] * 51))
    assert error.path == "subscriptions" and "at most 50" in error.message
    with pytest.raises(ConfigError):
        DestinationConfig("actions-jimo", {}, [Subscription("a", "sendGroupData", "")] * 51)


def test_page_setup_round_trip() -> None:
    cfg = DestinationConfig.from_json(make_config(page={"definesJimo": True}))
    assert cfg.page == PageSetup(defines_jimo=True)
    assert cfg.to_json()["page"] == {"definesJimo": True, "jimoInitAvailable": True}
    assert "page" not in default_config().to_json()


def test_save_and_load(tmp_path: Path) -> None:
    path = tmp_path / "cfg.json"
    cfg = DestinationConfig.from_json(make_config(make_sub(name="Événement")))
    save_config(cfg, path)
    assert load_config(path) == cfg
    assert "Événement" in path.read_text(encoding="utf-8")


def test_load_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    with pytest.raises(ConfigError, match="invalid JSON"):
        load_config(bad)
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config(tmp_path / "missing.json")


def test_with_subscription() -> None:
    cfg = DestinationConfig.from_json(make_config(make_sub()))
    sub = cfg.subscriptions[0].with_changes(enabled=False)
    assert cfg.with_subscription(0, sub).subscriptions == [sub]
    assert len(cfg.with_subscription(1, sub).subscriptions) == 2


def test_whole_public_api_response_as_config() -> None:
    listing = orjson.loads((DATA / "public_api_subscriptions.json").read_bytes())["subscriptions"]
    cfg = DestinationConfig.from_json(listing)
    assert [s.name for s in cfg.subscriptions] == ["Identify users", "Signed up"]


def test_unknown_top_level_key() -> None:
    error = config_error({"destination": "actions-jimo", "subscription": []})
    assert error.path == "subscription" and "unknown key" in error.message


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (b"\xef\xbb\xbf", "utf-8"),
        (b"", "utf-16"),  # Python writes its own BOM, as Windows tools do
        (b"", "utf-16-be"),
        (b"", "utf-32"),
    ],
)
def test_a_config_file_with_a_byte_order_mark_reads_as_event_files_do(
    tmp_path: Path, bom: bytes, encoding: str
) -> None:
    obj = make_config(make_sub(name="Tracké"))
    text = orjson.dumps(obj).decode()
    path = tmp_path / "config.json"
    data = bom + text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    assert load_config(path) == DestinationConfig.from_json(obj)


def test_a_config_that_is_not_text_in_its_encoding_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_bytes(b"\xff\xfe" + b"{\x00\x00\xd8")  # a UTF-16 lone surrogate
    with pytest.raises(ConfigError, match="config.json: cannot read config"):
        load_config(path)
