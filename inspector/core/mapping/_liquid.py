"""``@liquid``: adapter from the mapping directives to the Liquid engine in :mod:`.liquid`."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .liquid import LiquidFailure, reads, render

__all__ = ["LiquidFailure", "liquid_paths", "render_liquid"]


def render_liquid(template: str, payload: Any) -> str:
    """Render ``template`` against ``payload`` as Segment does (:class:`LiquidFailure`)."""
    return render(template, payload)


def _flat(segments: list[Any]) -> tuple[str, ...]:
    """A read as event path segments, cut before its first dynamic (``a[b]``) segment."""
    path: list[str] = []
    for segment in segments:
        if isinstance(segment, list):
            break
        path.append(segment if isinstance(segment, str) else format(segment, "g"))
    return tuple(path)


def liquid_paths(template: str) -> list[tuple[str, ...]]:
    """Event paths (segments) that ``template`` reads, for provenance; [] if it does not parse."""
    return list(_paths(template))


@lru_cache(maxsize=1024)
def _paths(template: str) -> tuple[tuple[str, ...], ...]:
    try:
        return tuple(path for path in (_flat(s) for s in reads(template)) if path)
    except LiquidFailure:
        return ()
