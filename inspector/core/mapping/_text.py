"""Text helpers of the directives: ``@template`` placeholders, ``@replace`` and ``@flatten``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from inspector.core._js import (
    UNDEFINED,
    JsPrototype,
    check_to_primitive,
    js_order,
    js_string_exact_ints,
)

__all__ = ["flatten", "js_replace", "render_template"]

_TRIPLE_RE = re.compile(r"\{\{\{([^}]+)\}\}\}")
_DOUBLE_RE = re.compile(r"\{\{([^}]+)\}\}")


def render_template(template: str, lookup: Callable[[str], Any]) -> str:
    """Render ``{{{ path }}}`` then ``{{ path }}`` (no ``$.`` stripping, no escaping)."""

    def replace(match: re.Match[str]) -> str:
        value = lookup(match.group(1).strip())
        if value is None or value is UNDEFINED:
            return ""
        check_to_primitive(value)
        return js_string_exact_ints(value)

    return _DOUBLE_RE.sub(replace, _TRIPLE_RE.sub(replace, template))


def _canonical(text: str) -> str:
    """JavaScript's non-Unicode ignore-case canonicalisation, one character at a time."""
    out = []
    for ch in text:
        upper = ch.upper()
        if len(upper) != 1 or (ord(ch) >= 128 and ord(upper) < 128):
            upper = ch
        out.append(upper)
    return "".join(out)


def _substitution(replacement: str, text: str, start: int, end: int) -> str:
    """Expand ``$$``, ``$&``, ``$``` and ``$'`` as ``String.prototype.replace`` does (no groups)."""
    out = []
    i = 0
    while i < len(replacement):
        ch = replacement[i]
        nxt = replacement[i + 1] if i + 1 < len(replacement) else ""
        expansions = {"$": "$", "&": text[start:end], "`": text[:start], "'": text[end:]}
        if ch == "$" and nxt in expansions and nxt:
            out.append(expansions[nxt])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _matches(text: str, pattern: str, ignorecase: bool, once: bool) -> Iterator[int]:
    haystack, needle = (_canonical(text), _canonical(pattern)) if ignorecase else (text, pattern)
    pos = haystack.find(needle)
    while pos >= 0:
        yield pos
        if once:
            return
        pos = haystack.find(needle, pos + len(needle))


def js_replace(
    text: str, pattern: str, replacement: str, *, ignorecase: bool, global_: bool
) -> str:
    """Literal-text replacement with JavaScript's regex flags and replacement patterns."""
    out = []
    last = 0
    for start in _matches(text, pattern, ignorecase, not global_):
        end = start + len(pattern)
        out.append(text[last:start])
        out.append(_substitution(replacement, text, start, end))
        last = end
    out.append(text[last:])
    return "".join(out)


def flatten(value: Any, separator: str, omit_arrays: bool) -> list[tuple[tuple[str, ...], Any]]:
    """``@flatten``'s leaves as (key segments, value); the key is ``separator.join(segments)``.

    A non-container value gives one leaf with no segments (the key ``""``).
    """
    leaves: list[tuple[tuple[str, ...], Any]] = []
    _walk(value, (), separator, omit_arrays, leaves)
    return leaves


def _walk(value: Any, prefix: tuple[str, ...], sep: str, omit: bool, out: list[Any]) -> None:
    if isinstance(value, dict):
        items: Any = js_order(value).items()  # objects are walked in JavaScript key order
    elif isinstance(value, JsPrototype):
        items = ()  # a built-in prototype has no own enumerable member
    elif isinstance(value, list) and not omit:
        items = ((str(i), v) for i, v in enumerate(value))
    else:
        out.append((prefix, value))
        return
    for key, item in items:
        # actions-core tests the joined prefix for truthiness, so an empty key restarts at the top.
        joined = sep.join(prefix)
        _walk(item, (*prefix, key) if joined else (key,), sep, omit, out)
