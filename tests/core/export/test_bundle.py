"""The redacted repro bundle: masked consistently, no secrets, opens as a session."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from inspector.core.destinations import DestinationConfig, default_config
from inspector.core.errors import LoadError
from inspector.core.events import EventRecord
from inspector.core.export import DEFAULT_PII_PATHS, Masker, is_bundle, read_bundle, write_bundle
from inspector.core.loaders import read_path
from tests.factories import make_event

KEY = "sk_live_0123456789abcdef"
EMAIL = "ana.lopez@acme.io"


def _events() -> list[dict[str, object]]:
    return [
        make_event("identify", userId="usr_8f2k1m", traits={"email": EMAIL, "plan": "pro"}),
        make_event(
            userId="usr_8f2k1m",
            properties={"contact": EMAIL, "total": 42},
            context={"ip": "203.0.113.9", "page": {"url": "https://x.io/?u=usr_8f2k1m"}},
        ),
        make_event("identify", userId=1234567, traits={"email": "bob@example.com"}),
    ]


def _members(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name).decode() for name in zf.namelist()}


def test_the_same_value_masks_to_the_same_token_everywhere(tmp_path: Path) -> None:
    bundle = tmp_path / "repro.zip"
    write_bundle(bundle, _events(), default_config(), app_version="9.9")
    members = _members(bundle)
    assert set(members) == {"manifest.json", "events.ndjson", "config.json", "results.ndjson"}
    for text in members.values():
        for secret in (EMAIL, "usr_8f2k1m", "203.0.113.9", "1234567", "bob@example.com"):
            assert secret not in text
    events = [json.loads(line) for line in members["events.ndjson"].splitlines()]
    token = events[0]["traits"]["email"]
    assert token.endswith("@masked.invalid")
    assert events[1]["properties"]["contact"] == token  # joins still work
    assert events[0]["userId"] == events[1]["userId"] != events[2]["userId"]
    assert events[1]["context"]["page"]["url"] == f"https://x.io/?u={events[0]['userId']}"
    assert events[1]["properties"]["total"] == 42  # small numbers are left alone
    results = [json.loads(line) for line in members["results.ndjson"].splitlines()]
    assert results[0]["results"][0]["payload"]["email"] == token
    manifest = json.loads(members["manifest.json"])
    assert manifest["app"] == "jimo-inspector 9.9"
    assert manifest["masked_paths"] == list(DEFAULT_PII_PATHS)


def test_tokens_differ_between_bundles_but_not_within_one() -> None:
    one, two = Masker(salt=b"a"), Masker(salt=b"b")
    assert one.token(EMAIL) == one.token(EMAIL) != two.token(EMAIL)


def test_user_paths_are_masked_too(tmp_path: Path) -> None:
    bundle = tmp_path / "repro.zip"
    paths = [*DEFAULT_PII_PATHS, "traits.plan"]
    write_bundle(bundle, _events(), default_config(), app_version="1", pii_paths=paths)
    assert '"pro"' not in _members(bundle)["events.ndjson"]


def test_secrets_never_enter_the_bundle(tmp_path: Path) -> None:
    config = DestinationConfig.from_json(
        {"destination": "actions-jimo-cloud", "settings": {"apiKey": KEY}}
    )
    events = [{**_events()[0], "writeKey": "wk_secret_123"}]
    bundle = tmp_path / "repro.zip"
    manifest = write_bundle(bundle, events, config, app_version="1")
    assert manifest["secrets_removed"] == ["settings.apiKey"]
    for text in _members(bundle).values():
        assert KEY not in text and KEY[-4:] not in text and "wk_secret_123" not in text
    assert "apiKey" not in read_bundle(bundle).config.settings


def test_the_bundle_opens_as_events_with_its_config_and_results(tmp_path: Path) -> None:
    bundle = tmp_path / "repro.zip"
    write_bundle(bundle, _events(), default_config(), app_version="1")
    assert is_bundle(bundle)
    loaded = list(read_path(bundle))
    assert all(isinstance(r, EventRecord) for r in loaded) and len(loaded) == 3
    assert loaded[1].source.label == f"{bundle}:2"
    opened = read_bundle(bundle)
    assert [s.name for s in opened.config.subscriptions] == [
        s.name for s in default_config().subscriptions
    ]
    assert len(opened.results) == 3 and opened.manifest["events"] == 3


def test_other_zips_keep_their_error(tmp_path: Path) -> None:
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("manifest.json", '{"format": "something-else"}')
    assert not is_bundle(other)
    with pytest.raises(LoadError, match="ZIP archive"):
        list(read_path(other))
