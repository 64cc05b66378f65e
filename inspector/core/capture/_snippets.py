"""Copyable code that points each Segment client at a running capture."""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass

__all__ = ["Snippet", "connect_snippets", "PLACEHOLDER_KEY"]

PLACEHOLDER_KEY = "YOUR_WRITE_KEY"


@dataclass(frozen=True, slots=True)
class Snippet:
    """One client's way to send here: a title, a one-line hint, the code."""

    title: str
    hint: str
    code: str


def connect_snippets(url: str, write_key: str | None = None) -> list[Snippet]:
    """Snippets for analytics.js (snippet and npm), analytics-python, analytics-node, curl.

    ``url`` is the capture's address (``http://127.0.0.1:8765``); ``write_key`` the key it
    expects, or None for a placeholder (any key is accepted then).
    """
    key = write_key or PLACEHOLDER_KEY
    js_url, js_key = json.dumps(url), json.dumps(key)
    event = '{"userId": "user-1", "event": "Test Event", "properties": {"source": "curl"}}'
    return [
        Snippet(
            "analytics.js snippet",
            "In Segment's snippet, set the CDN just before the load call: analytics.js then "
            "fetches its settings here and sends every event here.",
            f"analytics._cdn = {js_url};\nanalytics.load({js_key});",
        ),
        Snippet(
            "analytics.js (npm)",
            "@segment/analytics-next: cdnURL makes it fetch its settings, and send, here.",
            "import { AnalyticsBrowser } from '@segment/analytics-next'\n\n"
            "export const analytics = AnalyticsBrowser.load({\n"
            f"  writeKey: {js_key},\n  cdnURL: {js_url},\n}})",
        ),
        Snippet(
            "analytics-python",
            "segment-analytics-python posts its batches to host + /v1/batch.",
            "import segment.analytics as analytics\n\n"
            f"analytics.write_key = {json.dumps(key)}\nanalytics.host = {json.dumps(url)}",
        ),
        Snippet(
            "analytics-node",
            "@segment/analytics-node posts to host + path.",
            "import { Analytics } from '@segment/analytics-node'\n\n"
            "const analytics = new Analytics({\n"
            f"  writeKey: {js_key},\n  host: {js_url},\n  path: '/v1/batch',\n}})",
        ),
        Snippet(
            "curl",
            "One track call through the HTTP tracking API.",
            f"curl -X POST {shlex.quote(url + '/v1/track')} \\\n"
            f"  -u {shlex.quote(key + ':')} \\\n"
            "  -H 'Content-Type: application/json' \\\n"
            f"  -d {shlex.quote(event)}",
        ),
    ]
