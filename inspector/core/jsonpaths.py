"""Where each value sits in a JSON text: dotted path -> character span, and back.

Used to highlight ``traits.email`` in a pretty-printed event, to say which path the cursor
is on, and to underline where a mapping problem (``traits.@if.then``) is written. Paths use the
mapping language's dotted form: object keys joined by ``.``, array indices as numbers
(``properties.items.0.sku``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Span", "locate_paths", "path_at", "head_span"]

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')


@dataclass(frozen=True, slots=True)
class Span:
    """``key_start`` is the key's opening quote (or the value start for array items)."""

    key_start: int
    value_start: int
    end: int


def _unquote(token: str) -> str:
    import json

    try:
        value = json.loads(token)
    except ValueError:
        return token.strip('"')
    return value if isinstance(value, str) else token


def locate_paths(text: str) -> dict[str, Span]:
    """Every path in a JSON text (valid or not quite: it is scanned, not parsed)."""
    spans: dict[str, Span] = {}
    # stack of [container kind, path prefix, next array index, pending key, key start]
    stack: list[list[object]] = []
    open_values: list[tuple[str, int, int]] = []  # (path, key_start, value_start) awaiting end
    pending_key: tuple[str, int] | None = None

    def child_path() -> tuple[str, int] | None:
        nonlocal pending_key
        if not stack:
            return None
        frame = stack[-1]
        prefix = str(frame[1])
        if frame[0] == "{":
            if pending_key is None:
                return None
            key, start = pending_key
            pending_key = None
            return (f"{prefix}.{key}" if prefix else key), start
        index = int(frame[2])  # type: ignore[call-overload]
        frame[2] = index + 1
        return (f"{prefix}.{index}" if prefix else str(index)), -1

    expect_key = False
    for m in _TOKEN.finditer(text):
        tok, pos = m.group(), m.start()
        if tok in "{[":
            here = child_path()
            path = here[0] if here else ""
            if here:
                open_values.append((path, here[1] if here[1] >= 0 else pos, pos))
            stack.append([tok, path, 0])
            expect_key = tok == "{"
        elif tok in "}]":
            if stack:
                frame = stack.pop()
                if open_values and open_values[-1][0] == frame[1] and frame[1]:
                    path, key_start, value_start = open_values.pop()
                    spans[path] = Span(key_start, value_start, m.end())
            expect_key = False
        elif tok == ",":
            expect_key = bool(stack) and stack[-1][0] == "{"
        elif tok == ":":
            expect_key = False
        elif expect_key and tok.startswith('"'):
            pending_key = (_unquote(tok), pos)
        else:
            here = child_path()
            if here:
                spans[here[0]] = Span(here[1] if here[1] >= 0 else pos, pos, m.end())
    return spans


def path_at(spans: dict[str, Span], offset: int) -> str | None:
    """The deepest path whose key or value contains ``offset``."""
    best: tuple[int, str] | None = None
    for path, span in spans.items():
        if span.key_start <= offset <= span.end:
            size = span.end - span.key_start
            if best is None or size < best[0]:
                best = (size, path)
    return best[1] if best else None


def head_span(text: str, path: str, spans: dict[str, Span] | None = None) -> tuple[int, int] | None:
    """Where ``path`` is written: its key with a scalar value, or with a container's bracket.

    That is the part worth underlining for a problem at ``path``; the whole of a container
    would cover every line below it.

    Args:
        text: the JSON text.
        path: a dotted path; one the text does not hold (a missing ``then``) gives its nearest
            ancestor's span, and ``""`` the root value's first token.
        spans: ``locate_paths(text)``, when the caller already has it.

    Returns:
        ``(start, end)`` character offsets, or ``None`` when the text holds no value.
    """
    if spans is None:
        spans = locate_paths(text)
    while path:
        span = spans.get(path)
        if span is not None:
            bracket = text[span.value_start : span.value_start + 1] in ("{", "[")
            return span.key_start, span.value_start + 1 if bracket else span.end
        path = path.rpartition(".")[0]
    first = _TOKEN.search(text)
    return (first.start(), first.end()) if first else None
