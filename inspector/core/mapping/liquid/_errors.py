"""Errors of the Liquid engine, worded and positioned as liquidjs words them."""

from __future__ import annotations

from ._jsjson import json_string
from ._values import join_units, u16_len, u16_units

__all__ = ["FilterError", "LiquidFailure", "located", "position", "snapshot"]


class LiquidFailure(Exception):
    """A template failed to parse or render; ``str()`` is the liquidjs message."""


class FilterError(Exception):
    """A failure inside a filter or tag at render time; the renderer adds the position."""


def position(source: str, index: int) -> str:
    """``line:L, col:C`` of ``index`` (columns count UTF-16 units, as liquidjs does)."""
    before = source[: max(index, 0)]
    line_start = before.rfind("\n") + 1
    return f"line:{before.count(chr(10)) + 1}, col:{u16_len(before[line_start:]) + 1}"


def located(message: str, source: str, index: int) -> LiquidFailure:
    """A failure whose message ends with the position of ``index`` in ``source``."""
    return LiquidFailure(f"{message}, {position(source, index)}")


def snapshot(text: str) -> str:
    """liquidjs's quoted excerpt of ``text``: JSON, cut to 29 UTF-16 units + ``...`` past 32."""
    if u16_len(text) > 32:
        text = join_units(u16_units(text)[:29]) + "..."
    return json_string(text)
