"""Exports: events as NDJSON, captured requests as HAR, cloud requests as curl, repro bundles."""

from __future__ import annotations

from inspector.core.export._bundle import (
    BUNDLE_FORMAT,
    Bundle,
    bundle_events,
    bundle_sdk_sessions,
    is_bundle,
    read_bundle,
    replay_config,
    write_bundle,
)
from inspector.core.export._curl import curl_command, curl_commands
from inspector.core.export._har import ExportError, captured_requests_har, har_entry
from inspector.core.export._mask import DEFAULT_PII_PATHS, Masker
from inspector.core.export._ndjson import write_ndjson

__all__ = [
    "BUNDLE_FORMAT",
    "Bundle",
    "DEFAULT_PII_PATHS",
    "ExportError",
    "Masker",
    "bundle_events",
    "bundle_sdk_sessions",
    "captured_requests_har",
    "curl_command",
    "curl_commands",
    "har_entry",
    "is_bundle",
    "read_bundle",
    "replay_config",
    "write_bundle",
    "write_ndjson",
]
