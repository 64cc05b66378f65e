"""Mappings made of ``@path`` directives, nested objects and literals, compiled once into a plan.

Most mappings (the Jimo presets among them) are only that. For them a plan built once per edit
gives the same payload as :func:`~inspector.core.mapping.resolve` without the generic walk:
the static validation ran at compile time, each path is split once, and no scope or recorder is
made per event. Provenance is derived from the payload on demand. Any other mapping has no plan
(``compile_plan`` returns None) and goes through ``resolve``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from inspector.core._js import BUILTIN_VALUES, UNDEFINED, js_key_order

from ._path import get_segments, split_path, strip_root
from ._resolve import ROOT_DIRECTIVE_KEY, _is_directive, remove_undefined
from ._types import MappingError, Origin
from ._validate import check_mapping

__all__ = ["PathPlan", "LazyProvenance", "compile_plan"]

# A plan entry: (key, _PATH, segments, loc, event path) | (key, _OBJECT, entries, loc)
# | (key, _LITERAL, value, loc); segments are None for the whole event.
_PATH, _OBJECT, _LITERAL = 0, 1, 2
_LITERAL_TYPES = (str, int, float, bool, type(None))
_SCALARS = frozenset(_LITERAL_TYPES)


class _Unplannable(Exception):
    """The mapping needs the generic resolver."""


def _compile_object(node: dict[str, Any], loc: tuple[str, ...]) -> tuple[Any, ...]:
    entries = []
    for key, value in node.items():
        if key == "__proto__":
            raise _Unplannable
        entries.append(_compile_node(key, value, (*loc, key)))
    return tuple(entries)


def _compile_node(key: str, node: Any, loc: tuple[str, ...]) -> tuple[Any, ...]:
    if isinstance(node, dict):
        if not _is_directive(node):
            return (key, _OBJECT, _compile_object(node, loc), loc)
        option = node.get("@path")
        if len(node) != 1 or not isinstance(option, str):
            raise _Unplannable
        path = strip_root(option)
        segments = split_path(path)
        return (key, _PATH, segments, loc, ".".join(segments or ()))
    if isinstance(node, _LITERAL_TYPES):
        return (key, _LITERAL, node, loc)
    raise _Unplannable


def _run_object(
    entries: tuple[Any, ...], event: dict[str, Any], seen: list[bool]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for entry in entries:
        kind = entry[1]
        if kind == _PATH:
            found = get_segments(event, entry[2])
            if type(found) in _SCALARS:  # nothing to copy or drop
                out[entry[0]] = found
                continue
            if isinstance(found, BUILTIN_VALUES):
                seen[0] = True
            value = remove_undefined(found)
            if value is not UNDEFINED:
                out[entry[0]] = value
        elif kind == _OBJECT:
            out[entry[0]] = _run_object(entry[2], event, seen)
        else:
            out[entry[0]] = entry[2]
    return out


def _exists(payload: Any, loc: tuple[str, ...]) -> bool:
    for key in loc:
        if not isinstance(payload, dict) or key not in payload:
            return False
        payload = payload[key]
    return True


class LazyProvenance(Mapping[str, tuple[Origin, ...]]):
    """A payload's provenance, worked out on first use (most payloads are never looked at)."""

    __slots__ = ("_plan", "_payload", "_found")

    def __init__(self, plan: PathPlan, payload: Any) -> None:
        self._plan, self._payload = plan, payload
        self._found: dict[str, tuple[Origin, ...]] | None = None

    def _items(self) -> dict[str, tuple[Origin, ...]]:
        if self._found is None:
            self._found = self._plan.provenance(self._payload)
        return self._found

    def __getitem__(self, key: str) -> tuple[Origin, ...]:
        return self._items()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items())

    def __len__(self) -> int:
        return len(self._items())

    def __repr__(self) -> str:
        return repr(self._items())


class PathPlan:
    """A compiled mapping: :meth:`run` gives ``resolve(mapping, event).payload``."""

    __slots__ = ("entries", "paths")

    def __init__(self, entries: tuple[Any, ...]) -> None:
        self.entries = entries
        self.paths: list[tuple[tuple[str, ...], str]] = []
        self._collect(entries)

    def _collect(self, entries: tuple[Any, ...]) -> None:
        for entry in entries:
            if entry[1] == _PATH:
                self.paths.append((entry[3], entry[4]))
            elif entry[1] == _OBJECT:
                self._collect(entry[2])

    def run(self, event: dict[str, Any]) -> dict[str, Any]:
        """The payload for ``event`` (a dict), undefined removed, in JavaScript key order."""
        return self.run_flagged(event)[0]

    def run_flagged(self, event: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """The payload, and whether a path reached a JavaScript built-in (see ``resolve``)."""
        seen = [False]
        return _run_object(self.entries, event, seen), seen[0]

    def provenance(self, payload: Any) -> dict[str, tuple[Origin, ...]]:
        """Where each payload field came from, as ``resolve`` records it."""
        return {
            ".".join(loc): (Origin(event_path, "@path"),)
            for loc, event_path in self.paths
            if _exists(payload, loc)
        }


def compile_plan(mapping: Any) -> PathPlan | None:
    """The plan of ``mapping`` (as resolution orders it), or None when it needs ``resolve``."""
    if not isinstance(mapping, dict) or ROOT_DIRECTIVE_KEY in mapping or _is_directive(mapping):
        return None
    try:
        check_mapping(dict(mapping))
        return PathPlan(_compile_object(js_key_order(mapping), ()))
    except (_Unplannable, MappingError):
        return None
