"""The mapping path language (actions-core ``get``): dot/bracket segments and a falsy-stopping walk.

Path syntax (not JSONPath)::

    a.b.c        keys, split at every "."
    a[0] a.0     list index (also string index); "length" of strings and lists
    a['k'] a["k"]  quotes are deleted; dots inside quotes still split
    "" or "."    the whole value

The walk stops at the first falsy value (``null``, ``false``, ``0``, ``""``) and returns it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from inspector.core._js import BUILTIN_VALUES, UNDEFINED, js_truthy
from inspector.core._jsbuiltins import INHERITED_NAMES, inherited_member, own_member

__all__ = ["get_path", "get_segments", "split_path", "strip_root"]

_SPLIT_RE = re.compile(r"\[(?=[\"'\d])|\.|(?<=[\"'\d])\]+")
_QUOTES_RE = re.compile(r"['\"]")
_INDEX_RE = re.compile(r"0|[1-9][0-9]*")


def strip_root(path: str) -> str:
    """``@path``/``@arrayPath`` remove the first ``$.`` anywhere in the path."""
    return path.replace("$.", "", 1)


@lru_cache(maxsize=4096)
def split_path(path: str) -> tuple[str, ...] | None:
    """Segments of ``path``, or ``None`` when the path means the whole value."""
    if path in ("", "."):
        return None
    return tuple(_QUOTES_RE.sub("", seg) for seg in _SPLIT_RE.split(path) if seg)


def _member(value: Any, key: str) -> Any:
    if isinstance(value, dict):
        found = value.get(key, UNDEFINED)
        if found is UNDEFINED and key in INHERITED_NAMES:
            return inherited_member(value, key)
        return found
    if isinstance(value, str) and not value.isascii():
        found = _utf16_member(value, key)
    elif isinstance(value, list | str):
        if _INDEX_RE.fullmatch(key):
            index = int(key)
            return value[index] if index < len(value) else UNDEFINED
        if key == "length":
            return len(value)
        found = UNDEFINED
    elif isinstance(value, BUILTIN_VALUES):
        return own_member(value, key)
    else:
        found = UNDEFINED
    # Inherited JavaScript members: constructor, toString, a string's bold, an array's with...
    return found if found is not UNDEFINED else inherited_member(value, key)


def _utf16_member(text: str, key: str) -> Any:
    """A string's index or length as JavaScript counts them: in UTF-16 code units."""
    units = text.encode("utf-16-le", "surrogatepass")
    if key == "length":
        return len(units) // 2
    if _INDEX_RE.fullmatch(key) and int(key) * 2 < len(units):
        index = int(key) * 2
        return units[index : index + 2].decode("utf-16-le", "surrogatepass")
    return UNDEFINED


def get_path(value: Any, path: str) -> Any:
    """Look ``path`` up in ``value`` exactly as actions-core's ``get``."""
    return get_segments(value, split_path(path))


def get_segments(value: Any, segments: tuple[str, ...] | None) -> Any:
    """:func:`get_path` with the path already split (None: the whole value)."""
    if segments is None:
        return value
    for seg in segments:
        if type(value) is dict:  # the common case, as _member reads it (an object is truthy)
            found = value.get(seg, UNDEFINED)
            if found is UNDEFINED and seg in INHERITED_NAMES:
                found = inherited_member(value, seg)
            value = found
            continue
        if not js_truthy(value):
            return value
        value = _member(value, seg)
    return value
