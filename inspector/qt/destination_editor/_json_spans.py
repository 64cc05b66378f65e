"""Where a mapping location (``"traits.@if.then"``) is written in JSON text: character spans.

``validate_mapping`` reports a dotted path inside the decoded mapping; the editor underlines the
text that holds it. This module scans the text once (it is known to decode) and records, for
every member and array item, its dotted path and the span worth underlining: the key and a
scalar value (``"@path": 3``), or the key and the opening bracket of a container.
"""

from __future__ import annotations

import re

__all__ = ["json_spans", "location_span"]

Span = tuple[int, int]

_WS = re.compile(r"[ \t\r\n]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: dict[str, Span] = {}

    def skip(self, pos: int) -> int:
        match = _WS.match(self.text, pos)
        return match.end() if match else pos

    def value(self, pos: int, path: str, start: int) -> int:
        """Scan the value at ``pos``; record ``path`` from ``start``; return the end offset."""
        pos = self.skip(pos)
        char = self.text[pos : pos + 1]
        if char == "{":
            self.spans[path] = (start, pos + 1)
            return self.members(pos + 1, path)
        if char == "[":
            self.spans[path] = (start, pos + 1)
            return self.items(pos + 1, path)
        match = (_STRING if char == '"' else _SCALAR).match(self.text, pos)
        if match is None:
            raise ValueError(f"unexpected text at {pos}")
        self.spans[path] = (start, match.end())
        return match.end()

    def members(self, pos: int, path: str) -> int:
        pos = self.skip(pos)
        if self.text[pos : pos + 1] == "}":
            return pos + 1
        while True:
            pos = self.skip(pos)
            key = _STRING.match(self.text, pos)
            if key is None:
                raise ValueError(f"expected a key at {pos}")
            name = _decode_key(key.group())
            colon = self.skip(key.end())
            child = f"{path}.{name}" if path else name
            pos = self.skip(self.value(colon + 1, child, key.start()))
            if self.text[pos : pos + 1] == ",":
                pos += 1
                continue
            return pos + 1

    def items(self, pos: int, path: str) -> int:
        pos = self.skip(pos)
        if self.text[pos : pos + 1] == "]":
            return pos + 1
        index = 0
        while True:
            child = f"{path}.{index}" if path else str(index)
            start = self.skip(pos)
            pos = self.skip(self.value(start, child, start))
            index += 1
            if self.text[pos : pos + 1] == ",":
                pos += 1
                continue
            return pos + 1


def _decode_key(literal: str) -> str:
    import json

    key: str = json.loads(literal)
    return key


def json_spans(text: str) -> dict[str, Span]:
    """Every dotted path in ``text`` (decodable JSON) with its span; ``""`` is the root.

    Returns an empty dict when the text does not scan (it should have been decoded first).
    """
    scanner = _Scanner(text)
    try:
        scanner.value(0, "", scanner.skip(0))
    except (ValueError, IndexError):
        return {}
    return scanner.spans


def location_span(text: str, location: str) -> Span | None:
    """The span of ``location`` in ``text``, or of its nearest written ancestor.

    A location may name something the text does not hold (a missing ``then``); its parent is
    then the best place to point at.
    """
    spans = json_spans(text)
    path = location
    while True:
        if path in spans:
            return spans[path]
        if not path:
            return None
        path = path.rpartition(".")[0]
