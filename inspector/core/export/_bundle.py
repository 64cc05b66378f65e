"""The redacted repro bundle: one zip of events, config, results and the app version.

Layout (``manifest.json`` identifies it; nothing else in the zip is read)::

    manifest.json   {"format": "jimo-inspector-bundle", "version": 1, "app": ..., "events": N,
                     "masked_paths": [...], "secrets_removed": [...], "fresh_sdk": bool}
    events.ndjson   the events, PII masked, one per line (what the app loads)
    config.json     the destination config, password settings removed, PII masked
    results.ndjson  ``inspect`` lines (plus hazards) of the original events, masked alike

Secrets never enter the bundle: settings of type ``password`` are removed and their values
replaced wherever they appear, and an event's ``writeKey`` is dropped.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from inspector.core.destinations import SECRET_REMOVED, DestinationConfig, get_destination
from inspector.core.diff import inspection_line
from inspector.core.events import EventRecord
from inspector.core.export._har import ExportError
from inspector.core.export._mask import DEFAULT_PII_PATHS, Masker
from inspector.core.inspection import inspect
from inspector.core.sdk_sessions import SDK_SESSION_MODES
from inspector.core.signatures import ZIP_MAGIC, starts_with

__all__ = [
    "BUNDLE_FORMAT",
    "Bundle",
    "write_bundle",
    "is_bundle",
    "read_bundle",
    "bundle_events",
    "bundle_sdk_sessions",
    "replay_config",
]

BUNDLE_FORMAT = "jimo-inspector-bundle"
_VERSION = 1


@dataclass(frozen=True, slots=True)
class Bundle:
    """A bundle as read back: its manifest, config and recorded results."""

    path: str
    manifest: dict[str, Any]
    config: DestinationConfig
    results: list[dict[str, Any]]


def write_bundle(
    path: str | Path,
    records: Sequence[EventRecord | dict[str, Any]],
    config: DestinationConfig,
    *,
    app_version: str,
    pii_paths: Sequence[str] = DEFAULT_PII_PATHS,
    fresh_sdk: bool = False,
    salt: bytes | None = None,
) -> dict[str, Any]:
    """Write the bundle zip; returns its manifest. ``salt`` is for tests (default: random).

    Streams: events and results go into the zip one at a time (``records`` is read twice).
    """
    masker = Masker(pii_paths, salt)
    for record in records:
        masker.collect(_data(record))
    settings, removed = _without_secrets(config, masker)
    config_json = masker.mask({**config.to_json(), "settings": settings})
    manifest = {
        "format": BUNDLE_FORMAT,
        "version": _VERSION,
        "app": f"jimo-inspector {app_version}",
        "events": len(records),
        "masked_paths": list(masker.paths),
        "secrets_removed": removed,
        "fresh_sdk": fresh_sdk,
    }
    try:
        _write_zip(path, manifest, config_json, records, config, masker, fresh_sdk)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write the bundle ({exc.strerror or exc})") from exc
    return manifest


def _write_zip(
    path: str | Path,
    manifest: dict[str, Any],
    config_json: Any,
    records: Sequence[EventRecord | dict[str, Any]],
    config: DestinationConfig,
    masker: Masker,
    fresh_sdk: bool,
) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        zf.writestr("config.json", orjson.dumps(config_json, option=orjson.OPT_INDENT_2))
        with zf.open("events.ndjson", "w") as out:
            for record in records:
                out.write(orjson.dumps(_drop_write_key(masker.mask_event(_data(record)))) + b"\n")
        with zf.open("results.ndjson", "w") as out:
            for inspection in inspect(records, config, fresh_sdk=fresh_sdk):
                line = masker.mask(_scrub_request(inspection_line(inspection)))
                out.write(orjson.dumps(line) + b"\n")


def _data(record: EventRecord | dict[str, Any]) -> dict[str, Any]:
    return record.data if isinstance(record, EventRecord) else record


def _without_secrets(config: DestinationConfig, masker: Masker) -> tuple[dict[str, Any], list[str]]:
    fields = get_destination(config.destination).settings
    settings, removed = dict(config.settings), []
    for key, spec in fields.items():
        if spec.get("type") == "password" and key in settings:
            masker.add_secret(str(settings.pop(key)))
            removed.append(f"settings.{key}")
    return settings, removed


def _scrub_request(line: dict[str, Any]) -> dict[str, Any]:
    for result in line["results"]:
        request = result.get("request")
        if request and "Authorization" in request.get("headers", {}):
            request["headers"]["Authorization"] = f"Bearer {SECRET_REMOVED}"
    return line


def _drop_write_key(event: dict[str, Any]) -> dict[str, Any]:
    event.pop("writeKey", None)
    return event


def is_bundle(path: str | Path) -> bool:
    """Whether ``path`` is a zip holding this format's manifest (cheap for other files)."""
    try:
        if not starts_with(path, ZIP_MAGIC):
            return False
        with zipfile.ZipFile(path) as zf:
            manifest = orjson.loads(zf.read("manifest.json"))
    except (OSError, KeyError, zipfile.BadZipFile, orjson.JSONDecodeError):
        return False
    return isinstance(manifest, dict) and manifest.get("format") == BUNDLE_FORMAT


def read_bundle(path: str | Path) -> Bundle:
    """The manifest, config and results of a bundle.

    Raises:
        ExportError: not a bundle, a newer version, or a damaged member.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = orjson.loads(zf.read("manifest.json"))
            if manifest.get("format") != BUNDLE_FORMAT or manifest.get("version") != _VERSION:
                raise ExportError(f"{path}: not a repro bundle this version can read")
            config = DestinationConfig.from_json(orjson.loads(zf.read("config.json")))
            results = [orjson.loads(line) for line in zf.read("results.ndjson").splitlines()]
    except (OSError, KeyError, zipfile.BadZipFile, orjson.JSONDecodeError) as exc:
        raise ExportError(f"{path}: damaged repro bundle ({exc})") from exc
    return Bundle(str(path), manifest, config, results)


def replay_config(bundle: Bundle) -> DestinationConfig:
    """The bundle's config with each removed secret as a placeholder, so that its requests are
    built (and shown with the secret removed) as they were when the bundle was written."""
    settings = dict(bundle.config.settings)
    for name in bundle.manifest.get("secrets_removed", []):
        if isinstance(name, str) and name.startswith("settings."):
            settings[name.removeprefix("settings.")] = SECRET_REMOVED
    return DestinationConfig.from_json({**bundle.config.to_json(), "settings": settings})


def bundle_sdk_sessions(bundle: Bundle) -> str:
    """The SDK sessions mode the bundle's results were computed with (``page`` or ``event``)."""
    mode = bundle.manifest.get("sdk_sessions")
    if mode in SDK_SESSION_MODES:
        return str(mode)
    return "event" if bundle.manifest.get("fresh_sdk") else "page"


def bundle_events(path: str | Path) -> Iterator[Any]:
    """The bundle's events as the loaders yield them (``EventRecord``/``BadRecord``)."""
    from inspector.core.loaders import read_stream

    with zipfile.ZipFile(path) as zf:
        data = zf.read("events.ndjson")
    yield from read_stream(io.BytesIO(data), str(path))
