"""Request bodies as Segment reads them: size limits, gzip with a cap, JSON whatever the type.

Each problem is a :class:`Rejected` carrying the HTTP status and a one-sentence reason that
the answer and the session file both show.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from typing import Any

import orjson

from inspector.core._jsjson import loads as js_loads
from inspector.core.loaders import MAX_EVENT_BYTES
from inspector.core.tracking import BATCH_ROUTES

__all__ = [
    "MAX_BATCH_BYTES",
    "Rejected",
    "basic_user",
    "check_sizes",
    "decompress",
    "parse_object",
]

MAX_BATCH_BYTES = 500 * 1024
"""Segment answers 400 to a request body over 500 KB (checked once decompressed)."""


class Rejected(Exception):
    """A request answered with an error status; ``reason`` is one sentence."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def too_big(size: int) -> Rejected:
    return Rejected(400, f"the request body is {_kb(size)}, over Segment's 500 KB limit")


def decompress(data: bytes, encoding: str) -> bytes:
    """The body without its Content-Encoding; never inflates past the batch limit."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return data
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise Rejected(415, f"Content-Encoding {encoding!r} is not supported (use gzip)")
    inflater = zlib.decompressobj(wbits=47)  # 32 + 15: gzip or zlib, detected from the header
    try:
        out = inflater.decompress(data, MAX_BATCH_BYTES + 1)
    except zlib.error as exc:
        raise Rejected(400, f"the {encoding} body is corrupt ({exc})") from exc
    if len(out) > MAX_BATCH_BYTES:
        raise Rejected(400, "the request body is over Segment's 500 KB limit once decompressed")
    if not inflater.eof:
        raise Rejected(400, f"the {encoding} body is truncated")
    return out


def parse_object(data: bytes) -> dict[str, Any]:
    """The body as a JSON object (UTF-8, any Content-Type: analytics.js sends text/plain)."""
    if not data.strip():
        raise Rejected(400, "the request body is empty")
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        text = str(exc)
        if "UTF-8" in text:
            raise Rejected(400, "the request body is not valid UTF-8") from exc
        if "surrogate" in text:  # JSON.parse keeps a lone surrogate escape, as the loaders do
            return _object(_with_lone_surrogates(data, exc))
        if "depth" in text or "recursion" in text:
            raise Rejected(400, "the request body is nested over 1,024 levels deep") from exc
        raise Rejected(400, f"the request body is not valid JSON ({text})") from exc
    return _object(value)


def _with_lone_surrogates(data: bytes, exc: orjson.JSONDecodeError) -> Any:
    try:
        return js_loads(data)
    except (ValueError, RecursionError) as again:
        raise Rejected(400, f"the request body is not valid JSON ({again})") from exc


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Rejected(
            400, f"the request body is {_KINDS.get(type(value), 'a number')}, not an object"
        )
    return value


_KINDS = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}


def check_sizes(route: str, size: int, body: dict[str, Any]) -> None:
    """Segment's limits: 32 KB for an event (alone or in a batch), 500 KB for a request."""
    if size > MAX_BATCH_BYTES:
        raise too_big(size)
    batch = body.get("batch")
    if route not in BATCH_ROUTES and not (isinstance(batch, list) and "type" not in body):
        if size > MAX_EVENT_BYTES:
            raise Rejected(400, f"the event is {_kb(size)}, over Segment's 32 KB limit")
        return
    if isinstance(batch, list):
        for k, item in enumerate(batch, start=1):
            item_size = len(orjson.dumps(item)) if isinstance(item, dict) else 0
            if item_size > MAX_EVENT_BYTES:
                raise Rejected(
                    400, f"batch item {k} is {_kb(item_size)}, over Segment's 32 KB limit"
                )


def basic_user(header: str) -> str | None:
    """The user name of a Basic ``Authorization`` header (the write key), or None."""
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return decoded.partition(":")[0] or None
