"""Jimo Cloud's HTTP requests: the user upsert built from a validated payload, and the key check.

Mirrors ``sendUserdata.perform`` (jimo.md B.3): ``traits`` loses its top-level ``email`` key,
``email`` is sent only when truthy, ``traits`` only when something is left; every request
carries ``Authorization: Bearer <apiKey>`` and ``User-Agent: Segment (Actions)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from inspector.core._js import js_ordered, js_stringify, js_truthy
from inspector.core.destinations._jimo_cloud import (
    TIMEOUT_SECONDS,
    USER_AGENT,
    USER_URL,
    VERIFY_URL,
)

__all__ = [
    "HttpRequest",
    "mask_secret",
    "SECRET_REMOVED",
    "user_body",
    "user_request",
    "verify_key_request",
    "auth_failure_message",
]


@dataclass(frozen=True, slots=True)
class HttpRequest:
    """An HTTP request as the destination would send it; ``json`` is the body object or None."""

    method: str
    url: str
    headers: dict[str, str]
    json: Any = None
    timeout: float = TIMEOUT_SECONDS

    @property
    def body(self) -> bytes | None:
        """The exact body bytes (``JSON.stringify``: compact, UTF-8, JavaScript formatting)."""
        return None if self.json is None else js_stringify(self.json).encode()

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "url": self.url,
            "headers": dict(self.headers),
            "json": self.json,
        }


SECRET_REMOVED = "<secret removed>"
"""What stands for a secret a repro bundle left out; shown as it is."""


def mask_secret(secret: Any) -> str:
    """A key for display: only its last four characters, and only when it is long enough."""
    text = "" if secret is None else str(secret)
    if text == SECRET_REMOVED:
        return text
    if len(text) >= 12:
        return "****" + text[-4:]
    return "****" if text else ""


def _headers(settings: Mapping[str, Any], mask: bool) -> dict[str, str]:
    key = settings.get("apiKey")
    shown = mask_secret(key) if mask else ("" if key is None else str(key))
    return {"Authorization": f"Bearer {shown}", "User-Agent": USER_AGENT}


def user_body(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The body ``perform`` sends for a validated payload: userId, email?, traits?."""
    traits = payload.get("traits")
    rest = {k: v for k, v in (traits or {}).items() if k != "email"}
    body: dict[str, Any] = {"userId": payload.get("userId")}
    if js_truthy(payload.get("email")):
        body["email"] = payload["email"]
    if rest:
        body["traits"] = rest
    ordered: dict[str, Any] = js_ordered(body)
    return ordered


def user_request(
    payload: Mapping[str, Any], settings: Mapping[str, Any], *, mask: bool = True
) -> HttpRequest:
    """``POST /segmentio-cloud/user`` for a validated payload (key masked unless ``mask=False``)."""
    headers = _headers(settings, mask)
    headers["Content-Type"] = "application/json"
    return HttpRequest("POST", USER_URL, headers, user_body(payload))


def verify_key_request(settings: Mapping[str, Any], *, mask: bool = True) -> HttpRequest:
    """``GET /segmentio-cloud/verifyapikey``, Segment's "test connection"; any 2xx = valid."""
    return HttpRequest("GET", VERIFY_URL, _headers(settings, mask))


def auth_failure_message(status: int | None, message: str) -> str:
    """How Segment reports a failed key check: ``Credentials are invalid: 401 Unauthorized``."""
    return f"Credentials are invalid: {'' if status is None else status} {message}"
