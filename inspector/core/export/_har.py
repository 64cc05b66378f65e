"""A HAR 1.2 of the requests the capture server received, read from a session file."""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import orjson

from inspector.core.errors import InspectorError

__all__ = ["ExportError", "captured_requests_har", "har_entry"]

_CAPTURE_HOST = "127.0.0.1"


class ExportError(InspectorError):
    """An export cannot be made (no captured requests, an unreadable session file…)."""


def captured_requests_har(session_path: str, app_version: str) -> dict[str, Any]:
    """The ``requests`` table of a session file as a HAR 1.2 document, in arrival order.

    Raises:
        ExportError: the file cannot be read or holds no captured request.
    """
    try:
        conn = sqlite3.connect(f"file:{session_path}?mode=ro", uri=True)
        try:
            entries = list(_entries(conn))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise ExportError(f"{session_path}: cannot read captured requests ({exc})") from exc
    if not entries:
        raise ExportError(f"{session_path}: no captured requests (the events were not captured)")
    return {
        "log": {
            "version": "1.2",
            "creator": {"name": "jimo-inspector", "version": app_version},
            "entries": entries,
        }
    }


def _entries(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    rows = conn.execute(
        "SELECT received_at, method, path, headers, body, status, reason FROM requests ORDER BY id"
    )
    for received_at, method, path, headers, body, status, reason in rows:
        yield har_entry(received_at, method, path, _headers(headers), body, status, reason)


def _headers(text: str | None) -> list[tuple[str, str]]:
    try:
        value = orjson.loads(text or "{}")
    except orjson.JSONDecodeError:
        return []
    if isinstance(value, dict):
        return [(str(k), str(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [(str(p[0]), str(p[1])) for p in value if isinstance(p, list) and len(p) == 2]
    return []


def har_entry(
    received_at: float,
    method: str,
    path: str,
    headers: list[tuple[str, str]],
    body: bytes | None,
    status: int,
    reason: str | None,
) -> dict[str, Any]:
    """One HAR entry; a body that is not UTF-8 text (gzip) is kept as base64."""
    host = next((v for k, v in headers if k.lower() == "host"), _CAPTURE_HOST)
    request: dict[str, Any] = {
        "method": method,
        "url": f"http://{host}{path}",
        "httpVersion": "HTTP/1.1",
        "cookies": [],
        "headers": [{"name": k, "value": v} for k, v in headers],
        "queryString": [],
        "headersSize": -1,
        "bodySize": len(body or b""),
    }
    if body:
        mime = next((v for k, v in headers if k.lower() == "content-type"), "application/json")
        request["postData"] = {"mimeType": mime, **_body_text(body)}
    return {
        "startedDateTime": datetime.fromtimestamp(received_at, UTC).isoformat(),
        "time": 0,
        "request": request,
        "response": _response(status, reason),
        "cache": {},
        "timings": {"send": 0, "wait": 0, "receive": 0},
    }


def _body_text(body: bytes) -> dict[str, str]:
    if body[:2] != b"\x1f\x8b":
        try:
            return {"text": body.decode("utf-8")}
        except UnicodeDecodeError:
            pass
    return {"text": base64.b64encode(body).decode("ascii"), "encoding": "base64"}


def _response(status: int, reason: str | None) -> dict[str, Any]:
    return {
        "status": status,
        "statusText": reason or "",
        "httpVersion": "HTTP/1.1",
        "cookies": [],
        "headers": [],
        "content": {"size": 0, "mimeType": "application/json"},
        "redirectURL": "",
        "headersSize": -1,
        "bodySize": -1,
    }
