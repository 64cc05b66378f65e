"""Keys in the keyring: found from env, config or keyring; never written to config files."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.core.destinations import DestinationConfig, load_config, save_config
from inspector.core.inspection import inspect
from inspector.core.secrets import (
    JIMO_ACCOUNT,
    NO_KEYRING,
    SERVICE,
    KeyStore,
    find_key,
    mask,
    reference,
    resolve_config,
    strip_secrets,
)
from tests.core.memory_keyring import MemoryKeyring, no_keyring, using
from tests.factories import make_event

KEY = "sk_live_0123456789wxyz"


def _cloud(settings: dict[str, object]) -> DestinationConfig:
    return DestinationConfig.from_json({"destination": "actions-jimo-cloud", "settings": settings})


def test_mask_shows_only_the_last_four_characters() -> None:
    assert mask(KEY) == "****wxyz"
    assert mask("short") == "****"
    assert mask(None) == ""


def test_the_environment_wins_then_the_config_then_the_keyring() -> None:
    with using(MemoryKeyring()) as ring:
        store = KeyStore()
        ring.set_password(SERVICE, JIMO_ACCOUNT, "from-keyring-0000")
        env = {"JIMO_API_KEY": "from-env-1111"}
        assert find_key(JIMO_ACCOUNT, environ=env, store=store).source == "env:JIMO_API_KEY"
        found = find_key(JIMO_ACCOUNT, config_value="plain", environ={}, store=store)
        assert (found.secret, found.source) == ("plain", "config")
        found = find_key(
            JIMO_ACCOUNT, config_value=reference(JIMO_ACCOUNT), environ={}, store=store
        )
        assert (found.secret, found.source) == ("from-keyring-0000", "keyring")
        assert "0000" in repr(found) and "from-keyring" not in repr(found)
        assert store.persistent is True


def test_saving_moves_a_plain_key_to_the_keyring(tmp_path: Path) -> None:
    with using(MemoryKeyring()) as ring:
        path = tmp_path / "cloud.json"
        save_config(_cloud({"apiKey": KEY}), path)
        text = path.read_text()
        assert KEY not in text and "keyring:jimo-cloud-api-key" in text
        assert ring.get_password(SERVICE, JIMO_ACCOUNT) == KEY
        assert load_config(path).settings["apiKey"] == KEY


def test_a_config_without_a_key_inspects_exactly_as_one_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JIMO_API_KEY", raising=False)
    with using(MemoryKeyring()) as ring:
        ring.set_password(SERVICE, JIMO_ACCOUNT, KEY)
        keyless = tmp_path / "keyless.json"
        keyless.write_text('{"destination": "actions-jimo-cloud"}')
        events = [make_event("identify", messageId="m1")]
        with_key = [i.results[0].to_json() for i in inspect(events, _cloud({"apiKey": KEY}))]
        without = [i.results[0].to_json() for i in inspect(events, load_config(keyless))]
        assert with_key == without
        assert without[0]["delivered"] is True


def test_without_a_key_anywhere_the_setting_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JIMO_API_KEY", raising=False)
    with using(MemoryKeyring()):
        config, found = resolve_config(_cloud({}), store=KeyStore())
        assert "apiKey" not in config.settings and found is not None and found.secret is None


def test_no_keyring_keeps_the_key_for_this_run_and_says_so(tmp_path: Path) -> None:
    with using(no_keyring()):
        store = KeyStore()
        config, persisted = strip_secrets(_cloud({"apiKey": KEY}), store=store)
        assert persisted is False
        assert store.status == NO_KEYRING
        assert config.settings["apiKey"] == reference(JIMO_ACCOUNT)
        found = find_key(JIMO_ACCOUNT, environ={}, store=store)
        assert (found.secret, found.source) == (KEY, "this run")


def test_a_key_from_the_environment_is_not_copied_into_the_keyring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JIMO_API_KEY", "sk_env_0123456789abcd")
    with using(MemoryKeyring()) as ring:
        path = tmp_path / "cloud.json"
        path.write_text('{"destination": "actions-jimo-cloud"}')
        config = load_config(path)
        assert config.settings["apiKey"] == "sk_env_0123456789abcd"
        save_config(config, tmp_path / "saved.json")
        assert "sk_env" not in (tmp_path / "saved.json").read_text()
        assert ring.get_password(SERVICE, JIMO_ACCOUNT) is None
