"""The "How to connect" snippets carry the real address and write key, and really work."""

from __future__ import annotations

import shlex
import subprocess

import pytest

from inspector.core.capture import PLACEHOLDER_KEY, connect_snippets
from tests.core.capture.conftest import Capture


def test_every_client_gets_the_address_and_key() -> None:
    snippets = connect_snippets("http://127.0.0.1:9911", "wk-42")
    assert [s.title for s in snippets] == [
        "analytics.js snippet",
        "analytics.js (npm)",
        "analytics-python",
        "analytics-node",
        "curl",
    ]
    for snippet in snippets:
        assert "127.0.0.1:9911" in snippet.code and "wk-42" in snippet.code
    assert 'cdnURL: "http://127.0.0.1:9911"' in snippets[1].code
    assert 'analytics.host = "http://127.0.0.1:9911"' in snippets[2].code


def test_without_an_expected_key_a_placeholder_is_shown() -> None:
    assert all(PLACEHOLDER_KEY in s.code for s in connect_snippets("http://127.0.0.1:1"))


def test_quotes_in_a_key_cannot_break_out_of_the_code() -> None:
    [_, npm, _, _, curl] = connect_snippets("http://127.0.0.1:1", "k'\"; rm -rf /")
    assert 'writeKey: "k\'\\"; rm -rf /"' in npm.code
    assert shlex.split(curl.code.replace("\\\n", " "))[5] == "k'\"; rm -rf /:"


def test_the_curl_snippet_stores_an_event(capture: Capture) -> None:
    curl = connect_snippets(capture.server.url, "curl-key")[-1]
    try:
        result = subprocess.run(
            shlex.split(curl.code.replace("\\\n", " ")) + ["-s"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except FileNotFoundError:
        pytest.skip("curl is not installed: apt-get install curl")
    assert result.stdout == '{"success":true}'
    [stored] = capture.stored()
    assert (stored["type"], stored["event"]) == ("track", "Test Event")
    assert capture.rows("SELECT write_key FROM events") == [("curl-key",)]
