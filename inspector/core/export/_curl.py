"""Jimo Cloud requests as curl command lines (the key masked unless asked otherwise)."""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from inspector.core.destinations import HttpRequest, js_stringify, user_request
from inspector.core.inspection import EventInspection

__all__ = ["curl_command", "curl_commands"]


def curl_command(request: HttpRequest) -> str:
    """One request as a curl command, continued over lines with backslashes."""
    parts = [f"curl -X {request.method} {shlex.quote(request.url)}"]
    parts += [f"-H {shlex.quote(f'{k}: {v}')}" for k, v in request.headers.items()]
    if request.json is not None:
        parts.append(f"--data-raw {shlex.quote(js_stringify(request.json))}")
    return " \\\n  ".join(parts)


def curl_commands(
    inspections: Iterable[EventInspection],
    settings: Mapping[str, Any] | None = None,
    *,
    reveal_key: bool = False,
) -> Iterator[str]:
    """A commented curl command per request that a delivered result would send, in order.

    The key stays masked unless ``reveal_key`` (then ``settings`` must hold it).
    """
    for inspection in inspections:
        for result in inspection.results:
            request = result.request
            if request is None or not result.delivered:
                continue
            if reveal_key and settings is not None and result.payload is not None:
                request = user_request(result.payload, settings, mask=False)
            yield f"# event {inspection.index} · {result.subscription}\n{curl_command(request)}"
